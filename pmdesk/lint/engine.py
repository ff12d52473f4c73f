"""The linting engine: run compiled rules over a Markdown-aware view of the text.

Rules are data (see pmdesk.lint.ruleset for the file format); this module only applies them.
Everything that can be prepared ahead (rule files, vocabulary, regexes) is prepared once, when
a Linter is built, so linting one paragraph per keystroke stays well under a millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pmdesk.lint import rewrite
from pmdesk.lint.finding import Finding
from pmdesk.lint.markdown import View, make_view
from pmdesk.lint.persons import PersonTest
from pmdesk.lint.ruleset import Rule, RuleSet, load_ruleset

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


class Linter:
    """A compiled rule set; `lint` is safe to call on every keystroke."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.rules = ruleset.rules
        self.not_names = ruleset.words.get("not_names", frozenset())

    @classmethod
    def from_files(cls, user_file: Path | None = None) -> Linter:
        return cls(load_ruleset(user_file))

    def lint(self, text: str, people: Iterable[str] = ()) -> list[Finding]:
        """Findings in `text`, in reading order, each with its rewrites."""
        people = list(people)
        person = PersonTest(people, self.not_names)
        view = make_view(text)
        lower = [p.strip() for p in people if p.strip()[:1].islower()]
        if lower:
            # rules look for capitalised names; show them "dkim" as "Dkim" (same offsets)
            names = "|".join(re.escape(p) for p in lower)
            view.masked = re.sub(
                rf"(?<![\w@])(?:{names})(?!\w)", lambda m: m.group().capitalize(), view.masked
            )
        return self._scan(view, person, suggest=True)

    def _scan(self, view: View, person: PersonTest, *, suggest: bool) -> list[Finding]:
        findings: list[Finding] = []
        taken: dict[str, list[tuple[int, int]]] = {}
        masked = view.masked
        for rule in self.rules:
            for pattern in rule.patterns:
                for m in pattern.finditer(masked):
                    if m.end() == m.start():
                        continue
                    s0, s1 = view.sentence_at(m.start())
                    if m.end() > s1 or not self._accept(rule, m, view, person, s0, s1):
                        continue
                    spans = taken.setdefault(rule.category, [])
                    if any(a < m.end() and m.start() < b for a, b in spans):
                        continue  # one finding per category per stretch of text
                    spans.append(m.span())
                    start, end = (s0, s1) if rule.span == "sentence" else m.span()
                    suggestions: list[str] = []
                    if suggest:
                        suggestions = self._suggest(rule, m, view, person, s0, s1)
                        if rule.span == "match" and "" in suggestions:
                            start, end, cut = _deletion(view.text, m.start(), m.end(), s0)
                            suggestions = [cut if not x else x for x in suggestions]
                        if not suggestions:  # nothing local works: offer a question instead
                            start, end = s0, s1
                            suggestions = [self._fallback(rule, view.text[s0:s1])]
                    findings.append(
                        Finding(
                            start,
                            end,
                            rule.id,
                            rule.category,
                            rule.severity,
                            rule.message,
                            suggestions,
                        )
                    )
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings

    def _accept(
        self, rule: Rule, m: re.Match[str], view: View, person: PersonTest, s0: int, s1: int
    ) -> bool:
        if rule.agent:
            a0, a1 = m.span("agent")
            if a0 < 0 or not person(view.masked, a0, a1, floor=m.start()):
                return False
        for exc in rule.exceptions:
            for e in exc.finditer(view.masked, s0, s1):
                if e.start() < m.end() and m.start() < e.end():
                    return False
        return not (view.suppressions and view.suppressed(m.start(), rule.id, rule.category))

    def _suggest(
        self, rule: Rule, m: re.Match[str], view: View, person: PersonTest, s0: int, s1: int
    ) -> list[str]:
        text = view.text
        sentence = text[s0:s1]
        ms, me = m.start() - s0, m.end() - s0
        values: dict[str, str | None] = {
            k: (text[m.start(k) : m.end(k)] if m.start(k) >= 0 else None) for k in m.re.groupindex
        }
        values.update(match=text[m.start() : m.end()], before=sentence[:ms], after=sentence[me:])
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
            else:
                new_sentence = rewrite.splice(sentence, ms, me, filled)
            if agent and re.search(rf"(?<!\w){re.escape(agent)}(?!\w)", new_sentence):
                continue
            if not self._clean(sentence, new_sentence, person):
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

    def _clean(self, old: str, new: str, person: PersonTest) -> bool:
        """No warning in the part of `new` that differs from `old`."""
        lo = 0
        while lo < min(len(old), len(new)) and old[lo] == new[lo]:
            lo += 1
        hi = 0
        while hi < min(len(old), len(new)) - lo and old[-1 - hi] == new[-1 - hi]:
            hi += 1
        changed = (lo, max(lo + 1, len(new) - hi))
        for f in self._scan(make_view(new), person, suggest=False):
            if f.is_warning and f.start < changed[1] and changed[0] < f.end:
                return False
        return True


def _deletion(text: str, start: int, end: int, s0: int) -> tuple[int, int, str]:
    """Span and replacement that delete text[start:end] without leaving a gap or a lowercase start."""
    lead = rewrite.LEAD.match(text, s0).end()
    nxt = re.compile(r"[\s,]*(\S+)").match(text, end)
    if start <= lead and nxt:
        word = nxt.group(1)
        return start, nxt.end(), word[:1].upper() + word[1:]
    if end < len(text) and text[end] == " ":
        return start, end + 1, ""
    if start > 0 and text[start - 1] == " ":
        return start - 1, end, ""
    return start, end, ""
