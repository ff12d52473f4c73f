"""The one place the window's linting runs: a worker thread, so the UI thread never waits.

Widgets ask by key (a field, a cell, a paragraph) and get the findings back by
signal, in batches; a newer request under the same key replaces one not yet started, and
the newest requests are served first, so the paragraph being typed is underlined
before the rest of a long document. The linter keeps its own cache of results;
widgets keep only what they currently show.

The linter's one-time set-up (rules compiled, a parser loaded) also runs here,
after the window's first paint (`warm_up`).
"""

from __future__ import annotations

import atexit
import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal

from pmdesk.lint import Finding, default_linter, lint, rules_problem

Job = Callable[[], Any]

#: after the event loop starts, how long the worker waits before its first job
START_DELAY_MS = 300


class _Runner(QThread):
    """Runs queued jobs one at a time, newest first."""

    def __init__(self, done: Callable[[Hashable, Any], None]) -> None:
        super().__init__()
        self.setObjectName("pmdesk-lint")
        self._done = done
        self._pending: OrderedDict[Hashable, Job] = OrderedDict()
        self._wake = threading.Condition()
        self._stopping = False
        self._held = False
        #: which linter the last job used: a new one means the rules file changed
        self.linter: int | None = None

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

    def idle(self) -> bool:
        with self._wake:
            return not self._pending

    def run(self) -> None:
        while True:
            with self._wake:
                while (self._held or not self._pending) and not self._stopping:
                    self._wake.wait()
                if self._stopping:
                    return
                key, job = self._pending.popitem(last=True)
            try:
                result = job()
                self.linter = id(default_linter())  # cheap once built: one stat of the file
            except Exception as exc:  # noqa: BLE001 - a failed lint must not end the thread
                result = exc
            with self._wake:
                if self._stopping:  # the application is going: nobody to deliver to
                    return
            self._done(key, result)


class LintWorker(QObject):
    """Lints off the UI thread; `finished([(key, result), ...])` arrives on the UI thread."""

    #: results of requests, in batches: [(key, findings or what the job returned, or the
    #: exception)]; a batch holds whatever finished since the last one
    finished = Signal(object)
    #: the rules in force changed (the user's rules file was edited): what is shown is stale
    rules_changed = Signal()
    #: results are waiting (emitted by the worker thread, received on the UI thread)
    _results_ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Results cross threads in a list, not as signal arguments: Python objects
        # carried by a queued signal that is never delivered (the application exits
        # first) are freed by PySide without the interpreter lock, and crash Python.
        self._results: list[tuple[Hashable, Any]] = []
        self._lock = threading.Lock()
        self._runner = _Runner(self._post)
        self._holding = False
        self._linter: int | None = None
        self._results_ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

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
        if not self._runner.isRunning():
            self._runner.start(QThread.Priority.LowPriority)

    def request(self, key: Hashable, job: Job) -> None:
        """Run `job` in the worker; a request under the same key not yet started is dropped."""
        self._submit(key, job)

    def lint(self, key: Hashable, text: str, people: Sequence[str]) -> None:
        """The findings of `text`, delivered as `finished(key, list[Finding])`."""
        names = tuple(people)
        self._submit(key, lambda: _lint(text, names))

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
        self._runner.submit(WARM_UP, _warm_up)

    def idle(self) -> bool:
        """True when nothing is queued (a job may still be finishing)."""
        return self._runner.idle()

    def stop(self) -> None:
        self._runner.stop()
        self._runner.wait()


#: the key of the set-up job; its result is why the user's rules file is not in force ("" if it is)
WARM_UP = ("pmdesk", "warm-up")


def _warm_up() -> str:
    # What the window left out of its first paint is imported here too: the store's table
    # writer (first needed by an autosave) before the linter, so it is made without numpy.
    import pmdesk.models.sqlite_lib  # noqa: F401

    # The parser and its tables are about a million objects. A full garbage collection over
    # them holds the interpreter lock, and so the UI thread, for ~50 ms; one fell due every
    # few tenths of a second while they loaded. None runs during the set-up, and what exists
    # after it is frozen (gc.freeze): later collections, while the user types or opens a
    # postmortem, no longer walk the parser (benchmarks/scale.py, the event-loop probe).
    gc.disable()
    try:
        default_linter().prepare()
    finally:
        gc.freeze()
        gc.enable()
    return rules_problem()


def _lint(text: str, people: tuple[str, ...]) -> list[Finding]:
    return list(lint(text, list(people))) if text.strip() else []


_shared: LintWorker | None = None


def lint_worker() -> LintWorker:
    """The application's worker, made on first use and stopped when the application quits.

    One per application, like Qt's global thread pool: every field and cell of
    every window shares the one thread and the linter's one cache.
    """
    global _shared
    if _shared is None:
        app = QCoreApplication.instance()
        # Not a child of the application: the thread must be stopped before anything
        # it reports to is destroyed, whichever way the application ends.
        _shared = LintWorker()
        app.aboutToQuit.connect(_stop_shared)  # type: ignore[union-attr]
        app.destroyed.connect(_stop_shared)  # type: ignore[union-attr]
        # The parser's maths library (blis) frees its memory pools in an exit handler of its
        # own, registered when it is first imported. Exit handlers run last-in first-out: load
        # it now (a few milliseconds), so the worker's stop is registered after it and runs
        # before it, and no parse is using those pools when they go (one caught mid-way
        # crashed the process on exit).
        import blis.cy  # noqa: F401

        atexit.register(_stop_shared)  # an application that never ran its loop (tests)
        _shared.warm_up()
        # Widgets made before the window is shown ask at once; the work starts a moment
        # after the first paint (which show() queues before this timer can fire), so the
        # linter's set-up (its English parser takes about a second) never delays it.
        QTimer.singleShot(START_DELAY_MS, _shared.start)
    return _shared


def _stop_shared() -> None:
    global _shared
    if _shared is not None:
        _shared.stop()
        _shared = None
