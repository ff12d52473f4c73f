"""Live flags: the finding, the rewrite to accept, and the prompt to say aloud."""

from datetime import date

from pmdesk.meeting import flag_near, flags_for_action, flags_for_text, flags_for_whys

SYSTEM = "X did Y because the system allowed, encouraged or required it — what about the system?"
NOT_HERE = (
    "We're not here to evaluate individual performance — today we're asking what the system "
    "made possible."
)


def test_a_named_person_who_should_have_is_flagged_with_a_rewrite_and_a_prompt():
    text = "Sam should have caught this"
    [flag] = flags_for_text(text, ["Sam Whitaker"])
    assert flag.label == "What someone should have done"
    assert flag.prompt == SYSTEM
    rewritten = flag.rewritten(text)
    assert rewritten and "Sam" not in rewritten
    assert flags_for_text(rewritten, ["Sam Whitaker"]) == []


def test_judgement_gets_the_not_here_to_evaluate_prompt():
    [flag] = flags_for_text("He was careless with the config.")
    assert flag.category == "judgmental"
    assert flag.prompt == NOT_HERE


def test_neutral_notes_are_not_flagged():
    assert flags_for_text("Dana acknowledged the page at 14:13.", ["Dana Okafor"]) == []


def test_rewrite_keeps_the_text_around_the_flag():
    text = "First note.\nSam should have caught this.\nLast note."
    [flag] = flags_for_text(text, ["Sam"])
    after = flag.rewritten(text)
    assert after.startswith("First note.\n") and after.endswith("\nLast note.")


def test_a_chain_ending_at_a_person_asks_why_once_more():
    [flag] = flags_for_whys(["Checkout failed.", "The engineer made a mistake."], "")
    assert flag.where == "why 2"
    assert "ask why once more" in flag.prompt
    assert flags_for_whys(["Checkout failed.", "The pool was too small."], "") == []


def test_action_flags_put_blame_words_first_and_name_missing_fields():
    flags = flags_for_action("Hold Sam accountable", "", None, ["Sam"])
    assert flags[0].category == "punitive" and flags[0].prompt == NOT_HERE
    [incomplete] = flags[1:]
    assert incomplete.where == "owner,due_date" and incomplete.replacement is None
    assert incomplete.message.startswith("No owner and no due date yet")


def test_action_rewrites_replace_the_whole_action():
    [flag] = flags_for_action("Retrain John", "Priya", date(2026, 4, 1))
    assert flag.category == "action-targets-person"
    assert flag.rewritten("Retrain John") == flag.replacement
    assert "check, a guardrail, automation" in flag.replacement


def test_the_flag_at_the_cursor_wins():
    text = "Sam should have caught this. Later, he was careless."
    flags = flags_for_text(text, ["Sam"])
    assert [f.category for f in flags] == ["counterfactual", "judgmental"]
    assert flag_near(flags, 3).category == "counterfactual"
    assert flag_near(flags, len(text)).category == "judgmental"
    assert flag_near([], 0) is None
