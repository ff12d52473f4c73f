"""The linting engine: sentences of a Markdown-aware view, two stages, one cache.

1. The first stage reads each sentence's words and keeps the rules whose trigger words are
   there (rules/blame.toml). Most sentences hold none and cost a set lookup per word.
2. The second stage parses the sentences that are left, all at once (pmdesk.lint.grammar), and
   asks each kept rule's judge (pmdesk.lint.judges) whether the sentence blames.
3. A sentence no rule flags is read by the sentence model (pmdesk.lint.sentence_model), which
   needs no parse; its finding stands only where no rule's does.

Findings are kept per sentence in one LRU cache, keyed by the sentence and what it depends on
(the names of people, inline suppressions). The cache belongs to the Linter, and a Linter is
one set of rules in force: a changed rules file makes a new Linter (pmdesk.lint.default_linter),
so nothing stale is served. A rewrite is checked by linting it, when its finding's suggestions
are first read (most findings in a long document are never looked at).
"""

from __future__ import annotations

import gc
import os
import pickle
import re
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from pmdesk.lint import grammar, sentence_model
from pmdesk.lint.clause import CONTEXT_PEOPLE, Sentence, Words, dotted_handle
from pmdesk.lint.finding import Finding, PendingSuggestions
from pmdesk.lint.judges import GATES, JUDGES, MODEL_JUDGE
from pmdesk.lint.markdown import Suppression, make_view
from pmdesk.lint.names import is_given_name
from pmdesk.lint.ruleset import Rule, RuleSet, load_ruleset

#: (start, end, rule index, suggestions, category) relative to the sentence; what the cache
#: holds. The category is the rule's unless the judge named another ("they neglected to" is
#: a counterfactual, "she neglected to" names an agent).
_Hit = tuple[int, int, int, tuple[str, ...] | PendingSuggestions, str]
_Sups = tuple[tuple[int, int, frozenset[str]], ...]
_WORD = re.compile(r"[a-z0-9@][a-z0-9@'’-]*")
_POSSESSIVE = re.compile(r"['’]s$")
_STILL_COUNTERFACTUAL = re.compile(
    r"\b(?:should|shouldn't|ought|could|couldn't|must)(?:\s+not|\s+never)?\s+(?:have|'ve)\b"
    r"|\bought(?:\s+not|\s+never)?\s+to\s+have\b",
    re.I,
)
#: judgement the rules do not flag alone but that a rewrite must not leave standing ("it's
#: basic: you check the lag"; "the date was right there"; "a mess")
_STILL_JUDGING = re.compile(
    r"\b(?:basic|trivial|that\s+simple|right\s+there|glaring|a\s+mess|piece\s+of\s+work|what\s+a|"
    r"at\s+(?:the\s+very\s+)?least|at\s+a\s+minimum)\b",
    re.I,
)
#: what the sentence model's finding underlines: the sentence without its surrounding spaces,
#: bullets and closing punctuation
_SENTENCE_BODY = re.compile(r"[\w@\"“'‘(].*?(?=[\s.;:!?…]*$)", re.S)
#: a word as the person test reads it (with its case: a capital tells a name)
_NAMED_WORD = re.compile(r"@?[A-Za-z][\w'’.-]*")
#: a user pattern is not run on a sentence longer than this (a runaway line, not prose)
_USER_PATTERN_LIMIT = 5_000


class Linter:
    """A compiled rule set; `lint` answers from its cache at once and parses only what is new."""

    #: sentences remembered; a long postmortem has a few thousand
    cache_size = 20_000

    def __init__(self, ruleset: RuleSet) -> None:
        self.rules: list[Rule] = ruleset.rules
        self.words = Words(ruleset.words)
        self.not_names = ruleset.words.get("not_names", frozenset())
        #: the last words of the roles and groups of several words ("claims handler", "farm
        #: hand"): a word the first stage lets through, for the parse to judge with its modifier
        self.role_heads = frozenset(
            w.split()[-1]
            for name in ("roles", "groups")
            for w in ruleset.words.get(name, ())
            if " " in w
        )
        self._by_word: dict[str, int] = {}  # trigger word -> bits of the rules it triggers
        self._phrases: list[tuple[str, int]] = []  # triggers with a space: found as substrings
        self._requires: dict[int, tuple[frozenset[str], tuple[str, ...]]] = {}
        self._always = 0  # user rules without triggers run on every sentence
        for i, rule in enumerate(self.rules):
            if rule.patterns and not rule.triggers:
                self._always |= 1 << i
            for word in rule.triggers:
                if " " in word:
                    self._phrases.append((word, 1 << i))
                else:
                    self._by_word[word] = self._by_word.get(word, 0) | 1 << i
            if rule.requires:
                self._requires[i] = (
                    frozenset(w for w in rule.requires if " " not in w),
                    tuple(w for w in rule.requires if " " in w),
                )
        #: category -> index of its "<category>.model" rule, for the categories in force
        self._model_rules = {
            rule.category: i for i, rule in enumerate(self.rules) if rule.judge == MODEL_JUDGE
        }
        self._model_ids = frozenset(self.rules[i].id for i in self._model_rules.values())
        self._cache: OrderedDict[tuple, list[_Hit]] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def from_files(cls, user_file: Path | None = None) -> Linter:
        return cls(load_ruleset(user_file))

    # -- the API --------------------------------------------------------------------------------

    def lint(self, text: str, people: Iterable[str] = ()) -> list[Finding]:
        """Findings in `text`, in reading order, each with its rewrites (worked out on reading)."""
        return self._lint(text, _people_key(people), suggest=True)

    def lint_cached(self, text: str, people: Iterable[str] = ()) -> list[Finding] | None:
        """The findings if every sentence of `text` is already known, else None (never parses).

        For a caller that must not wait, such as the UI thread: it shows these at once and asks
        a worker for `lint` when this says None.
        """
        return self._lint(text, _people_key(people), suggest=True, cached_only=True)

    @property
    def prepared(self) -> bool:
        """True once the parser is loaded, so a lint costs milliseconds."""
        return grammar.loaded()

    def prepare(self) -> None:
        """Load the parser now (about 0.7 s): call it off the UI thread, after the first paint."""
        grammar.parse_one("The service was restarted.")

    def clear_cache(self) -> None:
        """Forget every sentence linted so far (for benchmarks that time the cold case)."""
        with self._lock:
            self._cache.clear()

    # -- the two stages ---------------------------------------------------------------------------

    def _lint(
        self,
        text: str,
        people: tuple[str, ...],
        *,
        suggest: bool,
        cached_only: bool = False,
        part: tuple[int, int] = (0, 1),
        judged_keys: list[tuple] | None = None,
    ) -> list[Finding] | None:
        """The findings; with `part` (k, of), only every `of`-th sentence from the k-th is
        judged (what `prefill` shares out), and `judged_keys` collects their cache keys."""
        view = make_view(text)
        masked = view.masked
        jobs: list[tuple[int, tuple, str, str, _Sups, int]] = []
        results: dict[int, list[_Hit]] = {}
        spans = _pieces(masked, view.sentences)
        k, of = part
        for n, (s0, s1) in enumerate(spans):
            if n % of != k:
                continue
            sentence = masked[s0:s1]
            if not sentence.strip():
                continue
            sups = _local(view.suppressions, s0, s1) if view.suppressions else ()
            key = (text[s0:s1], sentence, people, sups)
            if judged_keys is not None:
                judged_keys.append(key)
            hits = self._cached(key)
            if hits is not None:
                results[n] = hits
                continue
            # (after the cache: a keystroke that finds every sentence known does no more)
            sentence = _chat_normalised(sentence, self.not_names)
            rules = self._candidates(sentence)
            if rules:
                rules = self._gate(sentence, rules, people)
            if not rules:
                results[n] = hits = self._model_hits(sentence, sups, people)
                self._store(key, hits)
                continue
            if cached_only:
                return None
            jobs.append((n, key, text[s0:s1], sentence.replace("\n", " "), sups, rules))
        if jobs:
            # the same sentence twice in one text (a repeated timeline line) is judged once
            unique: dict[tuple, tuple[int, tuple, str, str, _Sups, int]] = {}
            for job in jobs:
                unique.setdefault(job[1], job)
            todo = list(unique.values())
            needs_parse = [j for j in todo if not self._user_only(j[5])]
            docs = grammar.parse([j[3] for j in needs_parse]) if needs_parse else []
            parsed = {j[1]: d for j, d in zip(needs_parse, docs, strict=True)}
            judged: dict[tuple, list[_Hit]] = {}
            for _n, key, original, sentence, sups, rules in todo:
                hits = self._judge(
                    original, sentence, parsed.get(key), people, sups, rules, suggest
                ) or self._model_hits(sentence, sups, people)
                judged[key] = hits
                self._store(key, hits)
            for n, key, *_ in jobs:
                results[n] = judged[key]
        findings: list[Finding] = []
        modelled: list[Finding] = []
        for n, (s0, _s1) in enumerate(spans):
            for start, end, index, suggestions, category in results.get(n, ()):
                rule = self.rules[index]
                if rule.id in self._model_ids:
                    modelled.append(
                        Finding(s0 + start, s0 + end, rule.id, category, rule.severity,
                                rule.message, prompt=rule.prompt)
                    )  # fmt: skip
                    continue
                if (
                    n
                    and s0 < spans[n - 1][1]
                    and any(
                        f.category == category and f.start < s0 + end and s0 + start < f.end
                        for f in findings
                    )
                ):
                    continue  # a labelled line's clause, judged again: found once is enough
                args = (s0 + start, s0 + end, rule.id, category, rule.severity, rule.message)
                if isinstance(suggestions, PendingSuggestions):
                    found = Finding.later(*args, suggestions, prompt=rule.prompt)
                else:
                    found = Finding(*args, list(suggestions), prompt=rule.prompt)
                findings.append(found)
        # the model's findings last, where no rule found anything: a clause judged apart from
        # its opener ("Honestly, whoever merged ...") can be flagged by a rule while the model
        # reads the whole line, and the rule's finding is enough
        for f in modelled:
            if not any(g.start < f.end and f.start < g.end for g in findings):
                findings.append(f)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings

    def _gate(self, sentence: str, rules: int, people: tuple[str, ...]) -> int:
        """Drop the rules whose judge's cheap test says the sentence cannot match."""
        person_word = self._person_test(people)
        for i in _bits(rules):
            gate = GATES.get(self.rules[i].judge)
            if gate is not None and not gate(sentence, person_word, self.words):
                rules &= ~(1 << i)
        return rules

    def _person_test(
        self, people: tuple[str, ...], *, strict: bool = False
    ) -> Callable[[str], bool]:
        """A test of one word: could it name a person (a name, a role, a pronoun, a handle)?
        `strict`: not a capitalised word no dictionary knows (that the parse would judge)."""
        known = _person_words(people)
        roles = self.words["roles"]
        heads = self.role_heads
        pronouns = self.words["pronouns"]
        not_names = self.not_names
        answers: dict[str, bool] = {}  # (the gates ask about the same words many times)

        def person_word(word: str) -> bool:
            answer = answers.get(word)
            if answer is None:
                answer = answers[word] = is_person_word(word)
            return answer

        def is_person_word(word: str) -> bool:
            word = _POSSESSIVE.sub("", word).rstrip(".")
            low = word.lower()
            if low in known or word.startswith("@") or low in pronouns or low in roles:
                return True
            if low in CONTEXT_PEOPLE or low.rstrip("s") in CONTEXT_PEOPLE:
                return True
            if dotted_handle(word):
                return True
            if low.endswith("s") and low[:-1] in roles:
                return True  # "reviewers", "responders"
            if low in heads or low.endswith("s") and low[:-1] in heads:
                return True  # "handlers" of "the claims handlers": the parse decides
            return (
                word[:1].isupper()
                and low not in not_names
                and (is_given_name(low) or not strict and _maybe_name(word))
            )

        return person_word

    def _user_only(self, rules: int) -> bool:
        return all(self.rules[i].patterns for i in _bits(rules))

    def _candidates(self, sentence: str) -> int:
        """Bits of the rules whose trigger words (and required words) this sentence holds."""
        low = sentence.lower()
        words: set[str] = set()
        for w in _WORD.findall(low):
            words.add(w)
            if "-" in w:
                words.update(w.split("-"))
            if "'" in w or "’" in w:
                head, _, tail = w.replace("’", "'").partition("'")
                words.update((head, "'" + tail))
            if w.endswith(("'s", "’s")):
                words.update((w[:-2], "'s"))
            elif w.endswith(("n't", "’t")):
                words.add(w[:-3])
        bits = self._always
        get = self._by_word.get
        for w in words:
            bits |= get(w, 0)
        for phrase, bit in self._phrases:
            if phrase in low:
                bits |= bit
        for i, (needed, phrases) in self._requires.items():
            if bits >> i & 1 and needed.isdisjoint(words) and not any(p in low for p in phrases):
                bits &= ~(1 << i)
        return bits

    def _judge(self, original, sentence, doc, people, sups, rules, suggest) -> list[_Hit]:
        hits: list[_Hit] = []
        taken: dict[str, list[tuple[int, int]]] = {}
        parsed = Sentence(doc, self.words, _person_words(people)) if doc is not None else None
        for i in _bits(rules):
            rule = self.rules[i]
            if rule.patterns:
                found = self._pattern_hits(rule, sentence)
            elif parsed is not None:
                try:
                    found = list(JUDGES[rule.judge](parsed))
                except Exception:  # noqa: BLE001 - a parse no judge foresaw: that judge says nothing
                    if os.environ.get(STRICT_ENV):
                        raise  # (the tests set it: there a judge's error is a failure)
                    found = []
            else:
                continue
            for hit in found:
                start, end, edit = hit[:3]
                category = hit[3] if len(hit) > 3 else rule.category
                if (
                    _suppressed(sups, start, rule)
                    or category != rule.category
                    and _suppressed(
                        sups, start, Rule(rule.id, category, rule.severity, rule.message)
                    )
                ):
                    continue
                spans = taken.setdefault(category, [])
                if any(a < end and start < b for a, b in spans):
                    continue  # one finding per category per stretch of text
                if edit is not None:
                    start, end = edit[0], edit[1]
                spans.append((start, end))
                if edit is None:
                    hits.append((start, end, i, (), category))
                elif suggest:
                    check = partial(self._checked, original, sentence, edit, people)
                    hits.append((start, end, i, PendingSuggestions(check), category))
                else:
                    hits.append((start, end, i, (edit[2],), category))
        return hits

    def _model_hits(self, sentence: str, sups: _Sups, people: tuple[str, ...]) -> list[_Hit]:
        """The sentence model's finding on a sentence no rule flagged: the whole sentence, no
        rewrite (the rule's prompt is the help), when its category's rule is in force."""
        if not self._model_rules:
            return []
        category = sentence_model.model().judge(sentence, self.not_names)
        index = self._model_rules.get(category) if category else None
        if index is None:
            return []
        if category == "named-agent":
            person_word = self._person_test(people, strict=True)
            words = _NAMED_WORD.findall(sentence)
            if not any(person_word(w) for w in words if w.lower().rstrip(".") != "one"):
                return []  # the model reads words, not who did what: no one is named here
        m = _SENTENCE_BODY.search(sentence)
        if m is None or _suppressed(sups, m.start(), self.rules[index]):
            return []
        return [(m.start(), m.end(), index, (), category)]

    def _pattern_hits(self, rule: Rule, sentence: str):
        if len(sentence) > _USER_PATTERN_LIMIT:
            return
        for pattern in rule.patterns:
            for m in pattern.finditer(sentence):
                if m.end() == m.start():
                    continue
                if any(
                    e.search(sentence, max(0, m.start() - 40), m.end() + 40)
                    for e in rule.exceptions
                ):
                    continue
                edit = None
                for template in rule.rewrites:
                    values = {k: v or "" for k, v in m.groupdict().items()}
                    try:
                        edit = (m.start(), m.end(), template.format(match=m.group(), **values))
                    except (KeyError, IndexError, ValueError):
                        continue
                    break
                yield m.start(), m.end(), edit

    def _checked(
        self, sentence: str, masked: str, edit: tuple[int, int, str], people: tuple[str, ...]
    ) -> list[str]:
        """The edit's replacement, if the sentence it makes lints clean and looks back no more."""
        start, end, new = edit
        if masked[start:end] != sentence[start:end] or new == sentence[start:end]:
            # the span holds code, a URL or a quotation the judge saw as blanks (a rewrite
            # would delete it), or the edit changes nothing
            return []
        result = sentence[:start] + new + sentence[end:]
        if _STILL_COUNTERFACTUAL.search(result) or _STILL_JUDGING.search(result):
            return []
        if _STILL_NAMED.search(new) or _NAMED_BEFORE.search(result[:start]):
            return []  # "was not rotated by whoever owned the integration", "so they could leave
            # on time": the person is still there, by a pronoun or as the agent
        if _STILL_PERSONAL.search(result[start : start + len(new) + 80]):
            return []  # "you don't run a reindex on Black Friday" still chides; "she dropped
            # the schema" is still about her
        if _reads_badly(sentence, result, start, new):
            return []
        if any(
            f.is_warning and f.rule not in self._model_ids
            for f in self._lint(result, people, suggest=False)
        ):
            return []  # (the sentence model is not asked: a rewrite keeps the sentence's words
            # around the blame it removes, and the model reads those words)
        return [new]

    # -- the cache ------------------------------------------------------------------------------

    def prefill(self, text: str, people: Iterable[str] = ()) -> bool:
        """Judge a long text's sentences in two processes at once, keeping every result in the
        cache, so that `lint(text)` then answers from it; True if a second process helped.

        For `pmdesk lint` on a long document: parsing is most of its time and a spaCy pipeline
        uses one core. The pipeline is loaded first, then the process forks (Linux only, only in a
        process with no other thread, and only where two cores are free to it): the copy
        judges every second sentence (so that both get as many long passages) and sends back
        what it found, rewrites worked out, while this process judges the others. Whatever goes
        wrong in the copy, `lint` judges what is missing itself.
        """
        if (
            len(text) < _PREFILL_FROM
            or not sys.platform.startswith("linux")  # (macOS's system libraries are not fork-safe)
            or threading.active_count() > 1  # (a lock another thread holds would stay held)
            or len(os.sched_getaffinity(0)) < 2
        ):
            return False
        key = _people_key(people)
        self.prepare()  # (loaded once, before the fork: the copy shares its memory)
        gc.freeze()  # (the collector would write to every object, copying each shared page)
        try:
            read_end, write_end = os.pipe()
            try:
                pid = os.fork()
            except OSError:
                os.close(read_end)
                os.close(write_end)
                raise
        except OSError:  # (no process or descriptor to spare: one process does it all)
            gc.unfreeze()
            return False
        if pid == 0:  # the copy: its sentences, then what it found down the pipe, then out
            code = 1
            try:
                os.close(read_end)
                keys: list[tuple] = []
                self._lint(text, key, suggest=True, part=(1, 2), judged_keys=keys)
                found = [
                    (k, [_settled(h) for h in hits])
                    for k in keys
                    if (hits := self._cached(k)) is not None
                ]
                with os.fdopen(write_end, "wb") as out:
                    pickle.dump(found, out, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        reader = os.fdopen(read_end, "rb")
        try:
            self._lint(text, key, suggest=True, part=(0, 2))
            found = pickle.load(reader)
        except (OSError, EOFError, pickle.UnpicklingError):
            found = []
        finally:
            reader.close()  # (before waiting: a copy still writing then stops at once)
            os.waitpid(pid, 0)
            gc.unfreeze()
        for k, hits in found:
            self._store(k, hits)
        return bool(found)

    def _cached(self, key: tuple) -> list[_Hit] | None:
        with self._lock:
            hits = self._cache.get(key)
            if hits is not None:
                self._cache.move_to_end(key)
            return hits

    def _store(self, key: tuple, hits: list[_Hit]) -> None:
        with self._lock:
            self._cache[key] = hits
            if len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)


#: what an edit must not leave behind it (a pronoun whose person the edit removed, a person
#: still named as the agent, a participle left dangling from a passive, a negation said twice)
_LEFT_BEHIND = re.compile(
    r"\b(?:she|he|her|him|his|hers|they|them|their)\b"
    r"|\bby\s+(?:whoever|someone|somebody|the\s+[\w-]+\s+(?:team|lead|engineer|crew))\b|['’]s\s+part\b"
    r"|,\s*(?:not\s+)?(?:realising|realizing|thinking|believing|assuming|knowing|expecting|hoping)\b"
    r"|;\s*(?:it|they|he|she)\s+(?:wasn['’]t|was\s+not|weren['’]t|didn['’]t|did\s+not)\b"
    r"|,\s*as\s+(?:[\w.-]+\s+){0,3}(?:asks|requires|says|expects|recommends|instructs)\b",
    re.I,
)
#: what a deleted judgement word can leave: a predicate with nothing in it ("was, full stop",
#: "was handled,", "managed that the"), or a sentence that says nothing ("that was a rollout")
_HOLLOW = re.compile(
    r"\b(?:was|were|is|are|be)\s*[,.;:!]|\b(?:handled|managed|done|run|executed|called)\s*[,.;]"
    r"|\b(?:handled|managed|done|run|executed)\s+that\b"
    r"|^\W*(?:\w+,\s*)?(?:that|this|it)\s+(?:was|is)\s+an?\s+[\w-]+\s*[.!]?\s*$"
    r"|^\W*(?:the\s+)?[\w-]+\s+\w+ing\s+(?:was|were)\s+not\b"
    r"|\b(?:was|were|is|are|be)\s+(?:and|or|but)\b"
    r"|\b(?:behaved|acted|conducted\s+(?:himself|herself|themselves))\s+(?:in|by|when|with|during|[,.;])",
    re.I,
)


#: a text shorter than this is linted in one process (a fork costs about 10 ms; the pipeline
#: parses about 700 sentences a second)
_PREFILL_FROM = 100_000


def _settled(hit: _Hit) -> _Hit:
    """The hit with its rewrites worked out (a pending computation cannot cross processes)."""
    start, end, index, suggestions, category = hit
    if isinstance(suggestions, PendingSuggestions):
        suggestions = tuple(suggestions.get())
    return (start, end, index, suggestions, category)


def _reads_badly(sentence: str, result: str, start: int, new: str) -> bool:
    """The edit leaves something a reader stumbles on, or blame just outside it."""
    end = start + len(new)
    # (searched from `end` in the whole result, so a word the edit cut in two is not two words)
    if _LEFT_BEHIND.search(result, end):
        return True
    if _LEFT_BEHIND.search(result, 0, end) and not _LEFT_BEHIND.search(sentence, 0, end):
        return True
    if re.match(r"\W*(?:\w+,\s*)?I\s", result) and re.search(r"\b(?:not|never)\b", new):
        return True  # "Honestly, I did not double-check": still the speaker's own fault
    return bool(_HOLLOW.search(result)) and not _HOLLOW.search(sentence)


#: a person still named as the cause before the edit: "outage traced to Ingrid — …"
_NAMED_BEFORE = re.compile(
    r"\b(?:traced|down|due|thanks|attributed|owing)\s+to\s+(?-i:[A-Z])[a-z]+\b|\bblame\s+(?-i:[A-Z])[a-z]+\b",
    re.I,
)
#: a person left inside the rewritten words themselves
_STILL_NAMED = re.compile(
    r"\bby\s+(?:whoever|someone|somebody|anyone|anybody)\b|\b(?:they|them|their|he|him|his|she|her)\b",
    re.I,
)
#: what a rewrite must not leave behind: a scolding "you", or "he"/"she" as an agent
_STILL_PERSONAL = re.compile(
    r"^\W*(?:you|one)\s+(?:don['’]t|do\s+not|never|always|should|must|can['’]t|cannot)\b"
    r"|\b(?:he|she)\s+(?:\w+ly\s+)?(?:[\w-]+ed|ran|did|made|took|broke|left|wrote|put|set|cut)\b",
    re.I,
)


#: a "sentence" longer than this is usually a list or a table row run together: it is cut at
#: semicolons, dashes between words and runs of blanked markup, so that each piece reads as a
#: clause (the parser's cost grows faster than a sentence's length, and its accuracy falls)
_LONG = 250
_SEPARATOR = re.compile(r";\s+|\s[-–—•*]\s+|\s{3,}|\|")


#: a timestamp that opens a timeline line ("14:05", "2026-03-10 14:05:33 UTC -") never changes
#: what the words after it say: it is left out of the sentence that is judged and cached, so a
#: timeline whose lines repeat under new times is read once
_LEAD = re.compile(
    r"[ \t]*(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|Z|[AaPp]\.?[Mm]\.?))?[ \t]*[-–—:|]?[ \t]+"
)


#: a short label that opens a line ("Contributing factor #2:", "Note:", "Slack, 14:10:"): the
#: parser often reads the label as the subject of the clause after it, so the clause is also
#: judged on its own (the label may be the blame itself: "Accountability: ...", "Not rocket
#: science: ..."); a label that names a cause is left to the judges that read it
_LABEL = re.compile(
    r"[ \t]*(?P<label>[A-Z][\w'’/&.,-]*(?:[ \t]+[\w'’/&.,-]+){0,3}?)[ \t]*(?:\(?#?\d+\)?)?[ \t]*:[ \t]+(?=\S)"
)
#: words a speaker opens with that say how, not what ("Honestly, ...", "So ...", "I think ...",
#: "tbh ..."): the sentence is also judged without them, as the parser, and rules that read a
#: sentence's first words, take the opener for part of the claim
_OPENER = re.compile(
    r"[ \t]*(?:(?:honestly|frankly|basically|seriously|look|listen|well|so|ok(?:ay)?|also|plus|"
    r"anyway|anyways|tbh|imo|imho|ngl|fwiw|personally|bluntly|candidly|to\s+be\s+(?:fair|honest|"
    r"frank)|in\s+my\s+(?:opinion|view)|and\s+(?:then|so)|but\s+then|i\s+(?:think|feel|guess|"
    r"reckon|believe)(?:\s+that)?)\b[ \t]*,?[ \t]+"
    # and a sentence adverb or a phrase of when, with its comma: "Unfortunately, ...", "At 14:05
    # on Friday, ...", "During the cutover, ..."
    r"|[A-Za-z]+ly[ \t]*,[ \t]+|(?:at|on|during|after|before|around|by|in|from|until|over|"
    r"shortly\s+after|later\s+that)\s+(?:[^,.;:!?]|(?<=\d)[:.](?=\d)){1,40}?,[ \t]+)+(?=\S)",
    re.I,
)
#: set (the tests do) to let a judge's error through rather than drop that judge's finding
STRICT_ENV = "PMDESK_LINT_STRICT"
#: what chat puts after a claim ("... lol", "... smh", "..., tbh.", an emoji, "?!"): the claim is
#: also judged without it; looked for in a piece's last _TAIL_REACH characters
_TAIL_REACH = 40
_TAIL_WORDS = frozenset(
    ("lol", "lmao", "rofl", "smh", "tbh", "imo", "imho", "ngl", "ffs", "sigh", "ugh")
)


def _tailed(end: str) -> bool:
    """Whether `end`, a piece's last characters, may hold a tail: the cheap test first."""
    end = end.rstrip(" \t.!")
    if not end:
        return False
    last = end.rsplit(None, 1)[-1].lower().strip(",")
    return (
        last in _TAIL_WORDS
        or not last.isascii()
        or (last.startswith(":") and last.endswith(":"))
        or end.endswith("?")
    )


_TAIL = re.compile(
    r"(?:[ \t]*,?[ \t]*(?:(?:lol|lmao|rofl|smh|tbh|imo|imho|ngl|ffs|sigh|ugh)\b|:\w+:|"
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF]\S*)|(?<=\?)!+)+[ \t.!]*$",
    re.I,
)
_CAUSE_LABEL = re.compile(
    r"\b(?:causes?|root|reasons?|factors?|triggers?|culprits?|why|verdict|blame|fault|failure|error|"
    r"mistakes?|lessons?|takeaways?|learnings?|issue|problem|what\s+went\s+wrong)\b",
    re.I,
)


def _pieces(masked: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s0, s1 in sentences:
        lead = _LEAD.match(masked, s0, s1)
        if lead and lead.end() < s1:
            s0 = lead.end()
        if s1 - s0 <= _LONG:
            out.append((s0, s1))
            label = _LABEL.match(masked, s0, s1)
            start = s0
            if label and label.end() < s1 and not _CAUSE_LABEL.search(label["label"]):
                out.append((label.end(), s1))  # (`_lint` drops what this repeats)
                start = label.end()
            opener = _OPENER.match(masked, start, s1)
            if opener and opener.end() < s1:
                start = opener.end()
                out.append((start, s1))  # (and what this one does)
            # (a tail is short: searched for in the last characters only, not across the runs of
            # spaces a table's cells are padded with)
            tail = (
                _TAIL.search(masked, max(start, s1 - _TAIL_REACH), s1)
                if _tailed(masked[max(start, s1 - _TAIL_REACH) : s1])
                else None
            )
            if tail and tail.start() > start:
                out.append((start, tail.start()))
            continue
        start = s0
        for m in _SEPARATOR.finditer(masked, s0, s1):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        if s1 > start:
            out.append((start, s1))
    return out


def _bits(mask: int):
    i = 0
    while mask:
        if mask & 1:
            yield i
        mask >>= 1
        i += 1


def _people_key(people: Iterable[str]) -> tuple[str, ...]:
    """The people list as a cache key: stripped, without blanks or repeats, in order."""
    if isinstance(people, str):
        people = [people]
    return tuple(dict.fromkeys(p.strip() for p in people if p and p.strip()))


#: a word typed in lower case where a name could be: not a handle, a channel, a path or a
#: dotted handle's part
_LOWER_WORD = re.compile(r"(?<![\w@#/.-])[a-z]{2,}(?![\w/-]|\.\w)")


_MODAL_OF = re.compile(
    r"\b(should|could|would|must|might) of(?= (?:\w+ )?\w+(?:ed|en|wn|ne|un|ung|ept|ost|ent|ade|ought|old|ound)\b)",
    re.I,
)


def lower_case_register(text: str) -> bool:
    """Typed without capitals, as in chat: no word starts with a capital but an acronym."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return bool(words) and all(w[:1].islower() or w.isupper() or len(w) == 1 for w in words)


def _chat_normalised(sentence: str, not_names: frozenset[str]) -> str:
    """Chat's spellings read as written English, at the same length so that offsets hold:
    "should of run" as "should've run"; and in a sentence typed in lower case, its given names
    capitalised, so that the judges, their gates and the parser see "Nadia ran the cleanup
    script against prod" in "nadia ran the cleanup script against prod". Only a given name no
    dictionary knows ("priya", "anton"; not "will", "mark" or "tom")."""
    sentence = _MODAL_OF.sub(lambda m: m.group(1) + "'ve", sentence)
    if not lower_case_register(sentence):
        return sentence

    def up(m: re.Match[str]) -> str:
        word = m.group()
        return word if word in not_names or not _lower_case_name(word) else word.capitalize()

    return _LOWER_WORD.sub(up, sentence)


def _maybe_name(word: str) -> bool:
    """A capitalised word no dictionary knows: the entity recogniser decides, after the parse."""
    from pmdesk.lint.clause import _in_dictionary

    if "-" in word:  # "Mei-Ling", "Hyun-woo"
        parts = word.split("-")
        return all(p.isalpha() for p in parts) and not _in_dictionary(parts[0].lower())
    return word.isalpha() and not word.isupper() and not _in_dictionary(word.lower())


_NOT_A_NAME = {"team", "the", "and", "of", "on", "call", "sre", "ops", "platform"}


def _lower_case_name(word: str) -> bool:
    """A given name typed in lower case: not an English word ("job", "will") nor a function
    word, which lemminflect does not list ("an" is a given name too)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from pmdesk.lint.clause import _in_dictionary

    return word not in STOP_WORDS and is_given_name(word) and not _in_dictionary(word)


def _person_words(people: tuple[str, ...]) -> frozenset[str]:
    words = set()
    for p in people:
        for w in re.findall(r"@?[\w'’.-]+", p.lower()):
            if w not in _NOT_A_NAME and len(w) > 1:
                words.add(w)
    return frozenset(words)


def _suppressed(sups: _Sups, start: int, rule: Rule) -> bool:
    return any(
        a <= start < b and ("all" in names or rule.category in names or rule.id in names)
        for a, b, names in sups
    )


def _local(suppressions: list[Suppression], s0: int, s1: int) -> _Sups:
    """The suppressions that reach into [s0, s1), relative to s0."""
    return tuple(
        (max(s.start - s0, 0), min(s.end, s1) - s0, s.names)
        for s in suppressions
        if s.start < s1 and s0 < s.end
    )
