"""Given names: read from Faker, kept in the cache folder, read back from there."""

from __future__ import annotations

from pmdesk.lint import names


def test_the_kept_list_is_fakers_list():
    kept = names._kept_file()
    assert kept is not None and not kept.exists()
    from_faker = names._from_faker()
    assert {"priya", "maria", "john"} <= from_faker
    names._keep(kept, from_faker)
    assert names._read_kept(kept) == from_faker


def test_a_kept_file_cut_short_or_not_ours_is_not_read(tmp_path):
    kept = tmp_path / "given-names.txt"
    names._keep(kept, frozenset({"ana", "bo", "chidi"}))
    assert names._read_kept(kept) == {"ana", "bo", "chidi"}
    kept.write_text(kept.read_text(encoding="utf-8")[:-3], encoding="utf-8")
    assert names._read_kept(kept) is None
    kept.write_text("ana\nbo\n", encoding="utf-8")
    assert names._read_kept(kept) is None
    assert names._read_kept(tmp_path / "missing.txt") is None


def test_a_folder_that_cannot_be_written_keeps_nothing_and_says_nothing(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    names._keep(blocked / "given-names.txt", frozenset({"ana"}))  # (its folder is a file)
    assert list(tmp_path.iterdir()) == [blocked]
