"""Which part of the graph to export, read back from the store as a document.

Five selections: the whole graph; the nodes a saved query's rows mention; the
ego network of one entity; everything of one organisation; everything one
account supports. Each gives a :class:`graph.model.GraphDocument` with the
relationships among its nodes, every item's evidence, and the accounts that
evidence cites (with their texts), so an export is self-contained.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from graph.cypher import export as statements
from graph.errors import InputError, QueryError
from graph.export.rows import account_from_props, node_from_props, relationship_from_props, stored_properties
from graph.export.wholegraph import read_whole_graph
from graph.model import AccountRecord, GraphDocument, Node, Relationship
from graph.store import GraphStore

__all__ = ["Selection", "select_subgraph", "SELECTION_KINDS", "MAX_DEPTH"]

SELECTION_KINDS = ("all", "query", "ego", "organization", "account")
MAX_DEPTH = 5
_BATCH = 5_000


@dataclass(frozen=True)
class Selection:
    """What to export. ``value`` is the query name or the entity/account id."""

    kind: str = "all"
    value: str | None = None
    depth: int = 1
    params: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in SELECTION_KINDS:
            raise InputError(f"unknown selection; use one of {', '.join(SELECTION_KINDS)}", where=self.kind)
        if self.kind != "all" and not self.value:
            raise InputError(f"the {self.kind} selection needs a name or id", where=self.kind)
        if not 1 <= self.depth <= MAX_DEPTH:
            raise InputError(f"depth must be between 1 and {MAX_DEPTH}", where=str(self.depth))

    def describe(self) -> str:
        if self.kind == "all":
            return "the whole graph"
        if self.kind == "ego":
            return f"the ego network of {self.value} to depth {self.depth}"
        return f"{self.kind} {self.value}"


# -- reading by id ---------------------------------------------------------------------------


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), _BATCH):
        yield ids[i : i + _BATCH]


def _fetch(store: GraphStore, ids: Iterable[str], labels: Iterable[str] | None = None) -> tuple[list[Node], list[AccountRecord]]:
    """The nodes and accounts among ``ids`` (unknown ids are ignored)."""
    wanted = sorted(set(ids))
    nodes: list[Node] = []
    accounts: list[AccountRecord] = []
    for label in labels or store.contract.labels:
        for chunk in _chunks(wanted):
            for row in store.backend.run_read(statements.nodes_by_ids(label), {"ids": chunk}):
                if label == "Account":
                    accounts.append(account_from_props(stored_properties(row)))
                else:
                    nodes.append(node_from_props(label, stored_properties(row)))
    return nodes, accounts


def _relationships_among(store: GraphStore, ids_by_label: Mapping[str, set[str]]) -> list[Relationship]:
    """Relationships whose both ends are among the ids (``$ids`` serves as the
    sources to start from, limited to one label by the MATCH, and as the
    allowed targets)."""
    every = sorted(set().union(*ids_by_label.values())) if ids_by_label else []
    rels: dict[str, Relationship] = {}
    for label, ids in ids_by_label.items():
        if label == "Account" or not ids:
            continue  # accounts are only ever targets
        for row in store.backend.run_read(statements.relationships_from_ids(label), {"ids": every}):
            rel = relationship_from_props(row["type"], row["source"], row["target"], stored_properties(row))
            rels[rel.id] = rel
    return list(rels.values())


def _document_for(store: GraphStore, ids: Iterable[str]) -> GraphDocument:
    """The nodes among ``ids``, the relationships among them, and every account
    their evidence cites."""
    nodes, accounts = _fetch(store, ids)
    cited = {e.account for n in nodes for e in n.evidence}
    have = {a.id for a in accounts}
    if cited - have:
        _, more = _fetch(store, cited - have, ["Account"])
        accounts.extend(more)
    ids_by_label: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        ids_by_label[node.label].add(node.id)
    for account in accounts:
        ids_by_label["Account"].add(account.id)
    rels = _relationships_among(store, ids_by_label)
    # Relationships bring evidence too; their accounts travel with them.
    cited_by_rels = {e.account for r in rels for e in r.evidence} - {a.id for a in accounts}
    if cited_by_rels:
        _, more = _fetch(store, cited_by_rels, ["Account"])
        accounts.extend(more)
    return GraphDocument(tuple(sorted(accounts, key=lambda a: a.id)), tuple(nodes), tuple(rels))


# -- the five selections --------------------------------------------------------------------


def _ids_in(value: Any, found: set[str]) -> None:
    """Every string a row holds, and the ``id`` of every map in it."""
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, Mapping):
        if isinstance(value.get("id"), str):
            found.add(value["id"])
        for inner in value.values():
            if isinstance(inner, (Mapping, list, tuple)):
                _ids_in(inner, found)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            _ids_in(inner, found)


def _saved_query(store: GraphStore, name: str, params: Mapping[str, str]) -> GraphDocument:
    try:
        from queries.catalogue import run_saved
    except ImportError:
        raise QueryError("the saved-query catalogue (queries/catalogue.py) is not installed", where=name) from None
    rows = run_saved(store, name, dict(params))
    candidates: set[str] = set()
    for row in rows:
        _ids_in(list(row.values()) if isinstance(row, Mapping) else row, candidates)
    # Only strings that are ids of stored nodes count; names and other text fall away.
    return _document_for(store, candidates)


def _label_of(store: GraphStore, node_id: str) -> str:
    nodes, accounts = _fetch(store, [node_id])
    if nodes:
        return nodes[0].label
    if accounts:
        return "Account"
    raise InputError("no node with this id in the store (find ids with `tgraph db stats` or the dashboard's search)", where=node_id)


def _folded(name: str) -> str:
    words = name.casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def resolve_entity(store: GraphStore, value: str, label: str | None = None) -> str:
    """The id ``value`` names: an id as it is, else the one entity whose name or
    alias is ``value`` (case and a leading "the" ignored), so people can type "IMT"."""
    nodes, accounts = _fetch(store, [value])
    if nodes or accounts:
        return value
    wanted = _folded(value)
    matches = {
        row["id"]: row
        for row in store.search(wanted, limit=50)
        if (label is None or row.get("label") == label)
        and wanted in {_folded(n) for n in [row.get("name") or "", *(row.get("aliases") or [])]}
    }
    if len(matches) == 1:
        return next(iter(matches))
    if matches:
        listed = ", ".join(f"{row['id']} ({row.get('label')})" for row in list(matches.values())[:5])
        raise InputError(f"several entities are called this; pass one id: {listed}", where=value)
    raise InputError(
        "no node with this id, name or alias in the store (find ids with the dashboard's search "
        "or `tgraph query run mentions -p entity=...`)",
        where=value,
    )


def _ego(store: GraphStore, node_id: str, depth: int) -> GraphDocument:
    node_id = resolve_entity(store, node_id)
    seen: dict[str, str] = {node_id: _label_of(store, node_id)}
    frontier = dict(seen)
    for _ in range(depth):
        by_label: dict[str, list[str]] = defaultdict(list)
        for nid, label in frontier.items():
            by_label[label].append(nid)
        frontier = {}
        for label, ids in by_label.items():
            for chunk in _chunks(ids):
                for row in store.backend.run_read(statements.neighbours(label), {"ids": chunk}):
                    if row["id"] not in seen:
                        seen[row["id"]] = frontier[row["id"]] = row["label"]
        if not frontier:
            break
    return _document_for(store, seen)


def _incoming(store: GraphStore, ids_by_label: Mapping[str, set[str]], rel_type: str) -> dict[str, str]:
    spec = store.contract.relationships[rel_type]
    found: dict[str, str] = {}
    for label, ids in ids_by_label.items():
        if label not in spec.targets or not ids:
            continue
        for chunk in _chunks(sorted(ids)):
            for row in store.backend.run_read(statements.incoming(label, rel_type), {"ids": chunk}):
                found[row["id"]] = row["label"]
    return found


def _organization(store: GraphStore, org_id: str) -> GraphDocument:
    org_id = resolve_entity(store, org_id, "Organization")
    if _label_of(store, org_id) != "Organization":
        raise InputError("this id is not an Organization", where=org_id)
    units: dict[str, set[str]] = defaultdict(set)
    units["Organization"].add(org_id)
    frontier = {org_id: "Organization"}
    # Sections PART_OF an international, branches and bodies PART_OF a section ...
    for _ in range(MAX_DEPTH):
        found = _incoming(store, {"Organization": {i for i, l in frontier.items() if l == "Organization"}}, "PART_OF")
        frontier = {i: l for i, l in found.items() if i not in units[l]}
        for i, label in frontier.items():
            units[label].add(i)
        if not frontier:
            break
    selected: dict[str, str] = {i: label for label, ids in units.items() for i in ids}
    roles = _incoming(store, units, "ROLE_IN")
    selected.update(roles)
    for rel_type in ("MEMBER_OF", "JOINED", "LEFT", "OCCURRED_IN"):
        selected.update(_incoming(store, units, rel_type))
    selected.update(_incoming(store, {"Role": set(roles)}, "HOLDS_ROLE"))
    return _document_for(store, selected)


def _only_account(items: Iterable[Any], account: str) -> list[Any]:
    kept = []
    for item in items:
        evidence = tuple(e for e in item.evidence if e.account == account)
        if evidence:
            kept.append(replace(item, evidence=evidence))
    return kept


def _account(store: GraphStore, account_id: str) -> GraphDocument:
    _, accounts = _fetch(store, [account_id], ["Account"])
    if not accounts:
        raise InputError("no account with this id in the store (list them with the dashboard's Accounts page)", where=account_id)
    contract = store.contract
    params = {"account": account_id}
    nodes = [
        node_from_props(label, stored_properties(row))
        for label in contract.labels
        if label != "Account"
        for row in store.backend.run_read(statements.account_nodes(label), params)
    ]
    rels = [
        relationship_from_props(rel_type, row["source"], row["target"], stored_properties(row))
        for rel_type in contract.relationships
        for row in store.backend.run_read(statements.account_relationships(rel_type), params)
    ]
    nodes = _only_account(nodes, account_id)
    present = {n.id for n in nodes} | {account_id}
    rels = [r for r in _only_account(rels, account_id) if r.source in present and r.target in present]
    return GraphDocument(tuple(accounts), tuple(nodes), tuple(rels))


def select_subgraph(store: GraphStore, selection: Selection) -> GraphDocument:
    """Read the selected subgraph, with its evidence and accounts, from ``store``."""
    if selection.kind == "all":
        whole = read_whole_graph(store)
        if not whole.nodes and not whole.accounts:
            raise InputError("the graph is empty; ingest accounts or `tgraph db load` a document first", where=store.describe())
        return whole
    assert selection.value is not None
    if selection.kind == "query":
        return _saved_query(store, selection.value, selection.params)
    if selection.kind == "ego":
        return _ego(store, selection.value, selection.depth)
    if selection.kind == "organization":
        return _organization(store, selection.value)
    return _account(store, selection.value)
