"""Each source format, read from sample files written from the formats' public documentation."""

import io
import json
import shutil
import zipfile
from datetime import UTC, datetime

import pytest

from pmdesk.importers import (
    CsvColumnsUnclear,
    TimelineImportError,
    read_alertmanager,
    read_csv,
    read_json_list,
    read_pagerduty,
    read_slack,
    read_timeline,
)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def rows(events):
    return [(e.at, e.text, e.source) for e in events]


# --- Alertmanager ----------------------------------------------------------------------


def test_alertmanager_history_gives_each_start_and_end_once(data_dir):
    events = read_alertmanager((data_dir / "alertmanager_history.jsonl").read_bytes())
    assert rows(events) == [
        (
            utc(2026, 3, 10, 14, 11, 3),
            "Alert firing: Checkout error rate above 5% for 5 minutes",
            "alertmanager",
        ),
        (utc(2026, 3, 10, 14, 16, 40), "Alert firing: PaymentClientPoolExhausted", "alertmanager"),
        (
            utc(2026, 3, 10, 14, 49, 33),
            "Alert resolved: Checkout error rate above 5% for 5 minutes",
            "alertmanager",
        ),
    ]


def test_alertmanager_single_payload_and_list_of_payloads(data_dir):
    one = (data_dir / "alertmanager_payload.json").read_bytes()
    single = read_alertmanager(one)
    assert rows(single) == [
        (utc(2026, 3, 10, 14, 7, 30), "Alert firing: CheckoutLatencyHigh", "alertmanager"),
        (utc(2026, 3, 10, 14, 48), "Alert resolved: CheckoutLatencyHigh", "alertmanager"),
    ]
    payload = json.loads(one)
    as_list = json.dumps([payload, payload]).encode()
    assert rows(read_alertmanager(as_list)) == rows(single)


def test_an_alert_without_fingerprint_is_known_by_its_labels():
    alert = {
        "status": "firing",
        "labels": {"alertname": "DiskFull", "host": "db1"},
        "startsAt": "2026-03-10T14:00:00Z",
        "endsAt": "0001-01-01T00:00:00Z",
    }
    other = {**alert, "labels": {"alertname": "DiskFull", "host": "db2"}}
    data = json.dumps([{"alerts": [alert, other]}, {"alerts": [alert]}]).encode()
    assert [e.text for e in read_alertmanager(data)] == ["Alert firing: DiskFull"] * 2


def test_json_that_is_not_alertmanager_is_refused():
    with pytest.raises(TimelineImportError, match="not an Alertmanager webhook payload"):
        read_alertmanager(b'{"status": "firing"}')


# --- PagerDuty -------------------------------------------------------------------------


def test_pagerduty_log_keeps_the_response_and_skips_notifications(data_dir):
    events = read_pagerduty((data_dir / "pagerduty_log_entries.json").read_bytes())
    assert rows(events) == [
        (
            utc(2026, 3, 10, 14, 11, 5),
            "Incident triggered: Checkout error rate above 5% for 5 minutes",
            "pagerduty",
        ),
        (utc(2026, 3, 10, 14, 13, 41), "Acknowledged by Dana Reyes.", "pagerduty"),
        (
            utc(2026, 3, 10, 14, 22, 10),
            "Note from Dana Reyes: Connection pool of the payment client "
            "exhausted after the 13:58 config change; preparing rollback.",
            "pagerduty",
        ),
        (utc(2026, 3, 10, 14, 24), "Escalated to Payments Secondary by Dana Reyes.", "pagerduty"),
        (utc(2026, 3, 10, 14, 52, 17), "Resolved by Dana Reyes.", "pagerduty"),
    ]


def test_pagerduty_entries_seen_on_two_pages_count_once(data_dir):
    page = json.loads((data_dir / "pagerduty_log_entries.json").read_text())
    page["log_entries"] += page["log_entries"][-2:]
    assert len(read_pagerduty(json.dumps(page).encode())) == 5


def test_pagerduty_entry_with_a_bad_time_names_it():
    data = b'{"log_entries": [{"type": "resolve_log_entry", "created_at": "soon"}]}'
    with pytest.raises(TimelineImportError, match="created_at of entry 1"):
        read_pagerduty(data)


# --- Slack -----------------------------------------------------------------------------

SLACK = [
    (
        utc(2026, 3, 10, 14, 14),
        "Dana Reyes: Opening this channel for the checkout errors. "
        "@Sam Okafor can you look at the payment client dashboards?",
    ),
    (
        utc(2026, 3, 10, 14, 21),
        "Sam Okafor: Pool in use is pinned at 20/20 since 13:58 & latency "
        "is 9 s. See payment dashboard (https://grafana.example.internal/d/pay)",
    ),
    (
        utc(2026, 3, 10, 14, 29),
        "Priya N.: Decision: roll the config back rather than scale the "
        "gateway. @here @Dana Reyes is incident commander.",
    ),
    (
        utc(2026, 3, 10, 14, 42),
        "Dana Reyes: Error rate back at baseline for 10 minutes in #inc-checkout; resolving.",
    ),
]


def test_slack_folder_gives_people_messages_in_time_order_with_names(data_dir):
    events = read_slack(data_dir / "slack_export")
    assert [(e.at, e.text) for e in events] == SLACK
    assert {e.source for e in events} == {"slack"}


def _zipped(folder, inside=""):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.rglob("*.json")):
            archive.write(path, inside + path.relative_to(folder).as_posix())
    return buffer.getvalue()


@pytest.mark.parametrize("inside", ["", "Example Slack export Mar 10 2026/"])
def test_slack_zip_reads_like_the_folder(data_dir, tmp_path, inside):
    archive = tmp_path / "export.zip"
    archive.write_bytes(_zipped(data_dir / "slack_export", inside))
    found = read_timeline(archive)
    assert found.format == "slack"
    assert [(e.at, e.text) for e in found.events] == SLACK


def test_a_channel_folder_picked_inside_an_export_still_knows_names(data_dir):
    found = read_timeline(data_dir / "slack_export" / "inc-checkout")
    assert [(e.at, e.text) for e in found.events] == SLACK


def test_an_export_of_two_channels_names_the_channel(data_dir, tmp_path):
    export = tmp_path / "export"
    shutil.copytree(data_dir / "slack_export", export)
    (export / "random").mkdir()
    (export / "random" / "2026-03-10.json").write_text(
        '[{"type": "message", "ts": "1773152100.000001", "user": "U02SAM", "text": "lunch?"}]'
    )
    texts = [e.text for e in read_slack(export)]
    assert texts[0].startswith("#inc-checkout: Dana Reyes: Opening")
    assert "#random: Sam Okafor: lunch?" in texts


def test_a_folder_without_day_files_is_not_a_slack_export(tmp_path):
    (tmp_path / "users.json").write_text("[]")
    with pytest.raises(TimelineImportError, match="not a Slack export"):
        read_timeline(tmp_path)


# --- CSV -------------------------------------------------------------------------------


def test_csv_of_deploys_with_quoted_fields_and_a_source_column(data_dir):
    events = read_csv((data_dir / "deploys_berlin.csv").read_bytes())
    assert rows(events)[2] == (
        utc(2026, 3, 10, 15, 38, 5),
        'Rollback complete, "all pods" restarted',
        "deploy log",
    )
    assert len(events) == 4


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_sniffed(delimiter):
    text = delimiter.join(["When", "Description"]) + "\n"
    text += delimiter.join(["2026-03-10 14:00", '"Deploy 1; then, 2 | 3"']) + "\n"
    events = read_csv(text.encode())
    assert rows(events) == [(utc(2026, 3, 10, 14), "Deploy 1; then, 2 | 3", "csv")]


def test_csv_in_utf16_with_a_bom_as_excel_writes_it():
    text = "Time\tMessage\r\n2026-03-10 14:00\tCache flushed ✓\r\n"
    events = read_csv(text.encode("utf-16"))
    assert rows(events) == [(utc(2026, 3, 10, 14), "Cache flushed ✓", "csv")]


def test_csv_without_a_header_is_read_by_its_contents():
    events = read_csv(b"2026-03-10T14:00:00Z,Deploy 812 starts\n2026-03-10T14:05:00Z,Deploy done\n")
    assert [e.text for e in events] == ["Deploy 812 starts", "Deploy done"]


def test_csv_with_unknown_column_names_asks_for_the_mapping():
    data = b"stamp,host,what happened\n2026-03-10 14:00,web1,Restarted nginx\n"
    with pytest.raises(CsvColumnsUnclear) as caught:
        read_csv(data)
    assert caught.value.columns == ["stamp", "host", "what happened"]
    assert caught.value.guess == (0, 2)
    assert "--time-column" in str(caught.value)
    by_name = read_csv(data, time_column="stamp", text_column="what happened")
    by_number = read_csv(data, time_column="1", text_column="3")
    assert rows(by_name) == rows(by_number) == [(utc(2026, 3, 10, 14), "Restarted nginx", "csv")]


def test_csv_row_with_a_bad_time_names_the_row():
    with pytest.raises(TimelineImportError, match="row 3: time 'later'"):
        read_csv(b"time,text\n2026-03-10 14:00,a\nlater,b\n")


def test_csv_mapping_to_a_missing_column_lists_the_columns():
    with pytest.raises(TimelineImportError, match="columns are time, text"):
        read_csv(b"time,text\n2026-03-10 14:00,a\n", time_column="stamp")


# --- plain JSON ------------------------------------------------------------------------


def test_json_list_of_time_and_text(data_dir):
    events = read_json_list((data_dir / "events.json").read_bytes())
    assert rows(events) == [
        (
            utc(2026, 3, 10, 15, 30),
            "Customer support posts a status update with retry links.",
            "json",
        ),
        (utc(2026, 3, 10, 16, 45), "Finance confirms no duplicate charges were made.", "finance"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"time": "2026-03-10T14:00:00Z", "text": "x"}', "not a JSON list"),
        (b'[{"time": "2026-03-10T14:00:00Z"}]', "item 1 has no text"),
        (b'[{"text": "x"}]', "time of item 1 is missing"),
        (b"[1]", "item 1 is not an object"),
    ],
)
def test_json_list_problems_are_named(data, message):
    with pytest.raises(TimelineImportError, match=message):
        read_json_list(data)


def test_csv_with_an_unclosed_quote_is_refused_not_swallowed():
    with pytest.raises(TimelineImportError, match="a quoted field is never closed"):
        read_csv(b'time,text\n2026-03-10 14:00,"never closed\n2026-03-10 14:05,b\n')


def test_csv_column_names_with_newlines_stay_on_one_line_in_messages():
    with pytest.raises(CsvColumnsUnclear) as caught:
        read_csv(b'"stamp\n(local)",host,said\n2026-03-10 14:22,web1,x\n2026-03-10 14:23,web2,y\n')
    assert caught.value.columns == ["stamp (local)", "host", "said"]
    assert "\n" not in str(caught.value)
