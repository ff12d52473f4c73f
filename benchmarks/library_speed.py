"""A team library of 10,000 postmortems: index from scratch, index 10 changed files, gate.

Run: .venv/bin/python benchmarks/library_speed.py [--count N] [--dir DIR]
Targets from issue 16: from scratch under 15 s, 10 changed files under 1 s, and
`pmdesk gate --library DIR` under 1 s as a whole process. Each figure is printed
beside a floor measured in the same run: reading every file's bytes, a `stat` of
every file, and a Python process that imports pmdesk's command line and exits.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pmdesk.library.folder import file_name_for, new_uid, postmortem_files, write_library_file
from pmdesk.library.index import LibraryIndex
from pmdesk.models import ActionItem, ContributingFactor, Postmortem, TimelineEvent

SYSTEMS = [
    "DNS resolvers",
    "checkout API",
    "payment gateway",
    "search cluster",
    "CDN edge",
    "auth service",
    "message queue",
    "billing batch",
    "image pipeline",
    "VPN",
]
VERBS = ["dropped requests", "returned errors", "ran out of memory", "stalled", "lost a replica"]
OWNERS = ["Dana Okafor", "Luis Ferreira", "Priya Raman", "Sam Whitaker", "Mei Chen"]


def postmortem(i: int, rng: random.Random) -> Postmortem:
    """A postmortem of ordinary size (about 4 KB of Markdown), different for each i."""
    day = date(2020, 1, 1) + timedelta(days=i % 2400)
    start = datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60), tzinfo=UTC)
    system = SYSTEMS[i % len(SYSTEMS)]
    words = f"{system} {VERBS[i % len(VERBS)]}"
    return Postmortem(
        title=f"{words.capitalize()} (incident {i})",
        incident_date=day,
        authors=rng.sample(OWNERS, 2),
        status=rng.choice(["draft", "in_review", "complete"]),
        severity=rng.choice(["P1", "P2", "P3"]),
        started_at=start,
        ended_at=start + timedelta(minutes=rng.randrange(5, 300)),
        user_impact=f"About {rng.randrange(1, 60)}% of requests to the {system} failed.",
        what_happened=f"The {system} {VERBS[(i + 1) % len(VERBS)]} after a configuration "
        "change rolled out to every region at once.\n\nTraffic recovered after the rollback.",
        why_it_happened="The change skipped the canary stage because the pipeline had no "
        "check for this kind of setting.",
        why_not_caught="No alert watched the saturation of the pool.",
        timeline=[
            TimelineEvent(
                at=start + timedelta(minutes=7 * k),
                text=f"Step {k}: {words}; on-call checked the dashboards",
                source=rng.choice(["manual", "slack", "alertmanager"]),
            )
            for k in range(rng.randrange(6, 14))
        ],
        whys=[f"Why {k}: the {system} had no limit on retries" for k in range(5)],
        root_cause="Configuration changes reach production without a staged rollout.",
        root_cause_category=rng.choice(["config change", "capacity", "dependency"]),
        contributing_factors=[
            ContributingFactor(f"Factor {k} of the {system}", checked=k % 2 == 0) for k in range(4)
        ],
        went_well="The rollback took four minutes.",
        could_improve="Alerts arrived after customers reported errors.",
        action_items=[
            ActionItem(
                f"Action {k}: add a canary check to the {system} pipeline",
                owner=OWNERS[(i + k) % len(OWNERS)],
                priority=["high", "medium", "low"][k % 3],
                due_date=day + timedelta(days=14 + 7 * k),
                status=rng.choice(["open", "in_progress", "done"]),
            )
            for k in range(rng.randrange(3, 7))
        ],
    )


def build(root: Path, count: int) -> None:
    """Write the library: a team that follows through, so most old action items are done."""
    rng = random.Random(16)
    followed_up = date.today() - timedelta(days=60)
    for i in range(count):
        pm = postmortem(i, rng)
        pm.action_items = [
            replace(a, status="done", completed_on=a.due_date)
            if (a.due_date < followed_up and rng.random() < 0.995) or a.status == "done"
            else a
            for a in pm.action_items
        ]
        uid = new_uid()
        write_library_file(root, file_name_for(pm, uid), pm, uid)


def timed(fn):  # noqa: ANN001, ANN201
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds used so far by this process and by its finished child processes."""
    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def read_every_file(root: Path) -> int:
    return sum(len((root / rel).read_bytes()) for rel in postmortem_files(root))


def process_seconds(argv: list[str], runs: int = 5) -> tuple[float, float, int]:
    """Median wall time, mean CPU time and the exit status of a command run `runs` times."""
    times, code = [], 0
    cpu_before = cpu_seconds()[1]
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(argv, capture_output=True, check=False).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), (cpu_seconds()[1] - cpu_before) / runs, code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, help="build the library here (default: a temp dir)")
    args = parser.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="pmdesk-library-bench-"))
    shutil.rmtree(root / ".pmdesk", ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    existing = len(postmortem_files(root))
    if existing not in (0, args.count):
        sys.exit(f"{root} holds {existing} postmortems, not {args.count}: choose an empty folder")
    # --dir with a library built by an earlier run reuses it (writing it takes longer than
    # everything measured)
    seconds, _ = timed(lambda: build(root, args.count) if not existing else None)
    size = sum(s for _, s in postmortem_files(root).values())
    print(
        f"library: {args.count} postmortems, {size / 2**20:.1f} MB in {root} "
        f"(written in {seconds:.1f} s)"
    )
    # the machine is shared: the load says how much of it this run had
    print("load average at start: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))

    floor, _ = timed(lambda: read_every_file(root))
    index = LibraryIndex(root)
    before = cpu_seconds()
    seconds, report = timed(index.refresh)
    here, workers = (after - start for after, start in zip(cpu_seconds(), before, strict=True))
    assert report.added == args.count and not report.problems, report.summary()
    print(
        f"index from scratch       {seconds:7.2f} s   (target < 15 s; floor, reading "
        f"every file's bytes: {floor:.2f} s; {os.cpu_count()} CPUs)"
    )
    # on a shared machine the wall time depends on what else runs; the CPU time does not
    print(f"  CPU time: {here:.2f} s in this process, {workers:.2f} s in the parsing workers")

    rng = random.Random(7)
    changed = rng.sample(sorted(postmortem_files(root)), 10)
    for rel in changed:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        # swap one word each run, so a reused library changes too
        old, new = ("four", "three") if "took four minutes" in text else ("three", "four")
        path.write_text(
            text.replace(f"The rollback took {old} minutes.", f"The rollback took {new} minutes."),
            encoding="utf-8",
        )
    floor, _ = timed(lambda: postmortem_files(root))
    seconds, report = timed(index.refresh)
    assert report.updated == 10, report.summary()
    print(
        f"index, 10 files changed  {seconds:7.2f} s   (target < 1 s; floor, a stat of "
        f"every file: {floor:.2f} s)"
    )

    # a CI job that restores a cached index into a fresh checkout: every mtime is new
    for rel in postmortem_files(root):
        os.utime(root / rel)
    seconds, report = timed(index.refresh)
    assert report.updated == 0 and report.unchanged == args.count, report.summary()
    print(
        f"index, fresh checkout    {seconds:7.2f} s   (a cached index, every mtime new: "
        "each file hashed, none parsed)"
    )
    index.close()

    python = sys.executable
    gate, gate_cpu, code = process_seconds([python, "-m", "pmdesk", "gate", "--library", str(root)])
    floor, floor_cpu, _ = process_seconds([python, "-c", "import pmdesk.cli"])
    print(
        f"gate --library, process  {gate:7.2f} s   (target < 1 s; exit {code}; floor, a "
        f"process that imports pmdesk.cli: {floor:.2f} s; median of 5)"
    )
    print(f"  CPU time: {gate_cpu:.2f} s a run (the floor: {floor_cpu:.2f} s)")
    print("load average at end:   {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
