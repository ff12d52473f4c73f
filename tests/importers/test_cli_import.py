"""`pmdesk import-timeline`: JSON output, dry runs, and one line with exit 2 for bad input."""

import json

import pytest

from pmdesk.cli import main
from pmdesk.models import Postmortem, Store


def run(capsys, *argv):
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "pm.db"
    with Store(path) as store:
        store.create(
            Postmortem(
                title="Checkout errors",
                started_at="2026-03-10T14:05:00Z",
                ended_at="2026-03-10T14:52:00Z",
            )
        )
    return path


def timeline(db):
    with Store(db) as store:
        return [(e.at, e.text, e.source) for e in store.get(1).timeline]


def test_json_output_lists_what_was_added(db, data_dir, capsys):
    code, out, err = run(
        capsys,
        "--db",
        db,
        "import-timeline",
        1,
        data_dir / "deploys_berlin.csv",
        "--tz",
        "Europe/Berlin",
        "--json",
    )
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["added"] == 4 and result["skipped"] == 0
    assert result["events"][0] == {
        "at": "2026-03-10T13:58:12Z",
        "text": "Config change: payment-gateway pool size 200 -> 20 reaches production",
        "source": "deploy log",
        "outside_window": True,
    }
    assert [e["outside_window"] for e in result["events"]] == [True, False, False, True]
    assert len(timeline(db)) == 4

    code, out, _ = run(
        capsys,
        "--db",
        db,
        "import-timeline",
        1,
        data_dir / "deploys_berlin.csv",
        "--tz",
        "Europe/Berlin",
        "--json",
    )
    assert json.loads(out) == {"added": 0, "skipped": 4, "events": []}


def test_dry_run_shows_what_would_be_added_and_writes_nothing(db, data_dir, capsys):
    code, out, _ = run(
        capsys, "--db", db, "import-timeline", 1, data_dir / "slack_export", "--dry-run", "--json"
    )
    assert code == 0
    assert json.loads(out)["added"] == 4
    assert timeline(db) == []


def test_text_output_marks_events_outside_the_window(db, data_dir, capsys):
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "import-timeline",
        1,
        data_dir / "deploys_berlin.csv",
        "--tz",
        "Europe/Berlin",
    )
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == (
        "added 4 events from csv (times without an offset read in Europe/Berlin); "
        "skipped 0 already in the timeline"
    )
    assert lines[1].endswith("(outside the incident window)") and "13:58:12Z" in lines[1]
    assert not lines[2].endswith("(outside the incident window)")


def test_format_can_be_forced(db, data_dir, capsys):
    code, _, err = run(
        capsys, "--db", db, "import-timeline", 1, data_dir / "events.json", "--format", "pagerduty"
    )
    assert code == 2 and "not a PagerDuty log_entries response" in err


def test_csv_columns_can_be_named(db, tmp_path, capsys):
    odd = tmp_path / "odd.csv"
    odd.write_text("stamp,host,what happened\n2026-03-10 14:00,web1,Restarted nginx\n")
    code, _, err = run(capsys, "--db", db, "import-timeline", 1, odd)
    assert code == 2 and "--time-column" in err
    code, _, _ = run(
        capsys,
        "--db",
        db,
        "import-timeline",
        1,
        odd,
        "--time-column",
        "stamp",
        "--text-column",
        "3",
    )
    assert code == 0 and [t for _, t, _ in timeline(db)] == ["Restarted nginx"]


def _deep(path):
    path.write_text("[" * 10_000 + "]" * 10_000)


def _latin1(path):
    path.write_bytes("time,text\n2026-03-10 14:00,Käse\n".encode("latin-1"))


def _huge(path):
    with path.open("wb") as f:
        f.truncate(100 * 1024 * 1024 + 1)


def _broken_json(path):
    path.write_text('{"log_entries": [')


def _broken_csv(path):
    path.write_text('time,text\n2026-03-10 14:00,"never closed\n2026-03-10 14:05,b\n')


def _unknown(path):
    path.write_text('{"hello": "world"}')


@pytest.mark.parametrize("make", [_deep, _latin1, _huge, _broken_json, _broken_csv, _unknown])
def test_bad_input_is_one_line_exit_2_and_nothing_written(db, tmp_path, capsys, make):
    bad = tmp_path / "bad.json"
    make(bad)
    before = db.read_bytes()
    code, out, err = run(capsys, "--db", db, "import-timeline", 1, bad)
    assert code == 2 and out == ""
    assert err.startswith("pmdesk: ") and err.count("\n") == 1
    assert "Traceback" not in err
    assert db.read_bytes() == before


def test_a_missing_postmortem_is_exit_2(db, data_dir, capsys):
    code, _, err = run(capsys, "--db", db, "import-timeline", 7, data_dir / "events.json")
    assert code == 2 and "no postmortem with id 7" in err
