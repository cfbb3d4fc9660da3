"""Sentence and paragraph splitting keeps offsets into the text."""

from __future__ import annotations

from ingest.extract.text import paragraphs, sentences


def test_sentences_keep_offsets():
    text = "I joined in 2018. Then I left!\n\nMr. Smith stayed. “Why?” she asked."
    spans = sentences(text)
    assert [s.text for s in spans] == ["I joined in 2018.", "Then I left!", "Mr. Smith stayed.", "“Why?” she asked."]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_sentences_never_cross_paragraphs():
    text = "First line without stop\n\nSecond paragraph. Two sentences."
    assert [s.text for s in sentences(text)] == ["First line without stop", "Second paragraph.", "Two sentences."]


def test_paragraphs():
    text = "One\ncontinued\n\n\nTwo"
    spans = paragraphs(text)
    assert [p.text for p in spans] == ["One\ncontinued", "Two"]
    assert all(text[p.start : p.end] == p.text for p in spans)


def test_abbreviations_do_not_end_sentences():
    assert len(sentences("We met Dr. Jones at 5 p.m. on Monday. He left.")) >= 2
    assert sentences("See e.g. the minutes. Then vote.")[0].text == "See e.g. the minutes."


def test_text_written_in_lower_case_splits_at_lowercase_openings():
    text = "i joined in 2019. he was kind at first. then he shoved me. i left in may."
    assert [s.text for s in sentences(text)] == [
        "i joined in 2019.", "he was kind at first.", "then he shoved me.", "i left in may."]


def test_an_odd_lowercase_opening_in_ordinary_text_does_not_split():
    text = "We met at 5 p.m. on Monday. She was late. He left. They stayed. It ended."
    assert "We met at 5 p.m. on Monday." in [s.text for s in sentences(text)]
