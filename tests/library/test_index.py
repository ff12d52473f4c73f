"""The index of a library folder: built from the files, kept in step, rebuilt without loss."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace

from pmdesk.library import LibraryIndex
from pmdesk.library.folder import parse_library_text
from tests.library.conftest import content, incident


def make_library(tmp_path, *titles):
    root = tmp_path / "lib"
    root.mkdir()
    with LibraryIndex(root) as index:
        index.store.add_many([incident(t) for t in titles])
        index.write_changes()
    return root


def files(root):
    return sorted(p.name for p in root.glob("*.md"))


def test_new_postmortems_get_a_file_named_by_date_title_and_id(tmp_path):
    root = make_library(tmp_path, "Checkout API: 502s")
    [name] = files(root)
    found = parse_library_text(name, (root / name).read_bytes())
    assert name == f"2026-03-02-checkout-api-502s-{found.uid[:8]}.md"
    assert found.postmortem.title == "Checkout API: 502s"


def test_a_rebuild_from_the_files_gives_back_every_field(tmp_path):
    root = make_library(tmp_path, "One", "Two")
    with LibraryIndex(root) as index:
        before = sorted((content(pm) for pm in index.store.postmortems()), key=str)
        report = index.rebuild()
        after = sorted((content(pm) for pm in index.store.postmortems()), key=str)
    assert report.added == 2 and after == before


def test_only_changed_files_are_read_again(tmp_path):
    root = make_library(tmp_path, "One", "Two")
    first, second = files(root)
    os.utime(root / first)  # touched, same bytes
    path = root / second
    path.write_text(path.read_text(encoding="utf-8").replace("Sam", "Samira"), encoding="utf-8")
    with LibraryIndex(root) as index:
        report = index.refresh()
        assert (report.updated, report.unchanged, report.added) == (1, 1, 0)
        owners = {pm.title: pm.action_items[0].owner for pm in index.store.postmortems()}
    assert owners == {"One": "Sam", "Two": "Samira"}


def test_a_copy_with_the_same_id_is_reported_and_the_original_kept(tmp_path):
    root = make_library(tmp_path, "One")
    [name] = files(root)
    shutil.copy(root / name, root / "zz-copy.md")
    with LibraryIndex(root) as index:
        report = index.refresh()
        assert report.problems == [f"zz-copy.md: has the same id as {name} (a copy?): skipped"]
        assert [pm.title for pm in index.store.postmortems()] == ["One"]


def test_a_hand_written_file_without_an_id_is_indexed_and_left_as_written(tmp_path):
    root = make_library(tmp_path, "One")
    hand = "# Postmortem: Written by hand\n\n**Date:** 2026-04-01\n\n## Timeline\n"
    (root / "hand.md").write_text(hand, encoding="utf-8")
    with LibraryIndex(root) as index:
        index.refresh()
        assert sorted(pm.title for pm in index.store.postmortems()) == ["One", "Written by hand"]
        assert index.write_changes() == []
    assert (root / "hand.md").read_text(encoding="utf-8") == hand


def test_deleting_in_the_index_removes_the_file_and_a_removed_file_leaves_the_index(tmp_path):
    root = make_library(tmp_path, "One", "Two")
    with LibraryIndex(root) as index:
        one = next(pm for pm in index.store.postmortems() if pm.title == "One")
        index.store.delete(one.id)
        [removed] = index.write_changes()
    assert removed not in files(root) and len(files(root)) == 1
    (root / files(root)[0]).unlink()
    with LibraryIndex(root) as index:
        assert index.refresh().removed == 1
        assert index.store.postmortems() == []


def test_an_edit_in_the_index_is_written_to_the_same_file(tmp_path):
    root = make_library(tmp_path, "One")
    [name] = files(root)
    with LibraryIndex(root) as index:
        pm = index.store.postmortems()[0]
        index.store.save(replace(pm, went_well="Fast rollback."))
        assert index.write_changes() == [name]
        assert index.write_changes() == []  # nothing left to write
        assert index.refresh().updated == 0  # its own write is not read back as a change
    assert files(root) == [name]
    found = parse_library_text(name, (root / name).read_bytes())
    assert found.postmortem.went_well == "Fast rollback."


def test_a_library_read_by_worker_processes_in_several_batches_loses_nothing(tmp_path):
    from pmdesk.library import index as index_module

    count = index_module._PARALLEL_FROM + 50  # parsed in worker processes, over 2 batches
    assert count > index_module._BATCH
    root = make_library(tmp_path, *(f"Incident {i}" for i in range(count)))
    with LibraryIndex(root) as index:
        before = {pm.title: content(pm) for pm in index.store.postmortems()}
        report = index.rebuild()
        after = {pm.title: content(pm) for pm in index.store.postmortems()}
    assert (report.added, report.problems) == (count, [])
    assert after == before
