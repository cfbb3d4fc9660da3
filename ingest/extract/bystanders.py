"""Dropping people the account only describes in passing.

A person known only by a short description ("a chair", "the national
secretary", "a branch officer") who takes part in nothing the account tells
is a mention of an office, not someone in the story: keeping them would put
a phantom holder beside the one the account names. Longer descriptions ("a
full-timer at the national centre") and anyone tied to an occurrence stay.
"""

from __future__ import annotations

from graph.model import GraphDocument
from ingest.extract.descriptions import is_described

__all__ = ["without_bystanders"]

# Ties that only place a person in the organisation's structure.
_STRUCTURAL = frozenset({"HOLDS_ROLE", "MEMBER_OF"})
# A description this short is an office or a group, not an individual told about.
_SHORT_WORDS = 3


def without_bystanders(document: GraphDocument) -> GraphDocument:
    ties: dict[str, set[str]] = {}
    for rel in document.relationships:
        ties.setdefault(rel.source, set()).add(rel.type)
        ties.setdefault(rel.target, set()).add(rel.type)
    bystanders = {
        node.id for node in document.nodes
        if is_described(node) and len(node.name.split()) <= _SHORT_WORDS
        and ties.get(node.id) and ties[node.id] <= _STRUCTURAL
    }
    if not bystanders:
        return document
    return GraphDocument(
        accounts=document.accounts,
        nodes=tuple(n for n in document.nodes if n.id not in bystanders),
        relationships=tuple(r for r in document.relationships
                            if r.source not in bystanders and r.target not in bystanders),
    )
