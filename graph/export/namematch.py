"""Find names in text by their words, replace them, and map offsets across.

Names are matched as sequences of words (case-folded, any punctuation or space
between them), longest first at each position, so "Kim R (Leeds)" in a text
is found from the name "Kim R", and "Kim Rowe" is not mistaken for "Kim R"
followed by "owe". Matching by a dictionary of first words keeps the cost linear in the
text however many names there are (a regex alternation of thousands of names
is not).

>>> m = NameMatcher.build([("Kim R", "Person 1a2b3c"), ("Dana Whitlock", None)])
>>> m.replace("Kim R met kim  r and Dana Whitlock.")
'Person 1a2b3c met Person 1a2b3c and Dana Whitlock.'
>>> text, offsets = m.replace_with_offsets("Hi Kim R, bye")
>>> text, offsets.start(3), offsets.end(8), offsets.start(10)
('Hi Person 1a2b3c, bye', 3, 16, 18)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress
from dataclasses import dataclass, field
from typing import Iterable

__all__ = ["NameMatcher", "OffsetMap", "words"]

_WORD = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")


def words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text))


@dataclass
class OffsetMap:
    """Maps offsets in the original text to offsets in the replaced text.

    A span that starts or ends inside a replaced name grows to cover the whole
    replacement, so a quote never keeps half a name.
    """

    old_starts: list[int] = field(default_factory=list)
    old_ends: list[int] = field(default_factory=list)
    new_starts: list[int] = field(default_factory=list)
    new_ends: list[int] = field(default_factory=list)

    def _shift(self, k: int) -> int:
        return self.new_ends[k] - self.old_ends[k] if k >= 0 else 0

    def start(self, offset: int) -> int:
        k = bisect_right(self.old_starts, offset) - 1
        if k >= 0 and offset < self.old_ends[k]:
            return self.new_starts[k]
        return offset + self._shift(k)

    def end(self, offset: int) -> int:
        k = bisect_left(self.old_starts, offset) - 1
        if k >= 0 and offset <= self.old_ends[k]:
            return self.new_ends[k]
        return offset + self._shift(k)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _combine(
    text: str, found: list[tuple[int, int, str]], extra: Iterable[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    forced = sorted((*_widen(text, s, e), r) for s, e, r in extra if 0 <= s < e <= len(text))
    merged: list[tuple[int, int, str]] = []
    for start, end, replacement in forced:
        if merged and start < merged[-1][1]:  # overlapping mentions become one
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2])
        else:
            merged.append((start, end, replacement))
    if not merged:
        return found
    starts = [m[0] for m in merged]
    kept = []
    for start, end, replacement in found:
        k = bisect_right(starts, start) - 1
        clash = (k >= 0 and start < merged[k][1]) or (k + 1 < len(merged) and merged[k + 1][0] < end)
        if not clash:
            kept.append((start, end, replacement))
    return sorted(kept + merged)


@dataclass
class NameMatcher:
    """Names (as word sequences) and what replaces each; ``None`` keeps a name
    as it is, which shields it from shorter names inside it."""

    by_first_word: dict[str, list[tuple[tuple[str, ...], str | None]]] = field(default_factory=dict)

    @classmethod
    def build(cls, names: Iterable[tuple[str, str | None]]) -> "NameMatcher":
        """``names`` in priority order: the first replacement given for a word
        sequence wins over later ones."""
        chosen: dict[tuple[str, ...], str | None] = {}
        for name, replacement in names:
            key = words(name)
            if key and key not in chosen:
                chosen[key] = replacement
        matcher = cls()
        for key, replacement in chosen.items():
            matcher.by_first_word.setdefault(key[0], []).append((key, replacement))
        for candidates in matcher.by_first_word.values():
            candidates.sort(key=lambda c: -len(c[0]))
        return matcher

    def __bool__(self) -> bool:
        return bool(self.by_first_word)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of every name to replace, left to right."""
        if not self.by_first_word:
            return []
        # Everything per word is done by C-level calls (split, map, accumulate,
        # compress); Python code runs only at words that start a name. An account
        # text of 4,000 words costs a millisecond, not twenty.
        parts = _WORD_SPLIT.split(text)  # separator, word, separator, word, ..., separator
        folded = list(map(str.casefold, parts[1::2]))
        first_words = self.by_first_word
        candidates = list(compress(range(len(folded)), map(first_words.__contains__, folded)))
        if not candidates:
            return []
        offsets = list(accumulate(map(len, parts), initial=0))  # word k spans offsets[2k+1]:offsets[2k+2]
        found: list[tuple[int, int, str]] = []
        resume = 0  # a matched name's words are not searched again
        for i in candidates:
            if i < resume:
                continue
            for key, replacement in first_words[folded[i]]:
                n = len(key)
                if n == 1 or tuple(folded[i : i + n]) == key:
                    if replacement is not None:
                        found.append((offsets[2 * i + 1], offsets[2 * (i + n - 1) + 2], replacement))
                    resume = i + n
                    break
        return found

    def replace(self, text: str) -> str:
        return self.replace_with_offsets(text)[0]

    def replace_with_offsets(
        self, text: str, extra: Iterable[tuple[int, int, str]] = ()
    ) -> tuple[str, OffsetMap]:
        """Replace the names, and the ``extra`` spans (start, end, replacement),
        which win over any name they overlap; spans are widened to whole words
        so no fragment of a word is left beside a replacement."""
        offsets = OffsetMap()
        pieces: list[str] = []
        last = 0
        length = 0
        for start, end, replacement in _combine(text, self.spans(text), extra):
            pieces.append(text[last:start])
            length += start - last
            offsets.old_starts.append(start)
            offsets.old_ends.append(end)
            offsets.new_starts.append(length)
            pieces.append(replacement)
            length += len(replacement)
            offsets.new_ends.append(length)
            last = end
        pieces.append(text[last:])
        return "".join(pieces), offsets
