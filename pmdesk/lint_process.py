"""The linter in a process of its own, so the window's process never loads the English parser.

The parser (spaCy with its model, and lemminflect) costs ~200 MB, and while it loads it holds
Python's interpreter lock for up to ~100 ms at a time: in the window's process that is a
window that does not answer. So it runs in a child process: a fresh interpreter
(`python -P -c ...` with the window's module search path; subprocess forks and executes at
once, so the Qt process is never copied), which reads jobs on its stdin and answers on its
stdout, each message a length and a pickle. A job is therefore a picklable description of the
work: a module-level function, or a `functools.partial` of one with its arguments.

Not multiprocessing's "spawn": it runs the parent's main script again in the child (a script
without an `if __name__ == "__main__"` guard starts a second window, or fails), and on POSIX
it starts a resource-tracker process as well.

`LintProcess` is the window's side: one job at a time, from one thread (the lint worker),
which waits on the pipe without holding the interpreter lock. A child that dies is started
again and the job tried once more. The child leaves when its stdin reaches EOF, so it never
outlives the window, even one that was killed.

Free of Qt: the child imports this module and the jobs' modules, nothing of the window.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import struct
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import subprocess

#: what the window asks the child to run: picklable, so a module-level function or a
#: functools.partial of one, with picklable arguments
Job = Callable[[], Any]

#: the argument that makes the desktop bundle's executable the lint process (packaging/launcher.py)
BUNDLE_FLAG = "--pmdesk-lint-process"
#: how long a child asked to leave (its pipe closed) may take before it is killed
LEAVE_TIMEOUT_S = 5.0

_LENGTH = struct.Struct("<Q")


class LintProcessError(Exception):
    """The child cannot be started, or the client was closed."""


class LintProcessDied(Exception):
    """The child ended while running a job, twice: the job's result stands in for it."""


def _send(pipe: IO[bytes], payload: bytes) -> None:
    pipe.write(_LENGTH.pack(len(payload)) + payload)
    pipe.flush()


def _receive(pipe: IO[bytes]) -> bytes:
    """One message; EOFError when the other side has gone."""
    head = pipe.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (length,) = _LENGTH.unpack(head)
    payload = pipe.read(length)
    if len(payload) < length:
        raise EOFError
    return payload


#: the child's first lines: the window's module search path, then this module's main()
_BOOTSTRAP = "import sys; sys.path[:] = sys.argv[1:]; from pmdesk.lint_process import main; main()"


def _command() -> list[str]:
    """How to start the child: this Python with the window's module search path (as
    multiprocessing's spawn does), so it imports the same pmdesk and nothing from the folder it
    was started in (-P); or the desktop bundle's own executable."""
    if getattr(sys, "frozen", False):
        return [sys.executable, BUNDLE_FLAG]
    return [sys.executable, "-P", "-c", _BOOTSTRAP, *sys.path]


class LintProcess:
    """A child process that runs lint jobs: `call(job, env)` returns what the job gave."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._closed = False
        #: how many children were started (the first, and one per restart)
        self.starts = 0

    @property
    def pid(self) -> int | None:
        """The running child's process id (None before the first job)."""
        process = self._process
        return process.pid if process is not None else None

    def start(self) -> None:
        """Start the child unless it is running; LintProcessError when it cannot be, twice."""
        if self._closed:
            raise LintProcessError("the lint process was closed")
        if self._process is not None:
            if self._process.poll() is None:
                return
            self._reap()
        try:
            self._spawn()
        except LintProcessError:
            if self._closed:
                raise
            self._spawn()  # one that died as it started may have been killed from outside

    def _spawn(self) -> None:
        import subprocess

        try:
            # a fresh interpreter (fork and exec at once): the Qt process is never forked
            process = subprocess.Popen(
                _command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True
            )
        except (OSError, ValueError, subprocess.SubprocessError) as exc:
            raise LintProcessError(f"the lint process could not start: {exc}") from exc
        self._process = process
        self.starts += 1
        try:
            assert process.stdout is not None
            _receive(process.stdout)  # its hello: it is running and has imported pmdesk
        except (EOFError, OSError) as exc:
            how = self._reap()
            raise LintProcessError(f"the lint process ended as it started ({how})") from exc
        if self._closed:  # interrupted while it started, before it could be killed
            self._reap()
            raise LintProcessError("the lint process was closed")

    def call(self, job: Job, env: dict[str, str]) -> tuple[Any, object]:
        """Run `job` in the child with `env` set there.

        Returns what it returned, or the exception it raised (or the one that stopped it being
        sent, or its result being read), and the rules in force when it ran
        (pmdesk.lint.rules_in_force; None when not known). A child that ended is started
        again, and a job it was running is run once more; if that child ends too the result
        is a LintProcessDied. LintProcessError when no child can be started.
        """
        try:
            request = pickle.dumps((job, env), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - a job that cannot be sent fails, as a job
            return exc, None
        how = ""
        for _attempt in range(2):
            self.start()
            process = self._process
            assert process is not None and process.stdin and process.stdout
            try:
                _send(process.stdin, request)
                reply = _receive(process.stdout)  # waits without the interpreter lock
            except (EOFError, OSError, ValueError):
                how = self._reap()
                if self._closed:
                    raise LintProcessError("the lint process was closed") from None
                continue
            try:
                value, rules = pickle.loads(reply)
            except Exception as exc:  # noqa: BLE001 - a result that cannot be read fails
                return exc, None
            return value, rules
        return LintProcessDied(f"the lint process ended while running this job ({how})"), None

    def interrupt(self) -> None:
        """From another thread: end the child now, and start no other (the app is closing).

        A `call` waiting for it returns at once with LintProcessError; `close` then reaps it.
        """
        self._closed = True
        process = self._process
        if process is not None:
            try:
                process.kill()
            except OSError:  # already gone
                pass

    def close(self) -> None:
        """End the child: its pipe closes, it leaves; killed if it takes too long. No zombie."""
        self._closed = True
        self._reap()

    def _reap(self) -> str:
        """Close the pipes and wait for the child; how it ended, in words."""
        import subprocess

        process, self._process = self._process, None
        if process is None:
            return "not started"
        for pipe in (process.stdin, process.stdout):
            try:
                if pipe is not None:
                    pipe.close()  # the child reads EOF and leaves
            except OSError:
                pass
        try:
            code = process.wait(LEAVE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        return f"signal {-code}" if code < 0 else f"exit status {code}"


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    """The child: run each job that arrives and send back what it gave, until the pipe closes."""
    from pmdesk.lint import rules_in_force

    _send(replies, pickle.dumps(("ready", os.getpid())))
    while True:
        try:
            request = _receive(requests)
        except (EOFError, OSError):
            return  # the window closed the pipe, or its process is gone
        try:
            job, env = pickle.loads(request)
            os.environ.update(env)
            value = job()
        except Exception as exc:  # noqa: BLE001 - a failed job is its result; serve on
            value = exc
        try:
            rules: object = rules_in_force()
        except Exception:  # noqa: BLE001 - not knowing the rules must not lose the result
            rules = None
        try:
            reply = pickle.dumps((value, rules), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - a result that cannot be sent fails, as a job
            reply = pickle.dumps((LintProcessError(f"unsendable result: {exc!r}"), rules))
        try:
            _send(replies, reply)
        except OSError:
            return  # the window is gone


def main() -> None:
    """The child's entry point (see `_command`; the desktop bundle runs it given BUNDLE_FLAG)."""
    # Ctrl+C in a terminal reaches the whole process group: the window decides when to go.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The replies go through what was stdout; anything a library prints goes to stderr instead,
    # where it cannot break a message.
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin.buffer, replies)


def prepare_linter() -> str:
    """The linter's one-time set-up (rules compiled, the parser loaded), as a job.

    Returns why the user's rules file is not in force ("" when it is).
    """
    from pmdesk.lint import default_linter, rules_problem

    # The parser and its tables are about a million objects. A full garbage collection over
    # them takes ~50 ms, and one fell due every few tenths of a second while they loaded.
    # None runs during the set-up, and what exists after it is frozen (gc.freeze): later
    # collections do not walk the parser again.
    gc.disable()
    try:
        default_linter().prepare()
    finally:
        gc.freeze()
        gc.enable()
    return rules_problem()


if __name__ == "__main__":
    main()
