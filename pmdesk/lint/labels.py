"""What each finding category is called on screen, in the editor and in meeting mode alike."""

from __future__ import annotations

CATEGORY_LABELS = {
    "named-agent": "A person as the cause",
    "counterfactual": "What someone should have done",
    "judgmental": "Judgement of a person",
    "human-error-cause": "Human error as the cause",
    "hindsight": "Hindsight",
    "group-blame": "Blame on a group",
    "preventable": "Fault and blame talk",
    "punitive": "Punishment",
    "five-whys": "The chain stops at a person",
    "action-item": "An action aimed at a person, or too vague to finish",
}


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category.replace("-", " ").capitalize())
