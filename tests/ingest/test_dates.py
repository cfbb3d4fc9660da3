"""Dates: absolute, partial and relative, with and without the account's own date."""

from __future__ import annotations

import pytest

from ingest.extract.dates import find_dates, first_date, normalise_date, shift_iso
from ingest.lexicon import load_lexicon

LEX = load_lexicon()


def _dates(text: str, anchor: str | None = None, reference: str | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in find_dates(text, anchor, reference, lexicon=LEX)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It happened on 2020-02-07.", [("2020-02-07", "2020-02-07")]),
        ("It happened on June 23, 2022.", [("June 23, 2022", "2022-06-23")]),
        ("It happened on 23 June 2022.", [("23 June 2022", "2022-06-23")]),
        ("It happened on Friday, 7th of February 2020.", [("Friday, 7th of February 2020", "2020-02-07")]),
    ],
)
def test_absolute_dates_are_exact_to_the_day(text: str, expected: list) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In early 2018, I joined the party.", [("In early 2018", "2018")]),
        ("In the summer of 2021, a comrade was assaulted.", [("the summer of 2021", "2021")]),
        ("in June 2021 the branch split", [("June 2021", "2021-06")]),
        ("in March of 2019 we met", [("March of 2019", "2019-03")]),
        ("mid-2017 was hard", [("mid-2017", "2017")]),
        ("since first becoming involved in 2011", [("2011", "2011")]),
    ],
)
def test_partial_dates_keep_only_the_precision_the_words_give(text: str, expected: list) -> None:
    assert _dates(text) == expected


def test_relative_dates_resolve_against_the_account_date() -> None:
    anchor = "2020-03-15"
    assert _dates("late last year", anchor) == [("late last year", "2019")]
    assert _dates("earlier this year", anchor) == [("this year", "2020")]
    assert _dates("last month", anchor) == [("last month", "2020-02")]
    assert _dates("two years ago", anchor) == [("two years ago", "2018")]
    # A month without a year is the latest such month on or before the account's date.
    assert _dates("in early December", anchor) == [("in early December", "2019-12")]
    assert _dates("On Friday, February 7, I received", anchor) == [("Friday, February 7", "2020-02-07")]


def test_relative_dates_without_the_account_date_keep_only_their_words() -> None:
    assert _dates("late last year") == [("late last year", None)]
    assert _dates("in early December") == [("in early December", None)]
    assert _dates("two years ago") == [("two years ago", None)]


def test_offsets_count_from_the_reference_date() -> None:
    assert _dates("about a year after I joined", reference="2018") == [("about a year after", "2019")]
    assert _dates("six months later", reference="2021-03") == [("six months later", "2021-09")]
    assert _dates("about a year after I joined") == [("about a year after", None)]


def test_the_verb_may_is_no_month() -> None:
    assert _dates("I may go, and may 5 people come.") == []


def test_spans_are_offsets_into_the_text() -> None:
    text = "Back then. In early 2018, I joined."
    (found,) = find_dates(text, lexicon=LEX, offset=100)
    assert text[found.start - 100:found.end - 100] == found.text


def test_first_date_prefers_a_resolvable_one() -> None:
    found = first_date("Last week, in 2019, it began.", lexicon=LEX)
    assert found is not None and found.iso == "2019"


def test_normalise_date_and_shift() -> None:
    assert normalise_date("June 23, 2022", LEX) == "2022-06-23"
    assert normalise_date("2022-06-23", LEX) == "2022-06-23"
    assert normalise_date("", LEX) is None
    assert shift_iso("2021-01", months=-2) == "2020-11"
    assert shift_iso("2020-02-07", years=1) == "2021-02-07"
