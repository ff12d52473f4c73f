"""Every practice metric against a hand calculation on a small, fixed set of postmortems."""

from datetime import date

import pytest

from pmdesk.models import ActionItem, Postmortem, open_store
from pmdesk.models.metrics import Metric, Verdict, monthly_metrics, practice_metrics

D = date.fromisoformat
SINCE, UNTIL, TODAY = D("2026-01-01"), D("2026-03-31"), D("2026-04-15")


def item(due, status="open", done=None):
    return ActionItem("a change to the system", "Dana", "medium", due, status, completed_on=done)


@pytest.fixture
def store(tmp_path):
    """Four postmortems in Q1 2026, two outside it, one undated, and the example (2026-03-10)."""
    store = open_store(tmp_path / "metrics.db")
    pms = [
        # PM1: Fri 9 Jan evening, P1, meeting Wed 14 Jan = business day 3. Complete.
        Postmortem(
            "PM1",
            incident_date="2026-01-09",
            severity="P1",
            status="complete",
            meeting_at="2026-01-14T10:00:00Z",
            root_cause_category="Configuration change",
            action_items=[
                item("2026-01-23", "done", "2026-01-20"),  # on time
                item("2026-01-23", "done", "2026-01-30"),  # late
                item("2026-02-01"),  # overdue
            ],
        ),
        # PM2: Mon 2 Feb, P2, meeting Tue 10 Feb = business day 6. In review.
        Postmortem(
            "PM2",
            incident_date="2026-02-02",
            severity="P2",
            status="in_review",
            meeting_at="2026-02-10T10:00:00Z",
            root_cause_category="  configuration CHANGE ",  # recurs: PM1, 24 days before
            action_items=[
                item("2026-02-27", "done", "2026-02-20"),  # on time
                item("2026-05-01"),  # not yet due: left out
                item(None),  # no due date: left out
                item("2026-02-20", "done"),  # done, date unknown: left out
            ],
        ),
        # PM3: Wed 4 Mar, P3, no meeting. Recurs: PM5 had "capacity" 154 days before.
        Postmortem(
            "PM3", incident_date="2026-03-04", severity="P3", root_cause_category="capacity"
        ),
        # PM4: Thu 12 Mar, P2 complete; meeting set for after TODAY, so not held yet.
        Postmortem(
            "PM4",
            incident_date="2026-03-12",
            severity="P2",
            status="complete",
            meeting_at="2026-04-20T10:00:00Z",
            action_items=[
                item("2026-03-25", "done", "2026-03-20"),
                item("2026-03-25", "done", "2026-03-24"),
            ],
        ),
        Postmortem("PM5", incident_date="2025-10-01", root_cause_category="Capacity"),
        Postmortem("PM6", incident_date="2026-04-05", root_cause_category="configuration change"),
        Postmortem("PM7 undated", root_cause_category="capacity"),
    ]
    for pm in pms:
        store.create(pm)
    yield store
    store.close()


def test_every_metric_matches_the_hand_calculation(store):
    result = practice_metrics(store.postmortems(), SINCE, UNTIL, TODAY)
    assert result.postmortems == 4 and result.undated == 1  # the example is not counted

    ttp = result.metric("time_to_postmortem")
    assert ttp.value == (3 + 6) / 2 and ttp.verdict is Verdict.MET
    assert ttp.counts == {"measured": 2, "missing": 2}

    on_time = result.metric("on_time")
    assert on_time.value == pytest.approx(100 * 4 / 6)  # 4 on time of 4 + 1 late + 1 overdue
    assert on_time.verdict is Verdict.MISSED
    assert on_time.counts == {
        "on_time": 4,
        "late": 1,
        "overdue": 1,
        "not_yet_due": 1,
        "no_due_date": 1,
        "done_undated": 1,
    }

    recurring = result.metric("recurring")
    assert recurring.value == 50.0 and recurring.verdict is Verdict.MISSED  # PM2, PM3 of 4
    assert recurring.counts == {"recurring": 2, "uncategorised": 1}
    cats = [(c.category, c.count, c.first, c.last) for c in result.recurring_categories]
    assert cats == [
        ("configuration CHANGE", 2, D("2026-01-09"), D("2026-02-02")),
        ("capacity", 1, D("2026-03-04"), D("2026-03-04")),
    ]

    completion = result.metric("completion_p1_p2")
    assert completion.value == pytest.approx(100 * 2 / 3)  # PM1 and PM4 of PM1, PM2, PM4
    assert completion.verdict is Verdict.MISSED

    per_pm = result.metric("actions_per_postmortem")
    assert per_pm.value == 9 / 4 and per_pm.verdict is Verdict.MISSED


def test_holidays_lengthen_time_to_postmortem(store):
    # With Mon 12 Jan a holiday, PM1's meeting (Wed 14) is business day 2; PM2 is untouched.
    result = practice_metrics(store.postmortems(), SINCE, UNTIL, TODAY, [D("2026-01-12")])
    assert result.metric("time_to_postmortem").value == (2 + 6) / 2


def test_no_postmortems_means_no_data_not_a_verdict(tmp_path):
    with open_store(tmp_path / "empty.db") as store:  # holds only the example
        result = practice_metrics(store.postmortems(), SINCE, UNTIL, TODAY)
    assert result.postmortems == 0
    assert {m.verdict for m in result.metrics} == {Verdict.NO_DATA}
    assert all(m.formatted() == "—" for m in result.metrics)


def test_postmortems_without_action_items():
    pms = [Postmortem("x", incident_date="2026-02-02", severity="P3", id=1)]
    result = practice_metrics(pms, SINCE, UNTIL, TODAY)
    assert result.metric("on_time").verdict is Verdict.NO_DATA
    assert result.metric("completion_p1_p2").verdict is Verdict.NO_DATA  # no P1/P2 at all
    assert result.metric("actions_per_postmortem").value == 0


def test_recurrence_window_is_180_days_and_same_day_goes_by_id():
    def pm(pm_id, day):
        return Postmortem(f"#{pm_id}", incident_date=day, root_cause_category="DNS", id=pm_id)

    # 1 Jan + 180 days = 30 June: inside; 1 July: outside.
    inside = practice_metrics(
        [pm(1, "2026-01-01"), pm(2, "2026-06-30")], D("2026-06-01"), D("2026-06-30"), TODAY
    )
    assert inside.metric("recurring").value == 100.0
    outside = practice_metrics(
        [pm(1, "2026-01-01"), pm(2, "2026-07-01")], D("2026-07-01"), D("2026-07-31"), TODAY
    )
    assert outside.metric("recurring").value == 0.0
    same_day = practice_metrics([pm(1, "2026-02-02"), pm(2, "2026-02-02")], SINCE, UNTIL, TODAY)
    assert same_day.metric("recurring").counts["recurring"] == 1  # the second one recurs


@pytest.mark.parametrize(
    ("key", "met", "missed"),
    [
        ("time_to_postmortem", 5.0, 5.5),
        ("on_time", 80.5, 80.0),
        ("recurring", 9.9, 10.0),
        ("completion_p1_p2", 100.0, 99.0),
        ("actions_per_postmortem", 3.0, 7.5),
        ("actions_per_postmortem", 7.0, 2.5),
    ],
)
def test_target_boundaries(key, met, missed):
    assert Metric(key, key, met, "").verdict is Verdict.MET
    assert Metric(key, key, missed, "").verdict is Verdict.MISSED


def test_monthly_series_for_the_chart(store):
    months = monthly_metrics(store.postmortems(), SINCE, UNTIL, TODAY)
    assert [m for m, _ in months] == [D("2026-01-01"), D("2026-02-01"), D("2026-03-01")]
    jan, feb, mar = (r for _, r in months)
    assert jan.metric("time_to_postmortem").value == 3
    assert feb.metric("time_to_postmortem").value == 6
    assert mar.metric("time_to_postmortem").value is None  # neither March meeting was held
    assert mar.metric("actions_per_postmortem").value == 1.0  # 2 items in PM3 and PM4


def test_json_is_plain(store):
    data = practice_metrics(store.postmortems(), SINCE, UNTIL, TODAY).to_dict()
    assert data["metrics"]["time_to_postmortem"] == {
        "label": "Time to postmortem",
        "value": 4.5,
        "unit": "business days",
        "target": "≤ 5 business days",
        "verdict": "met",
        "counts": {"measured": 2, "missing": 2},
    }
    assert data["recurring_categories"][1] == {
        "category": "capacity",
        "count": 1,
        "first": "2026-03-04",
        "last": "2026-03-04",
    }
