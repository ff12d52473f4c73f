"""A library of 10,000 postmortems: start-up, commands, search, opening, typing, memory.

Builds (or reuses, with --store) a store of 10,000 varied postmortems through the
Store's public API, and a store of 20, then prints each figure beside its target
and beside a bare PySide6 window measured in the same run:

- start to painted window (`pmdesk --exit-after-startup`, the whole process), 20 and
  10,000 postmortems, against a bare QMainWindow that shows, paints and exits the same way;
- `gate`, `actions --overdue`, `metrics`, `list --json` on 10,000, as whole processes;
- the 10,000 start and the commands again on a store not yet checked (pmdesk.models.checked:
  a file changed outside pmdesk, or a fresh machine, is scanned in full first);
- the library's search (count + first page into the list) for a range of queries;
- opening a 40-page postmortem in the editor, until it has painted (its top: the rest of its
  text arrives in slices after the paint), and until the whole of its text is in;
- the longest the UI thread was blocked during start-up, opening and typing (an
  event-loop probe: a 2 ms timer whose late arrivals are the blocks, counted from the
  moment the probe starts, plus any synchronous call the loop could not see into); at the
  start, everything until the window's first paint is over is one block, and the window is
  started as `pmdesk` starts it;
- peak memory (maximum resident set) on 10,000: of the window's process, of its lint process
  (the linter and its English parser run there, pmdesk.lint_process), and the two added up
  (an upper bound of what both held at once: each peak may fall at another moment).

Each process figure is the median of --runs runs.

    python benchmarks/scale.py [--store PATH] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "support"))

COUNT = 10_000
QUERIES = ["a", "t", "c", "pa", "the", "payment", "certificate expired", "runbook gap", "zebra"]

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("a bare PySide6 window"))
window.resize(1360, 860)
window.show()
QTimer.singleShot(0, window.repaint)
QTimer.singleShot(50, window.close)
QTimer.singleShot(60, app.quit)
sys.exit(app.exec())
"""


def run_process(argv: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Wall time (s), peak resident memory (KiB) and exit status of one process."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err.strip()[-400:]}")
    return elapsed, usage.ru_maxrss, proc.returncode


def gui_probe_process(argv: list[str], env: dict[str, str]) -> dict[str, float]:
    """The window's own figures from a child process (its memory too: a wait4 figure of that
    process would be the larger of it and its lint process, which it reaps)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=err)
        if proc.wait() != 0:
            err.seek(0)
            raise SystemExit(f"the window probe failed: {err.read().decode()[-800:]}")
        out.seek(0)
        lines = out.read().decode().strip().splitlines()
    return json.loads(lines[-1])


def median_run(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, int]:
    results = [run_process(argv, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def unchecked_run(argv: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of runs that each find the store not yet checked (as after another
    program changed it, or on a fresh machine): the record of checked stores is removed first."""
    record = Path(env["PMDESK_CONFIG_DIR"]) / "cache" / "checked-stores.json"
    times = []
    for _ in range(runs):
        record.unlink(missing_ok=True)
        times.append(run_process(argv, env)[0])
    return statistics.median(times)


def build_store(path: Path, count: int) -> int:
    from scale_store import build

    started = time.perf_counter()
    long_id = build(path, count, date.today())
    print(f"  built {count} postmortems in {time.perf_counter() - started:.1f} s at {path}")
    return long_id


def long_postmortem_id(path: Path) -> int:
    from pmdesk.models import Store

    with Store(path) as store:
        row = store.db.execute(
            "SELECT id FROM postmortems ORDER BY length(what_happened) DESC LIMIT 1"
        ).fetchone()
        return int(row[0])


# --- in the window's own process ---------------------------------------------------------


def gui_probe(db: Path, long_id: int) -> dict[str, float]:
    """Runs in a child process: search, opening and typing timings, and the probe's blocks."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from pmdesk.models import Store
    from pmdesk.ui import app as app_module
    from pmdesk.ui.app import application, qt_settings
    from pmdesk.ui.editor.editor_widget import EditorWidget
    from pmdesk.ui.lint_worker import lint_worker
    from pmdesk.ui.main_window import MainWindow

    app = application()

    class Probe:
        """A 2 ms timer; the longest gap between its ticks is the longest block of the loop."""

        def __init__(self) -> None:
            self.clock = QElapsedTimer()
            self.timer = QTimer(interval=2, timerType=Qt.TimerType.PreciseTimer)
            self.timer.timeout.connect(self._tick)
            self.longest = 0.0

        def _tick(self) -> None:
            if self.clock.isValid():
                self.longest = max(self.longest, self.clock.nsecsElapsed() / 1e6 - 2)
            self.clock.restart()

        def run(self, seconds: float, stop=None) -> float:  # noqa: ANN001
            """Spin the event loop for `seconds` (or until `stop()`); the longest block seen
            (ms).

            Counted from the call: work already queued (a zero-delay timer, a posted event)
            runs before the first tick, and its block counts too."""
            self.longest = 0.0
            self.clock.restart()
            self.timer.start()
            end = time.perf_counter() + seconds
            while time.perf_counter() < end and not (stop is not None and stop()):
                app.processEvents()
                time.sleep(0.0005)
            self.timer.stop()
            return self.longest

    def until(predicate, limit: float = 30.0) -> None:  # noqa: ANN001
        end = time.perf_counter() + limit
        while not predicate() and time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    probe = Probe()
    out: dict[str, float] = {}

    class FirstPaint(QObject):
        """Notes the window's first paint (the paint of the window itself comes first in it)."""

        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is window:
                FirstPaint.seen = True
            return False

    class EditorPaint(QObject):
        """Notes when the window's next editor first paints (it is built in turns after the
        click, and brought forward once laid out)."""

        def __init__(self, window: QObject) -> None:
            super().__init__()
            self.at = float("nan")
            self.editor: QObject | None = None
            self.before = window.editor
            app.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (
                event.type() == QEvent.Type.Paint
                and self.editor is None
                and isinstance(watched, EditorWidget)
                and watched is not self.before
            ):
                self.at, self.editor = time.perf_counter(), watched
                app.removeEventFilter(self)
            return False

    # start-up: everything before the first paint is over is one block of the UI thread. The
    # window is started as pmdesk.ui.app.run starts it. (A repaint() just after show() paints
    # nothing: the window is not exposed yet. Its first paint comes from the event loop, after
    # whatever the loop runs first, and that counts.)
    started = time.perf_counter()
    opening = getattr(app_module.Workspace, "opening", None)
    if opening is not None:

        def refused(_window: object, error: Exception) -> None:
            print(f"the store was refused: {error}", file=sys.stderr, flush=True)
            os._exit(1)

        workspace = opening(db, refused)
        window = workspace.window
    else:  # before the window painted first and opened its store after
        workspace = None
        store = Store(db)
        window = MainWindow(store, qt_settings())
    window.resize(1360, 860)
    first_paint = FirstPaint()
    window.installEventFilter(first_paint)
    window.show()
    while not FirstPaint.seen:
        app.processEvents()
    window.removeEventFilter(first_paint)
    out["startup_sync_ms"] = (time.perf_counter() - started) * 1000
    out["startup_loop_ms"] = probe.run(3.0)  # the linter warms up in the worker meanwhile
    if workspace is not None:
        store = workspace.store
    assert window.editor is not None, "the first postmortem did not open"

    # search as typed into the library: count, first page, the list reset
    panel = window.library
    for query in QUERIES:
        times = []
        for _ in range(5):
            panel.search.setText(query)
            t0 = time.perf_counter()
            panel.refresh()
            times.append((time.perf_counter() - t0) * 1000)
        out[f"search:{query}"] = statistics.median(times)
        out[f"matches:{query}"] = panel.model.total
    panel.search.setText("")
    panel.refresh()
    probe.run(0.3)

    # opening the 40-page postmortem, until painted (the top of it: the rest of its text
    # arrives in slices from the event loop, within the probe's run that follows). The open
    # is asked as the user asks it: the postmortem found by its title in the library's search,
    # and its row clicked. The click's handling is one block of the UI thread; the editor is
    # built in turns of the event loop after it, laid out and painted (the probe's run).
    title = store.get(long_id).title
    panel.search.setText(title)
    panel.refresh()
    row = panel.model.row_of(long_id)
    assert row is not None, "the long postmortem is not found by its title"
    rect = panel.table.visualRect(panel.model.index(row, 0))
    probe.run(0.3)
    painted = EditorPaint(window)
    t0 = time.perf_counter()
    QTest.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    out["open_call_ms"] = (time.perf_counter() - t0) * 1000
    out["open_loop_ms"] = probe.run(3.0, stop=lambda: painted.editor is not None)
    out["open_ms"] = (painted.at - t0) * 1000
    assert window.editor is not None and window.editor.session.pm_id == long_id
    opening = getattr(window.editor, "opening", None)  # None before the text came in slices
    if opening is not None and not opening.done:
        opening.finished.connect(
            lambda: out.setdefault("open_whole_ms", (time.perf_counter() - t0) * 1000)
        )
    # the rest of the text, underlines and findings
    out["open_loop_paint_ms"] = out["open_loop_ms"]
    out["open_loop_ms"] = max(out["open_loop_ms"], probe.run(3.0))
    out.setdefault("open_whole_ms", out["open_ms"])
    editor = window.editor
    field = editor.text_fields["what_happened"]
    out["open_words"] = sum(len(getattr(editor.session.pm, n).split()) for n in editor.text_fields)

    # typing: 60 keys, 40 ms apart, into a paragraph in the middle of the long field
    field.setFocus()
    cursor = QTextCursor(field.document().findBlockByNumber(field.document().blockCount() // 2))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    field.setTextCursor(cursor)
    keys: list[float] = []
    loop_blocks: list[float] = []
    for char in "the pool was resized by the change and errors followed soon ":
        t0 = time.perf_counter()
        QTest.keyClick(field, char if char != " " else Qt.Key.Key_Space)
        keys.append((time.perf_counter() - t0) * 1000)
        loop_blocks.append(probe.run(0.04))
    out["key_median_ms"] = statistics.median(keys)
    out["key_max_ms"] = max(keys)
    out["typing_loop_ms"] = max(loop_blocks)
    until(lambda: field.highlighter.settled() and lint_worker().idle())
    editor.session.flush()

    # peak memory: this process's own (not its children's), and the lint process's, asked of
    # it as a job (0 when the linter runs in this process, as before it had one)
    out["window_peak_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    worker = lint_worker()
    out["lint_process_peak_kib"] = 0
    if getattr(worker, "uses_lint_process", lambda: False)():
        peaks: list[object] = []
        worker.finished.connect(
            lambda batch: peaks.extend(r for k, r in batch if k == "benchmark: peak")
        )
        worker.request("benchmark: peak", partial(resource.getrusage, resource.RUSAGE_SELF))
        until(lambda: bool(peaks))
        out["lint_process_peak_kib"] = peaks[0].ru_maxrss  # type: ignore[attr-defined]
    window.close()
    store.close()
    return out


# --- the harness ------------------------------------------------------------------------


def byte_code(*, compile_first: bool) -> str:
    """Whether pmdesk's modules load from byte-code or are compiled at every start (a checkout
    run with PYTHONDONTWRITEBYTECODE=1 never writes it: ~50 ms more at each start here)."""
    import compileall
    import importlib.util

    import pmdesk

    package = Path(pmdesk.__file__).parent
    if compile_first:
        compileall.compile_dir(package, quiet=1)
    sources = list(package.rglob("*.py"))
    missing = 0
    for source in sources:
        cached = Path(importlib.util.cache_from_source(str(source)))
        if not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime:
            missing += 1
    where = f"pmdesk at {package}"
    if not missing:
        return f"{where}: every module byte-compiled"
    return (
        f"{where}: {missing} of {len(sources)} modules have no current byte-code "
        "(compiled from source whenever imported; --compile writes it)"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="reuse (or build once) a 10,000 store here")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--compile",
        action="store_true",
        help="byte-compile pmdesk first, as an installed copy is (pip and the bundle do)",
    )
    parser.add_argument("--gui-probe", nargs=2, metavar=("DB", "ID"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.gui_probe:
        print(json.dumps(gui_probe(Path(args.gui_probe[0]), int(args.gui_probe[1]))))
        return 0

    print(f"  {byte_code(compile_first=args.compile)}")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env["PMDESK_CONFIG_DIR"] = str(Path(tmp) / "config")  # no first-run tip, no old state
        small = Path(tmp) / "twenty.db"
        build_store(small, 20)
        big = args.store or Path(tmp) / "ten-thousand.db"
        if big.exists():
            print(f"  reusing {big}")
        else:
            build_store(big, COUNT)
        from pmdesk.models import Store

        with Store(big) as store:  # migrates an older file once, outside the timings
            count = store.count_postmortems()
        long_id = long_postmortem_id(big)

        bare, bare_rss = median_run([python, "-c", BARE_WINDOW], env, args.runs)
        pmdesk = [python, "-m", "pmdesk"]
        start20, _ = median_run(
            [*pmdesk, "--db", str(small), "--exit-after-startup"], env, args.runs
        )
        start10k, rss10k = median_run(
            [*pmdesk, "--db", str(big), "--exit-after-startup"], env, args.runs
        )
        start10k_unchecked = unchecked_run(
            [*pmdesk, "--db", str(big), "--exit-after-startup"], env, args.runs
        )
        commands, unchecked = {}, {}
        for name in ("gate", "actions --overdue", "metrics", "list --json"):
            argv = [*pmdesk, "--db", str(big), *name.split()]
            commands[name], _ = median_run(argv, env, args.runs)
            unchecked[name] = unchecked_run(argv, env, args.runs)
        gui = gui_probe_process([python, __file__, "--gui-probe", str(big), str(long_id)], env)

    ms = 1000
    print(f"\nstore: {count} postmortems; runs per process figure: {args.runs} (median)")
    print(f"{'what':<52} {'measured':>12}  {'target':<28}")

    def row(what: str, value: str, target: str) -> None:
        print(f"{what:<52} {value:>12}  {target:<28}")

    row("bare PySide6 window, start to painted (floor)", f"{bare * ms:.0f} ms", "")
    row("start to painted window, 20 postmortems", f"{start20 * ms:.0f} ms",
        f"< 2x bare = {2 * bare * ms:.0f} ms ({start20 / bare:.2f}x)")  # fmt: skip
    row("start to painted window, 10,000 postmortems", f"{start10k * ms:.0f} ms",
        f"< 3x bare = {3 * bare * ms:.0f} ms ({start10k / bare:.2f}x)")  # fmt: skip
    row("  the same, the store not yet checked (changed outside)", f"{start10k_unchecked * ms:.0f} ms",
        f"({start10k_unchecked / bare:.2f}x)")  # fmt: skip
    targets = {"gate": 300, "actions --overdue": 500, "metrics": 500, "list --json": 300}
    for name, seconds in commands.items():
        row(f"pmdesk {name}, 10,000 (whole process)", f"{seconds * ms:.0f} ms",
            f"< {targets[name]} ms")  # fmt: skip
        row("  the same, the store not yet checked", f"{unchecked[name] * ms:.0f} ms", "")
    worst = max(QUERIES, key=lambda q: gui[f"search:{q}"])
    for query in QUERIES:
        row(f"search {query!r} ({gui[f'matches:{query}']} matches), count + first page",
            f"{gui[f'search:{query}']:.1f} ms", "< 20 ms")  # fmt: skip
    row(f"search, slowest of {len(QUERIES)} queries ({worst!r})", f"{gui[f'search:{worst}']:.1f} ms",
        "< 20 ms")  # fmt: skip
    row(f"open a 40-page postmortem ({gui['open_words']:.0f} words), to painted",
        f"{gui['open_ms']:.0f} ms", "< 150 ms")  # fmt: skip
    row("  until the whole of its text is in (slices after the paint)",
        f"{gui['open_whole_ms']:.0f} ms", "")  # fmt: skip
    blocks = {
        "start-up: until the first paint is over (one block)": gui["startup_sync_ms"],
        "start-up: event loop, 3 s after the first paint": gui["startup_loop_ms"],
        "opening: the click on its row (one block)": gui["open_call_ms"],
        "opening: event loop, the build in turns, then 3 s of text and findings": gui[
            "open_loop_ms"
        ],
        "typing: longest keystroke": gui["key_max_ms"],
        "typing: event loop between keystrokes": gui["typing_loop_ms"],
    }
    for what, value in blocks.items():
        row(f"UI thread blocked, {what}", f"{value:.0f} ms", "< 50 ms")
    row("typing: median keystroke", f"{gui['key_median_ms']:.1f} ms", "")
    row("peak memory, window on 10,000 (--exit-after-startup)", f"{rss10k / 1024:.0f} MB",
        "< 250 MB")  # fmt: skip
    window_mb, lint_mb = gui["window_peak_kib"] / 1024, gui["lint_process_peak_kib"] / 1024
    row("peak memory, window on 10,000, after open + typing", f"{window_mb:.0f} MB",
        "< 250 MB")  # fmt: skip
    row("  its lint process (linter + English parser)", f"{lint_mb:.0f} MB", "")
    row("  the two added up (each at its own peak)", f"{window_mb + lint_mb:.0f} MB", "")
    row("peak memory, bare PySide6 window (floor)", f"{bare_rss / 1024:.0f} MB", "")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
