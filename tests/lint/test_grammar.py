"""The English pipeline as pmdesk.lint.grammar loads it."""

from __future__ import annotations

from pmdesk.lint import grammar


def test_the_tokenizer_saved_with_the_pipeline_is_the_one_spacy_builds():
    # grammar.pipeline() does not read the saved tokenizer: the same one is built from
    # spaCy's English defaults (with pmdesk's token_match), so nothing reads differently
    spacy = grammar.import_spacy()
    components = ["tok2vec", "tagger", "parser", "ner", "senter", "attribute_ruler", "lemmatizer"]
    saved = spacy.load(grammar.MODEL, exclude=components)
    built = spacy.load(grammar.MODEL, exclude=[*components, "tokenizer"])
    rules = {"exclude": ["vocab"]}  # (the vocabulary grows with every text read)
    assert saved.tokenizer.to_bytes(**rules) == built.tokenizer.to_bytes(**rules)
    # and ours is that one with its own token_match and chat's "shoulda" as two words
    saved.tokenizer.token_match = grammar._ONE_WORD.match
    for word, pieces in grammar._chat_perfects().items():
        saved.tokenizer.add_special_case(word, pieces)
    assert grammar.pipeline().tokenizer.to_bytes(**rules) == saved.tokenizer.to_bytes(**rules)


def test_chat_perfects_parse_as_modal_have_participle():
    doc = grammar.parse_one("he shoulda called me before leaving")
    assert [t.text for t in doc][:4] == ["he", "should", "a", "called"]
    assert doc[2].norm_ == "have" and doc[2].dep_ == "aux" and doc[3].tag_ == "VBN"


def test_handles_hyphenated_names_and_checks_stay_one_word():
    doc = grammar.parse_one("@arjun-k and Hyun-woo double-checked the dry-run.")
    words = [t.text for t in doc]
    assert "@arjun-k" in words and "Hyun-woo" in words
    assert "double-checked" in words and "dry-run" in words
