"""`pmdesk lint`: output formats and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from pmdesk.cli import main

BLAME = "# Notes\n\nPriya pushed the broken config.\n"


def test_text_output_has_file_line_column_and_a_suggestion(tmp_path, capsys):
    doc = tmp_path / "pm.md"
    doc.write_text(BLAME, encoding="utf-8")
    assert main(["lint", str(doc)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{doc}:3:1: named-agent: ")
    assert out[1].strip() == "try: The broken config was pushed."


def test_json_output_lists_findings_with_positions(tmp_path, capsys):
    doc = tmp_path / "pm.md"
    doc.write_text(BLAME, encoding="utf-8")
    assert main(["lint", "--format", "json", str(doc)]) == 1
    (record,) = json.loads(capsys.readouterr().out)
    assert record["file"] == str(doc) and record["line"] == 3 and record["column"] == 1
    assert record["category"] == "named-agent" and record["suggestions"]
    assert BLAME[record["start"] : record["end"]] == "Priya pushed the broken config"
    assert record["suggestions"] == ["The broken config was pushed"]


def test_clean_file_exits_0(tmp_path, capsys):
    doc = tmp_path / "ok.md"
    doc.write_text("The alert fired at 14:05 and Dana acknowledged it.\n", encoding="utf-8")
    assert main(["lint", str(doc)]) == 0
    assert capsys.readouterr().out == ""


def test_people_option_names_persons(tmp_path, capsys):
    doc = tmp_path / "pm.md"
    doc.write_text("dkim pushed the broken config.\n", encoding="utf-8")
    assert main(["lint", str(doc)]) == 0
    assert main(["lint", "--people", "dkim, Ana", str(doc)]) == 1


def test_missing_and_undecodable_files_exit_2_with_one_line(tmp_path, capsys):
    assert main(["lint", str(tmp_path / "missing.md")]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"caf\xe9 \xff")
    assert main(["lint", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pmdesk: ") and "not UTF-8" in err


def test_bad_rules_file_exits_2(tmp_path, capsys):
    rules = tmp_path / "r.toml"
    rules.write_text("[[rule]\n", encoding="utf-8")
    doc = tmp_path / "ok.md"
    doc.write_text("Fine.\n", encoding="utf-8")
    assert main(["lint", "--rules", str(rules), str(doc)]) == 2
    assert "not valid TOML" in capsys.readouterr().err


def test_stdin_is_read_with_dash(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"This was preventable.\n")))
    assert main(["lint", "-"]) == 1
    assert capsys.readouterr().out.startswith("-:1:10: preventable: ")


def test_linter_imports_without_qt():
    code = "import sys, pmdesk.lint, pmdesk.lint.report; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
