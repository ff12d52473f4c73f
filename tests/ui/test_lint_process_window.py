"""The real window, in a process of its own: its linting (underlines, the public version's
redaction and lint) runs in the lint process, whose English parser never enters the window's
process, and which goes when the window goes, however it goes."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pmdesk

ROOT = Path(pmdesk.__file__).resolve().parent.parent

HEAVY = (
    "spacy",
    "thinc",
    "lemminflect",
    "blis",
    "pmdesk.lint.engine",
    "pmdesk.lint.grammar",
    "pmdesk.lint.whys",
)

WINDOW = """
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from pmdesk.models import open_store
from pmdesk.ui.app import application, qt_settings
from pmdesk.ui.lint_worker import lint_worker
from pmdesk.ui.main_window import MainWindow

app = application()
store = open_store(sys.argv[1])
window = MainWindow(store, qt_settings())
window.show()

def until(predicate):
    end = time.monotonic() + 60
    while not predicate() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
    return predicate()

until(lambda: window.editor is not None)  # the first postmortem opens after the first paint
field = window.editor.text_fields["could_improve"]
field.setFocus()
QTest.keyClicks(field, "John was careless with the rollback.")
block = field.document().lastBlock()
underlined = until(lambda: any(r.format.underlineStyle() for r in block.layout().formats()))
window.share_actions.public_action.trigger()  # Share → Public Version: redacted and linted
review = window.share_actions.public_window
until(lambda: review.version is not None)
underlined = underlined and review.version is not None
review.close()
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc", "lemminflect",
               "blis") or m in ("pmdesk.lint.engine", "pmdesk.lint.grammar", "pmdesk.lint.whys"))
print(json.dumps({"underlined": underlined, "heavy": heavy, "lint_process": lint_worker().process.pid}),
      flush=True)
if sys.argv[2] == "quit":
    child = lint_worker().process.pid
    QTimer.singleShot(0, window.close)  # the last window: the application quits
    app.exec()
    store.close()
    try:
        os.waitpid(child, os.WNOHANG)
        reaped = False
    except ChildProcessError:  # not a child any more: the worker's stop waited for it
        reaped = True
    print(json.dumps({"reaped": reaped}), flush=True)
else:
    while True:  # until killed
        app.processEvents()
        time.sleep(0.01)
"""


def start_window(tmp_path, how):
    from pmdesk.models import open_store

    db = tmp_path / "s.db"
    open_store(db).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-c", WINDOW, str(db), how],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def exited(pid: int) -> bool:
    """True when `pid` has ended (gone, or a zombie its new parent has not reaped yet)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def wait_exited(pid: int, seconds: float = 10) -> bool:
    end = time.monotonic() + seconds
    while not exited(pid) and time.monotonic() < end:
        time.sleep(0.05)
    return exited(pid)


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc"),
]


def test_the_window_underlines_without_loading_the_parser_and_its_lint_process_goes_with_it(
    tmp_path,
):
    window = start_window(tmp_path, "quit")
    out, err = window.communicate(timeout=120)
    assert window.returncode == 0, err[-2000:]
    *_, line, last = out.strip().splitlines()
    seen = json.loads(line)
    assert json.loads(last)["reaped"], "the window left its lint process unreaped"
    assert seen["underlined"], "the underline came from the lint process"
    assert seen["heavy"] == [], f"the window's process imported {seen['heavy']}"
    assert seen["lint_process"] != window.pid
    assert wait_exited(seen["lint_process"]), "the lint process outlived the window"
    assert "Traceback" not in err and "resource_tracker" not in err and "leaked" not in err, err


def test_the_lint_process_does_not_outlive_a_killed_window(tmp_path):
    window = start_window(tmp_path, "hang")
    try:
        seen = json.loads(window.stdout.readline())
        assert seen["underlined"]
        child = seen["lint_process"]
        assert not exited(child)
        window.send_signal(signal.SIGKILL)
        window.wait(30)
        assert wait_exited(child), "the lint process outlived the killed window"
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
        window.stdout.close()
        window.stderr.close()
