"""pmdesk.lint: find blame language and offer system-focused rewrites. Free of Qt.

from pmdesk.lint import lint, check_five_whys, Finding, allow_comment
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pmdesk.lazy import lazy_exports
from pmdesk.lint.finding import CATEGORIES, Finding

if TYPE_CHECKING:
    from pmdesk.lint.engine import Linter
    from pmdesk.lint.markdown import allow_comment
    from pmdesk.lint.ruleset import RuleFileError, load_ruleset
    from pmdesk.lint.whys import check_five_whys

# The engine (its patterns, judges and rewrites: ~80 ms of imports) and the rule loader are
# imported when first used, not with the package: a window that shows findings and allow
# comments paints before anything has linted. So are the Markdown reader and the Five Whys
# check (their patterns, ~3 ms): the window calls them in its lint process, or on a click.
_LAZY = {
    "Linter": "pmdesk.lint.engine",
    "RuleFileError": "pmdesk.lint.ruleset",
    "allow_comment": "pmdesk.lint.markdown",
    "check_five_whys": "pmdesk.lint.whys",
    "load_ruleset": "pmdesk.lint.ruleset",
}


__getattr__ = lazy_exports(__name__, _LAZY)


__all__ = [
    "CATEGORIES",
    "Finding",
    "Linter",
    "RuleFileError",
    "allow_comment",
    "check_five_whys",
    "default_linter",
    "lint",
    "linter_ready",
    "load_ruleset",
    "rules_in_force",
    "rules_problem",
    "user_rules_path",
]

_cache: dict[tuple[str, float], Linter] = {}


def user_rules_path() -> Path:
    """Where the user's own rules live: rules.toml in the pmdesk config folder."""
    from pmdesk.locations import config_dir

    return config_dir() / "rules.toml"


def default_linter() -> Linter:
    """The built-in rules plus the user's rules file; rebuilt only when that file changes."""
    path = user_rules_path()
    try:
        key = (str(path), os.stat(path).st_mtime)
    except OSError:
        key, path = ("", 0.0), None
    linter = _cache.get(key)
    if linter is None:
        global _problem
        from pmdesk.lint.engine import Linter
        from pmdesk.lint.ruleset import RuleFileError

        try:
            linter = Linter.from_files(path)
            _problem = ""
        except RuleFileError as exc:
            # a broken rules file must not take the linter (or the window) down with it: the
            # built-in rules go on, and the problem is there to be said (rules_problem)
            linter = Linter.from_files(None)
            _problem = f"{exc}; using the built-in rules until it is fixed"
        _cache.clear()
        _cache[key] = linter
    return linter


_problem = ""


def rules_problem() -> str:
    """Why the user's rules file is not in force, in one line; "" when it is (or there is none)."""
    default_linter()
    return _problem


def rules_in_force() -> tuple[str, float]:
    """Which rules lint() uses now: the user's rules file and its modification time.

    It changes exactly when default_linter() builds a new linter, so whoever shows findings
    (the window, in another process than the linter) can tell that they are stale.
    """
    default_linter()
    return next(iter(_cache))


def linter_ready() -> bool:
    """True when lint() will answer at once: the rules are loaded and prepared.

    A window can paint first and lint a moment later, instead of making the user
    wait for the one-time set-up (a few tenths of a second) before seeing anything.
    """
    return any(linter.prepared for linter in _cache.values())


def lint(text: str, people: Iterable[str] = ()) -> list[Finding]:
    """Blame-language findings in `text`; `people` are names known to be persons."""
    return default_linter().lint(text, people)
