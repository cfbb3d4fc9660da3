"""Finding the tellings of occurrences: sentences, clauses and trigger hits.

A *hit* is one trigger in one clause of a narrative sentence. Sentences that
tell a habit or a hypothesis ("you will be expelled", "they would never
trust me") and sentences after the account's end (blog comments) make no
hits. Within a clause the longest trigger of each label wins, and a Response
in a clause absorbs an Event there ("the EC voted to expel him" is one
expulsion, not a vote as well).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.occurrences.vocabulary import Vocabulary
from ingest.extract.text import sentences
from ingest.extract.types import Span

__all__ = ["Clause", "Hit", "account_sentences", "clauses", "is_narrative", "scan"]

# Clause boundaries: strong punctuation, or a comma before a conjunction that
# opens a new clause. Offsets stay exact because we only cut, never rewrite.
_CLAUSE_BREAK = re.compile(
    r"\s*[;:—–]\s+|\s+-\s+|\s*\(\s*|\s*\)\s*"
    r"|,\s+(?=(?:and|but|which|while|although|though|because|until|after|before|so|then|who|despite|since|when|whereas|unless|instead)\b)"
    r"|\s+(?=(?:but|because|although|though|whereas|unless)\s)"
)
_MIN_CLAUSE_WORDS = 4


@dataclass(frozen=True)
class Clause:
    sentence: int  # index into the account's sentences
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Hit:
    """One trigger: its label and kind, the clause it sits in and the trigger words."""

    label: str
    kind: str
    sentence: int
    clause: Clause
    trigger: Span


def account_sentences(text: str, vocab: Vocabulary) -> list[Span]:
    """The account's sentences up to where comments or boilerplate begin."""
    end = len(text)
    if vocab.end_of_account is not None:
        marker = vocab.end_of_account.search(text)
        if marker is not None:
            end = marker.start()
    return [s for s in sentences(text[:end])]


def clauses(sentence: Span, index: int) -> list[Clause]:
    """The clauses of one sentence; pieces too short to tell anything join their neighbour."""
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for brk in _CLAUSE_BREAK.finditer(sentence.text):
        if brk.start() > cursor:
            pieces.append((cursor, brk.start()))
        cursor = brk.end()
    if cursor < len(sentence.text):
        pieces.append((cursor, len(sentence.text)))
    merged: list[list[int]] = []
    for start, end in pieces:
        words = len(sentence.text[start:end].split())
        if merged and (words < _MIN_CLAUSE_WORDS or len(sentence.text[merged[-1][0]:merged[-1][1]].split()) < _MIN_CLAUSE_WORDS):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    result = []
    for start, end in merged:
        text = sentence.text[start:end]
        stripped = text.strip(" ,.\"“”'‘’")
        offset = text.find(stripped) if stripped else 0
        result.append(Clause(index, sentence.start + start + offset, sentence.start + start + offset + len(stripped), stripped))
    return [c for c in result if c.text]


def is_narrative(sentence: str, vocab: Vocabulary) -> bool:
    """Whether a sentence narrates (past or perfect, no habitual or hypothetical cue)."""
    if vocab.generic is not None and vocab.generic.search(sentence):
        return False
    return vocab.narrative is None or bool(vocab.narrative.search(sentence))


def _best_per_label(hits: list[Hit]) -> list[Hit]:
    best: dict[str, Hit] = {}
    for hit in hits:
        current = best.get(hit.label)
        length = hit.trigger.end - hit.trigger.start
        if current is None or length > current.trigger.end - current.trigger.start:
            best[hit.label] = hit
    if "Response" in best and "Event" in best:
        del best["Event"]
    return sorted(best.values(), key=lambda h: h.trigger.start)


def scan(text: str, vocab: Vocabulary) -> tuple[list[Span], list[Hit]]:
    """The account's sentences and every hit in them, in text order."""
    spans = account_sentences(text, vocab)
    hits: list[Hit] = []
    for index, sentence in enumerate(spans):
        if not is_narrative(sentence.text, vocab):
            continue
        for clause in clauses(sentence, index):
            found: list[Hit] = []
            for trigger in vocab.triggers:
                for m in trigger.pattern.finditer(clause.text):
                    span = Span(clause.start + m.start(), clause.start + m.end(), m.group(0))
                    found.append(Hit(trigger.label, trigger.kind, index, clause, span))
            hits.extend(_best_per_label(found))
    return spans, hits
