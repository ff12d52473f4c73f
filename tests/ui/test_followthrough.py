"""The follow-through window, driven with real widgets on a real store."""

import json
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from pmdesk.cli import main
from pmdesk.models import ActionItem, ActionStatus, Postmortem, open_store
from pmdesk.models.followup import gate_blockers, overdue_actions
from pmdesk.ui.followup.action_model import ActionTableModel
from pmdesk.ui.followup.window import FollowThroughWindow

TODAY = date(2026, 3, 20)


def item(action, owner, priority, due, status="open"):
    return ActionItem(action, owner, priority, due, status)


@pytest.fixture
def followup_db(tmp_path):
    store = open_store(tmp_path / "ft.db")
    store.create(
        Postmortem(
            "Checkout 502s after deploy",
            incident_date="2026-03-02",
            severity="P1",
            meeting_at="2026-03-05T10:00:00Z",
            root_cause_category="configuration change",
            action_items=[
                item("Automate the rollback", "Dana Okafor", "high", "2026-03-10"),
                item("Dashboards for pool use", "Luis Ferreira", "medium", "2026-03-18"),
            ],
        )
    )
    store.create(
        Postmortem(
            "Search index stale",
            incident_date="2026-03-16",
            severity="P2",
            action_items=[
                item("Update the runbook", "Dana Okafor", "low", "2026-03-19"),
                item("Alert on index age", "Priya Raman", "high", "2026-03-27"),
            ],
        )
    )
    yield store
    store.close()


@pytest.fixture
def ft(qtbot, followup_db):
    w = FollowThroughWindow(followup_db, today=lambda: TODAY, holidays=lambda: [])
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def table_actions(model):
    return [model.index(r, ActionTableModel.ACTION).data() for r in range(model.rowCount())]


def select_row(view, row):
    index = view.model.index(row, 0)
    view.table.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_action_model_passes_the_model_tester(followup_db):
    model = ActionTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    rows = overdue_actions(followup_db.actions(), TODAY)
    model.set_rows(rows)
    assert model.rowCount() == 3 and model.columnCount() == 7
    assert model.index(0, ActionTableModel.LATE).data() == "10 d"
    model.remove_action(rows[1].item.id)
    assert table_actions(model) == ["Automate the rollback", "Update the runbook"]
    model.set_rows([])
    assert model.rowCount() == 0


def test_mark_done_records_today_and_leaves_the_list(qtbot, ft, followup_db):
    ft.tabs.setCurrentWidget(ft.overdue)
    view = ft.overdue
    assert table_actions(view.model) == [
        "Automate the rollback",
        "Dashboards for pool use",
        "Update the runbook",
    ]
    assert not view.mark_done_button.isEnabled()
    select_row(view, 0)
    assert view.mark_done_button.isEnabled()
    item_id = view.selected_ids()[0]
    qtbot.mouseClick(view.mark_done_button, Qt.MouseButton.LeftButton)

    stored = followup_db.get_action(item_id)
    assert stored.status is ActionStatus.DONE and stored.completed_on == TODAY
    assert "Automate the rollback" not in table_actions(view.model)
    assert view.summary.text().startswith("2 overdue")
    # The dashboard follows: nothing high-priority is overdue now, so the gate is open.
    assert ft.dashboard.gate_tile.number.text() == "Open"
    assert gate_blockers(followup_db.actions(), TODAY) == []

    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    stored = followup_db.get_action(item_id)
    assert stored.status is ActionStatus.OPEN and stored.completed_on is None
    assert table_actions(view.model)[0] == "Automate the rollback"
    assert ft.dashboard.gate_tile.number.text() == "Blocked (1)"


def test_filters_by_owner_and_priority(ft):
    view = ft.overdue
    view.owner_filter.setCurrentIndex(view.owner_filter.findText("Dana Okafor"))
    assert table_actions(view.model) == ["Automate the rollback", "Update the runbook"]
    view.priority_filter.setCurrentIndex(view.priority_filter.findText("Low"))
    assert table_actions(view.model) == ["Update the runbook"]
    assert view.summary.text().startswith("1 of 3 overdue")
    view.owner_filter.setCurrentIndex(0)
    view.priority_filter.setCurrentIndex(0)
    assert len(table_actions(view.model)) == 3


def test_dashboard_agrees_with_the_command_line(ft, followup_db, capsys):
    code = main(
        ["--db", str(followup_db.path), "actions", "--overdue", "--json", "--today", str(TODAY)]
    )
    assert code == 0
    cli = [(r["action"], r["days_overdue"]) for r in json.loads(capsys.readouterr().out)]
    model = ft.dashboard.actions_model
    shown = [(r.item.action, r.days_overdue) for r in model.rows()]
    assert (
        shown
        == cli
        == [
            ("Automate the rollback", 10),
            ("Dashboards for pool use", 2),
            ("Update the runbook", 1),
        ]
    )
    assert ft.dashboard.overdue_tile.number.text() == "3"
    # P2 of Mon 16 March, nothing done: gather data was due Wed 18 -> late.
    late = [ft.dashboard.late.topLevelItem(i) for i in range(ft.dashboard.late.topLevelItemCount())]
    assert [(i.text(2), i.text(4)) for i in late] == [
        ("Search index stale", "Day 2 · Gather data, build the timeline")
    ]


def test_weekly_review_groups_by_owner(ft):
    ft.tabs.setCurrentWidget(ft.weekly)
    assert ft.weekly.owners() == [
        "Dana Okafor — 2 open, 2 overdue",
        "Luis Ferreira — 1 open, 1 overdue",
        "Priya Raman — 1 open",
    ]
    newly = ft.weekly.newly_overdue
    assert [newly.topLevelItem(i).text(0) for i in range(newly.topLevelItemCount())] == [
        "Dashboards for pool use",
        "Update the runbook",
    ]


def test_metrics_view_shows_values_targets_and_verdicts(ft):
    ft.tabs.setCurrentWidget(ft.metrics)
    ft.metrics.set_period(date(2026, 3, 1), date(2026, 3, 31))
    ttp = ft.metrics.cards["time_to_postmortem"]
    # Mon 2 March to Thu 5 March: 3 business days; the other meeting is not held.
    assert ttp.value.text() == "3.0 business days"
    assert ttp.verdict.text() == "Met" and ttp.target.text() == "Target ≤ 5 business days"
    per_pm = ft.metrics.cards["actions_per_postmortem"]
    assert per_pm.value.text() == "2.0 items" and per_pm.verdict.text() == "Missed"
    assert ft.metrics.summary.text() == "2 postmortems in the period"
    chart = ttp.chart
    assert [p.label for p in chart.points] == ["Mar"]
    assert not chart.grab().isNull()


def test_the_main_window_opens_it_from_the_view_menu(qtbot, window):
    assert window.followthrough_action in window.view_menu.actions()
    window.followthrough_action.trigger()
    ft = window.followthrough
    qtbot.waitExposed(ft)
    assert ft.isWindow() and ft.tabs.tabText(0) == "Dashboard"
    # The example postmortem's late items never count.
    assert ft.dashboard.actions_model.rowCount() == 0
    window.followthrough_action.trigger()
    assert window.followthrough is ft


def test_empty_step_lists_say_why_and_dates_of_other_years_carry_the_year(qtbot, tmp_path):
    store = open_store(tmp_path / "few.db")
    # incident late in December: its later steps fall in the next year
    store.create(Postmortem(title="Year end", incident_date="2026-12-28", severity="P2"))
    w = FollowThroughWindow(store, today=lambda: date(2026, 12, 29), holidays=lambda: [])
    qtbot.addWidget(w)
    rows = [w.dashboard.soon.topLevelItem(i) for i in range(w.dashboard.soon.topLevelItemCount())]
    assert any(r.text(0).endswith("2027") for r in rows)  # 'Fri 01 Jan 2027', not 'Fri 01 Jan'
    assert w.dashboard.late.topLevelItem(0).text(0) == "No postmortem step is late."
    header = w.dashboard.late.headerItem()
    assert header.textAlignment(0) & Qt.AlignmentFlag.AlignLeft or (
        w.dashboard.late.header().defaultAlignment() & Qt.AlignmentFlag.AlignLeft
    )
    store.close()


def test_a_period_that_misses_every_postmortem_says_where_they_are_and_goes_there(ft, qtbot):
    ft.tabs.setCurrentWidget(ft.metrics)
    ft.metrics.set_period(date(2020, 1, 1), date(2020, 6, 30))
    summary = ft.metrics.summary.text()
    assert summary.startswith("No postmortem in this period: their incidents run from ")
    button = ft.metrics.data_range_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ft.metrics.result.postmortems > 0 and not button.isVisible()


def test_late_steps_wrap_a_long_title_instead_of_cutting_it(ft, qtbot):
    tree = ft.dashboard.late
    item = tree.topLevelItem(0)
    item.setText(2, "A long postmortem title about search index staleness after the reindex job")
    ft.resize(1280, 720)
    qtbot.wait(50)
    tree.doItemsLayout()
    rect = tree.visualItemRect(item)
    width = tree.header().sectionSize(2)
    needed = tree.fontMetrics().horizontalAdvance(item.text(2))
    # narrower than the title: the row grows to show it on more lines, with nothing cut
    assert width < needed
    assert rect.height() >= 2 * tree.fontMetrics().height()
    assert tree.wordWrap()
