"""The projector's flags carry the words they were found in."""

from datetime import date

from pmdesk.meeting import ProjectorText, projector_flags
from pmdesk.models import ActionItem, Postmortem

DUE = date(2026, 4, 1)


def test_a_chain_that_stops_at_a_person_and_an_action_aimed_at_one_are_flagged():
    pm = Postmortem(title="t")
    pm.whys = ["Checkout failed.", "  ", "The engineer made a mistake."]
    pm.action_items = [
        ActionItem(action="Retrain John", owner="Sam", due_date=DUE),
        ActionItem(action="Add an alert on queue depth", owner="Sam", due_date=DUE),
    ]
    text = ProjectorText.of(pm)
    assert text.whys == ("Checkout failed.", "The engineer made a mistake.")
    flags = projector_flags(text)
    assert flags.text == text
    assert flags.chain_stops_at_person
    assert flags.action_problems[0] and flags.action_problems[1] == ""


def test_other_words_are_other_text():
    pm = Postmortem(title="t")
    pm.whys = ["Checkout failed."]
    before = ProjectorText.of(pm)
    pm.whys = ["Checkout failed.", "The pool was too small."]
    assert ProjectorText.of(pm) != before
