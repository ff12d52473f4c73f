"""The template as people write it by hand: question/arrow whys, a duration header, impact
bullets, "All times in UTC.", multi-day incidents, and dates that are not dates."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.export.markdown import render_markdown
from pmdesk.export.markdown_parse import MarkdownImportError, parse_markdown, read_markdown_file
from pmdesk.export.pdf import render_pdf
from pmdesk.models import Store

from .readback import pdf_text

DATA = Path(__file__).parent.parent / "data" / "markdown"
PUBLISHED = DATA / "published_template.md"


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_the_published_template_imports_every_section():
    found = read_markdown_file(PUBLISHED)
    pm = found.postmortem
    assert pm.title == "Checkout payments failed after a gateway config push"
    assert pm.status.value == "in_review" and pm.severity.value == "P1"
    assert (pm.started_at, pm.ended_at) == (utc("2025-03-11 09:02"), utc("2025-03-11 10:17"))
    assert pm.duration_minutes == 75
    assert pm.user_impact == (
        "About 18,000 checkout attempts failed (12% of traffic).\n"
        "**Services Affected:** checkout-api, payment-gateway"
    )
    assert pm.revenue_impact.startswith("An estimated $42,000")
    assert [e.at.strftime("%H:%M") for e in pm.timeline] == [
        "09:02",
        "09:06",
        "09:11",
        "09:34",
        "09:51",
        "10:17",
    ]
    assert pm.what_happened.startswith("Checkout requests failed")
    assert pm.why_not_caught.startswith("Staging runs")
    assert pm.whys == [
        "The payment gateway refused new connections from checkout-api.",
        "Its connection pool was full at 20 connections.",
        "A config change meant for staging was applied to production.",
        "Both environments read the same config key.",
        "The config layout predates the staging environment and was never split.",
    ]
    assert pm.root_cause.startswith("One config key serves staging and production")
    assert [f.checked for f in pm.contributing_factors] == [True, True, False]
    assert pm.went_well.count("\n") == 1 and "single command" in pm.went_well
    assert [(a.owner, a.priority.value) for a in pm.action_items] == [
        ("Tom Becker", "high"),
        ("Priya Raman", "high"),
        ("Priya Raman", "medium"),
    ]
    # the one thing it cannot hold is said, in one line: the wording of the questions
    [note] = found.skipped
    assert note.startswith("Five Whys: kept the 5 answers") and "checkout payments fail" in note


def test_the_published_template_round_trips_after_import_and_its_pdf_shows_it_all():
    pm = read_markdown_file(PUBLISHED).postmortem
    first = render_markdown(pm)
    back = parse_markdown(first)
    assert back.skipped == []
    assert render_markdown(back.postmortem) == first

    text = pdf_text(render_pdf(pm, page_size="Letter")[0])
    for expected in (
        "75 minutes",
        "09:02",
        "10:17",
        "Services Affected",
        *pm.whys,
        "One config key serves staging and production",
        "Alert on gateway pool saturation above 80%",
    ):
        assert expected in text, expected


def test_a_multi_day_incident_keeps_its_days():
    pm = read_markdown_file(DATA / "multiday_template.md").postmortem
    assert (pm.started_at, pm.ended_at) == (utc("2025-06-02 22:40"), utc("2025-06-03 01:05"))
    assert pm.duration_minutes == 145
    assert [e.at.strftime("%d %H:%M") for e in pm.timeline] == [
        "02 22:40",
        "02 23:15",
        "02 23:58",
        "03 00:20",
        "03 01:05",
    ]
    assert len(pm.whys) == 5 and pm.whys[3].startswith("The reporting job was moved")


TIMELINE = "| Time | Event |\n|---|---|\n| 09:00 | Alert fires |\n| 09:30 | Resolved |\n"


def test_a_stated_zone_is_read_and_times_are_stored_in_utc():
    found = parse_markdown(
        "# Postmortem: Zone\n\n**Date:** 2025-07-01\n\n## Timeline\n\n"
        "All times in Europe/Berlin.\n\n" + TIMELINE
    )
    assert [e.at for e in found.postmortem.timeline] == [
        utc("2025-07-01 07:00"),
        utc("2025-07-01 07:30"),
    ]
    assert not any("Timeline" in s for s in found.skipped)
    unknown = parse_markdown(
        "# Postmortem: Zone\n\n**Date:** 2025-07-01\n\n## Timeline\n\n"
        "All times in Mars.\n\n" + TIMELINE
    )
    assert any("in 'Mars', which is not a time zone" in s for s in unknown.skipped)


@pytest.mark.parametrize(
    ("line", "start", "end", "note"),
    [
        ("**Duration:** 09:00 to 10:15 (75 minutes)", "09:00", "10:15", None),
        ("**Duration:** 09:00 to 10:15 (60 minutes)", "09:00", "10:15", "says 60 minutes"),
        ("**Duration:** from 09:00, 1 hour 15 minutes", "09:00", "10:15", None),
        ("**Duration:** 2h 5m", None, None, "gives neither"),
        ("**Duration:** ongoing", None, None, "no times or length"),
    ],
)
def test_a_duration_header_gives_start_and_end_or_says_why_not(line, start, end, note):
    found = parse_markdown(f"# Postmortem: D\n\n**Date:** 2025-07-01\n{line}\n")
    pm = found.postmortem
    assert pm.started_at == (utc(f"2025-07-01 {start}") if start else None)
    assert pm.ended_at == (utc(f"2025-07-01 {end}") if end else None)
    assert not any("Duration" in s and "no place" in s for s in found.skipped)
    if note:
        assert any(note in s for s in found.skipped)
    else:
        assert not any("duration" in s for s in found.skipped)


def test_an_impossible_date_that_loses_every_timeline_time_is_refused(tmp_path, capsys):
    doc = tmp_path / "hand.md"
    doc.write_text(
        "# Postmortem: Bad date\n\n**Date:** 2026-02-30\n\n## Timeline\n\n" + TIMELINE,
        encoding="utf-8",
    )
    with pytest.raises(MarkdownImportError, match="none of the 2 timeline times can be read"):
        read_markdown_file(doc)
    db = tmp_path / "s.db"
    assert main(["--db", str(db), "import", str(doc)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "'2026-02-30' is not a real date" in err and "nothing was imported" in err
    assert not db.exists()
    assert doc.read_text(encoding="utf-8").startswith("# Postmortem: Bad date")


def test_times_that_carry_their_own_date_survive_a_bad_document_date():
    found = parse_markdown(
        "# Postmortem: Half\n\n**Date:** 2026-02-30\n\n## Timeline\n\n"
        "| Time | Event |\n|---|---|\n| 2026-02-28 09:00 | Alert fires |\n| 09:30 | Resolved |\n"
    )
    assert [e.text for e in found.postmortem.timeline] == ["Alert fires"]
    assert any(
        s == "skipped timeline row 2 has a time without a date: the document's date "
        "'2026-02-30' is not a real date"
        for s in found.skipped
    )


def test_whys_written_as_unnumbered_question_and_arrow_lines_with_a_stray_arrow():
    found = parse_markdown(
        "# Postmortem: W\n\n## Five Whys Analysis\n\n"
        "**Why** did it fail?\n→ First answer\nthat wraps.\n\n"
        "Why did that happen? -> Second answer\n"
        "→ An answer with no question\n\n"
        "**Root cause:** The cause.\n"
    )
    assert found.postmortem.whys == [
        "First answer\nthat wraps.",
        "Second answer",
        "An answer with no question",
    ]
    assert found.postmortem.root_cause == "The cause."


def test_the_database_holds_the_import(tmp_path, capsys):
    db = tmp_path / "s.db"
    assert main(["--db", str(db), "import", str(PUBLISHED)]) == 0
    new_id = int(capsys.readouterr().out)
    with Store(db) as store:
        pm = store.get(new_id)
    assert pm.duration_minutes == 75 and len(pm.whys) == 5 and len(pm.timeline) == 6
