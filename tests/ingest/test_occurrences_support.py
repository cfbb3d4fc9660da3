"""Support for the occurrence tests: hand-built entity results over short passages.

The occurrence stage reads what the entity stage found; these tests build that
by hand (every surface form of every entity located in the text), so they test
the occurrence rules alone, independent of the seeds and of the entity stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import AccountRecord, GraphDocument, Node, Relationship
from graph.validate import validate_document
from ingest.extract.occurrences import extract_occurrences
from ingest.extract.types import EntityResult, Mention, OccurrenceResult
from ingest.lexicon import load_lexicon

__all__ = ["Passage", "run"]

LEXICON = load_lexicon()


@dataclass
class Passage:
    """What one run of the stage produced, with helpers to ask about it."""

    account: AccountRecord
    entities: EntityResult
    result: OccurrenceResult

    @property
    def text(self) -> str:
        return self.account.text or ""

    def nodes(self, label: str, kind: str | None = None) -> list[Node]:
        return [n for n in self.result.nodes if n.label == label and (kind is None or n.properties["kind"] == kind)]

    def node(self, label: str, kind: str | None = None, containing: str | None = None) -> Node:
        """The one node of ``label``/``kind`` (whose evidence holds ``containing``)."""
        found = [
            n for n in self.nodes(label, kind)
            if containing is None or any(containing in e.quote for e in n.evidence)
        ]
        assert len(found) == 1, f"expected one {label}/{kind} with {containing!r}, got {[n.name for n in self.nodes(label)]}"
        return found[0]

    def rels(self, rel_type: str) -> set[tuple[str, str]]:
        return {(r.source, r.target) for r in self.result.relationships if r.type == rel_type}

    def rel(self, rel_type: str, source: str, target: str) -> Relationship:
        for r in self.result.relationships:
            if (r.type, r.source, r.target) == (rel_type, source, target):
                return r
        raise AssertionError(f"no {rel_type} {source} -> {target}; have {sorted(self.rels(rel_type))}")

    def statuses(self, rel_type: str, source: str, target: str) -> set[str]:
        return {e.status for e in self.rel(rel_type, source, target).evidence}


def run(text: str, entities: dict[str, tuple[str, list[str]]], narrator: str | None = "narrator",
        primary: str | None = None, published: str | None = None, account_id: str = "t01") -> Passage:
    """Run the occurrence stage on ``text`` with the given entities.

    ``entities`` maps a node id to its label and its surface forms; every form
    is located in the text (case-sensitively) as a mention. The narrator is a
    Person with no mentions of its own (first-person words stand for it).
    """
    account = AccountRecord.from_text(account_id, text, title="test", published=published)
    nodes = [Node(node_id, label, forms[0] if forms else node_id) for node_id, (label, forms) in entities.items()]
    if narrator is not None and narrator not in entities:
        nodes.append(Node(narrator, "Person", "the narrator"))
    mentions: list[Mention] = []
    for node_id, (label, forms) in entities.items():
        for form in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                mentions.append(Mention(node_id, label, m.start(), m.end(), m.group(0)))
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue  # a shorter form inside a longer one is the same mention
        kept.append(m)
    result = EntityResult(nodes=nodes, mentions=kept, narrator_id=narrator, primary_organization_id=primary)
    occurrences = extract_occurrences(account, result, LEXICON)
    # Every run must give a document the contract accepts, grounded verbatim.
    document = GraphDocument((account,), tuple(occurrences.nodes), tuple(occurrences.relationships))
    validate_document(document, known_labels={n.id: n.label for n in nodes})
    for item in (*occurrences.nodes, *occurrences.relationships):
        for ev in item.evidence:
            assert text[ev.start:ev.end] == ev.quote
    return Passage(account, result, occurrences)
