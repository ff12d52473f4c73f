"""The lint process, without Qt: jobs go there and come back; a dead one is started again, a
hung one killed at its deadline, and every child is warmed before its first job."""

import gc
import operator
import os
import signal
import time
from functools import partial

import pytest

from pmdesk.document_lint import text_findings
from pmdesk.lint import grammar, user_rules_path
from pmdesk.lint_process import (
    JOB_TIMEOUT_S,
    TIMEOUT_S_PER_MB,
    LintJobTimedOut,
    LintProcess,
    LintProcessDied,
    LintProcessError,
    prepare_linter,
)

pytestmark = pytest.mark.slow  # starts processes


@pytest.fixture
def process():
    made = LintProcess()
    yield made
    made.close()


def test_a_job_runs_in_the_child_and_its_result_or_exception_comes_back(process):
    value, _ = process.call(partial(os.getpid), {})
    assert value == process.pid != os.getpid()
    error, _ = process.call(partial(operator.truediv, 1, 0), {})
    assert isinstance(error, ZeroDivisionError)
    unsendable, _ = process.call(lambda: 1, {})
    assert isinstance(unsendable, Exception)
    assert process.call(partial(str, "still serving"), {})[0] == "still serving"
    assert process.starts == 1


def test_the_child_reads_the_rules_from_the_folder_the_window_names(process, tmp_path):
    env = {"PMDESK_CONFIG_DIR": str(tmp_path)}
    assert process.call(user_rules_path, env)[0] == tmp_path / "rules.toml"


def test_a_killed_child_is_started_again_and_reaped(process):
    process.call(partial(str, "hello"), {})
    killed = process.pid
    os.kill(killed, signal.SIGKILL)
    assert process.call(partial(str, "again"), {})[0] == "again"
    assert process.starts == 2 and process.pid != killed
    with pytest.raises(ChildProcessError):
        os.waitpid(killed, os.WNOHANG)


def test_a_job_that_ends_the_child_twice_gives_an_exception(process):
    value, _ = process.call(partial(os._exit, 7), {})
    assert isinstance(value, LintProcessDied) and "exit status 7" in str(value)
    assert process.call(partial(str, "next"), {})[0] == "next"


def test_the_rules_in_force_come_back_with_each_result_and_change_with_the_rules_file(
    process, tmp_path
):
    env = {"PMDESK_CONFIG_DIR": str(tmp_path)}
    first = process.call(partial(text_findings, "The deploy finished.", ()), env)[1]
    assert process.call(partial(str, "x"), env)[1] == first
    (tmp_path / "rules.toml").write_text("", encoding="utf-8")
    assert process.call(partial(str, "x"), env)[1] not in (None, first)


def test_a_closed_client_starts_nothing_and_leaves_no_child(process):
    process.call(partial(str, "hello"), {})
    pid = process.pid
    process.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    with pytest.raises(LintProcessError):
        process.call(partial(str, "too late"), {})


def test_closing_kills_and_reaps_a_child_that_cannot_hear_it_leave(process):
    # a stopped child never reads that its pipe closed: it is killed, not waited for
    process.call(partial(str, "hello"), {})
    stopped = process.pid
    os.kill(stopped, signal.SIGSTOP)
    process.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(stopped, os.WNOHANG)


def test_the_child_runs_the_same_pmdesk_as_the_window(process, tmp_path, monkeypatch):
    import pmdesk

    monkeypatch.chdir(tmp_path)  # a folder the window was started in is not where pmdesk is
    (tmp_path / "pmdesk").mkdir()
    (tmp_path / "pmdesk" / "__init__.py").write_text("raise ImportError('the wrong pmdesk')\n")
    where = partial(eval, "__import__('pmdesk').__file__")
    assert process.call(where, {})[0] == pmdesk.__file__


def test_a_stopped_child_is_killed_at_the_deadline_and_the_next_job_runs_on_a_new_one(process):
    process.timeout_s = 2.0
    process.call(partial(str, "hello"), {})
    stopped = process.pid
    os.kill(stopped, signal.SIGSTOP)
    given_up, _ = process.call(partial(str, "never answered"), {})
    assert isinstance(given_up, LintJobTimedOut) and "restarted" in str(given_up)
    with pytest.raises(ChildProcessError):  # killed and reaped: no stopped child left behind
        os.waitpid(stopped, os.WNOHANG)
    assert process.call(partial(str, "next"), {})[0] == "next"
    assert process.starts == 2 and process.pid != stopped


def test_a_job_that_hangs_is_given_up_not_tried_again(process):
    # A child's first job also loads the linter's modules (~1 s, to read the rules in force):
    # under a 1 s deadline that job itself could be given up, and the child started again.
    process.call(partial(str, "hello"), {})
    process.timeout_s = 1.0
    given_up, _ = process.call(partial(time.sleep, 3600), {})  # as a parse that never ends
    assert isinstance(given_up, LintJobTimedOut)
    assert process.starts == 1  # the next job starts the next child
    process.timeout_s = JOB_TIMEOUT_S
    assert process.call(partial(str, "next"), {})[0] == "next"
    assert process.starts == 2


def test_a_job_may_take_longer_the_more_text_it_carries(process):
    assert process.deadline(0) == process.timeout_s
    assert process.deadline(2_000_000) == process.timeout_s + 2 * TIMEOUT_S_PER_MB


def test_every_child_is_warmed_before_its_first_job_a_restarted_one_too():
    process = LintProcess(warm_up=prepare_linter)
    try:
        # the jobs only look: the parser loaded, and the warm-up's garbage-collector freeze
        assert process.call(grammar.loaded, {})[0] is True
        assert process.call(gc.get_freeze_count, {})[0] > 0
        os.kill(process.pid, signal.SIGKILL)
        assert process.call(grammar.loaded, {})[0] is True
        assert process.call(gc.get_freeze_count, {})[0] > 0
        assert process.starts == 2
    finally:
        process.close()


def test_without_a_warm_up_a_child_loads_nothing_before_its_job(process):
    assert process.call(grammar.loaded, {})[0] is False
