"""A new postmortem from the template: every section present, nothing filled in yet."""

from __future__ import annotations

from datetime import date

from pmdesk.models.postmortem import ContributingFactor, Postmortem

#: the checklist every new postmortem starts with; tick what applied, remove the rest
DEFAULT_FACTORS = (
    "A recent change (code, configuration, infrastructure)",
    "Monitoring or alerting did not detect it quickly",
    "Capacity, load or traffic pattern",
    "A dependency or third party failed",
    "Runbook or documentation was missing or out of date",
    "Testing or review did not cover the case",
)


def new_postmortem(today: date, authors: list[str] | None = None) -> Postmortem:
    return Postmortem(
        title="Untitled postmortem",
        incident_date=today,
        authors=list(authors or []),
        whys=[""],
        contributing_factors=[ContributingFactor(text) for text in DEFAULT_FACTORS],
    )
