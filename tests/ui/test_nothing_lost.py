"""Kill a real pmdesk process with SIGKILL while it types; every edit older than 1 s is in the store.

Two ways of typing: words into two fields in turn (each focus change saves), and
one character at a time into one field that keeps the focus, faster than the
pause that would trigger a save, so only the maximum wait can save it.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pmdesk.models import Store

HERE = Path(__file__).parent


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize(
    ("mode", "fields"),
    [
        ([], {"title", "what_happened"}),
        (["continuous", "60"], {"what_happened"}),
        (["continuous", "300"], {"what_happened"}),
    ],
    ids=["words-in-two-fields", "continuous-60ms", "continuous-300ms"],
)
def test_sigkill_loses_nothing_older_than_a_second(tmp_path, mode, fields):
    db = tmp_path / "kill.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen(
        [sys.executable, str(HERE / "typing_process.py"), str(db), *mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    edits: list[tuple[float, str, str]] = []
    try:
        assert child.stdout.readline().strip() == "READY"
        started = time.monotonic()
        while time.monotonic() - started < 4.0:
            line = child.stdout.readline()
            if line.startswith("EDIT "):
                _, stamp, field, value = line.rstrip("\n").split(" ", 3)
                edits.append((float(stamp), field, value))
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert len(edits) > 10, "the child typed too little to test anything"

    safe = {}
    for stamp, field, value in edits:
        if stamp <= killed_at - 1.0:
            safe[field] = value
    assert set(safe) == fields
    with Store(db) as store:
        assert store.integrity_check() == "ok"
        [row] = store.list_postmortems()
        pm = store.get(row.id)
    for field, value in safe.items():
        assert getattr(pm, field).startswith(value), (
            f"{field} lost edits made over 1 s before the kill"
        )

    # and the app starts again on the same file
    again = subprocess.run(
        [sys.executable, "-m", "pmdesk", "--db", str(db), "--exit-after-startup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
