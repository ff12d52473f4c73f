"""Redraw every picture in docs/screenshots from the real windows and the real PDF.

Run: .venv/bin/python docs/screenshots/make_all.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: each script, with the arguments of each run
RUNS = [
    ("make_editor.py", []),
    ("make_meeting.py", []),
    ("make_followthrough.py", []),
    ("make_followthrough.py", ["1"]),
    ("make_followthrough.py", ["2"]),
    ("make_followthrough.py", ["3"]),
    ("make_pdf.py", []),
]


def main() -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = []
    for script, args in RUNS:
        print(f"make_all: {script} {' '.join(args)}".rstrip(), flush=True)
        if subprocess.run([sys.executable, str(HERE / script), *args], env=env).returncode:
            failed.append(script)
    if failed:
        print(f"make_all: failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
