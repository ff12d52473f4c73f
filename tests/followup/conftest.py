"""A store with a few postmortems whose follow-through figures are worked out by hand."""

from datetime import date

import pytest

from pmdesk.models import ActionItem, Postmortem, open_store

TODAY = date(2026, 3, 20)  # a Friday


def item(action, owner, priority, due, status="open", done=None):
    return ActionItem(action, owner, priority, due, status, completed_on=done)


@pytest.fixture
def followup_store(tmp_path):
    """Two postmortems with action items, plus the example (whose late items never count).

    As of TODAY (Fri 20 March 2026):
      rollback    high    due 10 Mar  open         10 days overdue
      dashboards  medium  due 18 Mar  in progress   2 days overdue
      runbook     low     due 19 Mar  open          1 day overdue
      alert       high    due 20 Mar  open          due today, not overdue
      capacity    high    no date     open          never overdue
      canary      high    due 01 Mar  done 27 Feb   done
    """
    store = open_store(tmp_path / "followup.db")
    store.create(
        Postmortem(
            "Checkout 502s after deploy",
            incident_date="2026-03-02",
            severity="P1",
            action_items=[
                item("Automate the rollback", "Dana Okafor", "high", "2026-03-10"),
                item(
                    "Dashboards for pool use",
                    "Luis Ferreira",
                    "medium",
                    "2026-03-18",
                    "in_progress",
                ),
                item(
                    "Canary for config", "Luis Ferreira", "high", "2026-03-01", "done", "2026-02-27"
                ),
            ],
        )
    )
    store.create(
        Postmortem(
            "Search index stale",
            incident_date="2026-03-09",
            severity="P2",
            action_items=[
                item("Update the runbook", "dana okafor ", "low", "2026-03-19"),
                item("Alert on index age", "Priya Raman", "high", "2026-03-20"),
                item("Capacity review", "", "high", None),
            ],
        )
    )
    yield store
    store.close()
