"""The lint process, without Qt: jobs go there and come back; a dead one is started again."""

import operator
import os
import signal
from functools import partial

import pytest

from pmdesk.document_lint import text_findings
from pmdesk.lint import user_rules_path
from pmdesk.lint_process import LintProcess, LintProcessDied, LintProcessError

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


def test_the_child_runs_the_same_pmdesk_as_the_window(process, tmp_path, monkeypatch):
    import pmdesk

    monkeypatch.chdir(tmp_path)  # a folder the window was started in is not where pmdesk is
    (tmp_path / "pmdesk").mkdir()
    (tmp_path / "pmdesk" / "__init__.py").write_text("raise ImportError('the wrong pmdesk')\n")
    where = partial(eval, "__import__('pmdesk').__file__")
    assert process.call(where, {})[0] == pmdesk.__file__
