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
again and the job tried once more. A job that runs past its deadline (the child hung, or was
stopped) has its child killed and is given up, not tried again: what hung once would likely
hang again, and other work waits behind it. Every child runs the warm-up job, when there is
one, before its first job, a restarted child too. The child leaves when its stdin reaches EOF,
so it never outlives the window, even one that was killed.

Free of Qt: the child imports this module and the jobs' modules, nothing of the window.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import subprocess

#: what the window asks the child to run: picklable, so a module-level function or a
#: functools.partial of one, with picklable arguments
Job = Callable[[], Any]

#: the argument that makes the desktop bundle's executable the lint process (packaging/launcher.py)
BUNDLE_FLAG = "--pmdesk-lint-process"
#: how long a child asked to leave (its pipe closed) may take before it is killed. An idle child
#: reads the end of its pipe and leaves at once (~1 ms); one that does not within this is
#: stopped (SIGSTOP, a debugger), hung, or in the middle of a job nobody will read, and the
#: window must not wait for it: it was 5 s, which a window closed with a stopped child waited.
LEAVE_TIMEOUT_S = 0.25
#: how long any job may take before its child is taken for hung, killed and started again.
#: The slowest honest jobs measured (`python benchmarks/lint_job_time.py`: a 40-page postmortem,
#: 19,700 words of published postmortems, in a child whose linter had not seen them) took
#: 1.15 s for its public version, 0.95 s for its findings and 1.07 s for its findings as an
#: unwarmed child's first job; 30 s is 25 times the slowest, for a slow laptop, a busy machine
#: or a cold disk. A child's start (until its hello) has the same deadline.
JOB_TIMEOUT_S = 30.0
#: and so much more per megabyte a job carries: its text is in it, and the linter's time grows
#: with the text. A timeline import's wording check is one job for every line of a file of up
#: to 100 MB; 20,000 published-postmortem lines (1 MB sent) took 5.5 s. Ten times that.
TIMEOUT_S_PER_MB = 60.0

_LENGTH = struct.Struct("<Q")


class LintProcessError(Exception):
    """The child cannot be started, or the client was closed."""


class LintJobGivenUp(Exception):
    """A job the lint process did not finish: its result, in place of the one it would have had."""


class LintProcessDied(LintJobGivenUp):
    """The child ended while running a job, twice."""


class LintJobTimedOut(LintJobGivenUp):
    """The job ran past its deadline: its child was killed, and another is started."""


class _TimedOut(Exception):
    """The watchdog killed the child: the deadline passed before its reply came."""


class _Watchdog:
    """Kills the child when a deadline passes: the kill is what frees the thread waiting on the
    child's pipe, whether it waits to read a reply or to write a request to a child that stopped
    reading. One thread for the client's life, started on first use, so that a job costs a
    notify rather than a thread's start (~80 us)."""

    def __init__(self) -> None:
        self._wake = threading.Condition()
        self._process: subprocess.Popen[bytes] | None = None
        self._deadline = 0.0
        self._fired = False
        self._closed = False
        self._thread: threading.Thread | None = None

    def arm(self, process: subprocess.Popen[bytes], seconds: float) -> None:
        with self._wake:
            self._process, self._fired = process, False
            self._deadline = time.monotonic() + seconds
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(
                    target=self._watch, name="pmdesk-lint-watchdog", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def disarm(self) -> bool:
        """Stop watching; True when the deadline had passed and the child was killed."""
        with self._wake:
            self._process = None
            return self._fired

    def close(self) -> None:
        with self._wake:
            self._closed, self._process = True, None
            self._wake.notify()

    def _watch(self) -> None:
        with self._wake:
            while not self._closed:
                if self._process is None:
                    self._wake.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._wake.wait(left)
                    continue
                try:
                    self._process.kill()
                except OSError:  # gone already
                    pass
                self._fired, self._process = True, None


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
    """A child process that runs lint jobs: `call(job, env)` returns what the job gave.

    `warm_up`: a job each child runs as soon as it has started (its result is dropped), so that
    the first job a child is sent, after a restart too, does not wait for the parser to load.
    """

    def __init__(self, warm_up: Job | None = None) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._closed = False
        self._warm_up = warm_up
        #: what the last job was given to set in the child's environment (the warm-up gets it)
        self._env: dict[str, str] = {}
        self._watchdog = _Watchdog()
        #: how many children were started (the first, and one per restart)
        self.starts = 0
        #: a job's deadline, before what it carries adds to it (see JOB_TIMEOUT_S)
        self.timeout_s = JOB_TIMEOUT_S

    def deadline(self, request_bytes: int) -> float:
        """How long a job this big (pickled) may take before its child is killed, in seconds."""
        return self.timeout_s + request_bytes / 1e6 * TIMEOUT_S_PER_MB

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
            # its hello: it is running and has imported pmdesk
            self._exchange(process, None, self.timeout_s)
            if self._warm_up is not None:
                request = pickle.dumps((self._warm_up, self._env), pickle.HIGHEST_PROTOCOL)
                self._exchange(process, request, self.deadline(len(request)))
        except _TimedOut as exc:
            self._reap()
            raise LintProcessError(
                f"the lint process did not start within {self.timeout_s:.0f} s"
            ) from exc
        except (EOFError, OSError, ValueError) as exc:
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
        is a LintProcessDied. A job that takes longer than its `deadline` is a
        LintJobTimedOut, and its child is killed. LintProcessError when no child can be
        started.
        """
        try:
            request = pickle.dumps((job, env), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - a job that cannot be sent fails, as a job
            return exc, None
        self._env = env
        seconds = self.deadline(len(request))
        how = ""
        for _attempt in range(2):
            self.start()
            process = self._process
            assert process is not None
            try:
                reply = self._exchange(process, request, seconds)
            except _TimedOut:
                self._reap()
                if self._closed:
                    raise LintProcessError("the lint process was closed") from None
                return LintJobTimedOut(
                    f"the linter took longer than {seconds:.0f} s and was restarted"
                ), None
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
        return LintProcessDied(f"the linter stopped while checking it, twice ({how})"), None

    def _exchange(
        self, process: subprocess.Popen[bytes], request: bytes | None, seconds: float
    ) -> bytes:
        """Send `request` (None: send nothing) and read the reply, waiting on the pipe without
        the interpreter lock; _TimedOut when `seconds` passed first (the child is killed), and
        EOFError, OSError or ValueError when the child ended."""
        assert process.stdin is not None and process.stdout is not None
        self._watchdog.arm(process, seconds)
        try:
            if request is not None:
                _send(process.stdin, request)
            reply = _receive(process.stdout)
        except (EOFError, OSError, ValueError):
            if self._watchdog.disarm():
                raise _TimedOut from None
            raise
        # a reply that came just as the deadline passed stands; its killed child is restarted
        # by the next job (or by whoever calls `start`)
        self._watchdog.disarm()
        return reply

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
        self._watchdog.close()
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
