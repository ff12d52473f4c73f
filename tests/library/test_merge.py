"""pmdesk merge-file: three versions of a postmortem merged field by field and row by row."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime

from pmdesk.export.markdown import render_markdown
from pmdesk.library import conflicted_fields, merge_postmortems
from pmdesk.library.folder import parse_library_text
from pmdesk.models import ActionStatus, Priority, Severity, TimelineEvent
from tests.library.conftest import content, incident

UID = "0b6c0e5e-8a43-4a43-9d5e-3f1c2a7b9e10"


def test_rows_added_on_both_sides_and_a_row_changed_on_each_side_all_survive():
    base = incident()
    event = TimelineEvent(at=datetime(2026, 3, 2, 14, 40, tzinfo=UTC), text="Pool drained")
    ours = replace(
        base,
        timeline=[*base.timeline, event],
        action_items=[replace(base.action_items[0], owner="Ana"), base.action_items[1]],
    )
    theirs = replace(
        base,
        action_items=[
            base.action_items[0],
            replace(base.action_items[1], priority=Priority.HIGH),
        ],
    )
    result = merge_postmortems(base, ours, theirs)
    pm = result.postmortem
    assert result.conflicts == []
    assert [e.text for e in pm.timeline][-1] == "Pool drained"
    assert [(a.owner, a.priority) for a in pm.action_items] == [
        ("Ana", Priority.HIGH),
        ("Priya", Priority.HIGH),
    ]


def test_one_detail_of_a_row_changed_on_both_sides_keeps_ours_and_marks_both():
    base = incident()
    ours = replace(base, action_items=[replace(base.action_items[0], owner="Ana")])
    theirs = replace(base, action_items=[replace(base.action_items[0], owner="Ben")])
    result = merge_postmortems(base, ours, theirs)
    assert result.postmortem.action_items[0].owner == "Ana"
    assert result.conflicts == ["action item 'Alert on resolver socket use': owner"]
    assert "owner\nAna\n=======\nBen\n>>>>>>> incoming" in result.postmortem.meeting_notes


def test_different_paragraphs_of_one_text_merge_and_the_same_line_keeps_both():
    base = incident()
    first, second = base.what_happened.split("\n\n")
    ours = replace(base, what_happened=f"{first} (all of them)\n\n{second}")
    theirs = replace(base, what_happened=f"{first}\n\n{second} It took 4 minutes.")
    merged = merge_postmortems(base, ours, theirs).postmortem
    assert merged.what_happened == f"{first} (all of them)\n\n{second} It took 4 minutes."

    theirs = replace(base, what_happened=f"{first} (most of them)\n\n{second}")
    result = merge_postmortems(base, ours, theirs)
    assert result.conflicts == ["what happened"]
    text = result.postmortem.what_happened
    assert "(all of them)" in text and "(most of them)" in text
    assert conflicted_fields(result.postmortem) == ["what happened"]


def test_a_status_both_sides_changed_keeps_a_consistent_item():
    base = incident()
    done = replace(base.action_items[0], status=ActionStatus.DONE, completed_on=base.incident_date)
    late = replace(base.action_items[0], status=ActionStatus.IN_PROGRESS)
    result = merge_postmortems(
        base, replace(base, action_items=[done]), replace(base, action_items=[late])
    )
    item = result.postmortem.action_items[0]
    assert item.status is ActionStatus.DONE and item.completed_on == base.incident_date


def test_merged_text_round_trips_through_the_file_format():
    base = incident()
    ours = replace(base, severity=Severity.P1, user_impact="Most lookups failed.")
    theirs = replace(base, severity=Severity.P3, user_impact="Some lookups failed.")
    merged = merge_postmortems(base, ours, theirs).postmortem
    again = parse_library_text("x.md", render_markdown(merged, uid=UID).encode()).postmortem
    assert content(again) == content(merged)
    assert conflicted_fields(again) == ["user impact", "meeting notes"]


def write(path, pm):
    path.write_text(render_markdown(pm, uid=UID), encoding="utf-8")


def test_the_driver_writes_the_merge_into_ours_and_keeps_the_id(tmp_path):
    base = incident()
    write(tmp_path / "base.md", base)
    write(tmp_path / "ours.md", replace(base, went_well="Paging."))
    write(tmp_path / "theirs.md", replace(base, could_improve="Alerts."))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pmdesk",
            "merge-file",
            *(str(tmp_path / f"{n}.md") for n in ("base", "ours", "theirs")),
            "dns.md",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    merged = parse_library_text("dns.md", (tmp_path / "ours.md").read_bytes())
    assert merged.uid == UID
    assert (merged.postmortem.went_well, merged.postmortem.could_improve) == ("Paging.", "Alerts.")


def test_a_file_that_is_not_a_postmortem_is_merged_as_text_and_a_clash_reported(tmp_path):
    (tmp_path / "base.md").write_text("one\ntwo\n", encoding="utf-8")
    (tmp_path / "ours.md").write_text("one\nTWO\n", encoding="utf-8")
    (tmp_path / "theirs.md").write_text("one\n2\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pmdesk",
            "merge-file",
            *(str(tmp_path / f"{n}.md") for n in ("base", "ours", "theirs")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    text = (tmp_path / "ours.md").read_text(encoding="utf-8")
    assert "TWO" in text and "2" in text and "<<<<<<< this copy" in text
