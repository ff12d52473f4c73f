"""Markdown awareness: code, URLs, front matter and quotes are skipped; suppression works."""

from __future__ import annotations

import pytest

from pmdesk.lint import allow_comment, lint

BLAME = "Priya pushed the broken config."


def categories(text: str) -> set[str]:
    return {f.category for f in lint(text) if f.is_warning}


@pytest.mark.parametrize(
    "text",
    [
        f"Run `{BLAME}` to see it.",
        f"```\n{BLAME}\n```\n",
        f"Intro.\n\n    {BLAME}\n",
        f"---\ntitle: {BLAME}\n---\nThe alert fired.\n",
        "See https://example.com/this-was-preventable for details.",
        'The draft said "this was preventable", and we rewrote it.',
    ],
)
def test_code_urls_front_matter_and_quotes_are_skipped(text):
    assert categories(text) == set()


def test_a_quoted_clause_is_reported_speech_and_is_judged():
    """A word or phrase in quotes is talk about language; a whole clause in quotes is what
    someone said, and blame said by a manager in an e-mail is blame in the postmortem."""
    assert "punitive" in categories(
        "Director's e-mail: 'Whoever approved this change will face disciplinary action.'"
    )
    assert categories("We no longer write 'human error' in the root cause.") == set()
    # a short quote after a label and a colon is what someone wrote on the board
    assert "punitive" in categories("Retro note: 'Pull her deploy rights for a month.'")


def test_a_quoted_message_a_program_showed_is_not_speech():
    text = 'The installer showed the message "you made a mistake in the licence key, try again".'
    assert categories(text) == set()


def test_findings_in_lists_and_tables_point_at_the_original_text():
    text = "# Timeline\n\n- 14:05 Priya pushed the broken config.\n\n| time | what |\n|---|---|\n| 14:06 | This was preventable. |\n"
    found = [f for f in lint(text) if f.is_warning]
    assert [f.category for f in found] == ["named-agent", "preventable"]
    assert text[found[0].start : found[0].end] == "Priya pushed the broken config"
    assert text[found[1].start : found[1].end] == "preventable"


def test_allow_comment_suppresses_one_category_for_its_passage_only():
    comment = allow_comment("preventable")
    assert comment == "<!-- pmdesk: allow preventable -->"
    text = f"{comment}\nThis was preventable, said the draft.\n\nThis was preventable."
    found = [f for f in lint(text) if f.is_warning]
    assert len(found) == 1 and found[0].start > text.index("\n\n")
    assert categories(f"{comment} {BLAME}") == {"named-agent"}


def test_allow_comment_rejects_junk():
    with pytest.raises(ValueError):
        allow_comment("not a category -->")


def test_a_sentence_split_across_lines_is_still_one_sentence():
    assert categories("Priya pushed the\nbroken config to prod.") == {"named-agent"}


def test_an_initial_before_a_surname_ends_no_sentence():
    # split at "J.", the person and the harm fell into two sentences and neither was blame
    text = "The batch was lost because technician K. Osei reset the controller mid-cycle."
    assert categories(text) == {"named-agent"}
    found = [f for f in lint(text) if f.is_warning]
    assert found[0].start < text.index("K.") < found[0].end


def test_a_capital_letter_that_ends_a_sentence_still_ends_it():
    from pmdesk.lint.markdown import make_view

    text = "We switched to plan B. The queue drained by noon."
    view = make_view(text)
    assert [text[a:b] for a, b in view.sentences] == [
        "We switched to plan B.",
        "The queue drained by noon.",
    ]


@pytest.mark.parametrize(
    "opener",
    [
        "Honestly, ",
        "So ",
        "I think ",
        "Frankly ",
        "ok so ",
        "Retro note: to be fair, ",
        "Unfortunately, ",
        "At 14:05 on Friday, ",
        "Before the cutover, ",
    ],
)
def test_a_speakers_opener_does_not_hide_the_claim_after_it(opener):
    # "Honestly," and "So" are how someone talks, not what they say: the claim is judged
    # without them, once, and the finding points into the claim
    claim = "whoever merged the schema change was supposed to run it on a copy first."
    text = opener + claim
    found = [f for f in lint(text) if f.is_warning]
    assert [f.category for f in found].count("counterfactual") == 1
    assert all(f.start >= text.index("whoever") for f in found)
    assert categories(opener + "the rollback finished at 14:10 and errors fell.") == set()


@pytest.mark.parametrize("tail", [" lol", " smh", ", tbh.", " 🤦", " :facepalm:"])
def test_what_chat_puts_after_a_claim_does_not_hide_it(tail):
    text = "Totally unacceptable" + tail
    found = [f for f in lint(text) if f.is_warning]
    assert [f.category for f in found] == ["judgmental"]  # (once, not once per reading)
    assert categories("the deploy went out at 14:05" + tail) == set()
