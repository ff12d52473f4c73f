"""Draw docs/screenshots/followthrough.png: the follow-through window on a store of realistic postmortems.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_followthrough.py [TAB]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from desktop_theme import THEMES, apply
from PySide6.QtWidgets import QApplication  # noqa: TID251 - a UI script

from pmdesk.models import ActionItem, Postmortem, Store, open_store
from pmdesk.ui.followup.window import FollowThroughWindow

TODAY = date(2026, 4, 16)
OUT = Path(__file__).resolve().parent


def a(action, owner, priority, due, status="open", done=None):
    return ActionItem(action, owner, priority, due, status, completed_on=done)


def fill(store: Store) -> None:
    """Eight incidents from November to April, as a small platform team would have them."""
    pms = [
        Postmortem(
            "DNS resolution failures in eu-west",
            incident_date="2025-11-04",
            severity="P2",
            status="complete",
            meeting_at="2025-11-10T14:00:00Z",
            root_cause_category="DNS",
            action_items=[
                a(
                    "Cache negative DNS answers for 30 s",
                    "Mei Tanaka",
                    "high",
                    "2025-11-20",
                    "done",
                    "2025-11-18",
                ),
                a(
                    "Second resolver per node",
                    "Omar Haddad",
                    "medium",
                    "2025-12-05",
                    "done",
                    "2025-12-09",
                ),
                a(
                    "Alert on resolver SERVFAIL rate",
                    "Mei Tanaka",
                    "medium",
                    "2025-11-28",
                    "done",
                    "2025-11-26",
                ),
            ],
        ),
        Postmortem(
            "Checkout 502s after config push",
            incident_date="2025-12-12",
            severity="P1",
            status="complete",
            meeting_at="2025-12-17T10:00:00Z",
            root_cause_category="Configuration change",
            action_items=[
                a(
                    "Canary stage for configuration changes",
                    "Priya Raman",
                    "high",
                    "2026-01-16",
                    "done",
                    "2026-01-14",
                ),
                a(
                    "Per-environment config keys",
                    "Luis Ferreira",
                    "high",
                    "2026-01-09",
                    "done",
                    "2026-01-08",
                ),
                a(
                    "Show affected environments in review",
                    "Luis Ferreira",
                    "medium",
                    "2026-01-30",
                    "done",
                    "2026-02-06",
                ),
                a(
                    "Runbook: roll back a config push",
                    "Dana Okafor",
                    "low",
                    "2026-01-23",
                    "done",
                    "2026-01-20",
                ),
            ],
        ),
        Postmortem(
            "Search index 6 hours stale",
            incident_date="2026-01-20",
            severity="P3",
            status="complete",
            meeting_at="2026-01-27T15:00:00Z",
            root_cause_category="capacity",
            action_items=[
                a(
                    "Alert on index age over 30 min",
                    "Omar Haddad",
                    "medium",
                    "2026-02-06",
                    "done",
                    "2026-02-05",
                ),
                a(
                    "Right-size the indexer queue",
                    "Omar Haddad",
                    "low",
                    "2026-02-20",
                    "done",
                    "2026-02-27",
                ),
                a(
                    "Document the reindex procedure",
                    "Sam Whitaker",
                    "low",
                    "2026-02-13",
                    "done",
                    "2026-02-12",
                ),
            ],
        ),
        Postmortem(
            "Login outage during certificate rotation",
            incident_date="2026-02-13",
            severity="P1",
            status="complete",
            meeting_at="2026-02-18T09:00:00Z",
            root_cause_category="Certificate expiry",
            action_items=[
                a(
                    "Automate certificate renewal for the IdP",
                    "Priya Raman",
                    "high",
                    "2026-03-06",
                    "done",
                    "2026-03-04",
                ),
                a("Expiry alerts 30/14/7 days ahead", "Mei Tanaka", "high", "2026-03-13"),
                a(
                    "Inventory of every certificate in use",
                    "Sam Whitaker",
                    "medium",
                    "2026-03-27",
                    "in_progress",
                ),
                a("Game day: rotate a certificate under load", "Dana Okafor", "low", "2026-04-24"),
            ],
        ),
        Postmortem(
            "Checkout latency after feature-flag rollout",
            incident_date="2026-03-05",
            severity="P2",
            status="in_review",
            meeting_at="2026-03-12T14:00:00Z",
            root_cause_category="configuration change",
            action_items=[
                a(
                    "Flag rollouts go through the canary too",
                    "Priya Raman",
                    "high",
                    "2026-04-03",
                    "in_progress",
                ),
                a("Latency SLO alert on checkout", "Luis Ferreira", "medium", "2026-04-10"),
                a("Flag owner shown in the flag UI", "Dana Okafor", "low", "2026-04-30"),
            ],
        ),
        Postmortem(
            "Payment webhooks delayed",
            incident_date="2026-03-27",
            severity="P2",
            status="in_review",
            draft_shared_at="2026-04-02T16:00:00Z",
            meeting_at="2026-04-06T13:00:00Z",
            root_cause_category="Queue backlog",
            action_items=[
                a("Autoscale webhook workers on queue depth", "Omar Haddad", "high", "2026-04-14"),
                a("Dead-letter queue with replay", "Mei Tanaka", "medium", "2026-04-24"),
                a("Partner status page entry", "", "low", None),
            ],
        ),
        Postmortem(
            "Mobile push notifications dropped",
            incident_date="2026-04-10",
            severity="P3",
            status="draft",
            root_cause_category="DNS",
        ),
        Postmortem(
            "Order API 500s after database failover",
            incident_date="2026-04-14",
            severity="P1",
            status="draft",
        ),
    ]
    for pm in pms:
        store.create(pm)


def main() -> None:
    tab = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "demo.db")
        fill(store)
        window = FollowThroughWindow(
            store, today=lambda: TODAY, holidays=lambda: [date(2026, 4, 6)]
        )
        window.metrics.set_period(date(2025, 11, 1), date(2026, 4, 16))
        window.tabs.setCurrentIndex(tab)
        window.resize(1280, 820)
        window.show()
        app.processEvents()
        out = Path(__file__).with_name(
            "followthrough.png" if tab == 0 else f"followthrough-{tab}.png"
        )
        window.grab().save(str(out))
        print(f"wrote {out}")
        window.close()
        if tab == 0:  # the dashboard and the metrics in both desktop themes, at two sizes
            for theme in THEMES:
                apply(app, theme)
                themed = FollowThroughWindow(
                    store, today=lambda: TODAY, holidays=lambda: [date(2026, 4, 6)]
                )
                themed.metrics.set_period(date(2025, 11, 1), date(2026, 4, 16))
                themed.show()
                for width, height in ((1280, 720), (1920, 1080)):
                    themed.resize(width, height)
                    for index, name in ((0, "dashboard"), (3, "metrics")):
                        themed.tabs.setCurrentIndex(index)
                        app.processEvents()
                        themed.grab().save(
                            str(OUT / f"followthrough-{name}-{theme}-{width}x{height}.png")
                        )
                themed.close()
        store.close()


if __name__ == "__main__":
    main()
