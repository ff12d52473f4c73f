"""How many flagged sentences stay flagged when they are told another way.

A writer the rules were not tuned on says the same blame in their own words: opens with
"Honestly," or "At 14:05 on Friday,", ends with "lol", names someone no name list knows
("Oluwaseun", "Thabo"), or blames "the farm hands" rather than "the platform team". This takes
the blame sentences the linter flags in the development and used sets (tests/data, all tuned
against) and the rules' own examples, retells each in every such way that applies, and prints
how many retellings are still flagged. No held-out sentence is read. A retelling may make an odd
sentence (a name put in place of a name that was not the subject); the figures are for comparing
one version of the linter with another, not a recall.

    python benchmarks/lint_variants.py [--clean] [--sample N] [--show VARIANT]

With --clean, the clean sentences the linter leaves alone are retold the same ways, and the
figure is how many retellings are then flagged (false alarms).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pmdesk.lint import lint  # noqa: E402
from pmdesk.lint.clause import _in_dictionary  # noqa: E402
from pmdesk.lint.names import is_given_name  # noqa: E402

#: the transfer checks' sets are never read here (see lint_quality.TRANSFER_CHECKS)
TRANSFER_CHECKS = (21, 24, 25)
#: given names Faker's lists lack (checked below), from the countries the sets' writers use
UNLISTED_NAMES = (
    "Oluwaseun", "Thabo", "Chidi", "Lerato", "Zanele", "Babajide", "Kagiso", "Folake", "Murali",
    "Tunde",
)  # fmt: skip
#: crews and trades in place of "the ... team"
CREWS = (
    "the farm hands", "the cabin crew", "housekeeping", "the night porters", "the claims handlers",
    "the ground staff", "the kitchen brigade", "the signallers", "the lab techs",
    "the warehouse pickers", "the contractors on site",
)  # fmt: skip
#: people in place of the name that opens a sentence
AGENTS = (
    "The night porter", "The paralegal", "The locum", "Our DBA", "The guy from networking",
    "A contractor", "The new starter", "The duty manager", "One of the nurses",
    "Someone on the night shift", "The apprentice",
)  # fmt: skip
OPENERS = ("Honestly, ", "So ", "I think ", "Unfortunately, ", "At 14:05 on Friday, ")
TAILS = (" lol", " smh", ", tbh.", " 🤦")


def flagged(text: str) -> bool:
    return any(f.is_warning for f in lint(text))


def blame_sentences(blame: bool = True) -> list[str]:
    """The tuned sets' blame sentences and the rules' examples of blame (`blame` False: their
    clean sentences, the near misses and the rules' clean examples)."""
    data = ROOT / "tests" / "data"
    files = sorted(data.glob("lint_dev*.jsonl")) + sorted(data.glob("lint_used*/sentences.jsonl"))
    if not blame:
        files.append(data / "lint_neutral.jsonl")
    texts = []
    for path in files:
        number = re.search(r"lint_dev(\d+)", path.name)
        if number and int(number.group(1)) in TRANSFER_CHECKS:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if bool(row.get("blame", row.get("category") != "none")) == blame:
                    texts.append(row["text"])
    rules = tomllib.loads((ROOT / "pmdesk/lint/rules/blame.toml").read_text(encoding="utf-8"))
    kind = "match" if blame else "clean"
    texts += [e for r in rules["rule"] for e in r.get("examples", {}).get(kind, [])]
    return texts


def _lower_first(text: str) -> str:
    word = re.match(r"[A-Z][a-z']*", text)
    if word is None or word.group(0) == "I" or is_given_name(word.group(0).lower()):
        return text
    return text[0].lower() + text[1:]


def _opening_name(text: str) -> re.Match[str] | None:
    m = re.match(r"^([A-Z][a-z]+)\b(?=\s+[a-z])", text)
    return m if m and is_given_name(m.group(1).lower()) else None


def _inner_name(text: str) -> re.Match[str] | None:
    for m in re.finditer(r"(?<![@\w.])([A-Z][a-z]+)\b(?![-.@])", text):
        low = m.group(1).lower()
        if m.start() > 0 and is_given_name(low) and not _in_dictionary(low):
            return m
    return None


_TEAM = re.compile(r"\b(?:the|our|their)\s+(?:[\w-]+\s+)?(?:team|squad|crew)\b", re.I)


def variants() -> dict[str, Callable[[str, int], str | None]]:
    """Each way of retelling: (sentence, its number) -> the retelling, or None."""

    def opener(o: str) -> Callable[[str, int], str | None]:
        return lambda t, _n: o + _lower_first(t)

    def tail(x: str) -> Callable[[str, int], str | None]:
        return lambda t, _n: None if t.endswith("?") else t.rstrip(".") + x

    def name_at_start(t: str, n: int) -> str | None:
        m = _opening_name(t)
        return None if m is None else UNLISTED_NAMES[n % len(UNLISTED_NAMES)] + t[m.end() :]

    def name_inside(t: str, n: int) -> str | None:
        m = _inner_name(t)
        name = UNLISTED_NAMES[n % len(UNLISTED_NAMES)]
        return None if m is None else t[: m.start()] + name + t[m.end() :]

    def crew(c: str) -> Callable[[str, int], str | None]:
        def swap(t: str, _n: int) -> str | None:
            m = _TEAM.search(t)
            if m is None:
                return None
            said = c if m.start() > 0 else c[0].upper() + c[1:]
            return t[: m.start()] + said + t[m.end() :]

        return swap

    def agent(a: str) -> Callable[[str, int], str | None]:
        def swap(t: str, _n: int) -> str | None:
            m = _opening_name(t)
            return None if m is None else a + t[m.end() :]

        return swap

    out: dict[str, Callable[[str, int], str | None]] = {}
    out.update({f"opener {o.strip()!r}": opener(o) for o in OPENERS})
    out.update({f"tail {x.strip()!r}": tail(x) for x in TAILS})
    out["unlisted name opening"] = name_at_start
    out["unlisted name inside"] = name_inside
    out.update({f"crew {c!r}": crew(c) for c in CREWS})
    out.update({f"agent {a!r}": agent(a) for a in AGENTS})
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--show", metavar="VARIANT", help="list the retellings whose verdict changed"
    )
    parser.add_argument(
        "--sample", type=int, default=1500, help="retell every k-th sentence, about N in all"
    )
    parser.add_argument(
        "--clean",
        action="store_true",
        help="retell the clean sentences instead, and count how many are flagged",
    )
    args = parser.parse_args(argv)
    missing = [n for n in UNLISTED_NAMES if is_given_name(n.lower())]
    if missing:
        print(f"(now in the name lists, so no longer a test of unlisted names: {missing})")
    every = blame_sentences(blame=not args.clean)
    step = max(1, len(every) // max(args.sample, 1))
    texts = [t for t in every[::step] if flagged(t) != args.clean]
    what = "clean sentences left alone" if args.clean else "flagged blame sentences"
    print(
        f"{len(texts)} {what} (every {step}th of {len(every)} in the tuned sets and the rules'"
        " examples)"
    )
    print(f"{'retold as':<44} {'retold':>7} {'flagged':>14}")
    total = kept_all = 0
    for name, retell in variants().items():
        tried = kept = 0
        lost = []
        for n, text in enumerate(texts):
            new = retell(text, n)
            if new is None or new == text:
                continue
            tried += 1
            if flagged(new):
                kept += 1
                if args.clean:
                    lost.append(new)
            elif not args.clean:
                lost.append(new)
        total += tried
        kept_all += kept
        share = f"{kept / tried:.1%}" if tried else "-"
        print(f"{name:<44} {tried:>7} {kept:>7} {share:>6}")
        if args.show and args.show in name:
            for line in lost:
                print(f"    {line}")
    print(f"{'all':<44} {total:>7} {kept_all:>7} {kept_all / max(total, 1):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
