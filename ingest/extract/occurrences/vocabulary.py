"""The occurrence stage's vocabulary, compiled once per lexicon.

Lexicon entries (``triggers`` and ``occurrence_cues``) are case-insensitive
regular expressions matched at word boundaries, where a space matches any
white space (and a quote mark opening the next word) and ``~`` lets up to four
words stand between two parts. This module turns them into compiled patterns;
nothing else reads those sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

__all__ = ["Trigger", "Vocabulary", "vocabulary", "compile_entries"]

_GAP = r"(?:\s+[\w’'“”\"-]+){0,4}\s+"
_OCCURRENCE_LABELS = ("Incident", "Response", "Event")


# "(?:\w+ ){0,5}" in an entry lets words stand between two parts; a comma or an
# apostrophe among them ("asked the chair, Anita Ross, whether", "the HGOs'
# finding") must not break the match.
_LOOSE_WORD = r"(?:[\w’'-]+,?\s+)"


# Reported speech opens a quotation inside a trigger ("said he would “make sure
# he never ...”", "should “think about her job”"): a word may open with a quote mark.
_SPACE = r"\s+[“\"]?"


def _entry(entry: str) -> str:
    held = entry.replace(" ~ ", _GAP).replace(r"(?:\w+ )", "\x00")
    return _spaces_outside_classes(held).replace("\x00", _LOOSE_WORD)


def _spaces_outside_classes(pattern: str) -> str:
    """Each space between an entry's words matches white space and a quote mark
    opening the next word; inside a character class ("talking[- ]to") it
    matches one white-space character."""
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[" and not in_class:
            out.append(char)
            in_class = True
        elif char == "]" and in_class:
            out.append(char)
            in_class = False
        elif char == " ":
            out.append(r"\s" if in_class else _SPACE)
        else:
            out.append(char)
    return "".join(out)


def compile_entries(entries: list[str] | tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One pattern matching any entry at word boundaries (None when there are none).

    >>> compile_entries(["told", "came forward"]).search("she came  forward to the EC").group(0)
    'came  forward'
    >>> compile_entries(["told"]).search("she retold it") is None
    True
    >>> compile_entries(['called me ["“]']).search('he called me “a liar”').group(0)
    'called me “'
    """
    if not entries:
        return None
    body = "|".join(f"(?:{_entry(str(e))})" for e in sorted(entries, key=len, reverse=True))
    # The closing boundary binds only a match that ends in a word character: an entry
    # may end at an opening quote ('called me ["“]') and the quoted word go on.
    return re.compile(rf"(?<![\w’'])(?:{body})(?:(?<![\w])|(?![\w]))", flags)


@dataclass(frozen=True)
class Trigger:
    """A compiled trigger family: every entry of one label and kind."""

    label: str
    kind: str
    pattern: re.Pattern[str]
    # The same entries lowercased, for lowercased text: matching without
    # IGNORECASE is about 40% faster. None when an entry reads case ("(?-i:...)").
    lowered: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Vocabulary:
    triggers: tuple[Trigger, ...]
    generic: re.Pattern[str] | None
    narrative: re.Pattern[str] | None
    end_of_account: re.Pattern[str] | None
    reporting: re.Pattern[str] | None
    witnessing: re.Pattern[str] | None
    first_person: re.Pattern[str] | None
    first_person_object: re.Pattern[str] | None
    consequence: re.Pattern[str] | None
    cause_follows: re.Pattern[str] | None
    anaphora: re.Pattern[str] | None
    agent: re.Pattern[str] | None
    pronouns: tuple[tuple[str, re.Pattern[str]], ...]
    # A line opening with a date ("- 23 July 2016.", "3 March", "Monday 4 May
    # 2020:"): an entry of a timeline or diary, which narrates in the present.
    entry_date: re.Pattern[str] | None = None


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple((k, _freeze(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple) and value and all(isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str) for v in value):
        return {k: _thaw(v) for k, v in value}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def vocabulary(lexicon: Mapping[str, Any]) -> Vocabulary:
    """The compiled vocabulary of ``lexicon`` (cached on its occurrence sections)."""
    return _build(_freeze(lexicon.get("triggers") or {}), _freeze(lexicon.get("occurrence_cues") or {}),
                  tuple(str(m) for m in (lexicon.get("dates") or {}).get("months") or ()),
                  tuple(str(m) for m in (lexicon.get("dates") or {}).get("seasons") or ()))


def _lower_pattern(entry: str) -> str:
    """``entry`` lower-cased outside its escapes (``\\S`` lowered would be ``\\s``, another class)."""
    out: list[str] = []
    escaped = False
    for char in entry:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)


@lru_cache(maxsize=8)
def _build(triggers_key: Any, cues_key: Any, months: tuple[str, ...] = (), seasons: tuple[str, ...] = ()) -> Vocabulary:
    triggers = _thaw(triggers_key) or {}
    cues = _thaw(cues_key) or {}
    compiled: list[Trigger] = []
    for label in _OCCURRENCE_LABELS:
        for kind, entries in (triggers.get(label) or {}).items():
            words = [str(e) for e in entries or ()]
            pattern = compile_entries(words)
            if pattern is not None:
                lowered = None if any("(?-i" in w for w in words) else compile_entries([_lower_pattern(w) for w in words], flags=0)
                compiled.append(Trigger(label, str(kind), pattern, lowered))
    pronouns = tuple(
        (gender, pattern)
        for gender, words in (cues.get("pronouns") or {}).items()
        if (pattern := compile_entries(list(words))) is not None
    )
    return Vocabulary(
        triggers=tuple(compiled),
        generic=compile_entries(list(triggers.get("generic") or ())),
        narrative=compile_entries(list(triggers.get("narrative") or ())),
        end_of_account=compile_entries(list(triggers.get("end_of_account") or ()), flags=re.IGNORECASE | re.MULTILINE),
        reporting=compile_entries(list(cues.get("reporting") or ())),
        witnessing=compile_entries(list(cues.get("witnessing") or ())),
        first_person=compile_entries(list(cues.get("first_person") or ())),
        first_person_object=compile_entries(list(cues.get("first_person_object") or ())),
        consequence=compile_entries(list(cues.get("consequence") or ())),
        cause_follows=compile_entries(list(cues.get("cause_follows") or ())),
        anaphora=compile_entries(list(cues.get("anaphora") or ())),
        agent=compile_entries(list(cues.get("agent") or ())),
        pronouns=pronouns,
        entry_date=_entry_date(months, seasons),
    )


def _entry_date(months: tuple[str, ...], seasons: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    if not months:
        return None
    month = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    # A season, or a bare year set off by a dash or colon ("Autumn 2017 —",
    # "2018 (all year) —"), opens a timeline's entry as a month does.
    season = "|".join(re.escape(s) for s in seasons)
    in_season = rf"|(?:{season})\s+\d{{4}}" if season else ""
    date = (rf"(?:(?:{day}\s+(?:of\s+)?(?:{month})\.?|(?:{month})\.?\s+{day}|(?:{month}))(?:,?\s+\d{{4}})?"
            rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|(?:early|mid|late)[- ](?:{month}|\d{{4}})(?:\s+\d{{4}})?"
            rf"{in_season}|\d{{4}}(?:\s+\([^)\n]{{1,30}}\))?(?=\s*[—–:]))")
    weekday = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    # A heading may be marked up: "## Tuesday 4 June", "**3 March**".
    markup = r"(?:\#{1,6}\s+|\*\*?|__?)?"
    return re.compile(rf"^[ \t]*(?:[-*•]\s+|\d+[.)]\s+)?{markup}{weekday}(?:{date})(?:\*\*?|__?)?(?=\s*(?:[.,:;—–-]|$))",
                      re.IGNORECASE | re.MULTILINE)
