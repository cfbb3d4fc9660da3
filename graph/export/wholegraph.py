"""Read the whole graph back from the store as a document, fast enough for
100,000 nodes and 300,000 relationships.

What made it slow, measured on the synthetic graph of ``bench/bench_export.py``
(select took 56 s of a 93 s export on a quiet machine):

- the client's generic parser of replies (a method call per value): rows are
  read as tuples with :meth:`graph.store.backend.Backend.run_read_rows`;
- the cyclic garbage collector making full passes over the growing document
  (a third of the time): it is paused while the document is built;
- per-row dicts and prefix matching: each page's rows become nodes and
  relationships by column position;
- waiting on the server: the pages are fetched one ahead in a helper thread,
  so the server runs the next statement while this one's rows are converted
  (waiting on a socket releases the GIL).

The read is cut into pages: every id of a label first (one narrow column), then
the nodes and the relationships leaving them :data:`PAGE_IDS` ids at a time,
found through the id index (:mod:`graph.cypher.export`).
"""

from __future__ import annotations

import queue
import threading
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from graph.cypher import export as statements
from graph.collector import collector_paused
from graph.export.rows import account_from_props, stored_properties
from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship
from graph.store import GraphStore

__all__ = ["PAGE_IDS", "read_whole_graph", "page_statements"]

#: Source ids per statement: a page of nodes, or of the relationships leaving them.
PAGE_IDS = 5_000

# The columns every node page starts with (graph.cypher.export.node_keys).
_NODE_FIXED = 8  # id, name, aliases, and the five evidence lists
_REL_FIXED = 7  # source, target, and the five evidence lists

Rows = list[tuple[Any, ...]]
#: One statement of the read: its text, its parameters, and what turns its rows into items.
Task = tuple[str, dict[str, Any], Callable[[Rows], None]]


def _evidence(accounts: Sequence[str] | None, starts: Sequence[int] | None, ends: Sequence[int] | None,
              quotes: Sequence[str] | None, statuses: Sequence[str] | None) -> tuple[Evidence, ...]:
    return tuple(map(Evidence, accounts or (), starts or (), ends or (), quotes or (), statuses or ()))


def _node_converter(label: str, into: list[Node]) -> Callable[[Rows], None]:
    """Rows of :func:`graph.cypher.export.nodes_by_ids` into nodes (properties
    without the storage keys, nulls left out, as the store never keeps nulls)."""
    keys = statements.node_keys(label)[_NODE_FIXED:]
    append = into.append

    def convert(rows: Rows) -> None:
        for row in rows:
            append(Node(
                row[0],
                label,
                row[1] or row[0],
                tuple(row[2] or ()),
                {k: v for k, v in zip(keys, row[_NODE_FIXED:]) if v is not None},
                _evidence(row[3], row[4], row[5], row[6], row[7]),
            ))

    return convert


def _relationship_converter(rel_type: str, into: list[Relationship]) -> Callable[[Rows], None]:
    """Rows of :func:`graph.cypher.export.relationships_from_sources` into relationships."""
    keys = statements.page_relationship_keys(rel_type)[_REL_FIXED - 2:]
    append = into.append

    def convert(rows: Rows) -> None:
        for row in rows:
            append(Relationship(
                rel_type,
                row[0],
                row[1],
                {k: v for k, v in zip(keys, row[_REL_FIXED:]) if v is not None},
                _evidence(row[2], row[3], row[4], row[5], row[6]),
            ))

    return convert


def _pages(ids: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _ids_by_label(store: GraphStore) -> dict[str, list[str]]:
    """Every id of every label but Account, sorted (one narrow statement per label)."""
    return {
        label: sorted(row[0] for row in store.backend.run_read_rows(statements.node_ids_of_label(label)))
        for label in store.contract.labels
        if label != "Account"
    }


def page_statements(
    store: GraphStore, ids: Mapping[str, Sequence[str]], page_ids: int = PAGE_IDS
) -> Iterator[tuple[str, dict[str, Any], str, str]]:
    """(statement, parameters, "node" or "relationship", label or type) of every
    page of the read, in order: nodes label by label, then relationships type
    by type and source label. ``ids`` holds the ids of each label (accounts
    under ``Account``). The benchmark runs these again to time the engine.
    """
    for label in store.contract.labels:
        if label != "Account":
            statement = statements.nodes_by_ids(label)
            for page in _pages(ids.get(label, ()), page_ids):
                yield statement, {"ids": page}, "node", label
    for rel_type, spec in store.contract.relationships.items():
        for source in spec.sources:
            statement = statements.relationships_from_sources(rel_type, source)
            for page in _pages(ids.get(source, ()), page_ids):
                yield statement, {"ids": page}, "relationship", rel_type


def _prefetched(store: GraphStore, tasks: Iterable[Task]) -> Iterator[tuple[Rows, Callable[[Rows], None]]]:
    """Each task's rows, fetched one ahead in a helper thread.

    Only the helper talks to the store while this runs, so the client's
    connection is never shared. Errors are raised in the caller's thread, and
    the helper stops as soon as the caller does.
    """
    ready: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def put(item: tuple[str, Any]) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def fetch() -> None:
        try:
            for cypher, params, convert in tasks:
                if not put(("rows", (store.backend.run_read_rows(cypher, params), convert))):
                    return
            put(("done", None))
        except BaseException as exc:  # handed to the caller's thread, raised there
            put(("error", exc))

    worker = threading.Thread(target=fetch, name="export-read", daemon=True)
    worker.start()
    try:
        while True:
            kind, payload = ready.get()
            if kind == "done":
                return
            if kind == "error":
                raise payload
            yield payload
    finally:
        stop.set()
        worker.join()


def read_whole_graph(store: GraphStore, page_ids: int = PAGE_IDS) -> GraphDocument:
    """Every account, node and relationship in ``store``, with all evidence.

    Nodes come label by label in id order; relationships type by type, by
    their source's label and id; accounts sorted by id. ``page_ids`` is how
    many source ids one statement looks up.
    """
    with collector_paused():
        accounts: list[AccountRecord] = [
            account_from_props(stored_properties(row)) for row in store.backend.run_read(statements.ACCOUNT_NODES)
        ]
        accounts.sort(key=lambda a: a.id)
        ids = _ids_by_label(store)
        ids["Account"] = [a.id for a in accounts]
        nodes: list[Node] = []
        rels: list[Relationship] = []
        converters: dict[tuple[str, str], Callable[[Rows], None]] = {}
        for label in store.contract.labels:
            converters[("node", label)] = _node_converter(label, nodes)
        for rel_type in store.contract.relationships:
            converters[("relationship", rel_type)] = _relationship_converter(rel_type, rels)
        tasks = (
            (statement, params, converters[(kind, name)])
            for statement, params, kind, name in page_statements(store, ids, page_ids)
        )
        for rows, convert in _prefetched(store, tasks):
            convert(rows)
    return GraphDocument(tuple(accounts), tuple(nodes), tuple(rels))
