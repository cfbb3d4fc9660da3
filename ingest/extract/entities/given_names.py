"""Is a word a given name? From a dictionary of some 48,000 first names.

A capitalised word that is a known first name ("Jess", "Seán", "Kwame") is far
more likely to start a person's name than one that is not ("Kingsway",
"Bristol", "Remove"). The dictionary is the one the ``gender-guesser`` package
ships (Jörg Michael's ``nam_dict.txt``, names from many countries); we read only
which words are names, never anything about gender. Accents are folded before
looking up ("Róisín" is found as "Roisin"), and case is ignored.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

from graph.errors import TestimonyGraphError

__all__ = ["is_given_name", "GivenNamesUnavailable"]

_DISTRIBUTION = "gender-guesser==0.4.0"


class GivenNamesUnavailable(TestimonyGraphError):
    """The package holding the dictionary of first names is not installed."""


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    try:
        data = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
        raw = data.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise GivenNamesUnavailable(f"the dictionary of first names is missing: pip install '{_DISTRIBUTION}'", where="gender_guesser") from exc
    names: set[str] = set()
    for line in raw.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        # "+" joins the parts of a compound name ("Jean+Pierre"): take it whole, joined by a hyphen.
        name = parts[1].replace("+", "-")
        # Some entries are also English words ("Will", "Even", "So"): callers
        # check a word is not used in lower case in the same text.
        names.add(_fold(name))
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """``word`` is a known first name (accents and case ignored).

    >>> is_given_name("Seán"), is_given_name("Priya"), is_given_name("Kingsway"), is_given_name("Remove")
    (True, True, False, False)
    """
    return _fold(word) in _names()
