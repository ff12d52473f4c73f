"""The one place the window's linting is asked for: a worker thread, so the UI thread never waits.

Widgets ask by key (a field, a cell, a paragraph) and get the findings back by
signal, in batches; a newer request under the same key replaces one not yet started, and
the newest requests are served first, so the paragraph being typed is underlined
before the rest of a long document. The linter keeps its own cache of results;
widgets keep only what they currently show.

The linter itself runs in a process of its own (pmdesk.lint_process): its English parser
costs ~200 MB and, while it loads, holds Python's interpreter lock for ~100 ms at a time,
which in this process would stop the window. The worker thread sends each job there and
waits on the pipe, which leaves the lock to the UI thread. A job is therefore a picklable
description: a function of the Qt-free core, or a `functools.partial` of one. Should that
process fail to start, the jobs run in this thread, as before it existed. A job that hangs
there is given up after its deadline (its result a LintJobTimedOut), and the process is
started again at once, so the jobs after it are served.

The linter's one-time set-up (rules compiled, a parser loaded) also runs there,
after the window's first paint (`warm_up`), and again in every process started after one
crashed or hung, before it is sent a job.
"""

from __future__ import annotations

import atexit
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal

from pmdesk.document_lint import text_findings
from pmdesk.lint_process import Job, LintProcess, LintProcessError, prepare_linter
from pmdesk.locations import CONFIG_ENV, config_dir

#: after the event loop starts, how long the worker waits before its first job
START_DELAY_MS = 300
#: how long a main window may put the worker's start off while the window starts (its store
#: checked, its first postmortem opened), in case it never says its start is over
WINDOW_START_MS = 2000


class _Runner(QThread):
    """Runs queued jobs one at a time, newest first: in the lint process, or here without one."""

    def __init__(self, done: Callable[[Hashable, Any], None], process: LintProcess | None) -> None:
        super().__init__()
        self.setObjectName("pmdesk-lint")
        self._done = done
        #: where jobs run (None: in this thread)
        self.process = process
        self._pending: OrderedDict[Hashable, Job] = OrderedDict()
        self._wake = threading.Condition()
        self._stopping = False
        self._held = False
        self._busy = False
        #: the rules the last job used (pmdesk.lint.rules_in_force): a change means the user's
        #: rules file was edited
        self.linter: object = None

    def submit(self, key: Hashable, job: Job) -> None:
        with self._wake:
            self._pending.pop(key, None)
            self._pending[key] = job
            self._wake.notify()

    def hold(self, held: bool) -> None:
        """While held, no new job starts (one already running finishes)."""
        with self._wake:
            self._held = held
            self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._stopping = True
            self._pending.clear()
            self._wake.notify()
            busy = self._busy
        if busy and self.process is not None:
            self.process.interrupt()  # nobody will read what the running job finds

    def uses_lint_process(self) -> bool:
        """True while jobs run in the lint process (False: in this thread, as a fallback)."""
        return self.process is not None

    def idle(self) -> bool:
        with self._wake:
            return not self._pending

    def quiet(self) -> bool:
        with self._wake:
            return not self._pending and not self._busy

    def run(self) -> None:
        # What the window left out of its first paint is imported here, off the UI thread:
        # the store's table writer, first needed by an autosave.
        import pmdesk.models.sqlite_lib  # noqa: F401

        try:
            self._serve()
        finally:
            if self.process is not None:
                self.process.close()

    def _serve(self) -> None:
        while True:
            with self._wake:
                self._busy = False
                while (self._held or not self._pending) and not self._stopping:
                    self._wake.wait()
                if self._stopping:
                    return
                key, job = self._pending.popitem(last=True)
                self._busy = True
            result, rules = self._execute(job)
            with self._wake:
                if self._stopping:  # the application is going: nobody to deliver to
                    return
            if rules is not None:
                self.linter = rules
            self._done(key, result)
            self._restart_ended()

    def _execute(self, job: Job) -> tuple[Any, object]:
        """What `job` gives (or the exception it raised), and the rules it was found with."""
        if self.process is not None:
            try:
                # the child reads the user's rules from where this process would
                return self.process.call(job, {CONFIG_ENV: str(config_dir())})
            except LintProcessError:
                if self._stopping:
                    return None, None
                self._fall_back()
        from pmdesk.lint import rules_in_force

        try:
            return job(), rules_in_force()
        except Exception as exc:  # noqa: BLE001 - a failed lint must not end the thread
            return exc, None

    def _restart_ended(self) -> None:
        """A lint process that ended with the last job (it crashed, or hung and was killed) is
        started again and warmed now, while nothing waits for it, not when the next job comes."""
        if self.process is None:
            return
        try:
            self.process.start()  # nothing when it is running
        except LintProcessError:
            if not self._stopping:
                self._fall_back()

    def _fall_back(self) -> None:
        """No lint process can be started: lint in this thread from now on."""
        assert self.process is not None
        self.process.close()
        self.process = None
        # The parser's maths library (blis) frees its memory pools in an exit handler of its
        # own, registered when it is first imported. Exit handlers run last-in first-out: load
        # it now, and register this thread's stop after it, so that the stop runs first and no
        # parse is using those pools when they go (one caught mid-way crashed the process).
        import blis.cy  # noqa: F401

        atexit.register(self._stop_and_wait)

    def _stop_and_wait(self) -> None:
        try:
            self.stop()
            self.wait()
        except RuntimeError:  # its Qt object is gone already: so is the thread
            pass


class LintWorker(QObject):
    """Lints off the UI thread; `finished([(key, result), ...])` arrives on the UI thread."""

    #: results of requests, in batches: [(key, findings or what the job returned, or the
    #: exception)]; a batch holds whatever finished since the last one
    finished = Signal(object)
    #: the rules in force changed (the user's rules file was edited): what is shown is stale
    rules_changed = Signal()
    #: results are waiting (emitted by the worker thread, received on the UI thread)
    _results_ready = Signal()

    def __init__(self, parent: QObject | None = None, *, lint_process: bool = True) -> None:
        """`lint_process`: lint in a process of the linter's own (False: in the worker thread)."""
        super().__init__(parent)
        # Results cross threads in a list, not as signal arguments: Python objects
        # carried by a queued signal that is never delivered (the application exits
        # first) are freed by PySide without the interpreter lock, and crash Python.
        self._results: list[tuple[Hashable, Any]] = []
        self._lock = threading.Lock()
        process = LintProcess(warm_up=prepare_linter) if lint_process else None
        self._runner = _Runner(self._post, process)
        self._holding = False
        self._linter: object = None
        self._results_ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._start_timer = QTimer(self, singleShot=True)
        self._start_timer.timeout.connect(self.start)

    def _post(self, key: Hashable, result: Any) -> None:
        with self._lock:
            first = not self._results
            self._results.append((key, result))
        if first:  # one wake-up per batch: fewer signals, and PySide 6.12 leaks one per emit
            self._results_ready.emit()

    def _deliver(self) -> None:
        with self._lock:
            batch = list(self._results)
            self._results.clear()
        linter = self._runner.linter
        if linter != self._linter:
            stale, self._linter = self._linter is not None, linter
            if stale:
                self.rules_changed.emit()
        if batch:
            self.finished.emit(batch)

    def start(self) -> None:
        """Begin work; requests made before are kept and served then."""
        self._start_timer.stop()
        if not self._runner.isRunning():
            self._runner.start(QThread.Priority.LowPriority)

    def start_in(self, ms: int) -> None:
        """Begin work `ms` from now (a later or earlier time than one set before), unless begun.

        Its start (an import, and the lint process, whose parser loads for a second on another
        core) competes with the UI thread for Python's lock and the processor, so a window puts
        it off until its own start is over."""
        if not self._runner.isRunning():
            self._start_timer.start(ms)

    def request(self, key: Hashable, job: Job) -> None:
        """Run `job` (picklable: see pmdesk.lint_process.Job) in the lint process; a request
        under the same key not yet started is dropped."""
        self._submit(key, job)

    def lint(self, key: Hashable, text: str, people: Sequence[str]) -> None:
        """The findings of `text`, delivered as `finished(key, list[Finding])`."""
        self._submit(key, partial(text_findings, text, tuple(people)))

    def _submit(self, key: Hashable, job: Job) -> None:
        # Requests come in bursts from work the UI thread is doing (opening a document,
        # laying out a paragraph). Python lets one thread run at a time, so the worker
        # waits for that work to end, when the event loop runs its timers again.
        if not self._holding:
            self._holding = True
            self._runner.hold(True)
            QTimer.singleShot(0, self._release)
        self._runner.submit(key, job)

    def _release(self) -> None:
        self._holding = False
        self._runner.hold(False)

    def warm_up(self) -> None:
        """Build the linter in the worker, so the first real request does not wait for it."""
        self._runner.submit(WARM_UP, prepare_linter)

    def idle(self) -> bool:
        """True when nothing is queued (a job may still be finishing)."""
        return self._runner.idle()

    def quiet(self) -> bool:
        """True when nothing is queued and no job is running (its result may be on its way)."""
        return self._runner.quiet()

    def uses_lint_process(self) -> bool:
        """True while the linting runs in the lint process, not in the worker thread."""
        return self._runner.uses_lint_process()

    @property
    def process(self) -> LintProcess | None:
        """The lint process (None when linting in the worker thread)."""
        return self._runner.process

    def stop(self) -> None:
        """Stop the thread and end the lint process (a running job is abandoned)."""
        self._runner.stop()
        if self._runner.isRunning():
            self._runner.wait()
        elif self._runner.process is not None:
            self._runner.process.close()  # never started: nothing to reap, the next start fails


#: the key of the set-up job; its result is why the user's rules file is not in force ("" if it is)
WARM_UP = ("pmdesk", "warm-up")


_shared: LintWorker | None = None


def lint_worker() -> LintWorker:
    """The application's worker, made on first use and stopped when the application quits.

    One per application, like Qt's global thread pool: every field and cell of
    every window shares the one thread, the one lint process and the linter's one cache.
    """
    global _shared
    if _shared is None:
        app = QCoreApplication.instance()
        # Not a child of the application: the thread must be stopped before anything
        # it reports to is destroyed, whichever way the application ends.
        _shared = LintWorker()
        app.aboutToQuit.connect(_stop_shared)  # type: ignore[union-attr]
        app.destroyed.connect(_stop_shared)  # type: ignore[union-attr]
        atexit.register(_stop_shared)  # an application that never ran its loop (tests)
        _shared.warm_up()
        # Widgets made before the window is shown ask at once; the work starts a moment
        # later, so the lint process's start (its English parser takes about a second) does
        # not delay the window; a main window puts it off until its start is over (start_in).
        _shared.start_in(START_DELAY_MS)
    return _shared


def _stop_shared() -> None:
    global _shared
    if _shared is not None:
        _shared.stop()
        _shared = None
