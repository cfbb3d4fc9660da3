"""GEXF 1.2, Gephi's own format, with the same scalar attributes as GraphML."""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from graph.export.base import Exporter
from graph.export.nxgraph import to_networkx
from graph.model import GraphDocument

__all__ = ["GexfExporter"]


class GexfExporter(Exporter):
    name = "gexf"
    extension = "gexf"
    media_type = "application/gexf+xml"
    description = "GEXF 1.2 for Gephi (evidence as scalar attributes)"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        nx.write_gexf(to_networkx(document), stream, encoding="utf-8")
