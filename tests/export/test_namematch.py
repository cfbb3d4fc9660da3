"""Name spans found with C-level splitting agree with a plain token-by-token scan."""

from __future__ import annotations

import random
import re

from graph.export.namematch import NameMatcher

_WORD = re.compile(r"\w+")


def reference_spans(matcher: NameMatcher, text: str) -> list[tuple[int, int, str]]:
    """The straightforward scan: every token, longest name first, names never overlap."""
    tokens = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]
    found, i = [], 0
    while i < len(tokens):
        step = 1
        for key, replacement in matcher.by_first_word.get(tokens[i][2], ()):
            n = len(key)
            if i + n <= len(tokens) and all(tokens[i + j][2] == key[j] for j in range(1, n)):
                if replacement is not None:
                    found.append((tokens[i][0], tokens[i + n - 1][1], replacement))
                step = n
                break
        i += step
    return found


NAMES = [
    ("Ben S", "P1"), ("Ben Curry", None), ("the perpetrator", "P2"), ("my friend", "P3"), ("Ben", "P4"),
    ("Straße", "P5"), ("fine", "P6"), ("İstanbul", None), ("a", "P7"), ("a x a", "P8"), ("1", "P9"),
]
WORDS = ["Ben", "S", "ben", "Curry", "the", "perpetrator", "my", "friend", "Straße", "STRASSE", "a", "x",
         "İstanbul", "ﬁne", "fine", "_", "1", "é"]
SEPARATORS = [" ", "  ", ", ", ".", "\n", "-", "'", "(", ") ", "ß", "…"]


def test_spans_agree_with_the_plain_scan_on_random_texts() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        matcher = NameMatcher.build(rng.sample(NAMES, rng.randint(0, 8)))
        text = "".join(rng.choice(SEPARATORS) + rng.choice(WORDS) for _ in range(rng.randint(0, 30)))
        assert matcher.spans(text) == reference_spans(matcher, text), text


def test_a_shield_keeps_a_longer_name_whole() -> None:
    matcher = NameMatcher.build([("Ben Curry", None), ("Ben", "P")])
    assert matcher.replace("Ben Curry met Ben.") == "Ben Curry met P."
    assert matcher.spans("") == [] and matcher.spans("nobody here") == []
