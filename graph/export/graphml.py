"""GraphML for Gephi, yEd, Cytoscape desktop and networkx.

Attributes are scalars: the contract label as ``node_label``, the name as
``label`` (what Gephi shows), evidence summarised as ``quotes`` (joined with
`` | ``), ``statuses``, ``accounts``, ``account_count``, and kept whole as
the JSON string ``evidence``.

Written as a stream (:mod:`graph.export.xmlstream`): the keys first, from
:func:`graph.export.flatten.attribute_types`, then one element per account,
node and relationship. ``networkx.read_graphml(..., force_multigraph=True)``
reads it back with the same attributes and types as networkx's own writer
gave (relationships keyed by their id). Key ids are the attribute names; an
edge attribute that shares its name with a node attribute gets the id
``edge_<name>``, since GraphML wants key ids unique.
"""

from __future__ import annotations

from typing import Any, BinaryIO, Callable, Iterable

from graph.export.base import Exporter
from graph.export.flatten import account_attributes, attribute_types, node_attributes, relationship_attributes
from graph.collector import collector_paused
from graph.export.xmlstream import XML_DECLARATION, XmlStream, escape_attribute, escape_text, xml_value
from graph.model import GraphDocument

__all__ = ["GraphMLExporter", "GRAPHML_TYPES"]

#: The GraphML type of each Python type (networkx's choices: ``int`` is ``long``).
GRAPHML_TYPES: dict[type, str] = {str: "string", int: "long", float: "double", bool: "boolean"}

_OPENING = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


def _key_ids(types: dict[str, dict[str, type]]) -> dict[str, dict[str, str]]:
    """A unique key id per (scope, attribute name)."""
    taken: set[str] = set()
    ids: dict[str, dict[str, str]] = {}
    for scope, names in types.items():
        ids[scope] = {}
        for name in names:
            key_id, n = (name if name not in taken else f"{scope}_{name}"), 1
            while key_id in taken:
                key_id, n = f"{scope}_{name}_{n}", n + 1
            taken.add(key_id)
            ids[scope][name] = key_id
    return ids


class GraphMLExporter(Exporter):
    name = "graphml"
    extension = "graphml"
    media_type = "application/graphml+xml"
    description = "GraphML for Gephi, yEd and networkx (evidence as scalar attributes)"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        types = attribute_types(document)
        key_ids = _key_ids(types)
        out = XmlStream(stream)
        out.write(XML_DECLARATION + _OPENING)
        for scope, names in types.items():
            for name, kind in names.items():
                out.write(
                    f'  <key id="{escape_attribute(key_ids[scope][name])}" for="{scope}" '
                    f'attr.name="{escape_attribute(name)}" attr.type="{GRAPHML_TYPES.get(kind, "string")}"/>\n'
                )
        out.write('  <graph edgedefault="directed">\n')
        # Per-item attribute dicts are short-lived, but the collector would
        # still walk the whole document again and again while they come and go.
        with collector_paused():
            node_data = _data_writer(out, key_ids["node"], types["node"])
            for account in document.accounts:
                out.write(f'    <node id="{escape_attribute(account.id)}">\n')
                node_data(account_attributes(account).items())
                out.write("    </node>\n")
            for node in document.nodes:
                out.write(f'    <node id="{escape_attribute(node.id)}">\n')
                node_data(node_attributes(node).items())
                out.write("    </node>\n")
            edge_data = _data_writer(out, key_ids["edge"], types["edge"])
            for rel in document.relationships:
                attributes = relationship_attributes(rel)
                out.write(
                    f'    <edge id="{escape_attribute(attributes["rel_id"])}" source="{escape_attribute(rel.source)}" '
                    f'target="{escape_attribute(rel.target)}">\n'
                )
                edge_data(attributes.items())
                out.write("    </edge>\n")
        out.write("  </graph>\n</graphml>\n")
        out.flush()


def _data_writer(
    out: XmlStream, key_ids: dict[str, str], types: dict[str, type]
) -> Callable[[Iterable[tuple[str, Any]]], None]:
    """A function writing one item's ``<data>`` elements."""
    # The opening tag of each key, built once.
    openings = {name: f'      <data key="{escape_attribute(key_id)}">' for name, key_id in key_ids.items()}

    def write(items: Iterable[tuple[str, Any]]) -> None:
        out.write("".join(
            f"{openings[name]}{escape_text(xml_value(value, types[name]))}</data>\n" for name, value in items
        ))

    return write
