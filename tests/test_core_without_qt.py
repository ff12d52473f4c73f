"""The core must import and run on a machine where PySide6 cannot be loaded."""

import subprocess
import sys
from pathlib import Path

import pmdesk

PACKAGE = Path(pmdesk.__file__).parent

BLOCK_QT = """
import importlib.abc, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"{name} is blocked for this test")
        return None

sys.meta_path.insert(0, NoQt())
"""


def _core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[1:2] == ["ui"] or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def test_every_core_module_imports_without_pyside6(tmp_path):
    modules = _core_modules()
    assert "pmdesk.models.store" in modules and "pmdesk.cli" in modules
    code = (
        BLOCK_QT
        + "\n".join(f"import {m}" for m in modules)
        + """
from pmdesk.cli import main
import pmdesk.models
assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 was imported"
pmdesk.models.open_store(sys.argv[1]).close()
sys.exit(main(["--db", sys.argv[1], "list", "--json"]))
"""
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert '"is_example": true' in result.stdout


def test_the_window_says_clearly_when_qt_is_missing(tmp_path):
    code = BLOCK_QT + "from pmdesk.cli import main\nsys.exit(main(['--db', sys.argv[1]]))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    assert result.stderr.startswith("pmdesk: the window needs PySide6")
