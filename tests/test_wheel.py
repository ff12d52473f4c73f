"""The wheel carries the package and everything under resources/."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_every_module_and_resource(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("pmdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            inside = "pmdesk/resources/" + path.relative_to(ROOT / "resources").as_posix()
            assert inside in names, f"{inside} is missing from the wheel"
    for path in (ROOT / "pmdesk").rglob("*.py"):
        inside = path.relative_to(ROOT).as_posix()
        assert inside in names, f"{inside} is missing from the wheel (pyproject packages list?)"
    assert "pmdesk/resources/example_postmortem.json" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "pmdesk = pmdesk.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
