"""Does an account read as English? The extractor's rules and lexicons are
English; an account in another language gives few nodes, and the user should
hear why rather than meet a near-empty graph.

The test is the share of words that are among English's commonest function
words: about a third of running English prose, near none of Polish, German or
Spanish prose. Short texts are not judged.
"""

from __future__ import annotations

import re

__all__ = ["reads_as_english"]

_FUNCTION_WORDS = frozenset(
    "the and of to a in that i was it for on with my we he she they is not at but had by as be this have from "
    "me his her our their you were are what when who there so been would or an about which".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MIN_WORDS = 60
# English prose sits near 0.3-0.4; prose in another language with English names in it, below 0.05.
_MIN_SHARE = 0.1


def reads_as_english(text: str) -> bool:
    """Whether ``text`` reads as English (always True for texts too short to judge).

    >>> reads_as_english("I joined the branch in 2015 and left it when the committee ignored my complaint. " * 5)
    True
    >>> reads_as_english("Wstąpiłam do partii w 2015 roku, a odeszłam, gdy zarząd zignorował moją skargę. " * 5)
    False
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < _MIN_WORDS:
        return True
    return sum(w in _FUNCTION_WORDS for w in words) >= _MIN_SHARE * len(words)
