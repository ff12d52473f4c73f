"""Draw docs/screenshots/editor.png: the main window on the example, a blame phrase underlined.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_editor.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QTextCursor  # noqa: TID251 - a UI script

from pmdesk.models import open_store
from pmdesk.ui.app import application, qt_settings
from pmdesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PMDESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        app = application()
        store = open_store(Path(tmp) / "shots.db")
        window = MainWindow(store, qt_settings())
        window.resize(1440, 900)
        window.show()
        editor = window.editor
        field = editor.text_fields["why_not_caught"]
        field.setFocus()
        field.moveCursor(QTextCursor.MoveOperation.End)
        field.insertPlainText("\nJohn deployed bad code and should have caught it in review.")
        editor.flush()
        editor.refresh_findings()
        for _ in range(5):
            app.processEvents()
        editor.jump_to("root_cause_analysis")
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(OUT / "editor.png"))
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
