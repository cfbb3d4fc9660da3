"""A Cypher script that recreates the subgraph in an empty Neo4j (or FalkorDB).

Portable by construction: the statements come from :mod:`graph.cypher.export`
(inside CYPHER.md's subset), every value is inlined as an escaped literal (no
parameters, so ``cypher-shell -f`` runs it as is), every write is a MERGE on
``id``, and the properties are the store's own storage format, so the replayed
graph gives the same ``tgraph db stats`` and answers the saved queries the same.

Each statement ends with ``;`` at the end of a line; strings never hold a raw
line break (it is escaped), so :func:`script_statements` splits safely.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any, BinaryIO, Iterator

from graph.contract import load_contract
from graph.cypher.core import create_index
from graph.cypher.export import script_merge_nodes, script_merge_relationships
from graph.export.base import Exporter
from graph.export.storage import account_properties, node_properties, relationship_properties
from graph.model import GraphDocument

__all__ = ["CypherScriptExporter", "script_lines", "script_statements"]

_BATCH = 200


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), _BATCH):
        yield rows[i : i + _BATCH]


def script_lines(document: GraphDocument) -> Iterator[str]:
    """The script, statement by statement (each ending with ``;`` and a newline)."""
    yield "// Testimony Graph export: recreates this subgraph in an empty database.\n"
    yield "// Run with: cypher-shell -f this-file.cypher (or paste into Neo4j Browser).\n"
    yield "// The writes are MERGEs on id (running them again changes nothing); the index\n"
    yield "// statements report \"already exists\" on a database that has them.\n"
    for label in load_contract().labels:
        yield create_index(label, "id") + ";\n"
    if document.accounts:
        rows = [{"id": a.id, "props": account_properties(a)} for a in document.accounts]
        for batch in _batches(rows):
            yield script_merge_nodes("Account", batch) + ";\n"
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in document.nodes:
        by_label[node.label].append({"id": node.id, "props": node_properties(node)})
    for label, rows in by_label.items():
        for batch in _batches(rows):
            yield script_merge_nodes(label, batch) + ";\n"
    labels = {n.id: n.label for n in document.nodes} | {a.id: "Account" for a in document.accounts}
    by_shape: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for rel in document.relationships:
        if rel.source in labels and rel.target in labels:  # an edge to a node left out cannot be made
            shape = (rel.type, labels[rel.source], labels[rel.target])
            by_shape[shape].append({"source": rel.source, "target": rel.target, "props": relationship_properties(rel)})
    for (rel_type, source, target), rows in by_shape.items():
        for batch in _batches(rows):
            yield script_merge_relationships(rel_type, source, target, batch) + ";\n"


def script_statements(script: str) -> list[str]:
    """The statements of a script, without comments and terminators."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.split("\n"):  # not splitlines(): \x0b or \u2028 inside a string is no line break
        if not current and (not line.strip() or line.lstrip().startswith("//")):
            continue
        if line.endswith(";"):
            current.append(line[:-1])
            statements.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current and "".join(current).strip():
        statements.append("\n".join(current))
    return statements


class CypherScriptExporter(Exporter):
    name = "cypher"
    extension = "cypher"
    media_type = "application/x-cypher-query"
    description = "a Cypher script that recreates the subgraph in an empty Neo4j (MERGE on id, literals inlined)"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
        for line in script_lines(document):
            text.write(line)
        text.flush()
        text.detach()
