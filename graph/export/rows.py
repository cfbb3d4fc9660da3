"""Rows read back from the store, turned into the model: the stored properties
of a row (a ``props`` map or ``p_<key>`` columns) become a node, a relationship
or an account record, with the storage keys folded back into name, aliases and
evidence."""

from __future__ import annotations

from typing import Any, Mapping

from graph.cypher import export as statements
from graph.model import AccountRecord, Node, Relationship
from graph.store.store import evidence_from_row

__all__ = ["stored_properties", "node_from_props", "relationship_from_props", "account_from_props"]

# Stored beside the contract properties; rebuilt into name, aliases and evidence.
_STORAGE_KEYS = {
    "id", "name", "aliases", "search_text", "ev_key", "ev_account", "ev_start", "ev_end",
    "ev_quote", "ev_status", "accounts", "account_count", "statuses",
}
_ACCOUNT_CORE = {"id", "name", "title", "sha256", "length", "text", "accounts", "account_count"}


def stored_properties(row: Mapping[str, Any]) -> dict[str, Any]:
    """The stored properties a row holds, as ``props`` or as ``p_<key>`` columns."""
    if "props" in row:
        return dict(row["props"])
    cut = len(statements.PROPERTY_PREFIX)
    return {k[cut:]: v for k, v in row.items() if k.startswith(statements.PROPERTY_PREFIX) and v is not None}


def node_from_props(label: str, props: Mapping[str, Any]) -> Node:
    return Node(
        id=props["id"],
        label=label,
        name=props.get("name") or props["id"],
        aliases=tuple(props.get("aliases") or ()),
        properties={k: v for k, v in props.items() if k not in _STORAGE_KEYS},
        evidence=evidence_from_row(props),
    )


def relationship_from_props(rel_type: str, source: str, target: str, props: Mapping[str, Any]) -> Relationship:
    return Relationship(
        type=rel_type,
        source=source,
        target=target,
        properties={k: v for k, v in props.items() if k not in _STORAGE_KEYS},
        evidence=evidence_from_row(props),
    )


def account_from_props(props: Mapping[str, Any]) -> AccountRecord:
    return AccountRecord(
        id=props["id"],
        title=props.get("title") or "",
        sha256=props.get("sha256") or "",
        length=props.get("length") or len(props.get("text") or ""),
        properties={k: v for k, v in props.items() if k not in _ACCOUNT_CORE},
        text=props.get("text"),
    )
