"""What the dashboard reads from the store, as plain data.

Every function takes a :class:`~graph.store.GraphStore` and returns frozen
dataclasses or lists of them (picklable, so the pages can cache them with
``st.cache_data``). No Streamlit here: the pages call these, the tests call them
directly too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from graph.contract import Contract, load_contract
from graph.cypher import dashboard as statements
from graph.errors import StoreError
from graph.model import Evidence
from graph.store import GraphStore
from graph.store.store import evidence_from_row

__all__ = [
    "LightNode",
    "LightEdge",
    "LightGraph",
    "AccountSummary",
    "ItemDetail",
    "AccountText",
    "AccountItem",
    "load_light_graph",
    "load_counts",
    "load_account_summaries",
    "load_item_detail",
    "load_account_text",
    "load_account_items",
    "load_organisation_units",
    "load_occurrences",
]


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else ()


@dataclass(frozen=True)
class LightNode:
    """Enough of a node to draw, filter and walk the graph."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    date: str | None = None
    accounts: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()


@dataclass(frozen=True)
class LightEdge:
    id: str
    type: str
    source: str
    target: str
    accounts: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()


@dataclass(frozen=True)
class LightGraph:
    """Every node and relationship of the store, light. Walked in Python."""

    nodes: Mapping[str, LightNode]
    edges: tuple[LightEdge, ...]
    _adjacency: dict[str, tuple[LightEdge, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[LightEdge]] = defaultdict(list)
        for edge in self.edges:
            grouped[edge.source].append(edge)
            if edge.target != edge.source:
                grouped[edge.target].append(edge)
        self._adjacency.update({k: tuple(v) for k, v in grouped.items()})

    def incident_edges(self, node_id: str) -> tuple[LightEdge, ...]:
        return self._adjacency.get(node_id, ())

    def degree(self, node_id: str) -> int:
        return len(self._adjacency.get(node_id, ()))

    def edge(self, edge_id: str) -> LightEdge | None:
        for edge in self.edges:
            if edge.id == edge_id:
                return edge
        return None

    @property
    def is_empty(self) -> bool:
        return not self.nodes


def _never_written(exc: StoreError) -> bool:
    # FalkorDB creates a graph on its first write; reading one never written
    # fails with this message. For the dashboard that graph is simply empty.
    return "empty key" in str(exc)


def load_light_graph(store: GraphStore) -> LightGraph:
    try:
        node_rows = store.backend.run_read(statements.LIGHT_NODES)
    except StoreError as exc:
        if _never_written(exc):
            return LightGraph({}, ())
        raise
    nodes = {
        row["id"]: LightNode(
            id=row["id"],
            label=row["label"],
            name=row.get("name") or row["id"],
            aliases=_tuple(row.get("aliases")),
            kind=row.get("kind"),
            date=row.get("date"),
            accounts=_tuple(row.get("accounts")),
            statuses=_tuple(row.get("statuses")),
        )
        for row in node_rows
        if row.get("id") is not None
    }
    edges = tuple(
        LightEdge(
            id=row.get("id") or f"{row['type']}:{row['source']}->{row['target']}",
            type=row["type"],
            source=row["source"],
            target=row["target"],
            accounts=_tuple(row.get("accounts")),
            statuses=_tuple(row.get("statuses")),
        )
        for row in store.backend.run_read(statements.LIGHT_RELATIONSHIPS)
        if row.get("source") in nodes and row.get("target") in nodes
    )
    return LightGraph(nodes, edges)


def load_counts(store: GraphStore) -> tuple[dict[str, int], dict[str, int]]:
    """(nodes per label, relationships per type)."""
    stats = store.stats()
    return dict(stats.nodes), dict(stats.relationships)


@dataclass(frozen=True)
class AccountSummary:
    id: str
    title: str
    author: str
    published: str
    source: str
    words: int | None
    nodes: int
    relationships: int

    @property
    def items(self) -> int:
        return self.nodes + self.relationships


def load_account_summaries(store: GraphStore) -> list[AccountSummary]:
    nodes = {r["account"]: r["items"] for r in store.backend.run_read(statements.NODE_ITEMS_PER_ACCOUNT)}
    rels = {r["account"]: r["items"] for r in store.backend.run_read(statements.RELATIONSHIP_ITEMS_PER_ACCOUNT)}
    return [
        AccountSummary(
            id=row["id"],
            title=row.get("title") or row.get("name") or row["id"],
            author=row.get("author") or "",
            published=str(row.get("published") or ""),
            source=row.get("source") or "",
            words=row.get("words"),
            nodes=nodes.get(row["id"], 0),
            relationships=rels.get(row["id"], 0),
        )
        for row in store.accounts()
    ]


@dataclass(frozen=True)
class ItemDetail:
    """A node or relationship with its contract properties and every piece of evidence."""

    id: str
    kind: str  # "node" | "relationship"
    label: str  # the node label or the relationship type
    name: str
    properties: dict[str, Any]
    evidence: tuple[Evidence, ...]
    source: str | None = None
    target: str | None = None

    @property
    def accounts(self) -> tuple[str, ...]:
        return tuple(sorted({e.account for e in self.evidence}))

    @property
    def statuses(self) -> tuple[str, ...]:
        return tuple(sorted({e.status for e in self.evidence}))

    def status_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for ev in self.evidence:
            counts[ev.status] += 1
        return dict(sorted(counts.items()))


# Stored beside the contract properties; shown separately, not as properties.
_BOOKKEEPING = {"id", "name", "ev_key", "ev_account", "ev_start", "ev_end", "ev_quote", "ev_status",
                "accounts", "account_count", "statuses", "search_text", "text"}


def _detail_from_row(item_id: str, kind: str, label: str, name: str, row: Mapping[str, Any],
                     source: str | None = None, target: str | None = None) -> ItemDetail:
    properties = {
        k: v for k, v in row.items() if k not in _BOOKKEEPING and v not in (None, [], "")
    }
    return ItemDetail(item_id, kind, label, name, properties, evidence_from_row(row), source, target)


def load_item_detail(store: GraphStore, graph: LightGraph, item_id: str,
                     contract: Contract | None = None) -> ItemDetail | None:
    """Details of the node or relationship ``item_id`` of the light graph, or None."""
    contract = contract or load_contract()
    node = graph.nodes.get(item_id)
    if node is not None:
        if node.label not in contract.labels:
            return None
        rows = store.backend.run_read(statements.node_detail(node.label, contract), {"id": item_id})
        if not rows:
            return None
        return _detail_from_row(item_id, "node", node.label, node.name, rows[0]["item"])
    edge = graph.edge(item_id)
    if edge is None or edge.type not in contract.relationships:
        return None
    source, target = graph.nodes[edge.source], graph.nodes[edge.target]
    statement = statements.relationship_detail(edge.type, source.label, target.label, contract)
    rows = store.backend.run_read(statement, {"source": edge.source, "target": edge.target})
    if not rows:
        return None
    name = f"{source.name} —{edge.type}→ {target.name}"
    return _detail_from_row(item_id, "relationship", edge.type, name, rows[0]["item"], edge.source, edge.target)


@dataclass(frozen=True)
class AccountText:
    id: str
    title: str
    author: str
    published: str
    source: str
    words: int | None
    text: str


def load_account_text(store: GraphStore, account_id: str) -> AccountText | None:
    rows = store.backend.run_read(statements.ACCOUNT_TEXT, {"account": account_id})
    if not rows:
        return None
    row = rows[0]["account"]
    return AccountText(
        id=row["id"],
        title=row.get("title") or row["id"],
        author=row.get("author") or "",
        published=str(row.get("published") or ""),
        source=row.get("source") or "",
        words=row.get("words"),
        text=row.get("text") or "",
    )


@dataclass(frozen=True)
class AccountItem:
    """One node or relationship extracted from one account, with that account's evidence only."""

    id: str
    kind: str  # "node" | "relationship"
    label: str  # node label or relationship type
    name: str
    evidence: tuple[Evidence, ...]
    source: str | None = None
    target: str | None = None


def _own_evidence(row: Mapping[str, Any], account_id: str) -> tuple[Evidence, ...]:
    return tuple(e for e in evidence_from_row(row) if e.account == account_id)


def load_account_items(store: GraphStore, account_id: str, graph: LightGraph | None = None) -> list[AccountItem]:
    """Every node and relationship one account supports, nodes first."""
    params = {"account": account_id}
    items = [
        AccountItem(row["id"], "node", row["label"], row.get("name") or row["id"],
                    _own_evidence(row["evidence"], account_id))
        for row in store.backend.run_read(statements.ACCOUNT_NODES, params)
    ]
    names = {item.id: item.name for item in items}
    if graph is not None:
        names.update({n.id: n.name for n in graph.nodes.values()})
    for row in store.backend.run_read(statements.ACCOUNT_RELATIONSHIPS, params):
        source, target = row["source"], row["target"]
        items.append(
            AccountItem(
                row.get("id") or f"{row['type']}:{source}->{target}", "relationship", row["type"],
                f"{names.get(source, source)} —{row['type']}→ {names.get(target, target)}",
                _own_evidence(row["evidence"], account_id), source, target,
            )
        )
    return items


def load_organisation_units(store: GraphStore, contract: Contract | None = None) -> list[dict[str, Any]]:
    return store.backend.run_read(statements.organisation_units(contract))


def load_occurrences(store: GraphStore, contract: Contract | None = None) -> list[dict[str, Any]]:
    return store.backend.run_read(statements.occurrences(contract))

