"""`pmdesk actions`, `gate`, `metrics`, `schedule` and `calendar` as a pipeline calls them."""

import json

import icalendar

from pmdesk.cli import main
from pmdesk.settings import Settings, save_settings


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_actions_overdue_json(followup_store, capsys):
    db = str(followup_store.path)
    code, out, _ = run(
        capsys, "--db", db, "actions", "--overdue", "--json", "--today", "2026-03-20"
    )
    assert code == 0
    rows = json.loads(out)
    assert [(r["action"], r["days_overdue"]) for r in rows] == [
        ("Automate the rollback", 10),
        ("Dashboards for pool use", 2),
        ("Update the runbook", 1),
    ]
    required = {"action", "owner", "priority", "due_date", "status", "days_overdue"}
    assert required | {"postmortem_id", "postmortem_title"} <= set(rows[0])


def test_actions_text_and_filters(followup_store, capsys):
    db = str(followup_store.path)
    code, out, _ = run(
        capsys, "--db", db, "actions", "--owner", "priya raman", "--today", "2026-03-20"
    )
    assert code == 0 and "Alert on index age" in out and "rollback" not in out
    code, out, _ = run(
        capsys, "actions", "--db", db, "--overdue", "--priority", "low", "--today", "2026-03-20"
    )
    assert out.splitlines() == [line for line in out.splitlines() if "runbook" in line]
    assert "   1d" in out


def test_gate_exit_status_follows_the_high_priority_items(followup_store, capsys):
    db = str(followup_store.path)
    code, out, _ = run(capsys, "--db", db, "gate", "--today", "2026-03-10")
    assert code == 0 and out.startswith("gate open")
    code, out, _ = run(capsys, "--db", db, "gate", "--today", "2026-03-11")
    assert code == 1 and "Automate the rollback" in out and "Dashboards" not in out
    code, out, _ = run(capsys, "--db", db, "gate", "--priority", "MEDIUM", "--today", "2026-03-20")
    assert code == 1 and "Dashboards for pool use" in out and "runbook" not in out


def test_bad_input_is_one_line(followup_store, capsys):
    db = str(followup_store.path)
    code, _, err = run(capsys, "--db", db, "actions", "--today", "next friday")
    assert code == 2 and err.count("\n") == 1 and err.startswith("pmdesk: --today")
    code, _, err = run(capsys, "--db", db, "actions", "--priority", "urgent")
    assert code == 2 and "unknown priority" in err
    code, _, err = run(
        capsys, "--db", db, "metrics", "--since", "2026-05-01", "--until", "2026-04-01"
    )
    assert code == 2 and "comes after" in err
    code, _, err = run(capsys, "--db", db, "gate", "--priority", "urgent")
    assert code == 2 and err.count("\n") == 1


def test_metrics_json_and_text(followup_store, capsys):
    db = str(followup_store.path)
    argv = ["--db", db, "metrics", "--since", "2026-03-01", "--until", "2026-03-31"]
    code, out, _ = run(capsys, *argv, "--json", "--today", "2026-03-20")
    data = json.loads(out)
    assert code == 0 and data["postmortems"] == 2  # the example (10 March) is not counted
    # 6 items in 2 postmortems; completion: P1 and P2 both in draft.
    assert data["metrics"]["actions_per_postmortem"]["value"] == 3.0
    assert data["metrics"]["completion_p1_p2"]["value"] == 0.0
    code, out, _ = run(capsys, *argv, "--today", "2026-03-20")
    assert "Action items per postmortem" in out and "Met" in out and "Missed" in out


def test_schedule_uses_the_holidays_in_the_settings(followup_store, capsys):
    db = str(followup_store.path)
    pm_id = followup_store.list_postmortems(search="search index")[0].id  # Mon 9 March, P2
    code, out, _ = run(
        capsys, "--db", db, "schedule", str(pm_id), "--json", "--today", "2026-03-09"
    )
    meeting = next(s for s in json.loads(out) if s["key"] == "meeting")
    assert code == 0 and meeting["due"] == "2026-03-16"
    save_settings(Settings(holidays=["2026-03-13"]))
    code, out, _ = run(
        capsys, "--db", db, "schedule", str(pm_id), "--json", "--today", "2026-03-09"
    )
    meeting = next(s for s in json.loads(out) if s["key"] == "meeting")
    assert meeting["due"] == "2026-03-17" and meeting["state"] == "upcoming"


def test_calendar_writes_an_ics_file(followup_store, capsys, tmp_path):
    pm_id = followup_store.list_postmortems(search="checkout")[0].id
    target = tmp_path / "pm.ics"
    code, out, _ = run(
        capsys, "--db", str(followup_store.path), "calendar", str(pm_id), "-o", str(target)
    )
    assert code == 0 and str(target) in out
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert len(events) == 3
    code, _, err = run(
        capsys,
        "--db",
        str(followup_store.path),
        "calendar",
        str(pm_id),
        "-o",
        str(tmp_path / "no/x.ics"),
    )
    assert code == 2 and err.startswith("pmdesk: cannot write")
