"""The status of one piece of evidence, from the words of the telling.

A pure function over a sentence and its neighbours (the sentence before and
after): the graph records what accounts say, so "he admitted", "one source
tells me", "I believe" and "found guilty" each change what a relationship's
evidence claims. Cues are data (the lexicon's ``status_cues`` section).

The *role* says what kind of claim the relationship makes:

- ``accusation``: someone is charged with wrongdoing (ACCUSED_IN, and
  TARGET_OF of a third party). Never ``stated``: ``found`` if a body ruled,
  ``admitted`` or ``denied`` if the accused did, else ``alleged``.
- ``target``: someone else is said to have been harmed (TARGET_OF a third
  party): ``found`` if a body ruled, else ``alleged``.
- ``experience``: the narrator's own experience (TARGET_OF the narrator).
  ``stated`` unless a body ruled on it (``found``).
- ``telling``: anything else (TAKEN_BY, PARTICIPATED_IN ...): ``reported``
  for hearsay, ``believed`` for opinion, ``alleged`` when the narrator charges
  an organisation or official (lies, cover-ups), else ``stated``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal, Mapping

__all__ = ["Role", "evidence_status", "has_cue"]

Role = Literal["accusation", "target", "experience", "telling"]

_SPACE = r"\s+"
_SECTIONS = ("found", "admitted", "denied", "reported", "believed", "accusation")


@lru_cache(maxsize=8)
def _compile(key: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, re.Pattern[str] | None]:
    compiled: dict[str, re.Pattern[str] | None] = {}
    for name, entries in key:
        if not entries:
            compiled[name] = None
            continue
        body = "|".join("(?:" + e.replace(" ", _SPACE) + ")" for e in entries)
        compiled[name] = re.compile(rf"(?<![\w'’])(?:{body})(?![\w])", re.IGNORECASE)
    return compiled


_SEEN: dict[int, tuple[Any, tuple[dict[str, re.Pattern[str] | None], frozenset[str]]]] = {}


def _cues(lexicon: Mapping[str, Any] | None) -> tuple[dict[str, re.Pattern[str] | None], frozenset[str]]:
    section = (lexicon or {}).get("status_cues") or {}
    # Called for every piece of evidence: remember the section object we compiled last.
    seen = _SEEN.get(id(section))
    if seen is not None and seen[0] is section:
        return seen[1]
    key = tuple((name, tuple(str(e) for e in section.get(name) or ())) for name in _SECTIONS)
    result = _compile(key), frozenset(section.get("neighbourhood") or ("found", "admitted", "denied"))
    _SEEN.clear()
    _SEEN[id(section)] = (section, result)
    return result


def _fold(text: str) -> str:
    # Curly apostrophes are common in pasted accounts; cues are written with straight ones.
    return text.replace("’", "'").replace("‘", "'")


def has_cue(name: str, text: str, lexicon: Mapping[str, Any] | None = None) -> bool:
    """Whether ``text`` holds a cue of the named section.

    >>> from ingest.lexicon import load_lexicon
    >>> has_cue("admitted", "he had confessed", load_lexicon())
    True
    """
    pattern = _cues(lexicon)[0].get(name)
    return bool(pattern and pattern.search(_fold(text)))


def evidence_status(sentence: str, before: str = "", after: str = "", *, role: Role = "telling",
                    lexicon: Mapping[str, Any] | None = None) -> str:
    """The contract status of evidence told by ``sentence`` (neighbours ``before``/``after``).

    >>> from ingest.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> evidence_status("He was sexually assaulted by a cadre.", role="accusation", lexicon=lex)
    'alleged'
    >>> evidence_status("The commission found him guilty of assault.", role="accusation", lexicon=lex)
    'found'
    >>> evidence_status("One source tells me he was expelled.", lexicon=lex)
    'reported'
    >>> evidence_status("I resigned a month later.", lexicon=lex)
    'stated'
    """
    cues, reach = _cues(lexicon)
    sentence_f = _fold(sentence)
    around = _fold(f"{before} {after}")

    def said(name: str, wide: bool = False) -> bool:
        pattern = cues.get(name)
        if pattern is None:
            return False
        if pattern.search(sentence_f):
            return True
        return wide and name in reach and bool(pattern.search(around))

    if role == "accusation":
        for name in ("found", "admitted", "denied"):
            if said(name, wide=True):
                return name
        return "alleged"
    if role == "target":
        return "found" if said("found", wide=True) else "alleged"
    if role == "experience":
        return "found" if said("found", wide=True) else "stated"
    if said("reported"):
        return "reported"
    if said("believed"):
        return "believed"
    if said("accusation"):
        return "alleged"
    return "stated"
