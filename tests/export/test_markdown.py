"""Markdown export and import: the template's layout, the round trip, hand-written documents."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pmdesk.export.markdown import export_markdown, render_markdown
from pmdesk.export.markdown_parse import MarkdownImportError, parse_markdown, read_markdown_file
from pmdesk.models import ActionItem, ContributingFactor, Postmortem, TimelineEvent

DATA = Path(__file__).parent.parent / "data" / "markdown"


def comparable(pm: Postmortem) -> dict:
    data = pm.to_dict()
    for key in ("id", "created_at", "updated_at", "is_example"):
        data.pop(key)
    for row in data["timeline"] + data["contributing_factors"] + data["action_items"]:
        row.pop("id")
    return data


def test_example_uses_the_template_layout(example):
    text = render_markdown(example)
    assert text.startswith("---\npmdesk: 1\n")
    lines = text.split("\n")
    for line in (
        "# Postmortem: " + example.title,
        "**Date:** 2026-03-10  ",
        "**Authors:** Dana Okafor, Luis Ferreira  ",
        "**Status:** In review  ",
        "**Severity:** P2",
        "## Impact Summary",
        "- **Duration:** 47 minutes (2026-03-10 14:05 – 14:52 UTC)",
        "## Timeline",
        "| Time (UTC) | Event | Source |",
        "## Root Cause Analysis",
        "### What happened?",
        "### Why did it happen?",
        "### Why wasn't it caught earlier?",
        "## Five Whys Analysis",
        "1. **Why** did the incident happen?",
        "   → Checkout requests failed with payment errors for 47 minutes.",
        "**Root cause:** " + example.root_cause,
        "## Contributing Factors",
        "- [x] One config key shared by staging and production",
        "- [ ] Runbook for payment errors did not mention the connection pool",
        "## What Went Well",
        "## What Could Be Improved",
        "## Action Items",
        "| Action | Owner | Priority | Due Date |",
        "## Meeting Notes",
        "root_cause_category: configuration change",
        "  - status: in_progress",
        "    tracker_url: https://tracker.example.com/PAY-412",
    ):
        assert line in lines


def test_example_round_trip_is_byte_identical_and_lossless(example):
    first = render_markdown(example)
    back = parse_markdown(first)
    assert back.skipped == []
    assert render_markdown(back.postmortem) == first
    assert comparable(back.postmortem) == comparable(example)


def test_hostile_text_survives_the_round_trip():
    pm = Postmortem(
        title="Pipes | and <b>tags</b> & C#",
        authors=["Zoë", "王小明"],
        user_impact="## not a heading\n\\## escaped already\n- **Revenue Impact:** not a field",
        what_happened="### not a question\n\n```\n## in code\n```",
        whys=["answer → with arrow\n\n  indented more", "", "1. looks like an item"],
        root_cause="**Root cause:** twice\n1. list",
        timeline=[
            TimelineEvent(at="2026-03-10T23:59:30Z", text="a | b \\ c <br> d\nnext line"),
            TimelineEvent(at="2026-03-11T00:01:00Z", text="next day", source="pager|duty"),
        ],
        contributing_factors=[ContributingFactor(text="- [x] nested\nsecond line", checked=True)],
        action_items=[
            ActionItem(
                action="fix | it",
                owner="",
                status="done",
                completed_on="2026-03-20",
                tracker_url="https://t.example/a: b #c",
            )
        ],
        incident_date="2026-03-10",
        root_cause_category='quoted "category": yes',
        meeting_at="2026-03-12T09:30:00Z",
        meeting_notes="Agreed to \n## keep the canary",
    )
    first = render_markdown(pm)
    back = parse_markdown(first)
    assert back.skipped == []
    assert render_markdown(back.postmortem) == first
    assert comparable(back.postmortem) == comparable(pm)


def test_hand_written_template_without_front_matter():
    found = read_markdown_file(DATA / "handwritten.md")
    pm = found.postmortem
    assert pm.title == "Search API returned empty results"
    assert pm.incident_date == date(2026, 2, 3)
    assert pm.authors == ["Ana Silva", "Kenji Watanabe"]
    assert pm.status.value == "draft" and pm.severity.value == "P1"
    assert pm.started_at == datetime(2026, 2, 3, 23, 40, tzinfo=UTC)
    assert pm.ended_at == datetime(2026, 2, 4, 0, 25, tzinfo=UTC)  # past midnight
    # an impact item the template has no field for joins the user impact under its label
    assert pm.user_impact == (
        "About 30% of searches returned no results.\n**Services Affected:** search-api, web"
    )
    assert [e.at.strftime("%d %H:%M") for e in pm.timeline] == [
        "03 23:40",
        "03 23:44",
        "04 00:10",
        "04 00:25",
    ]
    assert pm.what_happened == "The nightly index rebuild swapped in a half-built index."
    assert pm.whys[1] == "The rebuild swapped it in before it finished."
    assert pm.root_cause == "The rebuild job has no completeness check before the swap."
    assert [(f.text, f.checked) for f in pm.contributing_factors] == [
        ("Rebuild runs at the traffic peak in Asia", True),
        ("Snapshot restore is manual", False),
    ]
    assert pm.went_well == "- The alert fired within 4 minutes."
    assert [(a.owner, a.priority.value) for a in pm.action_items] == [
        ("Kenji Watanabe", "high"),
        ("Ana Silva", "medium"),
        ("", "low"),
    ]
    assert pm.action_items[2].due_date is None
    # what it could not use, one line each
    assert any("Lessons Learned" in s for s in found.skipped)
    assert any("action item 3" in s and "due date" in s for s in found.skipped)
    assert all("\n" not in s for s in found.skipped)
    # and from then on it round-trips
    again = render_markdown(pm)
    assert render_markdown(parse_markdown(again).postmortem) == again


def test_missing_sections_are_reported_and_left_empty():
    found = parse_markdown(
        "# Postmortem: Short\n\n**Severity:** P3\n\n## What Went Well\n\nQuick rollback.\n"
    )
    assert found.postmortem.went_well == "Quick rollback."
    assert found.postmortem.severity.value == "P3"
    assert "no '## Timeline' section: left empty" in found.skipped
    assert "no '## Action Items' section: left empty" in found.skipped


def test_text_that_is_not_a_postmortem_is_refused():
    with pytest.raises(MarkdownImportError, match="does not look like a postmortem"):
        parse_markdown("just some notes\nwith nothing in them\n")


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("# Postmortem: caf\xe9".encode("latin-1"))
    with pytest.raises(MarkdownImportError, match="not UTF-8"):
        read_markdown_file(path)


def test_export_markdown_writes_utf8_file(tmp_path, example):
    target = tmp_path / "pm.md"
    export_markdown(example, target)
    assert target.read_text(encoding="utf-8") == render_markdown(example)


def test_front_matter_action_items_that_are_not_entries_are_skipped_not_a_crash():
    text = (
        "---\npmdesk: 1\naction_items: not a list\n---\n\n# Postmortem: Queue stall\n\n"
        "## Action Items\n\n| Action | Owner | Priority | Due Date |\n|---|---|---|---|\n"
        "| Add a queue-depth alert | Ana | high | 2026-04-01 |\n"
    )
    result = parse_markdown(text)
    assert [a.action for a in result.postmortem.action_items] == ["Add a queue-depth alert"]
    assert any("action_items" in line for line in result.skipped)
