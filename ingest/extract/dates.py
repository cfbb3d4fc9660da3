"""Dates in an account's words: found, kept verbatim, normalised to ISO 8601.

Each value type gets one module with a ``clean`` step and the original string
kept beside the cleaned one (followthemoney's habit): a :class:`DateMention`
holds the words (``text``, the future ``date_text``) and, when the text allows,
``iso``: ``"2018"``, ``"2021-06"`` or ``"2020-02-07"``, never more precise than
the words. Relative dates ("late last year", "two years ago", "in December")
are resolved against an *anchor*, the account's own date, and left with
``iso=None`` when there is none. "A year after I joined" is resolved against a
*reference* date the caller supplies (the date of the thing it is after).

Vocabulary (months, seasons, qualifiers, number words) is the lexicon's
``dates`` section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

__all__ = ["DateMention", "find_dates", "first_date", "normalise_date", "shift_iso"]


@dataclass(frozen=True)
class DateMention:
    """One date expression: ``text == source[start:end]``; ``iso`` when resolvable."""

    start: int
    end: int
    text: str
    iso: str | None


_DEFAULT_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}


@dataclass(frozen=True)
class _Patterns:
    months: Mapping[str, int]
    numbers: Mapping[str, int]
    ordered: tuple[tuple[str, re.Pattern[str]], ...]


def _alternation(words: list[str]) -> str:
    # Longest first, so "sept" wins over "sep" and "a couple of" over "a".
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _compile(months_key: tuple[tuple[str, int], ...], seasons_key: tuple[str, ...],
             qualifiers_key: tuple[str, ...], numbers_key: tuple[tuple[str, int], ...]) -> _Patterns:
    months = dict(months_key)
    month = _alternation(list(months))
    full_month = _alternation([m for m in months if len(m) > 3])
    season = _alternation(list(seasons_key))
    qual = _alternation(list(qualifiers_key))
    number = _alternation(list(dict(numbers_key))) + r"|\d{1,2}"
    year = r"(?:1[89]\d\d|20\d\d)"
    weekday = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"
    lead = rf"(?:(?:in\s+)?(?:the\s+)?(?:{qual})[\s-]+(?:of\s+)?)?"
    ordered = (
        ("iso", re.compile(rf"\b(?P<y>{year})-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?\b")),
        ("month_day", re.compile(
            rf"\b{weekday}?(?P<month>{month})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{year})\b)?",
            re.IGNORECASE)),
        ("day_month", re.compile(
            rf"\b{weekday}?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})\b(?:,?\s+(?P<y>{year})\b)?",
            re.IGNORECASE)),
        ("season_year", re.compile(
            rf"\b{lead}(?:the\s+)?(?P<season>{season})\s+(?:of\s+)?(?P<y>{year})\b", re.IGNORECASE)),
        ("month_year", re.compile(rf"\b{lead}(?P<month>{month})\.?,?\s+(?:of\s+)?(?P<y>{year})\b", re.IGNORECASE)),
        ("year", re.compile(rf"\b{lead}(?P<y>{year})\b(?!-)", re.IGNORECASE)),
        ("relative", re.compile(
            rf"\b{lead}(?P<rel>last|this|past|previous|next)\s+(?P<unit>year|month|{season})\b", re.IGNORECASE)),
        ("ago", re.compile(rf"\b(?P<n>{number})\s+(?P<unit>years?|months?)\s+ago\b", re.IGNORECASE)),
        ("offset", re.compile(
            rf"\b(?:about\s+|roughly\s+|around\s+|over\s+)?(?P<n>{number})\s+(?P<unit>years?|months?)\s+"
            rf"(?P<dir>after|later|before|earlier)\b", re.IGNORECASE)),
        # A bare month ("in early December"): capitalised only, so the verb "may" never counts.
        ("month", re.compile(rf"\b{lead}(?P<month>{full_month})\b", re.IGNORECASE)),
    )
    return _Patterns(months, dict(numbers_key), ordered)


_SEEN: dict[int, tuple[Any, _Patterns]] = {}


def _patterns(lexicon: Mapping[str, Any] | None) -> _Patterns:
    section = (lexicon or {}).get("dates") or {}
    seen = _SEEN.get(id(section))
    if seen is not None and seen[0] is section:
        return seen[1]
    result = _patterns_of(section)
    _SEEN.clear()
    _SEEN[id(section)] = (section, result)
    return result


def _patterns_of(section: Mapping[str, Any]) -> _Patterns:
    months = section.get("months") or _DEFAULT_MONTHS
    seasons = section.get("seasons") or ["spring", "summer", "autumn", "fall", "winter"]
    qualifiers = section.get("qualifiers") or ["early", "late", "mid"]
    numbers = section.get("numbers") or {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
    return _compile(
        tuple(sorted((str(k).lower(), int(v)) for k, v in months.items())),
        tuple(str(s).lower() for s in seasons),
        tuple(str(q).lower() for q in qualifiers),
        tuple(sorted((str(k).lower(), int(v)) for k, v in numbers.items())),
    )


def shift_iso(iso: str, years: int = 0, months: int = 0) -> str:
    """Move an ISO date by whole years or months, keeping its precision.

    >>> shift_iso("2018", years=1)
    '2019'
    >>> shift_iso("2022-02-07", months=-3)
    '2021-11'
    """
    parts = iso.split("-")
    year = int(parts[0]) + years
    if months and len(parts) >= 2:
        total = year * 12 + int(parts[1]) - 1 + months
        return f"{total // 12:04d}-{total % 12 + 1:02d}"
    if len(parts) == 1:
        return f"{year:04d}"
    return "-".join([f"{year:04d}", *parts[1:]])


def _number(value: str, numbers: Mapping[str, int]) -> int:
    value = re.sub(r"\s+", " ", value.lower())
    return int(value) if value.isdigit() else numbers.get(value, 1)


def _resolve(kind: str, m: re.Match[str], pats: _Patterns, anchor: str | None, reference: str | None) -> str | None:
    groups = m.groupdict()
    year = groups.get("y")
    if kind == "iso":
        return m.group(0)
    if kind in ("month_day", "day_month", "month_year", "month"):
        month = pats.months[re.sub(r"\s+", " ", groups["month"].lower())]
        day = int(groups["d"]) if groups.get("d") else None
        if day is not None and not 1 <= day <= 31:
            return None
        if year is None:
            if anchor is None:
                return None
            # A day or month without a year is the latest one on or before the account's date.
            anchor_year, anchor_month = int(anchor[:4]), int(anchor[5:7]) if len(anchor) >= 7 else 12
            year = str(anchor_year if month <= anchor_month else anchor_year - 1)
        return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
    if kind in ("season_year", "year"):
        return year
    if kind == "relative":
        if anchor is None:
            return None
        rel, unit = groups["rel"].lower(), groups["unit"].lower()
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[rel]
        if unit == "month":
            return shift_iso(anchor[:7], months=step) if len(anchor) >= 7 else None
        return shift_iso(anchor[:4], years=step)
    if kind in ("ago", "offset"):
        base = anchor if kind == "ago" else reference
        if base is None:
            return None
        n = _number(groups["n"], pats.numbers)
        sign = -1 if kind == "ago" or groups["dir"].lower() in ("before", "earlier") else 1
        if groups["unit"].lower().startswith("year"):
            return shift_iso(base[:4], years=sign * n)
        return shift_iso(base[:7], months=sign * n) if len(base) >= 7 else None
    return None


def find_dates(text: str, anchor: str | None = None, reference: str | None = None, *,
               offset: int = 0, lexicon: Mapping[str, Any] | None = None) -> list[DateMention]:
    """Every date expression in ``text``, left to right, none overlapping.

    ``anchor`` is the account's date (ISO); ``reference`` the date that
    "N years after/later" counts from; ``offset`` is added to the spans.

    >>> [(d.text, d.iso) for d in find_dates("In early 2018, I joined; on Friday, February 7 I got an email.")]
    [('In early 2018', '2018'), ('Friday, February 7', None)]
    >>> [(d.text, d.iso) for d in find_dates("late last year", anchor="2020-03-01")]
    [('late last year', '2019')]
    """
    pats = _patterns(lexicon)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in pats.ordered:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if any(start < e and s < end for s, e in taken):
                continue
            if kind == "month" and not m.group("month")[0].isupper():
                continue
            if kind in ("month_day", "day_month") and m.group("month")[0].islower() and len(m.group("month")) <= 3:
                continue  # "may 5" as a verb, "mar" as a word: abbreviations count only capitalised
            taken.append((start, end))
            found.append(DateMention(start + offset, end + offset, m.group(0), _resolve(kind, m, pats, anchor, reference)))
    return sorted(found, key=lambda d: d.start)


def first_date(text: str, anchor: str | None = None, reference: str | None = None, *,
               offset: int = 0, lexicon: Mapping[str, Any] | None = None) -> DateMention | None:
    """The most informative date in ``text``: the first resolvable one, else the first."""
    dates = find_dates(text, anchor, reference, offset=offset, lexicon=lexicon)
    for d in dates:
        if d.iso:
            return d
    return dates[0] if dates else None


def normalise_date(value: str | None, lexicon: Mapping[str, Any] | None = None) -> str | None:
    """An account's own date ("June 23, 2022", "2022-06-23") as ISO, or None.

    >>> normalise_date("June 23, 2022")
    '2022-06-23'
    >>> normalise_date("sometime") is None
    True
    """
    if not value:
        return None
    for d in find_dates(str(value), lexicon=lexicon):
        if d.iso:
            return d.iso
    return None
