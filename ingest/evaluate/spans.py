"""Character spans: locating gold quotes and measuring overlap with evidence."""

from __future__ import annotations

from typing import Iterable, Sequence

from ingest.gold import GoldEntity, locate

__all__ = ["Span", "gold_spans", "overlap", "covered"]

Span = tuple[int, int]


def gold_spans(entity: GoldEntity, text: str) -> tuple[Span, ...]:
    """Where the entity's quotes stand in ``text`` (quotes not found are skipped)."""
    found = (locate(text, quote) for quote in entity.quotes)
    return tuple(sorted({span for span in found if span}))


def overlap(a: Span, b: Span) -> int:
    """Characters two half-open spans share.

    >>> overlap((0, 10), (5, 20)), overlap((0, 5), (5, 9)), overlap((3, 4), (0, 9))
    (5, 0, 1)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _union(spans: Iterable[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def covered(gold: Sequence[Span], predicted: Sequence[Span]) -> int:
    """Characters of the gold spans that the predicted spans cover (each counted once).

    >>> covered([(0, 10), (20, 30)], [(5, 25), (8, 12)])
    10
    >>> covered([(0, 10)], [(10, 20)])
    0
    """
    gold_union, predicted_union = _union(gold), _union(predicted)
    return sum(overlap(g, p) for g in gold_union for p in predicted_union)
