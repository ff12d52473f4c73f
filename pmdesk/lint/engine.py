"""The linting engine: run compiled rules, sentence by sentence, over a Markdown-aware view.

Rules are data (see pmdesk.lint.ruleset for the file format); this module only applies them.
What keeps it fast enough to lint on every keystroke and a long document at once:

- rules never cross a sentence, so each sentence is linted on its own and its findings are
  kept in an LRU cache keyed by the sentence (text, view, people, suppressions): a keystroke
  re-lints only the sentence that changed, and a rewrite's clean check costs one lookup;
- a rule with triggers runs only on sentences that hold one of its trigger words, found for
  all rules at once by one regex built as a trie;
- a pattern runs only on sentences that hold the text it cannot match without (read off the
  pattern itself by pmdesk.lint.literals): most triggered sentences are ruled out that way,
  and the large case-insensitive regexes never scan them;
- trigger words and needed text are found together, in one pass over the word starts of
  the sentence's lowercase plain text (pmdesk.lint.scan, built on first use or `prepare`);
  a pattern without triggers of its own is switched on by its needed text instead;
- rewrites of a whole sentence are worked out when a finding's suggestions are first read
  (each is linted to check that it is clean, which costs as much as finding the blame);
- everything that can be prepared ahead (rule files, vocabulary, regexes) is prepared once.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from pmdesk.lint import rewrite
from pmdesk.lint.finding import Finding, PendingSuggestions
from pmdesk.lint.literals import FOLDS_TO_ASCII, plain, word_needs
from pmdesk.lint.markdown import Suppression, make_view
from pmdesk.lint.persons import PersonTest
from pmdesk.lint.ruleset import Rule, RuleSet, load_ruleset
from pmdesk.lint.scan import TextScan, trie

# Asked when no rule-specific rewrite lints clean; each is itself blameless.
FALLBACKS = {
    "named-agent": "What in our tooling or process allowed this change to cause harm?",
    "counterfactual": "What made the better option hard to see or take at the time?",
    "judgmental": "What made this approach look reasonable at the time?",
    "human-error-cause": "Which conditions made this step easy to get wrong?",
    "hindsight": "What would have made this visible before the incident?",
    "group-blame": "What about our process or tooling let this go unnoticed?",
    "preventable": "What would we change to prevent this category of failure?",
    "punitive": "What will we change so that this is caught earlier next time?",
}
_GENERIC_FALLBACK = "What about the system made this outcome possible?"
_QUESTION = re.compile(r"\s*(?:What|Why|How|Which|Where|When|Who)\b[^?]*\?\s*$")

#: (start, end, rule index, suggestions) relative to the sentence; what the cache holds
_Hit = tuple[int, int, int, tuple[str, ...] | PendingSuggestions]
_SentenceKey = tuple[str, str, tuple[str, ...], tuple[tuple[int, int, frozenset[str]], ...], bool]


class Linter:
    """A compiled rule set; `lint` is safe to call on every keystroke."""

    #: sentences remembered; a long postmortem has a few thousand
    cache_size = 20_000
    #: False lints without the plain-text shortcuts (trigger search, needed text); for tests
    shortcuts = True

    def __init__(self, ruleset: RuleSet) -> None:
        self.rules = ruleset.rules
        self.not_names = ruleset.words.get("not_names", frozenset())
        # A pattern runs on a sentence when its rule's triggers and its own (see ruleset) are
        # both there, or absent. One int holds a bit per rule, then a bit per pattern.
        self._always = 0  # bits of rules and patterns without triggers
        #: per pattern, keyed by its bit (an int with that one bit set): rule index, rule, regex
        self._patterns: dict[int, tuple[int, Rule, re.Pattern[str]]] = {}
        #: per rule, keyed by its bit: the bits of its patterns
        self._rule_patterns: dict[int, int] = {}
        #: triggers and needed text found in plain text; built on first use (see _text_scan)
        self._scan: TextScan | None = None
        #: per pattern bit: the bits of the clauses it needs, as the TextScan numbers them
        self._need_bits: dict[int, int] = {}
        #: bits that run whatever the plain text holds: no triggers, or one not in ASCII
        self._always_plain = 0
        masks: dict[str, int] = {}

        def add(bit: int, words: tuple[str, ...]) -> None:
            if not words:
                self._always |= 1 << bit
            for word in words:
                masks[word] = masks.get(word, 0) | 1 << bit

        bit = len(self.rules)
        for index, rule in enumerate(self.rules):
            add(index, rule.triggers)
            own = rule.pattern_triggers or [()] * len(rule.patterns)
            self._rule_patterns[1 << index] = 0
            for pattern, words in zip(rule.patterns, own, strict=True):
                add(bit, words)
                self._patterns[1 << bit] = (index, rule, pattern)
                self._rule_patterns[1 << index] |= 1 << bit
                bit += 1
        self._rule_bits = (1 << len(self.rules)) - 1
        #: the bits of all patterns of a set of rules, keyed by the rules' bits
        self._patterns_of: dict[int, int] = {}
        # the trie regex finds the longest trigger at a word start; every shorter trigger that
        # is a prefix of it matches there too, so its mask includes theirs
        self._masks = {w: _or(m for v, m in masks.items() if w.startswith(v)) for w in masks}
        self._trigger_re = re.compile(r"(?<!\w)" + trie(sorted(masks)), re.I) if masks else None
        self._word_bits = masks
        self._cache: OrderedDict[_SentenceKey, list[_Hit]] = OrderedDict()
        self._lock = threading.Lock()
        self._persons: dict[tuple[str, ...], PersonTest] = {}

    @classmethod
    def from_files(cls, user_file: Path | None = None) -> Linter:
        return cls(load_ruleset(user_file))

    def lint(self, text: str, people: Iterable[str] = ()) -> list[Finding]:
        """Findings in `text`, in reading order, each with its rewrites."""
        return self._lint(text, _people_key(people), suggest=True)

    @property
    def prepared(self) -> bool:
        """True once the first lint (or prepare) has built what every lint needs."""
        return self._scan is not None

    def prepare(self) -> None:
        """Build now what the first lint builds (a few tenths of a second): call it when idle."""
        self._text_scan()

    def clear_cache(self) -> None:
        """Forget every sentence linted so far (for benchmarks that time the cold case)."""
        with self._lock:
            self._cache.clear()

    def _lint(self, text: str, people: tuple[str, ...], *, suggest: bool) -> list[Finding]:
        view = make_view(text)
        masked = view.masked
        lower = [p for p in people if p[:1].islower()]
        if lower:
            # rules look for capitalised names; show them "dkim" as "Dkim" (same offsets)
            names = "|".join(re.escape(p) for p in lower)
            masked = re.sub(
                rf"(?<![\w@])(?:{names})(?!\w)", lambda m: m.group().capitalize(), masked
            )
        # Plain text (lowercase) stands for the sentence in the trigger and substring tests,
        # unless a letter folds onto ASCII differently in the regex engine and in str.lower()
        plain_ok = self.shortcuts and (masked.isascii() or not FOLDS_TO_ASCII.search(masked))
        findings: list[Finding] = []
        rules = self.rules
        for s0, s1 in view.sentences:
            sentence = masked[s0:s1]
            if not sentence.strip():
                continue
            sups = _local(view.suppressions, s0, s1) if view.suppressions else ()
            key = (text[s0:s1], sentence, people, sups, suggest)
            hits = self._cached(key)
            if hits is None:
                hits = self._sentence(
                    text[s0:s1], sentence.replace("\n", " "), people, sups, suggest, plain_ok
                )
                self._store(key, hits)
            for start, end, index, suggestions in hits:
                rule = rules[index]
                if isinstance(suggestions, PendingSuggestions):
                    found = Finding.later(
                        s0 + start,
                        s0 + end,
                        rule.id,
                        rule.category,
                        rule.severity,
                        rule.message,
                        suggestions,
                    )
                else:
                    found = Finding(
                        s0 + start,
                        s0 + end,
                        rule.id,
                        rule.category,
                        rule.severity,
                        rule.message,
                        list(suggestions),
                    )
                findings.append(found)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings

    def _cached(self, key: _SentenceKey) -> list[_Hit] | None:
        with self._lock:
            hits = self._cache.get(key)
            if hits is not None:
                self._cache.move_to_end(key)
            return hits

    def _store(self, key: _SentenceKey, hits: list[_Hit]) -> None:
        with self._lock:
            self._cache[key] = hits
            if len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def _candidates(self, sentence: str) -> int:
        """Bits of the rules and patterns whose triggers this sentence holds (the long way)."""
        mask = self._always
        get = self._masks.get
        if self._trigger_re is not None:
            for word in self._trigger_re.findall(sentence):
                mask |= get(word.lower(), 0)
        return mask

    def _text_scan(self) -> TextScan:
        """The one-pass search for every trigger and needed string, built when first needed."""
        scan = self._scan
        if scan is None:
            # a word a case-insensitive regex may find where str.lower() does not make it: the
            # rules it triggers run whatever the plain text holds
            odd = _or(m for w, m in self._word_bits.items() if not w.isascii())
            words = {w: m for w, m in self._word_bits.items() if w.isascii()}
            clauses = {bit: list(word_needs(p)) for bit, (_, _, p) in self._patterns.items()}
            # A pattern without triggers of its own is switched on by one of its clauses
            # instead, as a trigger word would: most are then never looked at.
            always, gates = self._always | odd, {}
            for bit, needed in clauses.items():
                gate = next(filter(TextScan.found_at_word_starts, needed), None)
                if bit & self._always and gate is not None:
                    gates[gate] = gates.get(gate, 0) | bit
                    always &= ~bit
                    needed.remove(gate)
            shift = len(self.rules) + len(self._patterns)  # clause bits go above these
            every = [*gates, *(c for needed in clauses.values() for c in needed)]
            scan = TextScan(words, every, shift, gates)
            self._need_bits = {b: _or(scan.clauses[c] for c in cs) for b, cs in clauses.items()}
            self._always_plain = always
            self._scan = scan
        return scan

    def _sentence(
        self,
        text: str,
        masked: str,
        people: tuple[str, ...],
        sups: tuple[tuple[int, int, frozenset[str]], ...],
        suggest: bool,
        plain_ok: bool = True,
    ) -> list[_Hit]:
        """Every finding in one sentence; `text` is the original, `masked` the view of it."""
        if plain_ok:
            scan = self._text_scan()
            low = plain(masked)
            # trigger bits, and above them the bits of the clauses of needed text it holds
            have = scan.read(low)
            mask = self._always_plain | have
        else:
            mask = self._candidates(masked)
        # the patterns to run: their own bit set and their rule's, in rule-file order
        rules_on = mask & self._rule_bits
        wanted = self._patterns_of.get(rules_on)
        if wanted is None:
            wanted = _or(
                self._rule_patterns[1 << i] for i in range(len(self.rules)) if rules_on >> i & 1
            )
            if len(self._patterns_of) > 4096:  # (a few hundred mixes of rules come up)
                self._patterns_of.clear()
            self._patterns_of[rules_on] = wanted
        wanted &= mask
        hits: list[_Hit] = []
        if not wanted:
            return hits
        person = self._person(people)
        taken: dict[str, list[tuple[int, int]]] = {}
        end_of = len(masked)
        while wanted:
            bit = wanted & -wanted
            wanted ^= bit
            index, rule, pattern = self._patterns[bit]
            if plain_ok:
                missing = self._need_bits[bit] & ~have
                if missing:
                    if missing & ~scan.loose:
                        continue
                    have |= scan.settle(missing, low)
                    if missing & ~have:
                        continue
            for m in pattern.finditer(masked):
                if m.end() == m.start():
                    continue
                if not self._accept(rule, m, masked, person, sups):
                    continue
                spans = taken.setdefault(rule.category, [])
                if any(a < m.end() and m.start() < b for a, b in spans):
                    continue  # one finding per category per stretch of text
                spans.append(m.span())
                if rule.span == "sentence":
                    # the span is the sentence whatever the rewrites: work them out on demand
                    later = partial(self._sentence_rewrites, rule, m, text, people)
                    hits.append((0, end_of, index, PendingSuggestions(later) if suggest else ()))
                    continue
                start, end = m.span()
                suggestions: list[str] = []
                if suggest:
                    suggestions = self._suggest(rule, m, text, people)
                    if "" in suggestions:
                        start, end, cut = _deletion(text, m.start(), m.end())
                        suggestions = [cut if not x else x for x in suggestions]
                    if not suggestions:  # nothing local works: offer a question instead
                        start, end = 0, end_of
                        suggestions = [self._fallback(rule, text)]
                hits.append((start, end, index, tuple(suggestions)))
        return hits

    def _sentence_rewrites(
        self, rule: Rule, m: re.Match[str], sentence: str, people: tuple[str, ...]
    ) -> list[str]:
        """A whole-sentence finding's suggestions; the category's question when none is clean."""
        return self._suggest(rule, m, sentence, people) or [self._fallback(rule, sentence)]

    def _person(self, people: tuple[str, ...]) -> PersonTest:
        person = self._persons.get(people)
        if person is None:
            if len(self._persons) > 64:
                self._persons.clear()
            person = self._persons[people] = PersonTest(people, self.not_names)
        return person

    @staticmethod
    def _accept(
        rule: Rule,
        m: re.Match[str],
        masked: str,
        person: PersonTest,
        sups: tuple[tuple[int, int, frozenset[str]], ...],
    ) -> bool:
        if rule.agent:
            a0, a1 = m.span("agent")
            if a0 >= 0 and not person(masked, a0, a1, floor=m.start()):
                return False  # (a pattern may also match a role or pronoun, without the group)
        for exc in rule.exceptions:
            for e in exc.finditer(masked):
                if e.start() < m.end() and m.start() < e.end():
                    return False
        return not any(
            a <= m.start() < b and ("all" in names or rule.category in names or rule.id in names)
            for a, b, names in sups
        )

    def _suggest(
        self, rule: Rule, m: re.Match[str], sentence: str, people: tuple[str, ...]
    ) -> list[str]:
        ms, me = m.start(), m.end()
        values: dict[str, str | None] = {
            k: (sentence[m.start(k) : m.end(k)] if m.start(k) >= 0 else None)
            for k in m.re.groupindex
        }
        values.update(match=sentence[ms:me], before=sentence[:ms], after=sentence[me:])
        agent = values.get("agent") if rule.agent else None
        if agent and agent.lower() in ("he", "she"):
            agent = None  # a pronoun names nobody; the rewrite may keep "when she bumped it"
        good: list[str] = []
        for template in rule.rewrites:
            filled = rewrite.render(template, values)
            if filled is None:
                continue
            if rewrite.uses_context(template):
                new_sentence = rewrite.tidy(filled)
            elif rule.span == "match":
                if rewrite.LEAD.fullmatch(sentence[:ms]):
                    filled = filled[:1].upper() + filled[1:]
                new_sentence = sentence[:ms] + filled + sentence[me:]
            elif _QUESTION.match(filled):
                # a question stands alone ("They What would have made..." is no sentence);
                # only a timestamp that opens the sentence stays
                new_sentence = rewrite.tidy(rewrite.LEAD.match(sentence).group(1) + filled)
            else:
                new_sentence = rewrite.splice(sentence, ms, me, filled)
            if agent and re.search(rf"(?<!\w){re.escape(agent)}(?!\w)", new_sentence):
                continue
            if not self._clean(sentence, new_sentence, people, rule.category):
                continue
            suggestion = new_sentence if rule.span == "sentence" else filled
            if suggestion not in good:
                good.append(suggestion)
        if good and rule.span == "sentence":
            good.append(self._fallback(rule, sentence))
        return good

    @staticmethod
    def _fallback(rule: Rule, sentence: str) -> str:
        """The category's question, after any timestamp that opens the sentence."""
        lead = rewrite.LEAD.match(sentence).group(1)
        return lead + FALLBACKS.get(rule.category, _GENERIC_FALLBACK)

    def _clean(self, old: str, new: str, people: tuple[str, ...], category: str) -> bool:
        """No warning in the part of `new` that differs from `old`, nor of `category` at all."""
        lo = 0
        while lo < min(len(old), len(new)) and old[lo] == new[lo]:
            lo += 1
        hi = 0
        while hi < min(len(old), len(new)) - lo and old[-1 - hi] == new[-1 - hi]:
            hi += 1
        changed = (lo, max(lo + 1, len(new) - hi))
        for f in self._lint(new, people, suggest=False):
            if f.is_warning and (
                f.category == category or (f.start < changed[1] and changed[0] < f.end)
            ):
                return False
        return True


def _people_key(people: Iterable[str]) -> tuple[str, ...]:
    """The people list as a cache key: stripped, without blanks or repeats, in order."""
    if isinstance(people, str):
        people = [people]
    return tuple(dict.fromkeys(p.strip() for p in people if p and p.strip()))


def _local(
    suppressions: list[Suppression], s0: int, s1: int
) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """The suppressions that reach into [s0, s1), relative to s0."""
    return tuple(
        (max(s.start - s0, 0), min(s.end, s1) - s0, s.names)
        for s in suppressions
        if s.start < s1 and s0 < s.end
    )


def _or(masks: Iterable[int]) -> int:
    out = 0
    for m in masks:
        out |= m
    return out


_ARTICLE_BEFORE = re.compile(r"(?<!\w)([Aa]n?) +$")


def _deletion(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Span and replacement that delete text[start:end] without leaving a gap or a lowercase start."""
    lead = rewrite.LEAD.match(text).end()
    nxt = re.compile(r"[\s,]*(\S+)").match(text, end)
    if start <= lead and nxt:
        word = nxt.group(1)
        return start, nxt.end(), word[:1].upper() + word[1:]
    article = _ARTICLE_BEFORE.search(text, 0, start)
    nxt_word = re.compile(r"\s*([A-Za-z])").match(text, end)
    if article and nxt_word and article.end() == start:
        # "a cavalier attitude" -> "an attitude": the article follows the word that is left
        a = article.group(1)
        an = nxt_word.group(1).lower() in "aeio"
        new = ("An" if a[0] == "A" else "an") if an else ("A" if a[0] == "A" else "a")
        return article.start(1), nxt_word.start(1), new + " "
    if end < len(text) and text[end] == " ":
        return start, end + 1, ""
    if start > 0 and text[start - 1] == " ":
        return start - 1, end, ""
    return start, end, ""
