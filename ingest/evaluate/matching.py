"""One-to-one matching of predicted nodes to gold nodes within one account.

Named nodes pair up when they share a normalised name or alias; occurrences
(Incident, Response, Event) pair up when the predicted evidence overlaps the
gold quotes. Each gold node takes at most one predicted node and the reverse:
candidate pairs are taken best first (largest overlap, or best name agreement),
ties broken by ids, so the result is deterministic. Greedy rather than an
optimal assignment, because "best overlap first" is what the contract says and
a reader can check it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from graph.model import Node
from ingest.evaluate.names import name_keys, normalise_name
from ingest.evaluate.spans import Span, covered
from ingest.gold import GoldEntity

__all__ = ["Candidate", "greedy_match", "name_candidates", "overlap_candidates"]


@dataclass(frozen=True)
class Candidate:
    """A possible pair; higher ``weight`` is better (compared as a tuple)."""

    gold_id: str
    predicted_id: str
    weight: tuple[int, ...]


def greedy_match(candidates: Iterable[Candidate]) -> dict[str, str]:
    """Gold id -> predicted id, best pairs first, each side used at most once.

    >>> greedy_match([Candidate("g1", "p1", (5,)), Candidate("g1", "p2", (9,)),
    ...               Candidate("g2", "p2", (7,)), Candidate("g2", "p1", (1,))])
    {'g1': 'p2', 'g2': 'p1'}
    """
    ordered = sorted(candidates, key=lambda c: (tuple(-w for w in c.weight), c.gold_id, c.predicted_id))
    matched: dict[str, str] = {}
    taken: set[str] = set()
    for candidate in ordered:
        if candidate.gold_id in matched or candidate.predicted_id in taken:
            continue
        matched[candidate.gold_id] = candidate.predicted_id
        taken.add(candidate.predicted_id)
    return matched


def name_candidates(gold: Sequence[GoldEntity], predicted: Sequence[Node]) -> list[Candidate]:
    """Pairs of the same label that share a normalised name or alias.

    The weight prefers name = name, then a name equal to the other's alias,
    then alias = alias only; then more shared forms.
    """
    by_label: dict[str, list[tuple[Node, str, frozenset[str]]]] = {}
    for node in predicted:
        by_label.setdefault(node.label, []).append((node, normalise_name(node.name), name_keys(node.name, node.aliases)))
    result: list[Candidate] = []
    for entity in gold:
        gold_name = normalise_name(entity.name)
        gold_keys = name_keys(entity.name, entity.aliases)
        for node, node_name, node_keys in by_label.get(entity.label, ()):
            shared = gold_keys & node_keys
            if not shared:
                continue
            if gold_name == node_name:
                quality = 2
            elif gold_name in node_keys or node_name in gold_keys:
                quality = 1
            else:
                quality = 0
            result.append(Candidate(entity.id, node.id, (quality, len(shared))))
    return result


def overlap_candidates(
    gold: Sequence[tuple[GoldEntity, Sequence[Span]]],
    predicted: Sequence[tuple[Node, Sequence[Span]]],
) -> list[Candidate]:
    """Pairs of the same label whose spans overlap; the weight is the characters
    of gold quote the predicted evidence covers."""
    result: list[Candidate] = []
    for entity, gold_spans in gold:
        for node, node_spans in predicted:
            if node.label != entity.label:
                continue
            size = covered(gold_spans, node_spans)
            if size > 0:
                result.append(Candidate(entity.id, node.id, (size,)))
    return result
