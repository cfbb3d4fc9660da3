"""Query results as a table, as downloads, and as the graph they mention.

Saved queries return scalars, maps and lists (CYPHER.md rule 16), so the graph
of a result is found by its node ids: every string in the result that is the id
of a node in the store, and every ``{nodes, relationships}`` path map.

>>> rows = [{"who": "ahmed-s", "n": 2, "tags": ["a", "b"]}]
>>> table_rows(rows)
[{'who': 'ahmed-s', 'n': 2, 'tags': '["a", "b"]'}]
>>> csv_bytes(rows).decode().splitlines()
['who,n,tags', 'ahmed-s,2,"[""a"", ""b""]"']
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Mapping, Sequence

from dashboard.data import LightGraph

__all__ = ["columns_of", "table_rows", "csv_bytes", "json_bytes", "ids_in", "result_subgraph", "drawn_subgraph"]


def columns_of(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    return list(dict.fromkeys(key for row in rows for key in row))


def _cell(value: Any) -> Any:
    # Tables and CSV hold scalars; lists and maps travel as JSON text.
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def table_rows(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    columns = columns_of(rows)
    return [{c: _cell(row.get(c)) for c in columns} for row in rows]


def csv_bytes(rows: Sequence[Mapping[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns_of(rows), lineterminator="\n")
    writer.writeheader()
    writer.writerows(table_rows(rows))
    return buffer.getvalue().encode("utf-8")


def json_bytes(rows: Sequence[Mapping[str, Any]], meta: Mapping[str, Any] | None = None) -> bytes:
    payload: dict[str, Any] = dict(meta or {})
    payload["rows"] = list(rows)
    return json.dumps(payload, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def ids_in(rows: Iterable[Mapping[str, Any]], graph: LightGraph) -> list[str]:
    """Node ids the result mentions, in the order they first appear."""
    found: dict[str, None] = {}
    for row in rows:
        for text in _strings(row):
            if text in graph.nodes:
                found.setdefault(text, None)
    return list(found)


def result_subgraph(rows: Sequence[Mapping[str, Any]], graph: LightGraph) -> tuple[list[str], list[str]]:
    """(node ids, edge ids): the nodes a result names, the relationships it names
    (with their ends), and the relationships among all of those."""
    edge_index = {e.id: e for e in graph.edges}
    nodes: dict[str, None] = dict.fromkeys(ids_in(rows, graph))
    for row in rows:
        for text in _strings(row):
            edge = edge_index.get(text)
            if edge is not None:
                nodes.setdefault(edge.source, None)
                nodes.setdefault(edge.target, None)
    present = set(nodes)
    edges = [e.id for e in graph.edges if e.source in present and e.target in present]
    return list(nodes), edges


def drawn_subgraph(rows: Sequence[Mapping[str, Any]], graph: LightGraph) -> tuple[list[str], list[str]]:
    """(node ids, edge ids) from a saved query's drawable columns: ``nodes`` holds
    maps with an ``id``; ``relationships`` maps with ``source``, ``target`` and ``type``
    (or an ``id``)."""
    by_ends = {(e.source, e.target, e.type): e.id for e in graph.edges}
    known_edges = set(by_ends.values())
    nodes: dict[str, None] = {}
    edges: dict[str, None] = {}
    for row in rows:
        for item in row.get("nodes") or ():
            node_id = item.get("id") if isinstance(item, Mapping) else item
            if isinstance(node_id, str) and node_id in graph.nodes:
                nodes.setdefault(node_id, None)
        for item in row.get("relationships") or ():
            if not isinstance(item, Mapping):
                continue
            edge_id = item.get("id")
            if edge_id not in known_edges:
                edge_id = by_ends.get((item.get("source"), item.get("target"), item.get("type")))
            if edge_id is None:
                continue
            edges.setdefault(edge_id, None)
            for end in (item.get("source"), item.get("target")):
                if end in graph.nodes:
                    nodes.setdefault(end, None)
    return list(nodes), list(edges)
