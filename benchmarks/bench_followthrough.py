"""How long the follow-through queries take on a large store: overdue list, gate, schedule, metrics.

Run: .venv/bin/python benchmarks/bench_followthrough.py [POSTMORTEMS]
Prints the figures; asserts nothing (tests do not time things).
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pmdesk.models import ActionItem, Postmortem, Store
from pmdesk.models.followup import gate_blockers, overdue_actions, weekly_review
from pmdesk.models.metrics import monthly_metrics, practice_metrics
from pmdesk.models.schedule import schedule_dashboard

TODAY = date(2026, 6, 30)
CATEGORIES = ["configuration change", "capacity", "DNS", "dependency", "deploy", "certificate"]


def fill(store: Store, count: int) -> None:
    rng = random.Random(6)
    with store.transaction():
        for i in range(count):
            day = TODAY - timedelta(days=rng.randrange(0, 730))
            items = [
                ActionItem(
                    f"Action {i}.{j}",
                    owner=f"Owner {rng.randrange(25)}",
                    priority=rng.choice(["high", "medium", "low"]),
                    due_date=day + timedelta(days=rng.randrange(7, 60)),
                    status=rng.choice(["open", "in_progress", "done", "done"]),
                )
                for j in range(rng.randrange(0, 9))
            ]
            for item in items:
                if item.status == "done":
                    item.completed_on = item.due_date + timedelta(days=rng.randrange(-10, 10))
            store.create(
                Postmortem(
                    f"Incident {i}",
                    incident_date=day,
                    severity=rng.choice(["P1", "P2", "P3"]),
                    status=rng.choice(["draft", "in_review", "complete"]),
                    meeting_at=f"{day + timedelta(days=rng.randrange(1, 12))}T10:00:00Z",
                    root_cause_category=rng.choice(CATEGORIES),
                    action_items=items,
                )
            )


def timed(label: str, fn, repeat: int = 3):  # noqa: ANN001, ANN201
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    print(f"  {label:<44} {best * 1000:8.1f} ms")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        store = Store(path)
        fill(store, count)
        actions = store.actions()
        print(f"{count} postmortems, {len(actions)} action items (best of 3)")
        records = timed("Store.actions()", store.actions)
        timed("overdue_actions (sort + filter)", lambda: overdue_actions(records, TODAY))
        timed("gate_blockers", lambda: gate_blockers(records, TODAY))
        timed("weekly_review", lambda: weekly_review(records, TODAY))
        pms = timed("Store.postmortems() (full documents)", store.postmortems)
        timed("schedule_dashboard", lambda: schedule_dashboard(pms, TODAY))
        since = TODAY - timedelta(days=365)
        timed("practice_metrics, one year", lambda: practice_metrics(pms, since, TODAY, TODAY))
        timed(
            "monthly_metrics, 12 months (the charts)",
            lambda: monthly_metrics(pms, since, TODAY, TODAY),
        )
        store.close()
        cmd = [sys.executable, "-m", "pmdesk", "--db", str(path), "gate", "--today", str(TODAY)]
        timed(
            "pmdesk gate (new process, end to end)",
            lambda: subprocess.run(cmd, capture_output=True),
        )


if __name__ == "__main__":
    main()
