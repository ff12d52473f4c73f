"""`pmdesk export` and `pmdesk import` as a user runs them."""

from __future__ import annotations

import json

from pmdesk.cli import main
from pmdesk.models import Store

from .readback import pdf_text


def test_export_pdf_and_markdown_then_import(example_db, tmp_path, capsys):
    db = example_db
    pdf, md = tmp_path / "out.pdf", tmp_path / "out.md"
    assert (
        main(
            ["--db", db, "export", "1", "--format", "pdf", "-o", str(pdf), "--page-size", "Letter"]
        )
        == 0
    )
    assert "EXAMPLE — Checkout errors" in pdf_text(pdf.read_bytes())
    assert main(["--db", db, "export", "1", "--format", "md", "-o", str(md)]) == 0
    capsys.readouterr()

    assert main(["--db", db, "import", str(md), "--json"]) == 0
    new_id = json.loads(capsys.readouterr().out)["id"]
    with Store(db) as store:
        assert store.get(new_id).title == store.get(1).title
    assert main(["--db", db, "export", str(new_id)]) == 0  # Markdown to stdout
    assert capsys.readouterr().out == md.read_text(encoding="utf-8")

    assert main(["--db", db, "import", str(md)]) == 0
    assert capsys.readouterr().out.strip().isdigit()


def test_import_reports_what_it_skipped(tmp_path, capsys):
    doc = tmp_path / "hand.md"
    doc.write_text("# Postmortem: Hand\n\n## Lessons\n\nx\n", encoding="utf-8")
    assert main(["--db", str(tmp_path / "s.db"), "import", str(doc)]) == 0
    err = capsys.readouterr().err
    assert "pmdesk: skipped section '## Lessons'" in err


def test_bad_input_is_one_line_and_exit_2(example_db, tmp_path, capsys):
    db = example_db
    junk = tmp_path / "junk.md"
    junk.write_bytes(b"\xff\xfe not text")
    assert main(["--db", db, "import", str(junk)]) == 2
    assert main(["--db", db, "export", "1", "--format", "pdf"]) == 2
    assert main(["--db", db, "export", "42", "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == 3 and all(line.startswith("pmdesk: ") for line in err)
    assert not (tmp_path / "x.pdf").exists()
    with Store(db) as store:
        assert len(store.list_postmortems()) == 1  # only the example: nothing was imported
