"""lemminflect's two word tables, read one entry at a time from a file in the cache folder.

lemminflect (pinned in pyproject.toml) reads its lemma table and its inflection table, 115,000
lines of CSV, from gzip files the first time it is asked anything: 0.24 s of every lint process,
more than the first stage of a long document. It asks each table only for one word at a time
(`table.get(word, {})`). So the first process that loads them writes them, as lemminflect built
them, to an SQLite file in the user's cache folder, named by lemminflect's version, the Python
version (the entries are stored with `marshal`) and the size and time of each table file; every
later process gives lemminflect a mapping that reads the entry it asks for from that file.
When the file cannot be written, opened or read, lemminflect has its own tables, as before.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sqlite3
import sys
import threading
import types
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

_lock = threading.Lock()  # (one query at a time on the shared connection)
_install_lock = threading.Lock()
_installed = False


class KeptTable:
    """One of lemminflect's tables, as the mapping it uses: `get(word, default)`."""

    def __init__(self, connection: sqlite3.Connection, name: str, load: Any) -> None:
        self._connection = connection
        self._query = f"SELECT value FROM {name} WHERE key = ?"
        self._load = load  # lemminflect's own loader: the fallback
        self._loaded: dict[str, Any] | None = None

    def get(self, key: str, default: Any = None) -> Any:
        if self._loaded is None:
            try:
                with _lock:
                    row = self._connection.execute(self._query, (key,)).fetchone()
                return default if row is None else marshal.loads(row[0])
            except (sqlite3.Error, ValueError, EOFError, TypeError):
                self._loaded = self._load()  # (the file went bad under us: read the table)
        return self._loaded.get(key, default)


def install(lemminflect: types.ModuleType) -> None:
    """Give lemminflect the kept tables (writing them first if need be); once per process."""
    global _installed
    with _install_lock:
        if not _installed:
            _install(lemminflect)
            _installed = True


def _install(lemminflect: types.ModuleType) -> None:
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflections = Lemmatizer(), Inflections()
    if hasattr(lemmatizer, "lemma_dict") or hasattr(inflections, "infl_dict"):
        return  # (already loaded: nothing to win)
    sources = {"lemma": lemmatizer.lemma_lu_fn, "infl": inflections.infl_lu_fn}
    path = _kept_file(lemminflect, sources)
    connection = _open(path) if path else None
    if connection is None and path:
        # the first process: each table read whole, written, and let go in turn (~55 MB
        # together, which the process held for its life beside the parser), then read from
        # the file as in every later process
        _keep(
            path,
            {
                "lemma": lambda: _entries(sources["lemma"], _lemma_line(LemmaLUCodec)),
                "infl": lambda: _entries(
                    sources["infl"],
                    _infl_line(InflectionLUCodec),
                    InflectionLUCodec.updateForAuxMod,
                ),
            },
        )
        gc.collect()
        connection = _open(path)
    if connection is None:
        return  # (not kept: lemminflect reads its own tables when first asked)
    lemmatizer.lemma_dict = KeptTable(
        connection, "lemma", lambda: LemmaLUCodec.load(sources["lemma"])
    )
    inflections.infl_dict = KeptTable(
        connection, "infl", lambda: InflectionLUCodec.load(sources["infl"])
    )


def _lemma_line(codec: Any) -> Callable[[str], tuple[str, dict[str, Any]]]:
    """One line of the lemma table as lemminflect reads it: (word, {upos: spellings})."""
    from lemminflect.core.LexicalUtils import categoryToUPos

    def read(line: str) -> tuple[str, dict[str, Any]]:
        word, category, forms = codec.fromString(line)
        return word, {categoryToUPos(category): forms}

    return read


def _infl_line(codec: Any) -> Callable[[str], tuple[str, dict[str, Any]]]:
    """One line of the inflection table as lemminflect reads it: (word, {tag: spellings})."""

    def read(line: str) -> tuple[str, dict[str, Any]]:
        word, _, forms = codec.fromString(line)
        return word, forms

    return read


def _entries(
    source: str,
    read: Callable[[str], tuple[str, dict[str, Any]]],
    finish: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(word, entry, merge) of a gzip table, read a line at a time with lemminflect's own codec
    and merged per word in file order as its loader merges them (`dict.update`), without ever
    holding the whole table. The files are sorted, so a word's lines come together; a word met
    again after others is yielded with merge=True, to be merged over what was written. Last,
    what the loader's `finish` step sets (the modal verbs' table) replaces what was read."""
    import gzip

    current: str | None = None
    entry: dict[str, Any] = {}
    seen: set[str] = set()
    with gzip.open(source, "rb") as lines:
        for raw in lines:
            word, part = read(raw.decode())
            if word == current:
                entry.update(part)
                continue
            if current is not None:
                yield current, entry, False
            if word in seen:
                yield word, dict(part), True
                current, entry = None, {}
                continue
            seen.add(word)
            current, entry = word, dict(part)
    if current is not None:
        yield current, entry, False
    if finish is not None:
        for word, fixed in finish({}).items():
            yield word, fixed, False


def _kept_file(lemminflect: types.ModuleType, sources: dict[str, str]) -> Path | None:
    from pmdesk.locations import cache_dir

    try:
        stats = [os.stat(sources[name]) for name in sorted(sources)]
    except OSError:
        return None
    state = repr([(s.st_size, s.st_mtime_ns) for s in stats]).encode()
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"
    version = getattr(lemminflect, "__version__", "unknown")
    return cache_dir() / f"lemminflect-{version}-{python}-{hashlib.sha1(state).hexdigest()[:12]}.db"


def _open(path: Path) -> sqlite3.Connection | None:
    """The kept file, read-only, if it is complete (its `done` table is written last)."""
    if not path.is_file():
        return None
    try:
        uri = f"{path.absolute().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        if connection.execute("SELECT count(*) FROM done").fetchone() != (1,):
            connection.close()
            return None
    except sqlite3.Error:
        return None
    return connection


def _keep(path: Path, tables: dict[str, Callable[[], Iterable[tuple[str, Any, bool]]]]) -> None:
    """Write the tables beside their final name, then move the file there (best effort).

    `tables`: how to read each, as (key, value, merge) rows, called in turn and streamed, so
    that no table is ever held whole."""
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.unlink(missing_ok=True)
        connection = sqlite3.connect(temp)
        try:
            with connection:
                for name, load in tables.items():
                    connection.execute(
                        f"CREATE TABLE {name} (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID"
                    )
                    for key, value, merge in load():
                        if merge:  # (a word met again: merged as lemminflect does)
                            row = connection.execute(
                                f"SELECT value FROM {name} WHERE key = ?", (key,)
                            ).fetchone()
                            if row is not None:
                                value = {**marshal.loads(row[0]), **value}
                        connection.execute(
                            f"INSERT OR REPLACE INTO {name} VALUES (?, ?)",
                            (key, marshal.dumps(value)),
                        )
                connection.execute("CREATE TABLE done (one INTEGER)")
                connection.execute("INSERT INTO done VALUES (1)")
        finally:
            connection.close()
        os.replace(temp, path)
    except (OSError, sqlite3.Error, ValueError):
        try:
            temp.unlink()
        except OSError:
            pass
