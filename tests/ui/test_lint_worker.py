"""Linting happens in the worker, and the linter in a process of its own: the UI thread asks,
paints, and shows what arrives."""

import operator
import os
import signal
import threading
from functools import partial

import pytest
from PySide6.QtCore import Qt

from pmdesk.lint import grammar
from pmdesk.lint_process import LintJobTimedOut, LintProcessDied
from pmdesk.ui.lint_worker import LintWorker, lint_worker


@pytest.fixture
def worker(qtbot):
    made = LintWorker()
    yield made
    made.stop()


def test_a_newer_request_under_the_same_key_replaces_one_not_yet_started(qtbot, worker):
    arrived = []
    worker.finished.connect(arrived.extend)
    worker.request("what_happened", partial(str, "first draft"))
    worker.request("what_happened", partial(str, "second draft"))
    worker.request("went_well", partial(str, "thanks"))
    worker.start()
    qtbot.waitUntil(lambda: len(arrived) == 2)
    qtbot.wait(50)
    assert sorted(arrived) == [("went_well", "thanks"), ("what_happened", "second draft")]


def test_a_start_put_off_serves_nothing_until_it_comes(qtbot, worker):
    # (a window puts the worker's start off while the window itself starts)
    arrived = []
    worker.finished.connect(arrived.extend)
    worker.start_in(60_000)
    worker.request("waits", partial(str, "until started"))
    qtbot.wait(300)
    assert arrived == []
    worker.start_in(0)  # its start is brought forward
    qtbot.waitUntil(lambda: arrived == [("waits", "until started")], timeout=20_000)


def test_results_arrive_on_the_ui_thread_and_a_failing_job_does_not_stop_the_worker(qtbot, worker):
    seen = []
    worker.finished.connect(
        lambda batch: seen.extend((k, r, threading.get_ident()) for k, r in batch)
    )
    worker.start()
    worker.request("bad", partial(operator.truediv, 1, 0))
    qtbot.waitUntil(lambda: len(seen) == 1)
    worker.lint("good", "John was careless with the rollback.", ["John"])
    qtbot.waitUntil(lambda: len(seen) == 2)
    (_, error, thread_a), (_, findings, thread_b) = seen
    assert isinstance(error, ZeroDivisionError)
    assert findings and findings[0].severity in ("warning", "error")
    assert thread_a == thread_b == threading.main_thread().ident


def test_a_job_that_cannot_be_sent_to_the_lint_process_fails_as_a_job(qtbot, worker):
    seen = []
    worker.finished.connect(seen.extend)
    worker.start()
    worker.request("closure", lambda: "made on the UI thread")  # not picklable
    worker.request("fine", partial(str, "sent"))
    qtbot.waitUntil(lambda: len(seen) == 2)
    results = dict(seen)
    assert isinstance(results["closure"], Exception)
    assert results["fine"] == "sent"


def test_a_job_that_ends_the_lint_process_arrives_as_an_exception_and_the_next_is_served(
    qtbot, worker
):
    seen = []
    worker.finished.connect(seen.extend)
    worker.start()
    worker.request("crash", partial(os._exit, 3))
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
    worker.request("after", partial(str, "still here"))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    (_, crashed), (_, after) = seen
    assert isinstance(crashed, LintProcessDied)  # tried on a fresh process once more, then given up
    assert after == "still here"
    assert worker.uses_lint_process()


def test_a_hung_lint_process_is_replaced_at_once_warmed_and_the_next_lint_has_findings(
    qtbot, worker
):
    seen = []
    worker.finished.connect(seen.extend)
    process = worker.process
    process.timeout_s = 2.0
    worker.start()
    worker.request("hello", partial(str, "hello"))
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=20_000)
    stopped = process.pid
    os.kill(stopped, signal.SIGSTOP)
    worker.lint("stuck", "John was careless with the rollback.", ["John"])
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=20_000)
    assert isinstance(seen[1][1], LintJobTimedOut)
    # started again, and warmed, before anything more was asked of it
    qtbot.waitUntil(lambda: process.starts == 2 and worker.idle(), timeout=20_000)
    worker.request("parser", grammar.loaded)
    worker.lint("after", "John was careless with the rollback.", ["John"])
    qtbot.waitUntil(lambda: len(seen) == 4, timeout=20_000)
    results = dict(seen[2:])
    assert results["parser"] is True
    assert [f.category for f in results["after"]] == ["judgmental"]
    with pytest.raises(ChildProcessError):  # the stopped child was killed and reaped
        os.waitpid(stopped, os.WNOHANG)
    assert worker.uses_lint_process() and process.pid != stopped


def test_without_a_lint_process_the_worker_lints_in_its_thread(qtbot, monkeypatch):
    import pmdesk.lint_process as lint_process

    monkeypatch.setattr(lint_process, "_command", lambda: ["/nonexistent/python"])
    made = LintWorker()
    try:
        seen = []
        made.finished.connect(seen.extend)
        made.start()
        made.lint("good", "John was careless with the rollback.", ["John"])
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=20_000)
        assert not made.uses_lint_process()
        assert [f.category for f in seen[0][1]] == ["judgmental"]
    finally:
        made.stop()


def underlined(block) -> bool:
    return any(r.format.underlineStyle() for r in block.layout().formats())


def test_the_window_never_lints_in_its_own_process(qtbot, window, monkeypatch):
    from pmdesk.lint.engine import Linter

    here = []
    real = Linter.lint

    def recorded(self, *args, **kwargs):
        here.append(threading.current_thread().name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Linter, "lint", recorded)  # in this process; the lint process has its own
    pm_id = window.current_postmortem_id()
    window.show_postmortem(None)
    window.show_postmortem(pm_id)  # opened again, now with every lint call here watched
    editor = window.editor
    field = editor.text_fields["could_improve"]
    field.setFocus()
    qtbot.keyClicks(field, "Somebody should have noticed the alert sooner.")
    qtbot.waitUntil(lambda: field.highlighter.settled() and lint_worker().idle(), timeout=10000)
    qtbot.waitUntil(lambda: len(editor.findings.cards) > 0, timeout=10000)
    qtbot.waitUntil(lambda: underlined(field.document().lastBlock()))
    model = editor.timeline.model
    texts = [
        model.data(model.index(r, 1), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())
    ]
    qtbot.waitUntil(lambda: model.marks.settled(texts, editor.session.pm.people()))
    assert lint_worker().uses_lint_process() and lint_worker().process.pid != os.getpid()
    assert here == [], "every lint ran in the lint process"


def test_a_killed_lint_process_is_started_again_and_underlines_still_arrive(qtbot, window):
    worker = lint_worker()
    field = window.editor.text_fields["could_improve"]
    field.set_text("The deploy finished.")
    qtbot.waitUntil(lambda: field.highlighter.settled() and worker.idle(), timeout=10000)
    process = worker.process
    killed, starts = process.pid, process.starts
    os.kill(killed, signal.SIGKILL)
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "John was careless with the rollback.")
    qtbot.waitUntil(lambda: underlined(field.document().lastBlock()), timeout=20_000)
    assert process.starts == starts + 1 and process.pid not in (None, killed)
    with pytest.raises(ChildProcessError):  # reaped: no zombie left behind
        os.waitpid(killed, os.WNOHANG)


def _type_while_the_lint_process_hangs(qtbot, window, monkeypatch):
    """A blame sentence typed while the lint process is stopped (SIGSTOP), the first job sent to
    it with a 2 s deadline: the field, the process's client and the stopped child's pid."""
    worker = lint_worker()
    field = window.editor.text_fields["could_improve"]
    field.set_text("The deploy finished.")
    # quiet, not only idle: a job of another widget still running when the child is stopped
    # would hang there with the usual deadline (30 s), and be the one said
    qtbot.waitUntil(lambda: field.highlighter.settled() and worker.quiet(), timeout=20_000)
    process = worker.process
    usual = process.deadline
    shortened = []

    def first_job_short(request_bytes):
        # only the job the stopped child is sent: the child started after it, and its
        # warm-up, get the usual deadline (on a busy machine a warm-up may take over 2 s)
        if shortened:
            return usual(request_bytes)
        shortened.append(request_bytes)
        return 2.0

    monkeypatch.setattr(process, "deadline", first_job_short)
    stopped = process.pid
    os.kill(stopped, signal.SIGSTOP)
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "John was careless with the rollback.")
    return field, process, stopped


def test_a_hung_lint_process_is_said_in_the_status_bar_and_underlines_come_again(
    qtbot, window, monkeypatch
):
    field, process, stopped = _type_while_the_lint_process_hangs(qtbot, window, monkeypatch)
    # the window goes on answering while the job waits: typing lands, nothing is said yet
    assert field.document().lastBlock().text() == "John was careless with the rollback."
    assert "not checked" not in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "not checked" in window.statusBar().currentMessage(), timeout=20_000)
    message = window.statusBar().currentMessage()
    assert "\n" not in message and "Traceback" not in message
    assert "restarted" in message
    qtbot.keyClicks(field, " Again.")
    qtbot.waitUntil(lambda: underlined(field.document().lastBlock()), timeout=20_000)
    assert process.pid != stopped and lint_worker().uses_lint_process()
    with pytest.raises(ChildProcessError):
        os.waitpid(stopped, os.WNOHANG)


def test_a_paragraph_given_up_is_underlined_once_the_restarted_process_is_warm(
    qtbot, window, monkeypatch
):
    field, process, stopped = _type_while_the_lint_process_hangs(qtbot, window, monkeypatch)
    qtbot.waitUntil(lambda: "not checked" in window.statusBar().currentMessage(), timeout=20_000)
    # nothing typed since: the paragraph is asked again, of the new process once it is warm
    qtbot.waitUntil(lambda: underlined(field.document().lastBlock()), timeout=30_000)
    assert field.document().lastBlock().text() == "John was careless with the rollback."
    assert process.pid != stopped and lint_worker().uses_lint_process()


YOLO_RULE = """
[[rule]]
id = "house.yolo"
category = "judgmental"
severity = "warning"
message = "Calling a change YOLO judges it; describe the checks it skipped."
patterns = ['\\byolo\\b']
rewrites = ["unreviewed"]
"""


def test_an_edited_rules_file_changes_the_underlines_already_shown(qtbot, window):
    from pmdesk.lint import user_rules_path

    field = window.editor.text_fields["could_improve"]
    field.set_text("That was a yolo deploy.\n\nAnother paragraph.")
    qtbot.waitUntil(lambda: field.highlighter.settled() and lint_worker().idle(), timeout=10000)
    assert field.highlighter.block_findings(field.document().firstBlock()) == []
    path = user_rules_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(YOLO_RULE, encoding="utf-8")
    # the next lint anywhere (in the lint process, which reads the rules from this test's
    # folder) uses the new rules; every field shown is then asked again
    with qtbot.waitSignal(lint_worker().rules_changed, timeout=10_000):
        field.set_text("That was a yolo deploy.\n\nAnother paragraph, edited.")
    qtbot.waitUntil(
        lambda: (
            [
                f.finding.rule
                for f in field.highlighter.block_findings(field.document().firstBlock())
            ]
            == ["house.yolo"]
        ),
        timeout=10000,
    )
    assert lint_worker().uses_lint_process()


def test_a_broken_rules_file_is_said_in_the_status_bar_and_the_built_in_rules_go_on(qtbot, window):
    from pmdesk.lint import user_rules_path

    path = user_rules_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[[rule]\n", encoding="utf-8")
    lint_worker().warm_up()  # (the set-up job; a running app does it once, after the first paint)
    qtbot.waitUntil(lambda: "not valid TOML" in window.statusBar().currentMessage(), timeout=15000)
    assert "built-in rules" in window.statusBar().currentMessage()
