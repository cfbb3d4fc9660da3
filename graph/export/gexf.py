"""GEXF 1.2, Gephi's own format, with the same scalar attributes as GraphML.

Written as a stream (:mod:`graph.export.xmlstream`) in the shape networkx's
own writer gave: attribute declarations first (numbered ids, titled with the
attribute names), then nodes and edges. The ``label`` attribute travels as the
element's ``label`` (the name Gephi shows for a node, the type for an edge);
an edge's ``id`` is the relationship id. ``networkx.read_gexf`` reads it back
as a MultiDiGraph with the same attributes, relationships keyed by their id.
"""

from __future__ import annotations

import itertools
import time
from typing import Any, BinaryIO, Callable

from graph.export.base import Exporter
from graph.collector import collector_paused
from graph.export.flatten import account_attributes, attribute_types, node_attributes, relationship_attributes
from graph.export.xmlstream import XML_DECLARATION, XmlStream, escape_attribute, xml_value
from graph.model import GraphDocument

__all__ = ["GexfExporter", "GEXF_TYPES"]

#: The GEXF type of each Python type (networkx's choices: ``int`` is ``long``).
GEXF_TYPES: dict[type, str] = {str: "string", int: "long", float: "double", bool: "boolean"}

_OPENING = (
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
)


def _attvalues_writer(out: XmlStream, ids: dict[str, str], types: dict[str, type]) -> Callable[[dict[str, Any]], None]:
    """A function writing one item's ``<attvalues>`` (``label`` excepted: it is the element's)."""
    openings = {name: f'          <attvalue for="{attr_id}" value="' for name, attr_id in ids.items()}

    def write(attributes: dict[str, Any]) -> None:
        out.write("        <attvalues>\n" + "".join(
            f'{openings[name]}{escape_attribute(xml_value(value, types[name]))}"/>\n'
            for name, value in attributes.items()
            if name != "label"
        ) + "        </attvalues>\n")

    return write


class GexfExporter(Exporter):
    name = "gexf"
    extension = "gexf"
    media_type = "application/gexf+xml"
    description = "GEXF 1.2 for Gephi (evidence as scalar attributes)"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        types = attribute_types(document)
        for names in types.values():
            names.pop("label", None)  # the element's own label, never an attribute
        ids: dict[str, dict[str, str]] = {}
        number = 0
        for scope, names in types.items():
            ids[scope] = {}
            for name in names:
                ids[scope][name] = str(number)
                number += 1
        out = XmlStream(stream)
        out.write(
            XML_DECLARATION + _OPENING
            + f'  <meta lastmodifieddate="{time.strftime("%Y-%m-%d")}">\n    <creator>Testimony Graph</creator>\n  </meta>\n'
            + '  <graph defaultedgetype="directed" mode="static" name="">\n'
        )
        for scope, names in types.items():
            out.write(f'    <attributes mode="static" class="{scope}">\n')
            for name, kind in names.items():
                out.write(
                    f'      <attribute id="{ids[scope][name]}" title="{escape_attribute(name)}" '
                    f'type="{GEXF_TYPES.get(kind, "string")}"/>\n'
                )
            out.write("    </attributes>\n")
        with collector_paused():  # see graph.export.graphml
            out.write("    <nodes>\n")
            node_values = _attvalues_writer(out, ids["node"], types["node"])
            for item_id, attributes in itertools.chain(
                ((a.id, account_attributes(a)) for a in document.accounts),
                ((n.id, node_attributes(n)) for n in document.nodes),
            ):
                out.write(f'      <node id="{escape_attribute(item_id)}" label="{escape_attribute(str(attributes["label"]))}">\n')
                node_values(attributes)
                out.write("      </node>\n")
            out.write("    </nodes>\n    <edges>\n")
            edge_values = _attvalues_writer(out, ids["edge"], types["edge"])
            for rel in document.relationships:
                attributes = relationship_attributes(rel)
                out.write(
                    f'      <edge source="{escape_attribute(rel.source)}" target="{escape_attribute(rel.target)}" '
                    f'id="{escape_attribute(attributes["rel_id"])}" label="{escape_attribute(rel.type)}">\n'
                )
                edge_values(attributes)
                out.write("      </edge>\n")
            out.write("    </edges>\n")
        out.write("  </graph>\n</gexf>\n")
        out.flush()
