"""The import preview: real dialog on a real store; Cancel writes nothing, OK writes the checked."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from pmdesk.models import Postmortem
from pmdesk.ui import timeline_import_dialog as module
from pmdesk.ui.lint_worker import lint_worker
from pmdesk.ui.timeline_import_dialog import (
    CandidatesModel,
    CsvColumnsDialog,
    TimelineImportDialog,
    import_timeline_interactively,
)

DATA = Path(__file__).parent.parent / "data" / "timeline"


@pytest.fixture
def pm_id(store):
    pm = store.create(
        Postmortem(
            title="Checkout errors",
            authors=["Dana Reyes"],
            started_at="2026-03-10T14:05:00Z",
            ended_at="2026-03-10T14:52:00Z",
            timeline=[{"at": "2026-03-10T14:13:41Z", "text": "Acknowledged by Dana Reyes."}],
        )
    )
    return pm.id


@pytest.fixture
def pick(monkeypatch):
    """Patch the file dialog to answer with a sample file."""

    def choose(name):
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(DATA / name), ""))
        )

    return choose


def drive_preview(monkeypatch, qtbot, steps):
    """Replace the modal exec() with steps done on the shown dialog, then its result."""
    seen = {}

    def fake_exec(self):
        qtbot.addWidget(self)
        self.show()
        seen["dialog"] = self
        steps(self)
        return self.result()

    monkeypatch.setattr(TimelineImportDialog, "exec", fake_exec)
    return seen


def texts(store, pm_id):
    return [e.text for e in store.get(pm_id).timeline]


def test_cancel_writes_nothing(store, pm_id, pick, monkeypatch, qtbot):
    pick("pagerduty_log_entries.json")
    before = store.get(pm_id).timeline

    def cancel(dialog):
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    seen = drive_preview(monkeypatch, qtbot, cancel)
    assert import_timeline_interactively(None, store, pm_id) == 0
    assert seen["dialog"].result() == QDialog.DialogCode.Rejected
    assert store.get(pm_id).timeline == before


def test_ok_writes_exactly_the_checked_events(store, pm_id, pick, monkeypatch, qtbot):
    pick("pagerduty_log_entries.json")

    def uncheck_two_then_ok(dialog):
        model = dialog.model
        assert model.rowCount() == 5
        # the hand-typed acknowledgement is there already: shown, unchecked, not checkable
        ack = [c.event.text for c in model.candidates].index("Acknowledged by Dana Reyes.")
        assert model.data(model.index(ack, 3)) == "already in the timeline"
        assert not model.flags(model.index(ack, 0)) & Qt.ItemFlag.ItemIsUserCheckable
        assert dialog.ok_button.text() == "Add 4 events"
        for row in (0, 3):  # the trigger and the escalation
            model.setData(
                model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
            )
        assert dialog.ok_button.text() == "Add 2 events"
        # the cells show the events' own words: no <p> wrapper, no &amp; or &lt;
        shown = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
        assert shown == [c.event.text for c in model.candidates]
        assert not any("<p" in text or "&amp;" in text for text in shown)
        assert "5 events</b> found" in dialog.summary.text()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    drive_preview(monkeypatch, qtbot, uncheck_two_then_ok)
    assert import_timeline_interactively(None, store, pm_id) == 2
    assert texts(store, pm_id) == [
        "Acknowledged by Dana Reyes.",
        "Note from Dana Reyes: Connection pool of the payment client exhausted after the 13:58 "
        "config change; preparing rollback.",
        "Resolved by Dana Reyes.",
    ]


def test_the_zone_is_shown_and_changing_it_rereads_the_file(store, pm_id, pick, monkeypatch, qtbot):
    pick("deploys_berlin.csv")

    def berlin_then_ok(dialog):
        assert dialog.zone_box.currentText() == "UTC"
        rollback = dialog.model.candidates[1]  # 15:31 on the wall clock in Berlin
        assert rollback.event.at.hour == 15 and rollback.outside_window
        assert "4 outside the incident window" in dialog.summary.text()
        dialog.zone_box.setCurrentText("Europe/Berlin")
        dialog._zone_changed()
        rollback = dialog.model.candidates[1]
        assert rollback.event.at.hour == 14 and not rollback.outside_window
        assert dialog.model.data(dialog.model.index(0, 3)) == "outside the incident window"
        assert "2 outside the incident window" in dialog.summary.text()
        dialog.zone_box.setCurrentText("Mars/Olympus")
        dialog._zone_changed()
        assert "unknown time zone" in dialog.zone_problem.text()
        dialog.accept()

    drive_preview(monkeypatch, qtbot, berlin_then_ok)
    assert import_timeline_interactively(None, store, pm_id) == 4
    assert store.get(pm_id).timeline[0].at.hour == 13


def test_no_file_chosen_does_nothing(store, pm_id, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert import_timeline_interactively(None, store, pm_id) == 0


def test_a_bad_file_is_one_message_and_nothing_written(store, pm_id, tmp_path, monkeypatch):
    bad = tmp_path / "deep.json"
    bad.write_text("[" * 10_000 + "]" * 10_000)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    before = store.get(pm_id).timeline
    assert import_timeline_interactively(None, store, pm_id, bad) == 0
    assert len(shown) == 1 and "too deeply" in shown[0]
    assert store.get(pm_id).timeline == before


def test_unclear_csv_columns_are_asked_for(store, pm_id, tmp_path, monkeypatch, qtbot):
    odd = tmp_path / "odd.csv"
    odd.write_text("stamp,host,what happened\n2026-03-10 14:20,web1,Restarted nginx\n")

    def confirm(self):
        qtbot.addWidget(self)
        assert (self.time_box.currentText(), self.text_box.currentText()) == (
            "stamp",
            "what happened",
        )
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CsvColumnsDialog, "exec", confirm)
    drive_preview(monkeypatch, qtbot, lambda dialog: dialog.accept())
    assert import_timeline_interactively(None, store, pm_id, odd) == 1
    assert "Restarted nginx" in texts(store, pm_id)


def test_model_passes_the_qt_model_tester(store, pm_id, qtbot):
    from pmdesk.importers import plan_import, read_timeline

    events = read_timeline(DATA / "slack_export").events
    model = CandidatesModel(plan_import(store, pm_id, events), ["Dana Reyes"])
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_all(False)
    assert model.checked_events() == []
    model.set_all(True)
    assert len(model.checked_events()) == 4


@pytest.mark.skipif(module._lint is None, reason="pmdesk.lint is not there yet")
def test_imported_text_is_linted_in_the_worker(store, pm_id, qtbot):
    from pmdesk.importers import plan_import
    from pmdesk.models import TimelineEvent

    events = [
        TimelineEvent(at="2026-03-10T14:20:00Z", text="Sam carelessly pushed the bad config."),
        TimelineEvent(at="2026-03-10T14:21:00Z", text="Rollback of the pool size completes."),
    ]
    model = CandidatesModel(plan_import(store, pm_id, events), ["Sam"])
    wording = model.columns.index("Wording")
    # the preview shows at once; the wording column fills in when the lint worker answers
    assert model.rowCount() == 2
    with qtbot.waitSignal(model.findings_ready, timeout=20_000):
        lint_worker().start()
    assert not model.checking
    assert model.data(model.index(0, wording))
    assert model.data(model.index(1, wording)) == ""


def test_main_window_timeline_menu_imports_into_the_open_postmortem(
    window, pick, monkeypatch, qtbot
):
    pm_id = window.current_postmortem_id()
    assert pm_id is not None
    before = len(window.store.get(pm_id).timeline)
    assert window.import_timeline_action in window.timeline_menu.actions()
    pick("deploys_berlin.csv")
    drive_preview(monkeypatch, qtbot, lambda dialog: dialog.accept())
    window.import_timeline_action.trigger()
    assert len(window.store.get(pm_id).timeline) == before + 4
    assert len(window.editor.session.pm.timeline) == before + 4
