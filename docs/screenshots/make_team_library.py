"""Draw docs/screenshots/team-library-*.png: the window on a team library after a Sync that
merged a teammate's edits and kept both versions of a field both people changed.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_team_library.py
Light and dark palettes, at 1280×720 and 1920×1080.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings  # noqa: TID251 - a UI script
from PySide6.QtGui import QColor, QPalette  # noqa: TID251 - a UI script
from PySide6.QtWidgets import QApplication  # noqa: TID251 - a UI script

from pmdesk.library import LibraryIndex, index_path, init_library, sync
from pmdesk.models import Store, load_example
from pmdesk.ui.app import Workspace

OUT = Path(__file__).resolve().parent
SIZES = [(1280, 720), (1920, 1080)]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.ToolTipBase, "#353535"),
        (QPalette.ColorRole.ToolTipText, "#e6e6e6"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(color))
    return palette


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def edit(root: Path, **changes: object) -> None:
    with LibraryIndex(root) as index:
        index.refresh()
        [pm] = index.store.postmortems()
        index.store.save(replace(pm, **changes))
        index.write_changes()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["PMDESK_CONFIG_DIR"] = str(tmp / "config")
        for role in ("AUTHOR", "COMMITTER"):
            os.environ.setdefault(f"GIT_{role}_NAME", "Dana Okafor")
            os.environ.setdefault(f"GIT_{role}_EMAIL", "dana@example.test")
        git(tmp, "init", "-q", "--bare", "remote.git")
        alice = init_library(tmp / "postmortems")
        git(alice, "remote", "add", "origin", str(tmp / "remote.git"))
        pm = load_example()
        pm.is_example = False
        with LibraryIndex(alice) as index:
            index.store.add_many([pm])
            index.write_changes()
        sync(alice)
        git(tmp, "clone", "-q", str(tmp / "remote.git"), "bob")
        edit(
            tmp / "bob",
            user_impact="About 12% of checkout attempts failed for 47 minutes.",
            went_well="The rollback took four minutes once the pool was suspected.",
        )
        sync(tmp / "bob")
        edit(alice, user_impact="About 9% of checkout attempts failed; EU customers were hit most.")

        app = QApplication.instance() or QApplication(sys.argv)
        light = app.palette()
        workspace = Workspace(Store(index_path(alice)), library=alice)
        window = workspace.window
        window._settings = QSettings(str(tmp / "window.ini"), QSettings.Format.IniFormat)
        window.show()
        window.library.select_first()
        team = window.team_library
        team.sync()
        team._pool.waitForDone()
        settle(app)
        window.editor.jump_to("impact")
        for theme, palette in (("light", light), ("dark", dark_palette())):
            app.setPalette(palette)
            for width, height in SIZES:
                window.resize(width, height)
                settle(app)
                team._pool.waitForDone()  # a re-read on activation, if one started
                settle(app)
                window.grab().save(str(OUT / f"team-library-{theme}-{width}x{height}.png"))
        window.close()
        workspace.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
