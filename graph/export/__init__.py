"""Export subgraphs with their evidence, for Gephi, Cytoscape, Kumu, Aleph, a
triple store or another Neo4j, with the people in them protected.

The public API (the dashboard's Export page and ``tgraph export`` use it):

- :func:`list_formats` — every registered format, as exporter objects;
- :func:`select_subgraph` (store, :class:`Selection`) — a GraphDocument;
- :func:`redact` (document, mode, secret, store=None) — the document with people
  pseudonymised (modes ``none``, ``survivors``, ``private``, ``all``);
- :func:`export_bytes` (document, format_name) — the file's bytes.

Formats are registered by name and imported only when used (rdflib's plugin
style), so asking for JSON never loads rdflib or followthemoney.
"""

from __future__ import annotations

import importlib
import io
from functools import lru_cache

from graph.errors import InputError
from graph.export.base import Exporter
from graph.export.pseudonyms import load_secret
from graph.export.redaction import DEFAULT_MODE, MODES, redact
from graph.export.selection import Selection, select_subgraph
from graph.model import GraphDocument

__all__ = [
    "FORMATS",
    "Exporter",
    "Selection",
    "MODES",
    "DEFAULT_MODE",
    "list_formats",
    "get_exporter",
    "select_subgraph",
    "redact",
    "load_secret",
    "export_bytes",
]

# name -> "module:class"
FORMATS: dict[str, str] = {
    "json": "graph.export.json_format:InterchangeJsonExporter",
    "graphml": "graph.export.graphml:GraphMLExporter",
    "gexf": "graph.export.gexf:GexfExporter",
    "cytoscape": "graph.export.cytoscape:CytoscapeExporter",
    "neo4j-csv": "graph.export.neo4j_csv:Neo4jCsvExporter",
    "turtle": "graph.export.rdf:TurtleExporter",
    "jsonld": "graph.export.rdf:JsonLdExporter",
    "ftm": "graph.export.ftm:FollowTheMoneyExporter",
    "cypher": "graph.export.cypher_script:CypherScriptExporter",
}


@lru_cache(maxsize=None)
def get_exporter(name: str) -> Exporter:
    """The exporter registered as ``name``."""
    target = FORMATS.get(name)
    if target is None:
        raise InputError(f"unknown format; use one of {', '.join(FORMATS)}", where=name)
    module, attribute = target.split(":")
    return getattr(importlib.import_module(module), attribute)()


def list_formats() -> list[Exporter]:
    """Every registered format, in registration order."""
    return [get_exporter(name) for name in FORMATS]


def export_bytes(document: GraphDocument, format_name: str) -> bytes:
    """The whole export of ``document`` in ``format_name``, in memory."""
    buffer = io.BytesIO()
    get_exporter(format_name).write(document, buffer)
    return buffer.getvalue()
