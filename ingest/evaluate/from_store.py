"""Rebuild the prediction a store holds, for the accounts being scored."""

from __future__ import annotations

from typing import Sequence

from graph.cypher import evaluate as statements
from graph.model import GraphDocument, Node, Relationship
from graph.store import GraphStore
from graph.store.store import evidence_from_row

__all__ = ["read_graph"]


def read_graph(store: GraphStore, account_ids: Sequence[str]) -> GraphDocument:
    """Accounts (with their stored texts), nodes and relationships with evidence in
    ``account_ids``, through the read-only path."""
    params = {"accounts": sorted(set(account_ids))}
    nodes: list[Node] = []
    for label in store.contract.labels:
        if label == "Account":
            continue
        for row in store.read(statements.nodes_in_accounts(label), params):
            kind = row.get("kind")
            nodes.append(
                Node(
                    id=row["id"],
                    label=label,
                    name=row.get("name") or row["id"],
                    aliases=tuple(row.get("aliases") or ()),
                    properties={"kind": kind} if kind is not None else {},
                    evidence=evidence_from_row(row),
                )
            )
    relationships: list[Relationship] = []
    for rel_type in store.contract.relationships:
        for row in store.read(statements.relationships_in_accounts(rel_type), params):
            relationships.append(Relationship(rel_type, row["source"], row["target"], {}, evidence_from_row(row)))
    accounts = store.accounts_by_id(params["accounts"])
    return GraphDocument(tuple(accounts.values()), tuple(nodes), tuple(relationships))
