"""A document in the store's own storage format (DEVELOPERS.md, "How the graph
is stored"), for the formats that recreate a store: the neo4j-admin CSV files
and the Cypher script.

The rows are what :class:`graph.store.GraphStore` writes for the same
document into an empty graph, so a store rebuilt from an export gives the same
``tgraph db stats`` and answers the saved queries the same way.
"""

from __future__ import annotations

from typing import Any

from graph.model import AccountRecord, Node, Relationship
from graph.store.store import evidence_lists

__all__ = ["node_properties", "relationship_properties", "account_properties", "search_text"]


def search_text(name: str, aliases: list[str]) -> str:
    """What the store's node writer folds name and aliases into for search."""
    return (name + " | " + "".join(a + " | " for a in aliases)).lower()


def _aliases(node: Node) -> list[str]:
    # The writer keeps each alias once and never the name itself.
    return [a for a in dict.fromkeys(node.aliases) if a != node.name]


def _with_evidence(props: dict[str, Any], item: Node | Relationship) -> dict[str, Any]:
    lists = evidence_lists(item.evidence)
    props.update(lists)
    props["account_count"] = len(lists["accounts"])
    return props


def node_properties(node: Node) -> dict[str, Any]:
    """Every stored property of a node, ``id`` included."""
    aliases = _aliases(node)
    props: dict[str, Any] = dict(node.properties)
    props.update(id=node.id, name=node.name, aliases=aliases, search_text=search_text(node.name, aliases))
    return _with_evidence(props, node)


def relationship_properties(rel: Relationship) -> dict[str, Any]:
    """Every stored property of a relationship, ``id`` included."""
    props: dict[str, Any] = dict(rel.properties)
    props["id"] = rel.id
    return _with_evidence(props, rel)


def account_properties(account: AccountRecord) -> dict[str, Any]:
    """Every stored property of an Account node, its text included when known."""
    props: dict[str, Any] = {
        "name": account.title or account.id,
        "title": account.title,
        "sha256": account.sha256,
        "length": account.length,
        **account.properties,
    }
    if account.text is not None:
        props["text"] = account.text
    props = {k: v for k, v in props.items() if v is not None}
    props.update(id=account.id, accounts=[account.id], account_count=1)
    return props
