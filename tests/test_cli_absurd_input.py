"""The command line fuzzed with absurd dates, paths and bytes: one line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pmdesk.models import ActionItem, Postmortem, open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "s.db"
    with open_store(path) as store:
        store.create(
            Postmortem(
                "Queue stall",
                incident_date="2026-03-02",
                action_items=[ActionItem("Alert on depth", "Dana", "high", "2026-03-10")],
            )
        )
    return path


def _run(*argv):
    return subprocess.run(
        [sys.executable, "-m", "pmdesk", *argv],
        capture_output=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


LONG = "a" * 300
DAYS = ["0001-01-01", "9999-12-31"]


@pytest.mark.slow
@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize(
    "command",
    [["gate"], ["actions"], ["metrics"], ["schedule", "2"], ["calendar", "2", "-o", "CAL"]],
    ids=lambda c: c[0],
)
def test_absurd_dates_answer_in_one_line(db, tmp_path, command, day):
    argv = [c.replace("CAL", str(tmp_path / "x.ics")) for c in command]
    result = _run("--db", str(db), *argv, "--today", day)
    assert b"Traceback" not in result.stderr
    assert result.returncode in (0, 1, 2)
    if result.returncode == 2:
        assert result.stderr.count(b"\n") == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [
        ["--db", f"/tmp/{LONG}.db", "list"],
        ["--db", f"/tmp/{LONG}/{LONG}.db", "list"],
        ["--db", "DB", "import", f"{LONG}.md"],
        ["--db", "DB", "import-timeline", "2", f"/tmp/{LONG}.csv"],
        ["--db", "DB", "export", "2", "-o", f"/tmp/{LONG}.pdf"],
        ["--db", "DB", "backup", "-o", f"/tmp/{LONG}.db"],
        ["--db", "DB", "restore", f"/tmp/{LONG}.db", "--yes"],
        ["--db", "DB", "lint", f"/tmp/{LONG}.md"],
        ["--db", b"/tmp/\xff\xfe.db", "gate"],
        ["--db", "DB", "gate", "--today", b"\xed\xa0\x80"],
        ["--db", "DB", "import", b"\xff.md"],
    ],
)
def test_absurd_paths_and_bytes_answer_in_one_line(db, argv):
    argv = [str(db) if a == "DB" else a for a in argv]
    result = _run(*argv)
    assert b"Traceback" not in result.stderr, result.stderr[-400:]
    assert result.returncode in (0, 2)
    if result.returncode == 2:
        assert result.stderr.count(b"\n") == 1
