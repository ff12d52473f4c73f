"""Linting happens in the worker: the UI thread asks, paints, and shows what arrives."""

import threading

import pytest
from PySide6.QtCore import Qt

from pmdesk.ui.editor import blame_marks, editor_widget
from pmdesk.ui.lint_worker import LintWorker, lint_worker


@pytest.fixture
def worker(qtbot):
    made = LintWorker()
    yield made
    made.stop()


def test_a_newer_request_under_the_same_key_replaces_one_not_yet_started(qtbot, worker):
    arrived = []
    worker.finished.connect(arrived.extend)
    worker.request("what_happened", lambda: "first draft")
    worker.request("what_happened", lambda: "second draft")
    worker.request("went_well", lambda: "thanks")
    worker.start()
    qtbot.waitUntil(lambda: len(arrived) == 2)
    qtbot.wait(50)
    assert sorted(arrived) == [("went_well", "thanks"), ("what_happened", "second draft")]


def test_results_arrive_on_the_ui_thread_and_a_failing_job_does_not_stop_the_worker(qtbot, worker):
    seen = []
    worker.finished.connect(
        lambda batch: seen.extend((k, r, threading.get_ident()) for k, r in batch)
    )
    worker.start()
    worker.request("bad", lambda: 1 / 0)
    qtbot.waitUntil(lambda: len(seen) == 1)
    worker.lint("good", "John was careless with the rollback.", ["John"])
    qtbot.waitUntil(lambda: len(seen) == 2)
    (_, error, thread_a), (_, findings, thread_b) = seen
    assert isinstance(error, ZeroDivisionError)
    assert findings and findings[0].severity in ("warning", "error")
    assert thread_a == thread_b == threading.main_thread().ident


def test_the_editor_never_lints_on_the_ui_thread(qtbot, window, monkeypatch):
    threads = []

    def recorded(function):
        def wrapper(*args, **kwargs):
            threads.append(threading.current_thread() is threading.main_thread())
            return function(*args, **kwargs)

        return wrapper

    import pmdesk.ui.lint_worker as worker_module

    monkeypatch.setattr(worker_module, "lint", recorded(worker_module.lint))
    monkeypatch.setattr(blame_marks, "lint", recorded(blame_marks.lint))
    monkeypatch.setattr(blame_marks, "action_findings", recorded(blame_marks.action_findings))
    monkeypatch.setattr(editor_widget, "lint_postmortem", recorded(editor_widget.lint_postmortem))
    pm_id = window.current_postmortem_id()
    window.show_postmortem(None)
    window.show_postmortem(pm_id)  # opened again, now with every lint call watched
    editor = window.editor
    field = editor.text_fields["could_improve"]
    field.setFocus()
    qtbot.keyClicks(field, "Somebody should have noticed the alert sooner.")
    qtbot.waitUntil(lambda: field.highlighter.settled() and lint_worker().idle(), timeout=10000)
    qtbot.waitUntil(lambda: len(editor.findings.cards) > 0, timeout=10000)
    block = field.document().lastBlock()
    qtbot.waitUntil(lambda: any(r.format.underlineStyle() for r in block.layout().formats()))
    model = editor.timeline.model
    texts = [
        model.data(model.index(r, 1), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())
    ]
    qtbot.waitUntil(lambda: model.marks.settled(texts, editor.session.pm.people()))
    assert threads and not any(threads), "every lint ran in the worker"


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
    # the next lint anywhere uses the new rules; every field shown is then asked again
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


def test_a_broken_rules_file_is_said_in_the_status_bar_and_the_built_in_rules_go_on(qtbot, window):
    from pmdesk.lint import user_rules_path

    path = user_rules_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[[rule]\n", encoding="utf-8")
    lint_worker().warm_up()  # (the set-up job; a running app does it once, after the first paint)
    qtbot.waitUntil(lambda: "not valid TOML" in window.statusBar().currentMessage(), timeout=15000)
    assert "built-in rules" in window.statusBar().currentMessage()
