"""Relationship claims before they become graph relationships.

Every rule of the stage emits :class:`Edge` values (type, ends, the span that
supports it, its status); :class:`EdgeSet` keeps one relationship per
(type, source, target), unions the evidence and drops any pair the contract
forbids, so no rule can make a document that validation would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.contract import Contract
from graph.model import Evidence, Relationship, union_evidence

__all__ = ["Edge", "EdgeSet"]


@dataclass(frozen=True)
class Edge:
    type: str
    source: str
    target: str
    start: int
    end: int
    status: str = "stated"
    properties: tuple[tuple[str, Any], ...] = ()


@dataclass
class EdgeSet:
    account: str
    text: str
    contract: Contract
    labels: dict[str, str]  # node id -> label, for the contract check
    _edges: dict[tuple[str, str, str], list[Edge]] = field(default_factory=dict)

    def add(self, edge: Edge) -> bool:
        """Keep ``edge`` if the contract allows its ends; True when kept."""
        if edge.source == edge.target:
            return False
        source_label = self.labels.get(edge.source)
        target_label = self.labels.get(edge.target)
        if source_label is None or target_label is None:
            return False
        if not self.contract.allows(edge.type, source_label, target_label):
            return False
        self._edges.setdefault((edge.type, edge.source, edge.target), []).append(edge)
        return True

    def has(self, rel_type: str, source: str, target: str) -> bool:
        return (rel_type, source, target) in self._edges

    def told(self, rel_type: str, source: str, target: str) -> list[Edge]:
        """The edges kept for one relationship: each place the text tells it."""
        return list(self._edges.get((rel_type, source, target), []))

    def sources(self, rel_type: str, target: str) -> set[str]:
        """The sources of every kept relationship of ``rel_type`` into ``target``."""
        return {source for (t, source, end) in self._edges if t == rel_type and end == target}

    def targets(self, rel_type: str, source: str) -> set[str]:
        """The targets of every kept relationship of ``rel_type`` out of ``source``."""
        return {end for (t, start, end) in self._edges if t == rel_type and start == source}

    def touches(self, node: str, types: tuple[str, ...]) -> bool:
        """Whether any kept relationship of ``types`` ends at ``node``."""
        return any(t in types and target == node for (t, _s, target) in self._edges)

    def relationships(self) -> list[Relationship]:
        result = []
        for (rel_type, source, target), edges in self._edges.items():
            properties: dict[str, Any] = {}
            for edge in edges:
                for key, value in edge.properties:
                    properties.setdefault(key, value)
            evidence = union_evidence(
                Evidence(self.account, e.start, e.end, self.text[e.start:e.end], e.status) for e in edges
            )
            result.append(Relationship(rel_type, source, target, properties, evidence))
        return result
