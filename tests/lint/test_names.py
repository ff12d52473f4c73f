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


def test_a_name_typed_in_lower_case_in_chat_is_a_person():
    from pmdesk.lint import lint

    text = "ok so farah truncated the audit table on the live cluster"
    found = [f for f in lint(text) if f.is_warning]
    assert [f.category for f in found] == ["named-agent"]
    # the finding covers the words as typed: nothing was re-cased in the document
    assert text[found[0].start : found[0].end].startswith("farah truncated")
    # a word that is also a name ("will", "mark") is not taken for one, nor is a name in a
    # sentence written with capitals elsewhere
    assert not [
        f for f in lint("will the rollback finish before the window closes?") if f.is_warning
    ]
    assert not [f for f in lint("farah paged the storage on-call at 03:10") if f.is_warning]


def test_a_function_word_that_is_also_a_name_is_not_a_person_in_chat():
    from pmdesk.lint import lint
    from pmdesk.lint.engine import _chat_normalised

    # "an" and "per" are given names in the lists, but no one is named in these lines
    text = "the cron job stayed off for an hour per the old schedule and the reports stopped"
    assert _chat_normalised(text, frozenset()) == text
    assert _chat_normalised("so nadia ran an update", frozenset()) == "so Nadia ran an update"
    assert not [f for f in lint(text) if f.category == "named-agent"]


def test_a_first_process_has_a_child_write_the_list_and_never_imports_faker(tmp_path):
    # Faker's locales hold ~28 MB a process never gives back: the lint process reads the list
    # a child wrote, on its first start as on every later one
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pmdesk.lint.names import given_names, is_given_name\n"
        "print(len(given_names()), is_given_name('priya'), is_given_name('raj'),"
        " any(m == 'faker' or m.startswith('faker.') for m in sys.modules))\n"
    )
    env = {**os.environ, "PMDESK_CACHE_DIR": str(tmp_path)}
    first, second = (
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        for _ in range(2)
    )
    count, priya, raj, imported = first.stdout.split()
    assert (priya, raj, imported) == ("True", "True", "False"), first
    assert int(count) > 30_000
    assert second.stdout == first.stdout
    assert [p.name.startswith("given-names-faker-") for p in tmp_path.iterdir()] == [True]
