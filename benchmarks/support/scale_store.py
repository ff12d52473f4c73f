"""Build a store of many realistic postmortems through the Store's public API.

Used by benchmarks/scale.py and by tests that need a varied library. Sizes
vary the way a real library does: most postmortems are a page or two, a few
run long; timelines from none to sixty events; zero to nine action items, most
done, some late, a few left open long after they were due; incidents spread
over the two years before `today`, with a few dozen root-cause categories so
that recurrences exist.

    python benchmarks/support/scale_store.py PATH [COUNT]   build a store at PATH (default 10,000)
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pmdesk.models import (
    ActionItem,
    ContributingFactor,
    Postmortem,
    Store,
    TimelineEvent,
)

SENTENCES = [
    "The payment client ran out of connections to the gateway and requests queued.",
    "The retry policy multiplied the load on the database during the evening peak.",
    "A configuration change meant for staging reached production through the shared key.",
    "The alert waited five minutes above threshold before paging the on-call engineer.",
    "Disk usage on the log volume grew faster than the rotation job could clear it.",
    "The certificate on the internal load balancer expired at midnight UTC.",
    "Cache hit rate fell to zero after the deploy changed the key format.",
    "The queue consumer lagged behind by forty minutes while a partition was rebalanced.",
    "DNS resolution for the billing service failed intermittently in one region.",
    "The feature flag service returned stale values after a failover.",
    "Rolling back the release restored the error rate within three minutes.",
    "Customers saw checkout errors for twenty-two minutes during the incident.",
    "The runbook did not cover a failover of the primary replica.",
    "Saturation of the connection pool had no alert of its own.",
    "The migration locked the orders table for longer than the deploy window allowed.",
]
CATEGORIES = [
    "Configuration change", "Capacity", "Certificate expiry", "Dependency failure",
    "Deploy process", "Database migration", "Alerting gap", "DNS", "Cache", "Queue backlog",
    "Network partition", "Feature flag", "Disk space", "Rate limiting", "Third-party API",
    "Memory leak", "Clock skew", "Secrets rotation", "Load balancer", "Autoscaling",
    "Schema change", "Data corruption", "Thundering herd", "Timeout tuning", "Runbook gap",
    "Monitoring", "Permissions", "Backup restore", "Build pipeline", "Region failover",
]  # fmt: skip
PEOPLE = ["Dana", "Priya", "Ravi", "Mei", "Tomás", "Aisha", "Jonas", "Kofi", "Lena", "Sam"]
SOURCES = ["manual", "pagerduty", "slack", "grafana"]
ACTION_VERBS = [
    "Add an alert on connection pool saturation",
    "Document the failover procedure in the runbook",
    "Split the staging and production configuration keys",
    "Automate certificate renewal for internal load balancers",
    "Cap retries with exponential backoff in the payment client",
    "Add a dashboard panel for queue consumer lag",
    "Run the migration in batches outside peak hours",
]
WORDS_PER_PAGE = 500


def paragraphs(rng: random.Random, words: int) -> str:
    """About `words` words of plausible incident prose, in paragraphs."""
    out: list[str] = []
    count = 0
    while count < words:
        para = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6)))
        out.append(para)
        count += len(para.split())
    return "\n\n".join(out)


def realistic(rng: random.Random, n: int, today: date, *, pages: float | None = None) -> Postmortem:
    """One postmortem of a random but plausible size, its incident within two years of today."""
    incident = today - timedelta(days=rng.randint(0, 730))
    start = datetime(incident.year, incident.month, incident.day, rng.randint(0, 22), tzinfo=UTC)
    start += timedelta(minutes=rng.randint(0, 59))
    end = start + timedelta(minutes=rng.randint(5, 600))
    # most postmortems are one or two pages, a few much longer
    size = pages if pages is not None else min(30.0, rng.lognormvariate(0.3, 0.7))
    words = int(size * WORDS_PER_PAGE)
    events = [
        TimelineEvent(
            start + timedelta(minutes=i * rng.randint(1, 9)),
            rng.choice(SENTENCES),
            rng.choice(SOURCES),
        )
        for i in range(rng.randint(0, 60) if pages is None else 120)
    ]
    actions = []
    for _ in range(rng.randint(0, 9)):
        due = incident + timedelta(days=rng.randint(7, 60))
        # Teams close most items within weeks; a few linger open long after they were due.
        open_chance = 0.6 if due > today - timedelta(days=30) else 0.08
        priority = rng.choices(["high", "medium", "low"], [2, 5, 3])[0]
        if rng.random() >= open_chance:
            done_on = min(due + timedelta(days=rng.randint(-20, 15)), today)
            item = ActionItem(
                rng.choice(ACTION_VERBS), rng.choice(PEOPLE), priority, due, "done", done_on
            )
        else:
            item = ActionItem(
                rng.choice(ACTION_VERBS), rng.choice(PEOPLE), priority,
                due if rng.random() < 0.95 else None, rng.choice(["open", "in_progress"]),
            )  # fmt: skip
        actions.append(item)
    held = incident + timedelta(days=rng.randint(2, 12))
    return Postmortem(
        title=f"{rng.choice(CATEGORIES)} incident #{n}",
        incident_date=incident,
        authors=rng.sample(PEOPLE, rng.randint(1, 3)),
        status=rng.choices(["draft", "in_review", "complete"], [1, 1, 6])[0],
        severity=rng.choices(["P1", "P2", "P3"], [1, 3, 6])[0],
        started_at=start,
        ended_at=end,
        user_impact=paragraphs(rng, max(20, words // 10)),
        timeline=events,
        what_happened=paragraphs(rng, max(40, words * 4 // 10)),
        why_it_happened=paragraphs(rng, max(30, words * 3 // 10)),
        why_not_caught=paragraphs(rng, max(20, words // 10)),
        whys=[rng.choice(SENTENCES) for _ in range(rng.randint(0, 5))],
        root_cause=rng.choice(SENTENCES),
        root_cause_category=rng.choice(CATEGORIES) if rng.random() < 0.9 else "",
        contributing_factors=[
            ContributingFactor(rng.choice(SENTENCES), rng.random() < 0.5)
            for _ in range(rng.randint(0, 6))
        ],
        went_well=paragraphs(rng, max(10, words // 20)),
        could_improve=paragraphs(rng, max(10, words // 20)),
        action_items=actions,
        meeting_at=datetime(held.year, held.month, held.day, 15, tzinfo=UTC)
        if held <= today
        else None,
    )


def build(path: Path, count: int, today: date, *, seed: int = 13) -> int:
    """Fill a new store at `path` with `count` postmortems; return the id of a 40-page one."""
    rng = random.Random(seed)
    with Store(path) as store:
        long_id = 0
        batch = 250
        for first in range(0, count, batch):
            # one write transaction per batch: the public API, without 10,000 fsyncs
            with store.transaction():
                for n in range(first, min(count, first + batch)):
                    pages = 40.0 if n == count // 2 else None
                    pm = store.create(realistic(rng, n, today, pages=pages))
                    if pages is not None:
                        long_id = pm.id or 0
        return long_id


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    count = int(argv[1]) if len(argv) > 1 else 10_000
    if path.exists():
        print(f"{path} exists; choose a new path", file=sys.stderr)
        return 2
    long_id = build(path, count, date.today())
    print(f"built {count} postmortems at {path}; the 40-page one has id {long_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
