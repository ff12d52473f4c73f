"""Two facilitators share a library through a bare remote; every field must survive."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from pmdesk.library import conflicted_fields
from pmdesk.models import ActionStatus, Severity, TimelineEvent
from tests.library.conftest import content, run_git

TITLE = "DNS resolvers dropped queries"


def test_edits_to_different_sections_merge_field_by_field(team):
    alice, bob = team
    start = alice.get(TITLE)
    late = TimelineEvent(at=datetime(2026, 3, 2, 14, 50, tzinfo=UTC), text="Error rate normal")
    alice.edit(TITLE, timeline=[*start.timeline, late], went_well="Paging was fast.")
    done = replace(
        start.action_items[1], status=ActionStatus.DONE, completed_on=start.incident_date
    )
    bob.edit(
        TITLE,
        action_items=[start.action_items[0], done],
        why_not_caught="No alert watched socket use.",
    )
    assert alice.sync().pushed
    result = bob.sync()
    assert result.merged and result.pushed and not result.conflicts
    alice.sync()

    for person in (alice, bob):
        pm = person.get(TITLE)
        assert [e.text for e in pm.timeline] == [
            "Alert fired for SERVFAIL rate",
            "Backup pool enabled",
            "Error rate normal",
        ]
        assert pm.went_well == "Paging was fast."
        assert pm.why_not_caught == "No alert watched socket use."
        assert [a.status for a in pm.action_items] == [ActionStatus.OPEN, ActionStatus.DONE]
        assert pm.what_happened == start.what_happened
    assert content(alice.get(TITLE)) == content(bob.get(TITLE))


def test_both_sides_adding_rows_keeps_every_row(team):
    alice, bob = team
    start = alice.get(TITLE)
    a_item = replace(start.action_items[0], action="Document the resolver pools", owner="Ana")
    b_item = replace(start.action_items[0], action="Load-test the backup pool", owner="Ben")
    alice.edit(TITLE, action_items=[*start.action_items, a_item])
    bob.edit(TITLE, action_items=[*start.action_items, b_item])
    alice.sync()
    bob.sync()
    alice.sync()
    actions = [a.action for a in alice.get(TITLE).action_items]
    assert actions == [
        "Alert on resolver socket use",
        "Raise the socket limit",
        "Load-test the backup pool",
        "Document the resolver pools",
    ] or actions == [
        "Alert on resolver socket use",
        "Raise the socket limit",
        "Document the resolver pools",
        "Load-test the backup pool",
    ]
    assert content(alice.get(TITLE)) == content(bob.get(TITLE))


def test_the_same_field_keeps_both_versions_marked(team):
    alice, bob = team
    alice.edit(TITLE, user_impact="Lookups failed for 40% of EU clients.", severity=Severity.P1)
    bob.edit(TITLE, user_impact="Lookups failed for 35% of clients.", severity=Severity.P3)
    alice.sync()
    result = bob.sync()
    assert len(result.conflicts) == 1

    pm = bob.get(TITLE)
    assert "Lookups failed for 40% of EU clients." in pm.user_impact
    assert "Lookups failed for 35% of clients." in pm.user_impact
    assert "<<<<<<< this copy" in pm.user_impact and ">>>>>>> incoming" in pm.user_impact
    # a one-line field keeps this copy's value and shows both under Meeting Notes
    assert pm.severity is Severity.P3
    assert "severity\nP3\n=======\nP1\n" in pm.meeting_notes
    assert conflicted_fields(pm) == ["user impact", "meeting notes"]

    # the facilitator chooses; the choice travels back to alice
    bob.edit(TITLE, user_impact="Lookups failed for 40% of EU clients.", meeting_notes="")
    bob.sync()
    alice.sync()
    chosen = alice.get(TITLE)
    assert chosen.user_impact == "Lookups failed for 40% of EU clients."
    assert conflicted_fields(chosen) == []


def test_an_edit_against_a_deletion_keeps_the_edited_file(team):
    alice, bob = team
    with alice.index() as index:
        index.store.delete(alice.find(index, TITLE).id)
        assert len(index.write_changes()) == 1
    assert not list(alice.root.glob("*.md"))[1:]  # only the README is left
    bob.edit(TITLE, went_well="The backup pool took the load.")
    alice.sync()
    result = bob.sync()
    assert result.kept_edits and result.pushed
    alice.sync()
    for person in (alice, bob):
        assert person.get(TITLE).went_well == "The backup pool took the load."


def test_a_rename_keeps_the_postmortem_and_merges_an_edit_made_under_the_old_name(team):
    alice, bob = team
    [old] = [p.name for p in alice.root.glob("2026-*.md")]
    with alice.index() as index:
        pm_id = alice.find(index, TITLE).id
    run_git(alice.root, "mv", old, "dns-resolvers.md")
    alice.sync()
    with alice.index() as index:  # the index follows the file, under the same id
        assert index.path_of(pm_id) == alice.root / "dns-resolvers.md"
    bob.edit(TITLE, root_cause="A default limit nobody had reviewed.")
    alice.sync()
    bob.sync()
    alice.sync()
    for person in (alice, bob):
        assert [p.name for p in person.root.glob("*.md") if p.name != "README.md"] == [
            "dns-resolvers.md"
        ]
        assert person.get(TITLE).root_cause == "A default limit nobody had reviewed."
    log = run_git(alice.root, "log", "--format=%s")
    assert "Rename postmortem: DNS resolvers dropped queries" in log


def test_commits_made_offline_are_pushed_by_a_later_sync(team, tmp_path):
    alice, bob = team
    real = run_git(bob.root, "remote", "get-url", "origin").strip()
    run_git(bob.root, "remote", "set-url", "origin", str(tmp_path / "unreachable.git"))
    bob.edit(TITLE, went_well="Runbook worked.")
    first = bob.sync()
    assert first.offline and first.waiting == 1 and not first.pushed
    bob.edit(TITLE, could_improve="Alert sooner.")
    second = bob.sync()
    assert second.waiting == 2
    assert "offline, 2 commit(s) waiting" in second.status()

    run_git(bob.root, "remote", "set-url", "origin", real)
    assert bob.sync().pushed
    alice.sync()
    pm = alice.get(TITLE)
    assert (pm.went_well, pm.could_improve) == ("Runbook worked.", "Alert sooner.")
    subjects = run_git(alice.root, "log", "--format=%s", "-3").splitlines()
    assert subjects[:2] == [
        "Update postmortem: DNS resolvers dropped queries — what could be improved",
        "Update postmortem: DNS resolvers dropped queries — what went well",
    ]


def test_a_malformed_file_arriving_by_pull_is_reported_and_skipped(team):
    alice, bob = team
    (alice.root / "broken.md").write_bytes(b"\xff\xfe not text at all")
    (alice.root / "notes.md").write_text("just some words\n", encoding="utf-8")
    alice.edit(TITLE, went_well="Good handover.")
    alice.sync()
    bob.sync()
    with bob.index() as index:
        # reported by every refresh until the file is fixed, one line each, path first
        problems = index.refresh().problems
        assert problems == index.problems()
        assert problems[0] == "broken.md: not UTF-8 text, so not a postmortem"
        assert problems[1].startswith("notes.md: this does not look like a postmortem")
        assert len(problems) == 2
        assert [pm.title for pm in index.store.postmortems()] == [TITLE]
        assert bob.find(index, TITLE).went_well == "Good handover."
    assert (bob.root / "broken.md").read_bytes() == b"\xff\xfe not text at all"
