"""Evidence status from the words of the telling: one test per status and role."""

from __future__ import annotations

import pytest

from ingest.extract.status import evidence_status, has_cue
from ingest.lexicon import load_lexicon

LEX = load_lexicon()


def status(sentence: str, before: str = "", after: str = "", role: str = "telling") -> str:
    return evidence_status(sentence, before, after, role=role, lexicon=LEX)  # type: ignore[arg-type]


def test_first_hand_telling_is_stated() -> None:
    assert status("I resigned over a month later.") == "stated"
    assert status("The secretary reprimanded me for my conduct.") == "stated"


@pytest.mark.parametrize(
    "sentence",
    [
        "One source tells me that a full-timer was expelled.",
        "As I later learned, there had been many complaints about him.",
        "I was not present, but found out afterwards that the group was banned.",
        "I heard from other members that she was suspended.",
    ],
)
def test_hearsay_is_reported(sentence: str) -> None:
    assert status(sentence) == "reported"


@pytest.mark.parametrize(
    "sentence",
    [
        "I believe the organiser was protected by the committee.",
        "It seemed as if the leadership was anxious that I would leave.",
        "I think the chair knew all along.",
    ],
)
def test_opinion_is_believed(sentence: str) -> None:
    assert status(sentence) == "believed"


def test_the_narrators_charges_against_an_organisation_are_alleged() -> None:
    assert status("The leadership spread lies about my departure.") == "alleged"
    assert status("The committee knowingly sent members to his home.") == "alleged"


def test_an_accusation_is_never_stated() -> None:
    assert status("My friend was sexually assaulted by a cadre.", role="accusation") == "alleged"


def test_an_admission_is_admitted() -> None:
    assert status("He had confessed and admitted he needed help.", role="accusation") == "admitted"


def test_a_denial_is_denied() -> None:
    assert status("Since he had denied the allegations, nothing happened.", role="accusation") == "denied"
    assert status("I have been assured that these allegations were false.", role="accusation") == "denied"


def test_a_ruling_is_found() -> None:
    assert status("The commission found the perpetrator guilty of sexual assault.", role="accusation") == "found"


def test_a_ruling_in_the_next_sentence_counts() -> None:
    assert status("He assaulted her.", after="The panel found him guilty.", role="accusation") == "found"


def test_hearsay_in_the_next_sentence_does_not_count() -> None:
    # Only rulings, admissions and denials reach across sentences.
    assert status("He was expelled.", after="One source tells me more.") == "stated"


def test_the_narrators_own_experience_is_stated_unless_ruled_on() -> None:
    assert status("He sexually harassed me at the school.", role="experience") == "stated"
    assert status("He harassed me.", after="A panel found him guilty.", role="experience") == "found"


def test_curly_apostrophes_are_read_like_straight_ones() -> None:
    assert has_cue("reported", "I’ve since learned that he left", LEX)


def test_a_third_party_target_is_alleged_unless_ruled_on() -> None:
    assert status("He assaulted her.", after="He later admitted it.", role="target") == "alleged"
    assert status("He assaulted her.", after="The panel found him guilty.", role="target") == "found"
