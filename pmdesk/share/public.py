"""The public version of a postmortem: redacted, linted, and written as Markdown or PDF."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from pmdesk.errors import PmdeskError
from pmdesk.lint import Finding, lint
from pmdesk.models import Postmortem, Store
from pmdesk.share.fields import text_fields
from pmdesk.share.redact import RedactionChoices, RedactionPlan, plan_redaction

PUBLIC_NOTE = (
    "Public version: names, contact details, internal systems and internal sections have been "
    "replaced or left out."
)


@dataclass(frozen=True)
class PublicFinding:
    """Blame language left in the public text, and where."""

    label: str
    text: str
    finding: Finding

    def line(self) -> str:
        quoted = self.text[self.finding.start : self.finding.end]
        return f"{self.label}: “{quoted}” — {self.finding.message}"


@dataclass
class PublicVersion:
    plan: RedactionPlan
    findings: list[PublicFinding]

    @property
    def postmortem(self) -> Postmortem:
        return self.plan.public


def load_choices(store: Store, pm_id: int) -> RedactionChoices:
    """The facilitator's saved choices for this postmortem, or pmdesk's proposal."""
    saved = store.public_choices(pm_id)
    return RedactionChoices() if saved is None else RedactionChoices.from_json(saved)


def save_choices(store: Store, pm_id: int, choices: RedactionChoices) -> None:
    store.set_public_choices(pm_id, choices.to_json())


# The linter reads "Engineer A forgot…" as a role and a letter, not as a person acting, so each
# person placeholder is linted as a given name of the same length: offsets stay those of the
# public text, and a named person's blame is still found once the name is gone.
_STAND_INS = {10: "Maximilian", 11: "Christopher"}
_PERSON_PLACEHOLDER = re.compile(r"Engineer [A-Z]{1,2}\b")


def _as_people(text: str) -> str:
    return _PERSON_PLACEHOLDER.sub(lambda m: _STAND_INS[len(m.group())], text)


def public_version(pm: Postmortem, choices: RedactionChoices | None = None) -> PublicVersion:
    """Redact `pm` as `choices` say, then lint what a reader would see."""
    plan = plan_redaction(pm, choices)
    findings = []
    for f in text_fields(plan.public):
        if f.path.startswith("authors.") or f.path.endswith((".owner", ".source")):
            continue
        findings += [
            PublicFinding(f.label, f.text, finding)
            for finding in lint(_as_people(f.text), list(_STAND_INS.values()))
            if finding.is_warning
        ]
    return PublicVersion(plan, findings)


def public_version_job(
    generation: int, pm: Postmortem, choices: RedactionChoices
) -> tuple[int, PublicVersion | PmdeskError]:
    """public_version() as the window asks its lint process for it: with the number of the
    request it answers, and a PmdeskError as a value, which is the window's to say."""
    try:
        return generation, public_version(pm, choices)
    except PmdeskError as exc:
        return generation, exc


def render_public_markdown(public: Postmortem) -> str:
    """The Markdown of a redacted copy, saying under its title that it is the public version."""
    from pmdesk.export.markdown import render_markdown

    text = render_markdown(public)
    head, sep, rest = text.partition("\n# ")
    title, newline, body = rest.partition("\n")
    return f"{head}{sep}{title}{newline}\n> {PUBLIC_NOTE}\n{body}"


def export_public(
    public: Postmortem, path: str | os.PathLike[str], fmt: str, *, page_size: str | None = None
) -> int | None:
    """Write the redacted copy as "md" or "pdf"; a PDF returns its page count."""
    if fmt == "pdf":
        from pmdesk.export.pdf import export_pdf

        return export_pdf(public, path, page_size=page_size, public=True)
    from pmdesk.files import write_atomically

    write_atomically(path, render_public_markdown(public).encode("utf-8"))
    return None
