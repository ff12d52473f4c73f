"""Rules as data: load the TOML rule files, expand the vocabulary, compile once.

Rule file format (TOML; the built-in files live in pmdesk/lint/rules/, a user file adds to them)::

    # Named regex fragments. A pattern writes {NAME} to use one; the entries of a list are
    # joined as alternatives. Fragments may use other fragments. Names are UPPER_CASE.
    [vocab]
    FAIL_VERB = ["broke", "misconfigured", "forgot"]

    # Plain word lists the engine uses, e.g. capitalised words that are never a person.
    [words]
    not_names = ["Kubernetes", "Monday"]

    # In a user file only: switch off built-in rules, by rule id or by whole category.
    disable = ["hindsight.obviously", "judgmental"]

    [[rule]]
    id = "named-agent.fail-verb"       # unique; a user rule with a built-in id replaces it
    category = "named-agent"
    severity = "warning"               # info | warning | error
    message = "One sentence, itself blameless, on why this wording matters."
    patterns = ['(?P<agent>{PERSON})\\s+(?P<verb>{FAIL_VERB})\\s+(?P<obj>{NP})']
    exceptions = ['\\bnot\\b']         # optional; a match is dropped when one overlaps it
    triggers = ["broke", "{FAIL_VERB}"] # optional; see below
    requires = ["{ROLE}"]               # optional; a second list of words, also needed
    agent = "person"                   # optional; the group "agent", when it takes part in
                                       # the match, must name a person
    span = "sentence"                  # "match" (default): flag the match; "sentence": the
                                       # whole sentence, and rewrites are whole sentences
    rewrites = ["{obj|cap} {obj|be} {verb|participle}"]
    examples.match = ["Wei broke the build."]      # run as tests: must be flagged by this rule
    examples.clean = ["The build broke."]          # and must not be

Patterns are Python regular expressions, matched case-insensitively; write (?-i:...) where
case matters. A pattern never crosses a sentence. Rewrite templates use the pattern's named
groups and {match}; filters after a bar: cap, lower, participle, base, past, be (was/were).
A template that uses {before} or {after} (the sentence around the match) writes the whole
sentence itself; any other template replaces the match, and the engine keeps the rest of the
sentence. The engine offers only the rewrites that lint clean; every warning has at least one.

Triggers make linting fast: a rule with triggers runs only on sentences holding a word that
starts with one of them (case-insensitive), so list at least one word that every match of every
pattern must contain. {NAME} stands for the first word of each entry of a vocabulary list. A rule
without triggers runs on every sentence, which is always correct, only slower. `requires` is a
second list, for a pattern that needs a word from each (a group and a failure verb). A pattern
that opens with \\b and a word, a {NAME} or a (?:...) group of those is its own second list.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pmdesk.errors import PmdeskError
from pmdesk.lint.finding import SEVERITIES

_FRAGMENT = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_FLAGS = re.IGNORECASE


class RuleFileError(PmdeskError):
    """A rule file that cannot be read or holds a rule pmdesk cannot use."""


@dataclass(slots=True)
class Rule:
    id: str
    category: str
    severity: str
    message: str
    patterns: list[re.Pattern[str]]
    exceptions: list[re.Pattern[str]] = field(default_factory=list)
    agent: str = ""
    span: str = "match"
    rewrites: list[str] = field(default_factory=list)
    must_match: list[str] = field(default_factory=list)
    must_not_match: list[str] = field(default_factory=list)
    source: str = ""
    #: word prefixes, lowercase; the rule runs only on sentences that hold one (none: always)
    triggers: tuple[str, ...] = ()
    #: per pattern, the words it opens with when that can be read off it; else ()
    pattern_triggers: list[tuple[str, ...]] = field(default_factory=list)


@dataclass(slots=True)
class RuleSet:
    rules: list[Rule]
    words: dict[str, frozenset[str]]


@dataclass(slots=True)
class _Raw:
    """Rule files as read, before the vocabulary is expanded."""

    vocab: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)
    rules: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    disable: set[str] = field(default_factory=set)


def builtin_files() -> list[tuple[str, str]]:
    """(name, text) of every rule file shipped in the package, in name order."""
    folder = resources.files("pmdesk.lint").joinpath("rules")
    files = [f for f in folder.iterdir() if f.name.endswith(".toml")]
    return [(f.name, f.read_text(encoding="utf-8")) for f in sorted(files, key=lambda f: f.name)]


def load_ruleset(user_file: Path | None = None) -> RuleSet:
    """The built-in rules, plus and minus what `user_file` says (when given and present)."""
    raw = _Raw()
    for name, text in builtin_files():
        _merge(raw, _parse(text, name), name, user=False)
    if user_file is not None:
        try:
            text = user_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise RuleFileError(f"no such rules file: {user_file}") from None
        except UnicodeDecodeError:
            raise RuleFileError(f"{user_file} is not UTF-8 text") from None
        except OSError as exc:
            raise RuleFileError(f"cannot read {user_file}: {exc.strerror}") from None
        _merge(raw, _parse(text, str(user_file)), str(user_file), user=True)
    return _compile(raw)


def _parse(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{name} is not valid TOML: {exc}") from None


def _merge(raw: _Raw, data: dict[str, Any], name: str, *, user: bool) -> None:
    known = {"vocab", "words", "rule"} | ({"disable"} if user else set())
    unknown = set(data) - known
    if unknown:
        raise RuleFileError(f"{name}: unknown section {sorted(unknown)[0]!r}")
    for key, value in data.get("vocab", {}).items():
        if not _FRAGMENT.fullmatch("{" + key + "}"):
            raise RuleFileError(f"{name}: vocabulary name {key!r} must be UPPER_CASE")
        raw.vocab[key] = _str_list(value, f"{name}: vocab {key}")
    for key, value in data.get("words", {}).items():
        raw.words.setdefault(key, set()).update(_str_list(value, f"{name}: words {key}"))
    for entry in data.get("rule", []):
        rule_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(rule_id, str) or not rule_id:
            raise RuleFileError(f"{name}: a [[rule]] has no id")
        if rule_id in raw.rules and not user:
            raise RuleFileError(f"{name}: rule {rule_id} is defined twice")
        raw.rules[rule_id] = (entry, name)
    raw.disable.update(_str_list(data.get("disable", []), f"{name}: disable"))


def _leading_words(regex: str, vocab: Any) -> list[str]:
    """Words one of which every match of `regex` starts with; [] when that cannot be told.

    Understands alternatives that each start with a word, a {NAME}, or a (?:...) group of those.
    """
    alts = _top_level_alternatives(regex)
    if len(alts) > 1:
        words = [_leading_words(a, vocab) for a in alts]
        return [] if not all(words) else [w for ws in words for w in ws]
    regex = regex.removeprefix("\\b")
    ref = re.match(r"\{([A-Z][A-Z0-9_]*)\}", regex)
    if ref:
        return vocab(ref.group(1))
    if regex.startswith("(?:"):
        close = _closing_paren(regex)
        after = regex[close + 1 : close + 2]
        if close < 0 or after == "{":
            return []
        inner = _leading_words(regex[3:close], vocab)
        if after not in ("?", "*"):
            return inner
        # an optional group: the match starts in it or right after it
        rest = _leading_words(regex[close + 2 :].removeprefix("?"), vocab)
        return inner + rest if inner and rest else []
    m = re.match(r"\w+", regex)
    if not m:
        return []
    word = m.group()
    if regex[len(word) : len(word) + 1] in ("?", "*", "{"):
        word = word[:-1]  # "ab?c" matches "ac": only "a" is sure
    return [word.lower()] if word else []


def _group_marks(regex: str) -> Iterator[tuple[int, str, int]]:
    """Each "(", ")" and "|" outside escapes and character classes, with its depth.

    The depth is the nesting the character stands in: a group's "(" and its ")"
    both carry the depth outside the group, "|" the depth where it splits.
    """
    depth, i = 0, 0
    while i < len(regex):
        c = regex[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            j = regex.find("]", i + 2)
            i = j + 1 if j > 0 else len(regex)
            continue
        if c == "(":
            yield i, c, depth
            depth += 1
        elif c == ")":
            depth -= 1
            yield i, c, depth
        elif c == "|":
            yield i, c, depth
        i += 1


def _closing_paren(regex: str) -> int:
    """Index of the parenthesis that closes the group opening regex[0]; -1 if none."""
    return next((i for i, c, depth in _group_marks(regex) if c == ")" and depth == 0), -1)


def _top_level_alternatives(regex: str) -> list[str]:
    cuts = [i for i, c, depth in _group_marks(regex) if c == "|" and depth == 0]
    starts = [0, *(i + 1 for i in cuts)]
    ends = [*cuts, len(regex)]
    return [regex[a:b] for a, b in zip(starts, ends, strict=True)]


def _str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(f"{where} must be a list of strings")
    return value


def _compile(raw: _Raw) -> RuleSet:
    expanded: dict[str, str] = {}

    def expand(pattern: str, where: str, seen: tuple[str, ...] = ()) -> str:
        def one(m: re.Match[str]) -> str:
            key = m.group(1)
            if key in seen:
                raise RuleFileError(f"{where}: vocabulary {key} refers to itself")
            if key not in expanded:
                if key not in raw.vocab:
                    raise RuleFileError(f"{where}: unknown vocabulary {{{key}}}")
                inner = "|".join(expand(v, where, (*seen, key)) for v in raw.vocab[key])
                expanded[key] = f"(?:{inner})"
            return expanded[key]

        return _FRAGMENT.sub(one, pattern)

    def compile_all(patterns: Any, where: str) -> list[re.Pattern[str]]:
        out = []
        for p in _str_list(patterns, where):
            try:
                out.append(re.compile(expand(p, where), _FLAGS))
            except re.error as exc:
                raise RuleFileError(f"{where}: bad pattern {p!r}: {exc}") from None
        return out

    def first_words(key: str, where: str, seen: tuple[str, ...] = ()) -> list[str]:
        """The word each entry of vocabulary `key` starts with, for triggers."""
        if key not in raw.vocab or key in seen:
            raise RuleFileError(f"{where}: unknown vocabulary {{{key}}} in triggers")
        words = []
        for entry in raw.vocab[key]:
            found = _leading_words(entry, lambda k: first_words(k, where, (*seen, key)))
            if not found:
                raise RuleFileError(
                    f"{where}: {{{key}}} entry {entry!r} does not start with a word"
                )
            words += found
        return words

    def requires_of(entry: dict[str, Any], where: str) -> tuple[str, ...]:
        return triggers_of({"triggers": entry.get("requires", [])}, where)

    def own_triggers(pattern: str, where: str) -> tuple[str, ...]:
        """Words a pattern that opens with \\b and words must start with; () when unknown."""
        if not pattern.startswith("\\b"):
            return ()  # without \\b a match may start inside a word, where no trigger is seen

        def vocab(key: str) -> list[str]:
            try:
                return first_words(key, where)
            except RuleFileError:
                return []

        return tuple(sorted(set(_leading_words(pattern, vocab))))

    def triggers_of(entry: dict[str, Any], where: str) -> tuple[str, ...]:
        out: list[str] = []
        for t in _str_list(entry.get("triggers", []), where):
            ref = _FRAGMENT.fullmatch(t)
            if ref:
                out += first_words(ref.group(1), where)
            elif re.fullmatch(r"\w+", t):
                out.append(t.lower())
            else:
                raise RuleFileError(f"{where}: trigger {t!r} must be one word or a {{NAME}}")
        return tuple(sorted(set(out)))

    rules = []
    for rule_id, (entry, name) in raw.rules.items():
        where = f"{name}: rule {rule_id}"
        category = entry.get("category")
        if rule_id in raw.disable or category in raw.disable:
            continue
        severity = entry.get("severity", "warning")
        if severity not in SEVERITIES:
            raise RuleFileError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
        if not isinstance(category, str) or not isinstance(entry.get("message"), str):
            raise RuleFileError(f"{where}: category and message are required")
        span = entry.get("span", "match")
        if span not in ("match", "sentence"):
            raise RuleFileError(f"{where}: span must be match or sentence")
        patterns = compile_all(entry.get("patterns", []), where)
        requires = requires_of(entry, where)
        pattern_triggers = [
            own_triggers(raw_p, where) or requires
            for raw_p in _str_list(entry.get("patterns", []), where)
        ]
        if not patterns:
            raise RuleFileError(f"{where}: needs at least one pattern")
        agent = entry.get("agent", "")
        if agent and agent != "person":
            raise RuleFileError(f"{where}: agent must be person")
        if agent and any("agent" not in p.groupindex for p in patterns):
            raise RuleFileError(f"{where}: agent = person needs a group (?P<agent>...)")
        examples = entry.get("examples", {})
        rules.append(
            Rule(
                id=rule_id,
                category=category,
                severity=severity,
                message=entry["message"],
                patterns=patterns,
                exceptions=compile_all(entry.get("exceptions", []), where),
                agent=agent,
                span=span,
                rewrites=_str_list(entry.get("rewrites", []), where),
                must_match=_str_list(examples.get("match", []), where),
                must_not_match=_str_list(examples.get("clean", []), where),
                source=name,
                triggers=triggers_of(entry, where),
                pattern_triggers=pattern_triggers,
            )
        )
    words = {k: frozenset(w.lower() for w in v) for k, v in raw.words.items()}
    return RuleSet(rules=rules, words=words)
