"""Read statements `tgraph evaluate --from-store` uses to rebuild a prediction.

Only what scoring needs comes back: ids, names, aliases, kind and the evidence
lists, for the items with evidence in the accounts being scored. One
statement per label and per relationship type, since labels and types are
literal text in Cypher (CYPHER.md rule 7).
"""

from __future__ import annotations

from typing import Iterator

from graph.contract import load_contract
from graph.cypher import identifier

__all__ = ["nodes_in_accounts", "relationships_in_accounts", "examples"]

_EVIDENCE = "{v}.ev_account AS ev_account, {v}.ev_start AS ev_start, {v}.ev_end AS ev_end, " \
    "{v}.ev_quote AS ev_quote, {v}.ev_status AS ev_status"


def nodes_in_accounts(label: str) -> str:
    """Nodes of ``label`` with evidence in any of ``$accounts``."""
    return (
        f"MATCH (n:{identifier(label)})\n"
        "WHERE size([a IN coalesce(n.accounts, []) WHERE a IN $accounts]) > 0\n"
        "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.kind AS kind, "
        + _EVIDENCE.format(v="n")
        + "\nORDER BY id"
    )


def relationships_in_accounts(rel_type: str) -> str:
    """Relationships of ``rel_type`` with evidence in any of ``$accounts``."""
    return (
        f"MATCH (s)-[r:{identifier(rel_type)}]->(t)\n"
        "WHERE size([a IN coalesce(r.accounts, []) WHERE a IN $accounts]) > 0\n"
        "RETURN s.id AS source, t.id AS target, "
        + _EVIDENCE.format(v="r")
        + "\nORDER BY source, target"
    )


def examples() -> Iterator[str]:
    contract = load_contract()
    for label in contract.labels:
        if label != "Account":
            yield nodes_in_accounts(label)
    for rel_type in contract.relationships:
        yield relationships_in_accounts(rel_type)
