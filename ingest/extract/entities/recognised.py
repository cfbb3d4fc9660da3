"""What the statistical recogniser says about a capitalised phrase: person or not.

Capitalisation rules alone take "Kingsway Care", "Bristol Community" or
"Remove Tom" for people. spaCy's recogniser (``ingest.extract.nlp``) has seen
far more English than any list we could write, so the entity stage asks it
about the phrases the rules are unsure of: a phrase it calls a place, a firm or
a thing (and not a person) is no one. The model is the costly part of
extraction, so it reads only the sentences a question is asked about, each once
(``ingest.extract.nlp`` caches them, and the occurrence stage reuses them).
"""

from __future__ import annotations

from ingest.extract import nlp
from ingest.extract.types import Span

__all__ = ["Recognised"]

# Labels of named things that are not people.
_NOT_PERSON = frozenset({"ORG", "GPE", "FAC", "LOC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class Recognised:
    """The recogniser's entities around given offsets of one account, read on demand.

    >>> from ingest.extract.text import sentences
    >>> text = "Later I worked at Ashgrove Logistics with Maria Lopez."
    >>> found = Recognised(sentences(text))
    >>> found.is_other(18, 36), found.is_other(42, 53)
    (True, False)
    """

    def __init__(self, sentences: list[Span]) -> None:
        self._sentences = sentences
        self._starts = [s.start for s in sentences]
        self._read: dict[int, list[tuple[int, int, str]]] = {}  # sentence start -> entities in account offsets

    def entities_at(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The recogniser's entities (start, end, label) that overlap ``start:end``."""
        sentence = self._sentence(start)
        if sentence is None:
            return []
        found = self._read.get(sentence.start)
        if found is None:
            doc = nlp.entities(sentence.text)
            found = [(sentence.start + e.start_char, sentence.start + e.end_char, e.label_) for e in doc.ents]
            self._read[sentence.start] = found
        return [(s, e, label) for s, e, label in found if s < end and start < e]

    def is_other(self, start: int, end: int) -> bool:
        """A named thing that is not a person overlaps the span, and no person does."""
        labels = {label for _s, _e, label in self.entities_at(start, end)}
        return "PERSON" not in labels and bool(labels & _NOT_PERSON)

    def is_person(self, start: int, end: int) -> bool:
        return any(label == "PERSON" for _s, _e, label in self.entities_at(start, end))

    def is_place(self, start: int, end: int) -> bool:
        return any(label in PLACE_LABELS for _s, _e, label in self.entities_at(start, end))

    def in_longer_name(self, start: int, end: int) -> bool:
        """The span is part of a longer name of a place or an organisation ("York" in "York University")."""
        return any(
            label in _NOT_PERSON and (s < start or e > end) for s, e, label in self.entities_at(start, end)
        )

    def _sentence(self, offset: int) -> Span | None:
        from bisect import bisect_right

        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        sentence = self._sentences[index]
        return sentence if offset < sentence.end else None
