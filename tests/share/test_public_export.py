"""The public version through the store and the command line: choices kept, files written."""

from __future__ import annotations

import io

import pypdf

from pmdesk.cli import main
from pmdesk.models import Store
from pmdesk.share.detect import Kind
from pmdesk.share.public import load_choices, public_version, save_choices
from pmdesk.share.redact import RedactionChoices
from tests.share.redaction_set import cases

NAME, PM, PLANTED, KEEP = cases()[1]  # the expired signing key
# blame on a named person, which the public version must still flag once the name is gone
PM.why_it_happened += " Wei forgot to rotate the key in 2025."


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def stored(tmp_path) -> tuple[str, int]:
    db = tmp_path / "s.db"
    with Store(db) as store:
        pm_id = store.create(PM).id
    return str(db), pm_id


def test_choices_are_remembered_per_postmortem_and_go_with_it(tmp_path):
    db, pm_id = stored(tmp_path)
    with Store(db) as store:
        assert load_choices(store, pm_id) == RedactionChoices()
        other = store.create(PM).id
        save_choices(
            store, pm_id, RedactionChoices().rejecting("Wei Zhang").adding("Sentry", Kind.HOST)
        )
    with Store(db) as store:
        assert load_choices(store, pm_id).rejected == {"Wei Zhang"}
        assert load_choices(store, other) == RedactionChoices()
        store.delete(pm_id)
        assert store.public_choices(pm_id) is None


def test_public_markdown_from_the_command_line_names_no_one(tmp_path, capsys):
    db, pm_id = stored(tmp_path)
    out_file = tmp_path / "public.md"
    code, out, err = run(capsys, "--db", db, "export", str(pm_id), "--public", "-o", str(out_file))
    assert code == 0 and "public version" in out
    text = out_file.read_text(encoding="utf-8")
    assert "> Public version:" in text
    for ids in PLANTED.values():
        for identifier in ids:
            assert identifier not in text
    assert "22,000 EUR" in text  # no section marked internal yet
    assert "blame language" in err and "Engineer A forgot" in err and "Wei" not in err


def test_saved_choices_reach_the_command_line_export(tmp_path, capsys):
    db, pm_id = stored(tmp_path)
    with Store(db) as store:
        choices = RedactionChoices().rejecting("#auth-oncall").with_internal(["revenue_impact"])
        save_choices(store, pm_id, choices)
    code, out, _ = run(capsys, "--db", db, "export", str(pm_id), "--public", "--format", "md")
    assert code == 0 and "#auth-oncall" in out and "Carlos" not in out
    assert "22,000 EUR" not in out


def test_list_replacements_writes_nothing(tmp_path, capsys):
    db, pm_id = stored(tmp_path)
    code, out, _ = run(capsys, "--db", db, "export", str(pm_id), "--list-replacements")
    assert code == 0
    assert "Wei Zhang  →  Engineer A" in out and "AKIAZ7QW3ERT5YUI8OPA  →  [secret" in out


def test_public_pdf_has_no_author_metadata_and_says_public_version(tmp_path, capsys):
    db, pm_id = stored(tmp_path)
    pdf = tmp_path / "public.pdf"
    code, out, _ = run(capsys, "--db", db, "export", str(pm_id), "--public", "-o", str(pdf))
    assert code == 0
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    assert not reader.metadata.get("/Author")
    assert str(tmp_path) not in str(dict(reader.metadata))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Public version" in text and "Engineer A" in text
    for name in ("Wei", "Zhang", "Carlos", "Léa", "172.31.9.44", "AUTH-2291"):
        assert name not in text


def test_public_version_lints_the_redacted_text():
    version = public_version(PM)
    lines = [f.line() for f in version.findings]
    assert any("Engineer A forgot" in line for line in lines)
    assert all("Wei" not in f.text for f in version.findings)


def test_a_missing_postmortem_is_one_line(tmp_path, capsys):
    db, _ = stored(tmp_path)
    code, out, err = run(capsys, "--db", db, "export", "99", "--public", "--format", "md")
    assert code != 0 and err.count("\n") == 1 and "99" in err
