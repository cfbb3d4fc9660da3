"""Splitting normalised text into sentences and paragraphs, keeping offsets."""

from __future__ import annotations

import re

from ingest.extract.types import Span

__all__ = ["paragraphs", "sentences"]

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before
# white space and an uppercase letter, digit or opening quote; abbreviations
# like "Mr." or "e.g." are guarded below.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# Text written all in lower case (zines, chat posts) opens its sentences in
# lower case too; there a lowercase letter after the stop starts one as well.
_BOUNDARY_ANY_CASE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Za-z0-9])")
_STOP_THEN_UPPER = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(\[]?[A-Z]")
_STOP_THEN_LOWER = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(\[]?[a-z]")
_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|vs|etc|e\.g|i\.e|cf|No|Vol|ch|p|pp)\.$", re.IGNORECASE)


def paragraphs(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(0)) for m in _PARAGRAPH.finditer(text) if m.group(0).strip()]


def sentences(text: str) -> list[Span]:
    """Sentences with their offsets; never crosses a paragraph break.

    >>> [s.text for s in sentences("I joined in 2018. Then I left! Mr. X stayed.")]
    ['I joined in 2018.', 'Then I left!', 'Mr. X stayed.']
    """
    result: list[Span] = []
    boundary_pattern = _BOUNDARY_ANY_CASE if _lower_case_register(text) else _BOUNDARY
    for para in paragraphs(text):
        start = para.start
        for boundary in boundary_pattern.finditer(para.text):
            end = para.start + boundary.start()
            piece = text[start:end]
            if _ABBREVIATIONS.search(piece):
                continue
            _append(result, text, start, end)
            start = para.start + boundary.end()
        _append(result, text, start, para.end)
    return result


def _lower_case_register(text: str) -> bool:
    """Whether the writer opens sentences in lower case more often than not."""
    lower = len(_STOP_THEN_LOWER.findall(text))
    return lower >= 3 and lower > len(_STOP_THEN_UPPER.findall(text))


def _append(result: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        result.append(Span(start, end, text[start:end]))
