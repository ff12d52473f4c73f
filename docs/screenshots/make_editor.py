"""Draw docs/screenshots/editor*.png: the main window on the example, a blame phrase underlined.

editor.png is the README's picture; editor-{light,dark}-{1280x720,1920x1080}.png show the
window at a laptop's and a desktop's size in a light and a dark desktop theme.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_editor.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from desktop_theme import THEMES, apply
from PySide6.QtGui import QTextCursor  # noqa: TID251 - a UI script

from pmdesk.models import open_store
from pmdesk.ui.app import application, qt_settings
from pmdesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
SIZES = [(1280, 720), (1920, 1080)]


def settle(app) -> None:  # noqa: ANN001
    for _ in range(5):
        app.processEvents()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PMDESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        app = application()
        for theme in THEMES:
            apply(app, theme)
            store = open_store(Path(tmp) / f"shots-{theme}.db")
            window = MainWindow(store, qt_settings())
            window.resize(1440, 900)
            window.show()
            # the first postmortem opens just after the first paint
            for _ in range(200):
                if window.editor is not None:
                    break
                app.processEvents()
                time.sleep(0.01)
            editor = window.editor
            field = editor.text_fields["why_not_caught"]
            field.setFocus()
            field.moveCursor(QTextCursor.MoveOperation.End)
            field.insertPlainText("\nJohn deployed bad code and should have caught it in review.")
            editor.flush()
            # the underlines and the findings panel arrive from the lint worker
            from pmdesk.lint import linter_ready

            for _ in range(500):
                if linter_ready():
                    break
                app.processEvents()
                time.sleep(0.01)
            editor.refresh_findings()
            for _ in range(50):
                app.processEvents()
                time.sleep(0.01)
            settle(app)
            editor.jump_to("root_cause_analysis")
            settle(app)
            if theme == "light":
                window.grab().save(str(OUT / "editor.png"))
            for width, height in SIZES:
                window.resize(width, height)
                settle(app)
                editor.jump_to("root_cause_analysis")
                settle(app)
                window.grab().save(str(OUT / f"editor-{theme}-{width}x{height}.png"))
                editor.jump_to("action_items")
                settle(app)
                window.grab().save(str(OUT / f"editor-actions-{theme}-{width}x{height}.png"))
            window.close()
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
