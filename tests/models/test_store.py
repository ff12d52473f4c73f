import sqlite3
from datetime import date
from types import SimpleNamespace

import pytest

from pmdesk.models import (
    ActionItem,
    ActionStatus,
    ContributingFactor,
    NotFound,
    Postmortem,
    Store,
    StoreError,
    TimelineEvent,
    ValidationError,
    open_store,
)


def _strip_ids(pm: Postmortem) -> dict:
    data = pm.to_dict()
    for key in ("id", "created_at", "updated_at"):
        data.pop(key)
    for key in ("timeline", "contributing_factors", "action_items"):
        for row in data[key]:
            row.pop("id")
    return data


def test_every_field_survives_the_store(fresh_db, example):
    stored = fresh_db.create(example)
    assert stored.id is not None
    assert _strip_ids(fresh_db.get(stored.id)) == _strip_ids(example)


def test_the_file_is_wal_with_foreign_keys(fresh_db):
    conn = fresh_db.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_field_updates_are_validated_and_stored(fresh_db, example):
    pm_id = fresh_db.create(example).id
    fresh_db.update(pm_id, title="New title", severity="P1", authors="Ana, Bo")
    pm = fresh_db.get(pm_id)
    assert (pm.title, pm.severity.value, pm.authors) == ("New title", "P1", ["Ana", "Bo"])
    with pytest.raises(ValidationError, match="cannot end"):
        fresh_db.update(pm_id, ended_at="2026-03-10T13:00:00Z")
    assert fresh_db.get(pm_id).ended_at == example.ended_at
    with pytest.raises(ValidationError):
        fresh_db.update(pm_id, incident_date="not a date")


def test_child_lists_add_update_reorder_delete(fresh_db):
    pm_id = fresh_db.create(Postmortem(title="t")).id
    late = fresh_db.add_event(pm_id, TimelineEvent("2026-01-01T10:05:00Z", "late"))
    fresh_db.add_event(pm_id, TimelineEvent("2026-01-01T10:00:00Z", "early"))
    assert [e.text for e in fresh_db.get(pm_id).timeline] == ["early", "late"]
    late.text = "later"
    fresh_db.update_event(late)
    fresh_db.delete_event(fresh_db.get(pm_id).timeline[0].id)
    assert [e.text for e in fresh_db.get(pm_id).timeline] == ["later"]

    a = fresh_db.add_factor(pm_id, ContributingFactor("a"))
    b = fresh_db.add_factor(pm_id, ContributingFactor("b"))
    c = fresh_db.add_factor(pm_id, ContributingFactor("c", checked=True), position=0)
    assert [f.text for f in fresh_db.get(pm_id).contributing_factors] == ["c", "a", "b"]
    fresh_db.reorder_factors(pm_id, [a.id, b.id, c.id])
    b.checked = True
    fresh_db.update_factor(b)
    factors = fresh_db.get(pm_id).contributing_factors
    assert [(f.text, f.checked) for f in factors] == [("a", False), ("b", True), ("c", True)]
    with pytest.raises(ValidationError, match="every contributing factor"):
        fresh_db.reorder_factors(pm_id, [a.id])

    item = fresh_db.add_action(pm_id, ActionItem("Add alert", due_date="2026-02-01"))
    item.status = ActionStatus.DONE
    item.completed_on = date(2026, 1, 30)
    fresh_db.update_action(item)
    assert fresh_db.get_action(item.id).completed_on == date(2026, 1, 30)
    fresh_db.delete_action(item.id)
    assert fresh_db.get(pm_id).action_items == []

    fresh_db.set_whys(pm_id, ["one", "two"])
    fresh_db.set_whys(pm_id, ["one", "two", "three"])
    assert fresh_db.get(pm_id).whys == ["one", "two", "three"]


def test_missing_rows_are_a_clear_error(fresh_db):
    with pytest.raises(NotFound, match="no postmortem with id 42"):
        fresh_db.get(42)
    with pytest.raises(NotFound, match="no action item with id 7"):
        fresh_db.delete_action(7)
    with pytest.raises(NotFound):
        fresh_db.add_event(42, TimelineEvent("2026-01-01T00:00:00Z", "x"))


def test_delete_cascades_and_undo_restores_the_same_ids(fresh_db, example):
    stored = fresh_db.create(example)
    deleted = fresh_db.delete(stored.id)
    assert fresh_db.list_postmortems() == []
    count = fresh_db.db.execute("SELECT count(*) FROM action_items").fetchone()[0]
    assert count == 0
    restored = fresh_db.create(deleted, keep_id=True)
    assert restored.id == stored.id
    assert [a.id for a in restored.action_items] == [a.id for a in stored.action_items]
    assert fresh_db.list_postmortems(search="canary")[0].id == stored.id


def test_a_failed_multi_row_write_leaves_nothing(fresh_db):
    bad = Postmortem(title="half", action_items=[ActionItem("ok")])
    bad.action_items.append(ActionItem("also ok"))
    # slip past the dataclass checks so that only the database can refuse the second row
    bad.action_items[1].priority = SimpleNamespace(value="urgent")
    with pytest.raises(sqlite3.IntegrityError):
        fresh_db.create(bad)
    assert fresh_db.list_postmortems() == []
    assert fresh_db.db.execute("SELECT count(*) FROM action_items").fetchone()[0] == 0


def test_save_replaces_lists(fresh_db, example):
    stored = fresh_db.create(example)
    stored.timeline = stored.timeline[:2]
    stored.whys = ["only one"]
    saved = fresh_db.save(stored)
    assert len(saved.timeline) == 2 and saved.whys == ["only one"]


def test_full_text_search_covers_every_part(fresh_db, example):
    pm_id = fresh_db.create(example).id
    other = fresh_db.create(Postmortem(title="DNS resolver outage", what_happened="TTL expiry")).id
    assert [r.id for r in fresh_db.list_postmortems(search="TTL expiry")] == [other]
    for words in ("canary", "Priya", "runbook", "pool exhausted", "staging cost-saving"):
        assert [r.id for r in fresh_db.list_postmortems(search=words)] == [pm_id], words
    # stemming and prefixes: "deploys" finds "deploy", a half-typed word matches
    assert fresh_db.list_postmortems(search="deploys")
    assert fresh_db.list_postmortems(search="connec")
    # edits reach the index in the same transaction
    fresh_db.update(other, went_well="the quarantine script")
    assert [r.id for r in fresh_db.list_postmortems(search="quarantine")] == [other]
    # FTS syntax typed by a user is just text
    assert fresh_db.list_postmortems(search='"NEAR( zzz OR ) *') == []
    assert fresh_db.list_postmortems(search="---") == []


def test_listing_filters(fresh_db):
    fresh_db.create(
        Postmortem(title="a", severity="P1", status="complete", incident_date="2026-01-02")
    )
    fresh_db.create(Postmortem(title="b", severity="P2", incident_date="2026-01-05"))
    fresh_db.create(Postmortem(title="c", severity="P1", incident_date="2026-01-03"))
    assert [r.title for r in fresh_db.list_postmortems()] == ["b", "c", "a"]
    assert [r.title for r in fresh_db.list_postmortems(severity="P1")] == ["c", "a"]
    assert [r.title for r in fresh_db.list_postmortems(severity="P1", status="draft")] == ["c"]


def test_example_is_seeded_once_and_only_into_an_empty_store(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        [row] = store.list_postmortems()
        assert row.is_example
        store.delete(row.id)
    with open_store(path) as store:
        assert store.list_postmortems() == []  # deleting the example is respected
    with Store(tmp_path / "t.db") as store:
        store.create(Postmortem(title="mine"))
    with open_store(tmp_path / "t.db") as store:
        assert [r.title for r in store.list_postmortems()] == ["mine"]


def test_examples_are_left_out_of_follow_through_queries(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        assert store.actions() == []
        assert len(store.actions(include_examples=True)) == 5
        assert store.postmortems() == []


def test_two_connections_do_not_lose_each_others_edits(tmp_path, example):
    path = tmp_path / "shared.db"
    with Store(path) as one, Store(path) as two:
        pm_id = one.create(example).id
        one.update(pm_id, went_well="from one")
        two.update(pm_id, could_improve="from two")
        two.add_event(pm_id, TimelineEvent("2026-03-10T16:00:00Z", "from two"))
        pm = one.get(pm_id)
        assert (pm.went_well, pm.could_improve) == ("from one", "from two")
        assert pm.timeline[-1].text == "from two"
        assert one.integrity_check() == "ok"


def test_a_restored_row_gets_its_id_back(fresh_db):
    pm_id = fresh_db.create(Postmortem(title="t")).id
    event = fresh_db.add_event(pm_id, TimelineEvent("2026-01-01T10:00:00Z", "page"))
    action = fresh_db.add_action(pm_id, ActionItem("alert"))
    factor = fresh_db.add_factor(pm_id, ContributingFactor("load"))
    fresh_db.delete_event(event.id)
    fresh_db.delete_action(action.id)
    fresh_db.delete_factor(factor.id)
    assert fresh_db.add_event(pm_id, event).id == event.id
    assert fresh_db.add_action(pm_id, action).id == action.id
    assert fresh_db.add_factor(pm_id, factor).id == factor.id
    with pytest.raises(StoreError, match="exists already"):
        fresh_db.add_action(pm_id, action)


def test_add_many_stores_what_create_stores_and_is_found_by_search(tmp_path, example):
    """add_many (a library index) and create write the same rows and the same search text."""
    from pmdesk.models import Store

    with Store(tmp_path / "a.db") as one, Store(tmp_path / "b.db") as many:
        created = one.create(example)
        [pm_id] = many.add_many([example])
        added = many.get(pm_id)
        assert added.to_dict() | {"created_at": None, "updated_at": None} == created.to_dict() | {
            "created_at": None,
            "updated_at": None,
        }
        body = "SELECT title, body FROM search_index WHERE rowid = ?"
        assert (
            many.db.execute(body, [pm_id]).fetchone()
            == one.db.execute(body, [created.id]).fetchone()
        )
        word = example.timeline[0].text.split()[0]
        assert [s.id for s in many.list_postmortems(search=word)] == [pm_id]
