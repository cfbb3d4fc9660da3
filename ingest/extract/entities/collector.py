"""Accumulates the entity stage's findings for one account, then freezes them.

Every finder adds through here, so evidence is always a verbatim slice of the
account's text and a node seen many times stays one node with many surfaces.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from graph.model import Evidence, Node, Relationship
from ingest.extract.text import sentences
from ingest.extract.types import EntityResult, Mention, Span

__all__ = ["Collector", "NodeDraft"]

# A node told many times by one account keeps this many pieces of evidence from
# generic mentions ("the organisation"); named mentions are always kept.
_GENERIC_EVIDENCE_CAP = 3


@dataclass
class NodeDraft:
    id: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: dict[tuple[int, int], Evidence] = field(default_factory=dict)
    generic_evidence: int = 0

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


class Collector:
    """Nodes, relationships and mentions of one account, with sentence look-up."""

    def __init__(self, account_id: str, text: str) -> None:
        self.account_id = account_id
        self.text = text
        self.sentences: list[Span] = sentences(text)
        self._sentence_starts = [s.start for s in self.sentences]
        self.nodes: dict[str, NodeDraft] = {}
        self.relationships: dict[tuple[str, str, str], Relationship] = {}
        self.mentions: dict[tuple[int, int, str], Mention] = {}
        self.narrator_id: str | None = None
        self.primary_organization_id: str | None = None

    # --- text helpers -------------------------------------------------------

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding ``offset`` (or the nearest before it)."""
        index = max(0, bisect_right(self._sentence_starts, offset) - 1)
        if not self.sentences:
            return Span(0, len(self.text), self.text)
        return self.sentences[index]

    def evidence(self, start: int, end: int, status: str = "stated") -> Evidence:
        return Evidence(self.account_id, start, end, self.text[start:end], status)

    # --- nodes ----------------------------------------------------------------

    def node(self, node_id: str, label: str, name: str, properties: dict[str, Any] | None = None) -> NodeDraft:
        draft = self.nodes.get(node_id)
        if draft is None:
            draft = NodeDraft(node_id, label, name, properties={k: v for k, v in (properties or {}).items() if v})
            self.nodes[node_id] = draft
        elif properties:
            for key, value in properties.items():
                if value and key not in draft.properties:
                    draft.properties[key] = value
        return draft

    def mention(
        self, draft: NodeDraft, start: int, end: int, *, evidence: bool = True, generic: bool = False, alias: bool = True
    ) -> None:
        """Record that ``text[start:end]`` refers to ``draft``; add it as evidence
        unless told not to (generic mentions count towards a small cap)."""
        surface = self.text[start:end]
        self.mentions[(start, end, draft.id)] = Mention(draft.id, draft.label, start, end, surface)
        if not evidence:
            return
        if generic:
            if draft.generic_evidence >= _GENERIC_EVIDENCE_CAP:
                return
            draft.generic_evidence += 1
        draft.evidence.setdefault((start, end), self.evidence(start, end))
        if alias:
            draft.add_alias(surface)

    def has_node(self, node_id: str) -> bool:
        return node_id in self.nodes

    def fold(self, gone: NodeDraft, kept: NodeDraft) -> None:
        """Make ``gone`` one with ``kept``: its mentions, evidence, names and
        relationships move to ``kept`` (evidence of a relationship both had is
        unioned, at most three pieces), and ``gone`` disappears."""
        for key, mention in list(self.mentions.items()):
            if mention.node_id == gone.id:
                del self.mentions[key]
                self.mentions[(mention.start, mention.end, kept.id)] = Mention(
                    kept.id, kept.label, mention.start, mention.end, mention.text)
        for span, evidence in gone.evidence.items():
            kept.evidence.setdefault(span, evidence)
        for alias in (gone.name, *gone.aliases):
            kept.add_alias(alias)
        for key, rel in list(self.relationships.items()):
            rel_type, source, target = key
            if gone.id not in (source, target):
                continue
            del self.relationships[key]
            source = kept.id if source == gone.id else source
            target = kept.id if target == gone.id else target
            if source == target:
                continue
            existing = self.relationships.get((rel_type, source, target))
            evidence = rel.evidence if existing is None else (*existing.evidence, *(
                e for e in rel.evidence if all(e.key != x.key for x in existing.evidence)))
            self.relationships[(rel_type, source, target)] = Relationship(
                rel_type, source, target, dict(rel.properties), tuple(evidence)[:3])
        del self.nodes[gone.id]

    # --- relationships --------------------------------------------------------

    def relate(self, rel_type: str, source: str, target: str, start: int, end: int, status: str = "stated") -> None:
        if source == target or source not in self.nodes:
            return
        key = (rel_type, source, target)
        ev = self.evidence(start, end, status)
        existing = self.relationships.get(key)
        if existing is None:
            self.relationships[key] = Relationship(rel_type, source, target, {}, (ev,))
        elif len(existing.evidence) < 3 and all(e.key != ev.key for e in existing.evidence):
            self.relationships[key] = Relationship(rel_type, source, target, {}, (*existing.evidence, ev))

    def relate_in_sentence(self, rel_type: str, source: str, target: str, offset: int, status: str = "stated") -> None:
        """Relate with the sentence around ``offset`` as the evidence span."""
        sentence = self.sentence_at(offset)
        self.relate(rel_type, source, target, sentence.start, sentence.end, status)

    # --- result -------------------------------------------------------------

    def result(self) -> EntityResult:
        nodes = []
        for draft in self.nodes.values():
            if not draft.evidence:
                continue  # nothing enters the graph without evidence
            evidence = tuple(sorted(draft.evidence.values(), key=lambda e: (e.start, e.end)))
            nodes.append(Node(draft.id, draft.label, draft.name, tuple(draft.aliases), dict(draft.properties), evidence))
        kept = {n.id for n in nodes}
        relationships = [
            r
            for r in self.relationships.values()
            if r.source in kept and (r.target in kept or r.target == self.account_id)
        ]
        mentions = sorted(
            (m for m in self.mentions.values() if m.node_id in kept),
            key=lambda m: (m.start, m.end, m.node_id),
        )
        return EntityResult(
            nodes=nodes,
            relationships=relationships,
            mentions=mentions,
            narrator_id=self.narrator_id,
            primary_organization_id=self.primary_organization_id,
        )
