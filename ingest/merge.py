"""The merge stage: many accounts' graphs into one document, in linear time.

:func:`graph.model.merge_documents` merges pairwise, re-sorting a node's whole
evidence at each step; a node told by every account of a large corpus (an
international, a leadership body) makes that quadratic. This gathers every
copy of a node or relationship first and unions once, with the same result:
the first name is kept and later names become aliases, the first value of a
property wins, evidence is unioned by span (first status kept) and sorted.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence, TypeVar

from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship

__all__ = ["merge_all"]

_Item = TypeVar("_Item", Node, Relationship)


def _union(copies: Sequence[_Item]) -> tuple[Evidence, ...]:
    seen: dict[tuple[str, int, int], Evidence] = {}
    for copy in copies:
        for ev in copy.evidence:
            seen.setdefault((ev.account, ev.start, ev.end), ev)
    return tuple(seen[key] for key in sorted(seen))


def _properties(copies: Sequence[_Item]) -> dict:
    merged: dict = {}
    for copy in reversed(copies):  # earlier copies overwrite later ones: the first value wins
        merged.update(copy.properties)
    return merged


def _merge_nodes(copies: list[Node]) -> Node:
    first = copies[0]
    if len(copies) == 1:
        return first
    names = [*first.aliases]
    for other in copies[1:]:
        names.extend((other.name, *other.aliases))
    aliases = tuple(dict.fromkeys(a for a in names if a != first.name))
    return replace(first, aliases=aliases, properties=_properties(copies), evidence=_union(copies))


def _merge_relationships(copies: list[Relationship]) -> Relationship:
    first = copies[0]
    if len(copies) == 1:
        return first
    return replace(first, properties=_properties(copies), evidence=_union(copies))


def merge_all(documents: Iterable[GraphDocument]) -> GraphDocument:
    """One document from many; equal to ``merge_documents(*documents)``, without its quadratic cost."""
    accounts: dict[str, AccountRecord] = {}
    nodes: dict[str, list[Node]] = {}
    relationships: dict[str, list[Relationship]] = {}
    for document in documents:
        for account in document.accounts:
            if account.id not in accounts or account.text:
                accounts[account.id] = account
        for node in document.nodes:
            nodes.setdefault(node.id, []).append(node)
        for rel in document.relationships:
            relationships.setdefault(rel.id, []).append(rel)
    return GraphDocument(
        tuple(accounts.values()),
        tuple(_merge_nodes(copies) for copies in nodes.values()),
        tuple(_merge_relationships(copies) for copies in relationships.values()),
    )
