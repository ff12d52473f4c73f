"""The format is told from the contents, whatever the file is called."""

import pytest

from pmdesk.importers import TimelineImportError, detect_format, read_timeline


@pytest.mark.parametrize(
    ("sample", "fmt"),
    [
        ("alertmanager_history.jsonl", "alertmanager"),
        ("alertmanager_payload.json", "alertmanager"),
        ("pagerduty_log_entries.json", "pagerduty"),
        ("deploys_berlin.csv", "csv"),
        ("events.json", "json"),
        ("slack_export", "slack"),
        ("slack_export/inc-checkout/2026-03-10.json", "slack"),
    ],
)
def test_each_sample_is_recognised_even_when_renamed(data_dir, tmp_path, sample, fmt):
    path = data_dir / sample
    if path.is_file():
        renamed = tmp_path / "download.txt"
        renamed.write_bytes(path.read_bytes())
        path = renamed
    assert read_timeline(path).format == fmt


def test_a_json_key_deep_in_the_file_is_found_by_parsing(tmp_path):
    padding = ", ".join(f'"k{i}": "{"x" * 50}"' for i in range(200))
    late = tmp_path / "late.json"
    late.write_text("{" + padding + ', "log_entries": []}')
    assert detect_format(late, late.read_bytes()) == "pagerduty"


@pytest.mark.parametrize(
    "content",
    [b'{"hello": "world"}', b"just some words\nand more words\n", b"[1, 2, 3]"],
)
def test_an_unknown_format_is_one_clear_line(tmp_path, content):
    path = tmp_path / "mystery.dat"
    path.write_bytes(content)
    with pytest.raises(TimelineImportError, match="does not know") as caught:
        read_timeline(path)
    assert "\n" not in str(caught.value)


def test_an_empty_file_says_it_is_empty(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"  \n")
    with pytest.raises(TimelineImportError, match="empty"):
        read_timeline(path)


def test_forcing_a_format_skips_detection(data_dir):
    with pytest.raises(TimelineImportError, match="not a PagerDuty log_entries response"):
        read_timeline(data_dir / "alertmanager_payload.json", "pagerduty")
    with pytest.raises(TimelineImportError, match="unknown format 'xml'"):
        read_timeline(data_dir / "events.json", "xml")
