#!/usr/bin/env python3
"""Set up and run pmdesk from a fresh clone with nothing but Python 3.11+.

    python3 tasks.py run [pmdesk arguments]   install into .venv if needed, start the app
    python3 tasks.py test [pytest arguments]  install into .venv if needed, run the tests
    python3 tasks.py bench                    run every benchmark script and print figures
    python3 tasks.py package                  build and smoke-test the desktop bundle

Plain Python rather than make, so the same two commands work on Linux, macOS and
Windows. The virtual environment is (re)installed only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".pmdesk-installed"


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> Path:
    """Create .venv and install pmdesk with its test extra, unless already up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file must run on old Pythons to say so
        sys.exit(f"pmdesk needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    python = _venv_python()
    if not python.exists():
        print("tasks: creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _fingerprint():
        print("tasks: installing pmdesk and its dependencies into .venv …", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(_fingerprint())
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "bench", "package"}:
        print(__doc__)
        return 2
    task, rest = argv[0], argv[1:]
    python = str(ensure_venv())
    env = dict(os.environ)
    if task == "run":
        return subprocess.call([python, "-m", "pmdesk", *rest], env=env)
    if task == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([python, "-m", "pytest", *rest], cwd=ROOT, env=env)
    if task == "bench":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        status = 0
        for script in sorted((ROOT / "benchmarks").glob("*.py")):
            print(f"== {script.name}", flush=True)
            status |= subprocess.call([python, str(script), *rest], cwd=ROOT, env=env)
        return status
    return subprocess.call([python, str(ROOT / "packaging" / "build.py"), *rest], env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
