"""Rules as data: the built-in rule and word files, and the user's own rules file.

Built-in rules (rules/blame.toml) name a judge that reads the parsed sentence. A user's rules
file (rules.toml in the config folder, or `--rules FILE`) may add rules of its own, which are
regular expressions, switch built-in rules off, and add words to the lists::

    # In a user file: switch off built-in rules, by rule id or by whole category.
    disable = ["hindsight.adverb", "judgmental"]

    # Add to a word list of words.toml, e.g. product names that are not people.
    [words]
    not_names = ["Hermes", "Atlas"]

    # Named regex fragments a pattern may use as {NAME}; a list's entries are alternatives.
    [vocab]
    SLANG = ["yolo", "cowboy"]

    [[rule]]
    id = "house.yolo"                  # unique; a user rule with a built-in id replaces it
    category = "judgmental"
    severity = "warning"               # info | warning | error
    message = "One sentence, itself blameless, on why this wording matters."
    prompt = "A question to ask instead (shown when no rewrite is offered)."
    patterns = ['\\b{SLANG}\\b']       # case-insensitive Python regular expressions
    exceptions = ['\\bnot\\b']         # optional; a match is dropped when one overlaps it
    rewrites = ["unreviewed"]          # optional; replace the match; {match} and named groups
    examples.match = ["That was a yolo deploy."]
    examples.clean = ["The deploy was reviewed."]

A user pattern must not nest quantifiers (`(a+)+`): such a pattern can take minutes on one line,
so the file is refused with a message that says which pattern.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pmdesk.errors import PmdeskError
from pmdesk.lint.finding import CATEGORIES, SEVERITIES

_FRAGMENT = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
# a group holding a quantifier, itself quantified: the shape of catastrophic backtracking
_NESTED = re.compile(r"\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,)")
_MAX_RULES_BYTES = 1_000_000


class RuleFileError(PmdeskError):
    """A rule file that cannot be read or holds a rule pmdesk cannot use."""


@dataclass(slots=True)
class Rule:
    id: str
    category: str
    severity: str
    message: str
    prompt: str = ""
    judge: str = ""  # a built-in rule's judge (pmdesk.lint.judges)
    patterns: list[re.Pattern[str]] = field(default_factory=list)  # a user rule's regexes
    exceptions: list[re.Pattern[str]] = field(default_factory=list)
    rewrites: list[str] = field(default_factory=list)
    triggers: frozenset[str] = frozenset()  # one of these words must be in the sentence
    requires: frozenset[str] = frozenset()  # and, when given, one of these
    examples_match: list[str] = field(default_factory=list)
    examples_clean: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RuleSet:
    rules: list[Rule]
    words: dict[str, frozenset[str]]
    #: what the rules in force are, as text: two rule sets with the same key lint alike
    key: str = ""


def builtin_text(name: str) -> str:
    return resources.files("pmdesk.lint").joinpath("rules", name).read_text(encoding="utf-8")


def load_ruleset(user_file: Path | None = None) -> RuleSet:
    """The built-in rules, changed by the user's file when given."""
    words_data = _parse(builtin_text("words.toml"), "words.toml")
    rules_data = _parse(builtin_text("blame.toml"), "blame.toml")
    words: dict[str, set[str]] = {k: set(v) for k, v in words_data.get("words", {}).items()}
    user: dict[str, Any] = {}
    user_text = ""
    if user_file is not None:
        user_text = _read(user_file)
        user = _parse(user_text, user_file.name)
        unknown = set(user) - {"vocab", "words", "rule", "disable"}
        if unknown:
            raise RuleFileError(f"{user_file.name}: unknown section {sorted(unknown)[0]!r}")
        for name, values in user.get("words", {}).items():
            words.setdefault(name, set()).update(
                w.lower() for w in _str_list(values, f"{user_file.name}: words.{name}")
            )
    frozen = {k: frozenset(w.lower() for w in v) for k, v in words.items()}
    rules: dict[str, Rule] = {}
    for entry in rules_data.get("rule", []):
        rule = _builtin_rule(entry, frozen)
        rules[rule.id] = rule
    if user:
        vocab = user.get("vocab", {})
        for entry in user.get("rule", []):
            rule = _user_rule(entry, vocab, user_file.name if user_file else "rules")
            rules[rule.id] = rule
        disable = set(_str_list(user.get("disable", []), "disable"))
        rules = {i: r for i, r in rules.items() if i not in disable and r.category not in disable}
    return RuleSet(list(rules.values()), frozen, key=user_text)


def _read(path: Path) -> str:
    try:
        if not path.is_file():
            raise RuleFileError(f"no such rules file: {path}")
        if path.stat().st_size > _MAX_RULES_BYTES:
            raise RuleFileError(f"{path.name}: too large for a rules file (over 1 MB)")
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleFileError(f"{path.name}: not UTF-8 text") from None
    except OSError as e:
        raise RuleFileError(f"cannot read rules file {path}: {e.strerror}") from None


def _parse(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RuleFileError(f"{name}: not valid TOML ({e})") from None


def _str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(f"{where}: expected a list of strings")
    return value


def _common(entry: Any, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise RuleFileError(f"{where}: a rule must be a table")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleFileError(f"{where}: a rule needs an id")
    where = f"{where}: rule {rule_id}"
    category, message = entry.get("category"), entry.get("message")
    if not isinstance(category, str) or not isinstance(message, str):
        raise RuleFileError(f"{where}: category and message are required")
    severity = entry.get("severity", "warning")
    if severity not in SEVERITIES:
        raise RuleFileError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    examples = entry.get("examples", {})
    return {
        "id": rule_id,
        "category": category,
        "severity": severity,
        "message": message,
        "prompt": str(entry.get("prompt", "")),
        "examples_match": _str_list(examples.get("match", []), where),
        "examples_clean": _str_list(examples.get("clean", []), where),
    }


def _expand_words(items: list[str], words: dict[str, frozenset[str]]) -> frozenset[str]:
    from pmdesk.lint.grammar import lemmas

    out: set[str] = set()
    for item in items:
        if item.startswith("@"):
            listed = words.get(item[1:], frozenset())
            out |= lemmas(listed) if item.endswith("_verbs") else set(listed)
        else:
            out.add(item.lower())
    return frozenset(out)


def _builtin_rule(entry: dict[str, Any], words: dict[str, frozenset[str]]) -> Rule:
    from pmdesk.lint.judges import JUDGES

    base = _common(entry, "blame.toml")
    if base["category"] not in CATEGORIES:
        raise RuleFileError(f"blame.toml: rule {base['id']}: unknown category")
    judge = entry.get("judge", "")
    if judge not in JUDGES:
        raise RuleFileError(f"blame.toml: rule {base['id']}: no judge called {judge!r}")
    return Rule(
        **base,
        judge=judge,
        triggers=_expand_words(entry.get("triggers", []), words),
        requires=_expand_words(entry.get("requires", []), words),
    )


def _user_rule(entry: dict[str, Any], vocab: dict[str, Any], name: str) -> Rule:
    base = _common(entry, name)
    where = f"{name}: rule {base['id']}"
    if "judge" in entry:
        raise RuleFileError(f"{where}: a user rule uses patterns, not a judge")
    patterns = [_compile(p, vocab, where) for p in _str_list(entry.get("patterns", []), where)]
    if not patterns:
        raise RuleFileError(f"{where}: patterns are required")
    return Rule(
        **base,
        patterns=patterns,
        exceptions=[
            _compile(p, vocab, where) for p in _str_list(entry.get("exceptions", []), where)
        ],
        rewrites=_str_list(entry.get("rewrites", []), where),
    )


def _compile(pattern: str, vocab: dict[str, Any], where: str) -> re.Pattern[str]:
    def one(m: re.Match[str], depth: int = 0) -> str:
        name = m.group(1)
        if name not in vocab:
            raise RuleFileError(f"{where}: unknown vocabulary {{{name}}}")
        values = _str_list(vocab[name], f"vocab.{name}")
        inner = "|".join(values)
        if depth < 4:
            inner = _FRAGMENT.sub(lambda m2: one(m2, depth + 1), inner)
        return f"(?:{inner})"

    expanded = _FRAGMENT.sub(one, pattern)
    if _NESTED.search(expanded):
        raise RuleFileError(
            f"{where}: pattern {pattern!r} nests one repetition inside another, "
            "which can take minutes on a single line; write it without the nesting"
        )
    try:
        return re.compile(expanded, re.IGNORECASE)
    except re.error as e:
        raise RuleFileError(f"{where}: bad pattern {pattern!r} ({e})") from None
