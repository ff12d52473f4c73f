"""lemminflect's tables, kept in the cache folder, read back entry by entry."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from lemminflect.core.Inflections import Inflections
from lemminflect.core.Lemmatizer import Lemmatizer

from pmdesk.lint import lemma_tables
from pmdesk.lint.grammar import lemminflect


@pytest.fixture(scope="module")
def tables() -> dict[str, dict]:
    lemminflect()
    return {
        "lemma": LemmaLUCodec.load(Lemmatizer().lemma_lu_fn),
        "infl": InflectionLUCodec.load(Inflections().infl_lu_fn),
    }


def _rows(table: dict):
    return ((key, value, False) for key, value in table.items())


def test_every_entry_reads_back_as_lemminflect_loads_it(tables, tmp_path):
    # the tables are written a line at a time, never held whole (the first lint process's
    # peak memory): every entry must still be what lemminflect's own loaders build, the modal
    # verbs' fixed entries included
    kept = tmp_path / "tables.db"
    lemma_tables._keep(
        kept,
        {
            "lemma": lambda: lemma_tables._entries(
                Lemmatizer().lemma_lu_fn, lemma_tables._lemma_line(LemmaLUCodec)
            ),
            "infl": lambda: lemma_tables._entries(
                Inflections().infl_lu_fn,
                lemma_tables._infl_line(InflectionLUCodec),
                InflectionLUCodec.updateForAuxMod,
            ),
        },
    )
    connection = lemma_tables._open(kept)
    assert connection is not None
    for name, table in tables.items():
        read = lemma_tables.KeptTable(connection, name, lambda: {})
        assert all(read.get(key) == value for key, value in table.items()), name
        count = connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        assert count == len(table), name
        assert read.get("not-a-word-xyzzy", {}) == {}


def test_the_first_process_keeps_the_tables_and_reads_them_from_the_file_as_the_next_does(
    tmp_path,
):
    # the first process lets go of the whole tables once they are written (~55 MB it would
    # otherwise hold beside the parser for its life): both read entries from the file
    script = (
        "from lemminflect.core.Lemmatizer import Lemmatizer\n"
        "from pmdesk.lint.grammar import lemminflect\n"
        "module = lemminflect()\n"
        "print(type(Lemmatizer().lemma_dict).__name__, module.getLemma('overwrote', upos='VERB'),"
        " module.getInflection('deploy', tag='VBD'))\n"
    )
    env = {**os.environ, "PMDESK_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.stdout.split()[0] for r in runs] == ["KeptTable", "KeptTable"], runs
    assert runs[0].stdout.split()[1:] == runs[1].stdout.split()[1:]
    assert "('deployed',)" in runs[1].stdout
    assert [p.suffix for p in tmp_path.iterdir()] == [".db"]


def test_a_file_not_written_to_the_end_is_not_opened(tmp_path):
    cut = tmp_path / "cut.db"
    connection = sqlite3.connect(cut)
    connection.execute("CREATE TABLE lemma (key TEXT PRIMARY KEY, value BLOB)")
    connection.commit()
    connection.close()
    assert lemma_tables._open(cut) is None
    (tmp_path / "junk.db").write_bytes(b"not a database")
    assert lemma_tables._open(tmp_path / "junk.db") is None
    assert lemma_tables._open(tmp_path / "missing.db") is None


def test_a_file_that_goes_bad_under_us_falls_back_to_lemminflects_own_table(tables, tmp_path):
    kept = tmp_path / "tables.db"
    lemma_tables._keep(kept, {name: lambda t=t: _rows(t) for name, t in tables.items()})
    connection = lemma_tables._open(kept)
    read = lemma_tables.KeptTable(connection, "lemma", lambda: tables["lemma"])
    connection.close()
    assert read.get("deployed") == tables["lemma"]["deployed"]


def test_a_folder_that_cannot_be_written_keeps_nothing_and_says_nothing(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    lemma_tables._keep(blocked / "tables.db", {"lemma": lambda: _rows({"ran": {"VERB": ("run",)}})})
    assert list(tmp_path.iterdir()) == [blocked]
    assert lemma_tables._open(blocked / "tables.db") is None


def test_where_the_tables_cannot_be_kept_lemminflect_keeps_its_own(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    script = (
        "from lemminflect.core.Lemmatizer import Lemmatizer\n"
        "from pmdesk.lint.grammar import lemminflect\n"
        "module = lemminflect()\n"
        "found = module.getLemma('overwrote', upos='VERB'), module.getInflection('deploy', tag='VBD')\n"
        "print(type(Lemmatizer().lemma_dict).__name__, *found)\n"
    )
    env = {**os.environ, "PMDESK_CACHE_DIR": str(blocked / "cache")}
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert run.stdout.split() == ["dict", "('overwrite',", "'over-write')", "('deployed',)"], run
    assert list(tmp_path.iterdir()) == [blocked]


def test_a_word_met_again_after_others_is_merged_as_lemminflect_merges_it(tmp_path):
    import gzip

    source = tmp_path / "lu.csv.gz"
    with gzip.open(source, "wt", encoding="utf-8") as out:
        out.write("ran,VERB,run\nrun,NOUN,run\nran,NOUN,ran\n")
    kept = tmp_path / "tables.db"
    read_line = lemma_tables._lemma_line(LemmaLUCodec)
    lemma_tables._keep(kept, {"lemma": lambda: lemma_tables._entries(str(source), read_line)})
    expected = LemmaLUCodec.load(str(source))
    connection = lemma_tables._open(kept)
    table = lemma_tables.KeptTable(connection, "lemma", lambda: {})
    assert table.get("ran") == expected["ran"] == {"VERB": ("run",), "NOUN": ("ran",)}
    assert table.get("run") == expected["run"]
