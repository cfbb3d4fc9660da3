"""The graph store: what the rest of the project calls to write and read the graph.

It composes a backend (transport) with the statements of :mod:`graph.cypher`.
Writes are validated first, in full, so a bad document changes nothing; then
they go out as batched, idempotent ``UNWIND $rows`` MERGEs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, TypeVar

from graph.collector import collector_paused
from graph.contract import Contract, load_contract
from graph.cypher import core, dialect
from graph.errors import StoreError
from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship
from graph.readonly import check_read_only
from graph.store.backend import Backend, Batch, Row
from graph.validate import validate_document

__all__ = ["GraphStore", "Stats", "WriteReport", "evidence_lists"]

Progress = Callable[[int], None]
T = TypeVar("T")

_NODE_BATCH = 2_000
_REL_BATCH = 5_000
_LOOKUP_BATCH = 5_000


def evidence_lists(evidence: Sequence[Evidence]) -> dict[str, Any]:
    """The parallel lists the store keeps for a sequence of evidence.

    One entry per distinct span (the first status seen wins, as in
    ``union_evidence``): the write statements store a new item's lists as given.
    """
    if len(evidence) == 1:  # the common case, kept cheap for bulk loads
        e = evidence[0]
        return {
            "ev_key": [f"{e.account}:{e.start}:{e.end}"],
            "ev_account": [e.account],
            "ev_start": [e.start],
            "ev_end": [e.end],
            "ev_quote": [e.quote],
            "ev_status": [e.status],
            "accounts": [e.account],
            "statuses": [e.status],
        }
    first_by_key: dict[str, Evidence] = {}
    for e in evidence:
        first_by_key.setdefault(e.key, e)
    unique = list(first_by_key.values())
    return {
        "ev_key": [e.key for e in unique],
        "ev_account": [e.account for e in unique],
        "ev_start": [e.start for e in unique],
        "ev_end": [e.end for e in unique],
        "ev_quote": [e.quote for e in unique],
        "ev_status": [e.status for e in unique],
        "accounts": sorted({e.account for e in unique}),
        "statuses": sorted({e.status for e in unique}),
    }


def evidence_from_row(row: Mapping[str, Any]) -> tuple[Evidence, ...]:
    """Rebuild evidence from a stored item's parallel lists."""
    lists = [row.get(k) or [] for k in core.EVIDENCE_LISTS[1:]]
    return tuple(Evidence(a, s, e, q, st) for a, s, e, q, st in zip(*lists))


@dataclass
class Stats:
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)

    @property
    def total_nodes(self) -> int:
        return sum(self.nodes.values())

    @property
    def total_relationships(self) -> int:
        return sum(self.relationships.values())


@dataclass
class WriteReport:
    accounts: int = 0
    nodes: int = 0
    relationships: int = 0


def _chunks(items: list[T], size: int) -> Iterable[list[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _node_row(node: Node) -> Row:
    return {
        "id": node.id,
        "name": node.name,
        # A new node stores these as given: no name, no repeats.
        "aliases": list(dict.fromkeys(a for a in node.aliases if a != node.name)),
        "props": dict(node.properties),
        **evidence_lists(node.evidence),
    }


def _relationship_row(rel: Relationship) -> Row:
    return {
        "id": rel.id,
        "source": rel.source,
        "target": rel.target,
        "props": dict(rel.properties),
        **evidence_lists(rel.evidence),
    }


class GraphStore:
    def __init__(self, backend: Backend, contract: Contract | None = None) -> None:
        self.backend = backend
        self.contract = contract or load_contract()
        self._schema_ready = False

    # -- lifecycle -----------------------------------------------------------------

    def ensure_schema(self) -> None:
        if not self._schema_ready:
            dialect.apply_schema(self.backend, self.contract)
            self._schema_ready = True

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def describe(self) -> str:
        return self.backend.describe()

    # -- reading -----------------------------------------------------------------------

    def read(self, cypher: str, params: Mapping[str, Any] | None = None, timeout_ms: int | None = 30_000) -> list[Row]:
        """The read-only path for everything users type or pick."""
        check_read_only(cypher)
        return self.backend.run_read(cypher, params, timeout_ms=timeout_ms)

    def stats(self) -> Stats:
        nodes = {r["label"]: r["count"] for r in self.backend.run_read(core.COUNT_NODES_BY_LABEL)}
        rels = {r["type"]: r["count"] for r in self.backend.run_read(core.COUNT_RELATIONSHIPS_BY_TYPE)}
        return Stats(nodes, rels)

    def accounts(self) -> list[Row]:
        return self.backend.run_read(core.ACCOUNT_SUMMARIES)

    def accounts_by_id(self, ids: Iterable[str]) -> dict[str, AccountRecord]:
        ids = sorted(set(ids))
        found: dict[str, AccountRecord] = {}
        for i in range(0, len(ids), _LOOKUP_BATCH):
            for row in self.backend.run_read(core.ACCOUNTS_BY_ID, {"ids": ids[i : i + _LOOKUP_BATCH]}):
                found[row["id"]] = AccountRecord(
                    id=row["id"],
                    title=row.get("title") or "",
                    sha256=row.get("sha256") or "",
                    length=row.get("length") or 0,
                    text=row.get("text"),
                )
        return found

    def labels_of(self, ids: Iterable[str]) -> dict[str, str]:
        ids = sorted(set(ids))
        found: dict[str, str] = {}
        for label in self.contract.labels:
            wanted = [i for i in ids if i not in found]
            for i in range(0, len(wanted), _LOOKUP_BATCH):
                for row in self.backend.run_read(core.ids_with_label(label), {"ids": wanted[i : i + _LOOKUP_BATCH]}):
                    found[row["id"]] = label
            if len(found) == len(ids):
                break
        return found

    def search(self, term: str, limit: int = 20) -> list[Row]:
        """Entities whose name or alias matches ``term`` (the engine's full-text index)."""
        self.ensure_schema()
        query = dialect.fulltext_term(self.backend.name, term)
        if not query:
            return []
        rows: list[Row] = []
        labels = dialect.searchable_labels(self.contract)
        for statement in dialect.search_statements(self.backend.name, labels):
            rows.extend(self.backend.run_read(statement, {"term": query, "limit": limit}))
        rows.sort(key=lambda r: (-(r.get("account_count") or 0), r.get("name") or ""))
        return rows[:limit]

    # -- writing -----------------------------------------------------------------------

    def validate(self, document: GraphDocument) -> None:
        """Validate against the contract and what the store already holds."""
        declared = {a.id for a in document.accounts}
        evidence_accounts = {e.account for item in (*document.nodes, *document.relationships) for e in item.evidence}
        known_accounts = self.accounts_by_id(evidence_accounts - declared) if evidence_accounts - declared else {}
        # Quotes are checked against the stored text when the document brings none.
        textless = [a.id for a in document.accounts if a.text is None]
        stored = self.accounts_by_id(textless) if textless else {}
        accounts = list(document.accounts)
        for i, account in enumerate(accounts):
            if account.text is None and account.id in stored and stored[account.id].text is not None:
                if stored[account.id].sha256 == account.sha256:
                    accounts[i] = AccountRecord(
                        account.id, account.title, account.sha256, account.length, account.properties, stored[account.id].text
                    )
        present = {n.id for n in document.nodes} | declared
        referenced = {end for r in document.relationships for end in (r.source, r.target)}
        known_labels = self.labels_of(referenced - present) if referenced - present else {}
        validate_document(
            GraphDocument(tuple(accounts), document.nodes, document.relationships),
            known_accounts=known_accounts,
            known_labels=known_labels,
            contract=self.contract,
        )

    def write_document(
        self,
        document: GraphDocument,
        *,
        validate: bool = True,
        progress: Progress | None = None,
        keep_texts: bool = True,
    ) -> WriteReport:
        """Write a document; idempotent, evidence unioned with what is stored."""
        if validate:
            self.validate(document)
        self.ensure_schema()
        report = WriteReport()
        if document.accounts:
            existing = self.accounts_by_id([a.id for a in document.accounts])
            rows = []
            for account in document.accounts:
                props = {
                    "name": account.title or account.id,
                    "title": account.title,
                    "sha256": account.sha256,
                    "length": account.length,
                    **account.properties,
                }
                text = account.text if account.text is not None else None
                if text is None and account.id in existing:
                    text = existing[account.id].text  # keep a stored text a textless document lacks
                if keep_texts and text is not None:
                    props["text"] = text
                rows.append({"id": account.id, "props": {k: v for k, v in props.items() if v is not None}})
            self.backend.run(core.MERGE_ACCOUNTS, {"rows": rows})
            report.accounts = len(rows)
            if progress:
                progress(len(rows))

        by_label: dict[str, list[Node]] = defaultdict(list)
        for node in document.nodes:
            by_label[node.label].append(node)
        labels = {n.id: n.label for n in document.nodes}
        labels.update({a.id: "Account" for a in document.accounts})
        missing = {end for r in document.relationships for end in (r.source, r.target)} - labels.keys()
        if missing:
            labels.update(self.labels_of(missing))
        by_shape: dict[tuple[str, str, str], list[Relationship]] = defaultdict(list)
        for rel in document.relationships:
            try:
                by_shape[(rel.type, labels[rel.source], labels[rel.target])].append(rel)
            except KeyError as exc:
                raise StoreError(f"relationship {rel.type} refers to {exc.args[0]!r}, which is not in the store") from None

        # Rows are built batch by batch as the backend asks for them (so a
        # pipelining backend builds the next while the server writes the
        # current), every node before any relationship that needs it.
        sizes: list[tuple[str, int]] = []

        def batches() -> Iterator[Batch]:
            for label, nodes in by_label.items():
                statement = core.merge_nodes(label)
                for chunk in _chunks(nodes, _NODE_BATCH):
                    sizes.append(("nodes", len(chunk)))
                    yield statement, {"rows": [_node_row(n) for n in chunk]}
            for (rel_type, source, target), rels in by_shape.items():
                statement = core.merge_relationships(rel_type, source, target)
                for chunk in _chunks(rels, _REL_BATCH):
                    sizes.append(("relationships", len(chunk)))
                    yield statement, {"rows": [_relationship_row(r) for r in chunk]}

        with collector_paused():
            for done, _ in enumerate(self.backend.run_batches(batches())):
                kind, count = sizes[done]
                setattr(report, kind, getattr(report, kind) + count)
                if progress:
                    progress(count)
        return report

    def remove_account(self, account_id: str, *, keep_account_node: bool = False) -> None:
        """Drop one account's evidence everywhere, then whatever no account supports."""
        params = {"account": account_id}
        for label in self.contract.labels:
            if label != "Account":
                self.backend.run(core.strip_account_from_nodes(label), params)
        for rel_type in self.contract.relationships:
            self.backend.run(core.strip_account_from_relationships(rel_type), params)
        for rel_type in self.contract.relationships:
            self.backend.run(core.delete_unsupported_relationships(rel_type))
        for label in self.contract.labels:
            if label != "Account":
                self.backend.run(core.delete_unsupported_nodes(label))
        if not keep_account_node:
            self.backend.run(core.DELETE_ACCOUNT, params)

    def wipe(self) -> int:
        deleted = 0
        while True:
            rows = self.backend.run(core.WIPE_BATCH, {"batch": 10_000})
            count = rows[0]["deleted"] if rows else 0
            deleted += count
            if not count:
                return deleted
