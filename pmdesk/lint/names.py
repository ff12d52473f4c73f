"""Given names, to tell a person from a product: 'Priya restarted the primary' blames a person,
'Majora skipped the profiles' describes software.

The tagger and the entity recogniser of a small English model miss many names in tech prose, and
a capitalised word no dictionary knows is as often a product as a person. The given names of the
86 locales of Faker's person providers (about 31,000 names; Faker is MIT-licensed and pinned in
pyproject.toml) are the gazetteer. Loaded once, on first use (about 0.2 s).
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from functools import lru_cache

_lock = threading.Lock()
_NAME_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lowercase given names from every locale Faker knows."""
    with _lock:
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
        return frozenset(names)


def is_given_name(word: str) -> bool:
    return word.lower() in given_names()
