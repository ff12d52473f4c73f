"""Given names, to tell a person from a product: 'Priya restarted the primary' blames a person,
'Majora skipped the profiles' describes software.

The tagger and the entity recogniser of a small English model miss many names in tech prose, and
a capitalised word no dictionary knows is as often a product as a person. The given names of the
86 locales of Faker's person providers (about 31,000 names; Faker is MIT-licensed and pinned in
pyproject.toml) are the gazetteer. Reading them means importing 86 modules of Faker (0.07 s), so
the list is also kept in the user's cache folder, one file per version of Faker, and read from
there (4 ms) by every later process. The kept file is a cache: when it cannot be read, or does
not hold what it says it holds, the names are read from Faker again.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import threading
from functools import lru_cache
from pathlib import Path

_lock = threading.Lock()
_NAME_LISTS = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_names_nonbinary",
    # Japanese and Chinese given names in Latin letters ("Jun", "Mei-Ling"): the lists above
    # hold them in their own scripts
    "first_romanized_names",
    "first_romanized_names_male",
    "first_romanized_names_female",
)
#: locales whose family names are as often given names ("Raj", "Suresh", "Ganesh"): in much
#: of India a person's "last name" is a father's given name
_GIVEN_AS_FAMILY = ("en_IN",)
#: the kept file's first line: this and the number of names; its last line: _END
_HEADER = "pmdesk given names from Faker, romanised and en_IN family names too"
_END = "(end)"


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lowercase given names from every locale Faker knows."""
    with _lock:
        kept = _kept_file()
        names = _read_kept(kept) if kept else None
        if names is None and kept and _kept_by_a_child():
            names = _read_kept(kept)
        if names is None:
            names = _from_faker()
            if kept:
                _keep(kept, names)
        return names


def _kept_by_a_child() -> bool:
    """Write the kept file in a short-lived child process: importing Faker's 86 locales holds
    ~28 MB that a process never gives back, and the lint process would carry it for its life
    (its peak memory on a first start). Not in the desktop bundle, which has no separate
    Python to run; there, and if the child fails, the names are read here as before."""
    import subprocess
    import sys

    if getattr(sys, "frozen", False):
        return False
    script = "import sys; sys.path[:] = sys.argv[1:]; from pmdesk.lint.names import keep; keep()"
    try:
        done = subprocess.run(
            [sys.executable, "-P", "-c", script, *sys.path],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def keep() -> None:
    """Read the names from Faker and write the kept file (what `_kept_by_a_child` runs)."""
    kept = _kept_file()
    if kept:
        _keep(kept, _from_faker())


def is_given_name(word: str) -> bool:
    return word.lower() in given_names()


def _from_faker() -> frozenset[str]:
    import faker.providers.person as people

    names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = getattr(
            importlib.import_module(f"{people.__name__}.{module.name}"), "Provider", None
        )
        for attr in _NAME_LISTS:
            # read the class's own data: some locales define these as properties
            value = getattr(provider, "__dict__", {}).get(attr)
            if isinstance(value, (tuple, list, set, frozenset, dict)):
                names.update(n.lower() for n in value if isinstance(n, str))
        if module.name in _GIVEN_AS_FAMILY:
            value = getattr(provider, "__dict__", {}).get("last_names")
            if isinstance(value, (tuple, list, set, frozenset, dict)):
                names.update(n.lower() for n in value if isinstance(n, str))
    return frozenset(names)


def _kept_file() -> Path | None:
    from importlib import metadata  # (not with the module: the window imports it, unused)

    from pmdesk.locations import cache_dir

    try:
        version = metadata.version("Faker")
    except metadata.PackageNotFoundError:
        return None
    return cache_dir() / f"given-names-faker-{version}.txt"


def _read_kept(path: Path) -> frozenset[str] | None:
    try:
        header, *names, end = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if header != f"{_HEADER} {len(names)}" or end != _END:
        return None  # (cut short, or not ours)
    return frozenset(names)


def _keep(path: Path, names: frozenset[str]) -> None:
    """Write the list beside its final name, then move it there (best effort)."""
    if any("\n" in n or n == _END for n in names):
        return
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"{_HEADER} {len(names)}", *sorted(names), _END]
        temp.write_text("\n".join(lines), encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        try:
            temp.unlink()
        except OSError:
            pass
