"""Name normalisation for matching named nodes (SCHEMA.md, "How a prediction is scored").

Two names are the same when they agree after case folding, dropping
punctuation and a leading "the", and folding white space.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

__all__ = ["normalise_name", "name_keys"]

# Marks that sit inside a word ("U.S.", "women's") vanish so the word stays whole;
# every other punctuation mark separates words ("Marxist-Leninist", "Ruth P (Leeds)").
_JOINING = {".", "'", "’", "‘", "`", "´"}
_LEADING_THE = re.compile(r"^the\s+")


def normalise_name(name: str) -> str:
    """The form two names are compared in.

    >>> normalise_name("The  International Marxist Tendency")
    'international marxist tendency'
    >>> normalise_name("Ruth P (Leeds)")
    'ruth p leeds'
    >>> normalise_name("the U.S. section’s E.C.")
    'us sections ec'
    >>> normalise_name("The")
    'the'
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    chars = []
    for ch in folded:
        if ch in _JOINING:
            continue
        category = unicodedata.category(ch)
        # Punctuation (P*) and symbols (S*) both count as punctuation here.
        chars.append(" " if category[0] in "PS" else ch)
    spaced = " ".join("".join(chars).split())
    stripped = _LEADING_THE.sub("", spaced)
    return stripped or spaced


def name_keys(name: str, aliases: Iterable[str] = ()) -> frozenset[str]:
    """Every normalised form a node answers to (empty forms left out).

    >>> sorted(name_keys("IMT", ["the International Marxist Tendency", "I.M.T."]))
    ['imt', 'international marxist tendency']
    """
    return frozenset(key for key in (normalise_name(n) for n in (name, *aliases)) if key)
