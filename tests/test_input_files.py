"""The shared guard on files users give pmdesk: refused in one line, nothing stored, nothing read past a cap."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from pmdesk import input_files
from pmdesk.cli import main
from pmdesk.importers import reading
from pmdesk.input_files import MARKDOWN, InputFileError, TextLimits, read_text
from pmdesk.models import Store
from pmdesk.settings import SettingsError, load_settings


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_refusal(code: int, err: str, *words: str) -> None:
    assert code == 2
    assert err.startswith("pmdesk: ") and err.count("\n") == 1, err
    assert len(err) < 300, "a refusal is one short line"
    for word in words:
        assert word in err


def _count(db) -> int:
    with Store(db) as store:
        return len(store.list_postmortems())


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("command", ["import", "lint", "import-timeline 1"])
def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path, capsys, db, command):
    fifo = tmp_path / "events"
    os.mkfifo(fifo)  # no writer ever opens it: reading would wait forever
    code, _, err = run(capsys, "--db", str(db), *command.split(), str(fifo))
    _one_line_refusal(code, err, "not a regular file")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("command", ["import", "lint", "import-timeline 1"])
def test_an_endless_device_is_refused(capsys, db, command):
    code, _, err = run(capsys, "--db", str(db), *command.split(), "/dev/zero")
    _one_line_refusal(code, err, "not a regular file")
    assert _count(db) == 0


def test_markdown_over_the_size_cap_is_refused_before_reading(tmp_path, capsys, db):
    big = tmp_path / "big.md"
    with big.open("wb") as f:
        f.truncate(MARKDOWN.max_bytes + 1)  # sparse: costs no disk
    code, _, err = run(capsys, "--db", str(db), "import", str(big))
    _one_line_refusal(code, err, "more than the 2 MB")
    assert _count(db) == 0


def test_markdown_with_more_lines_than_the_cap_is_refused_not_cut(tmp_path, capsys, db):
    doc = tmp_path / "long.md"
    lines = MARKDOWN.max_lines + 10
    doc.write_text("# Title\n" + "\n" * lines + "## What happened\n\nThe queue filled.\n")
    code, _, err = run(capsys, "--db", str(db), "import", str(doc))
    _one_line_refusal(code, err, "lines")
    assert "left empty" not in err
    assert _count(db) == 0


def test_the_parser_itself_refuses_rather_than_truncates():
    from pmdesk.export.markdown_parse import _MAX_LINES, MarkdownImportError, parse_markdown

    text = "# Title\n" + "\n" * _MAX_LINES + "## What happened\n\nlate\n"
    with pytest.raises(MarkdownImportError, match="lines"):
        parse_markdown(text)


@pytest.mark.parametrize(
    "body",
    [
        "- " * 5000 + "deep\n",  # one line, thousands of nested list markers
        ">" * 5000 + " quoted\n",
        "".join("  " * i + "- x\n" for i in range(100)),  # indentation that keeps nesting
    ],
    ids=["markers", "quotes", "indentation"],
)
def test_deep_nesting_is_refused_by_import_and_lint(tmp_path, capsys, db, body):
    doc = tmp_path / "deep.md"
    doc.write_text("# Title\n\n## What happened\n\n" + body)
    code, _, err = run(capsys, "--db", str(db), "import", str(doc))
    _one_line_refusal(code, err, "nests")
    code, _, err = run(capsys, "lint", str(doc))
    _one_line_refusal(code, err, "nests")
    assert _count(db) == 0


def test_ordinary_nesting_and_indented_text_pass():
    limits = TextLimits("x", max_bytes=10_000, max_lines=100, max_nesting=4)
    text = "- a\n  - b\n    - c\n" + " " * 60 + "indented code, not nesting\n"
    input_files.check_text(text, "doc.md", limits)


def test_lint_reads_standard_input_only_up_to_the_cap(capsys, monkeypatch):
    endless = io.BytesIO(b"x" * (input_files.LINT_TEXT.max_bytes + 10))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(endless))
    code, _, err = run(capsys, "lint", "-")
    _one_line_refusal(code, err, "standard input")
    assert endless.tell() <= input_files.LINT_TEXT.max_bytes + 1 + 8192


def test_lint_of_standard_input_within_the_cap_still_finds_blame(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Dana was careless.\n")))
    code, out, _ = run(capsys, "lint", "-")
    assert code == 1 and out.startswith("-:1:") and "judgmental" in out


def test_a_csv_with_a_million_columns_is_refused_in_a_short_line(tmp_path, capsys, db):
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(1_000_000)) + "\n" + "x," * 999_999 + "x\n")
    code, _, err = run(capsys, "--db", str(db), "import-timeline", "1", str(wide))
    _one_line_refusal(code, err, "1,000,000 columns")


def test_commas_inside_quotes_do_not_count_as_columns(tmp_path):
    from pmdesk.importers import read_timeline

    text = '"' + "a, " * 700 + '"'
    path = tmp_path / "quoted.csv"
    path.write_text(f"time,text\n2026-03-10T14:00:00Z,{text}\n")
    [event] = read_timeline(path).events
    assert event.text.count(",") == 700


def test_a_huge_folder_is_refused_without_walking_all_of_it(tmp_path, capsys, db, monkeypatch):
    monkeypatch.setattr(reading, "MAX_FOLDER_ENTRIES", 50)
    for i in range(80):
        (tmp_path / "tree" / f"d{i}").mkdir(parents=True)
    code, _, err = run(capsys, "--db", str(db), "import-timeline", "1", str(tmp_path / "tree"))
    _one_line_refusal(code, err, "not a Slack export")


def test_settings_over_the_cap_or_nested_too_deep_are_refused(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"holidays": [' + '"2026-01-01",' * 100_000 + '"2026-01-02"]}')
    with pytest.raises(SettingsError, match="more than the 1 MB"):
        load_settings(path)
    path.write_text('{"holidays": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(SettingsError, match="too deeply"):
        load_settings(path)
    assert path.read_text().startswith('{"holidays": [[[')  # left as it was


def test_settings_that_are_a_folder_are_refused(tmp_path):
    (tmp_path / "settings.json").mkdir()
    with pytest.raises(SettingsError, match="folder"):
        load_settings(tmp_path / "settings.json")


def test_a_valid_file_reads_whole(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("\ufeff# Title\n\nText é\n", encoding="utf-8")
    assert read_text(path, MARKDOWN) == "# Title\n\nText é\n"
    json.dumps(read_text(path, MARKDOWN))


def test_undecodable_bytes_are_refused(tmp_path):
    path = tmp_path / "doc.md"
    path.write_bytes(b"# Title\n\xff\xfe\x00")
    with pytest.raises(InputFileError, match="not UTF-8"):
        read_text(path, MARKDOWN)
