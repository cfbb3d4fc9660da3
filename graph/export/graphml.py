"""GraphML for Gephi, yEd, Cytoscape desktop and networkx.

Attributes are scalars: the contract label as ``node_label``, the name as
``label`` (what Gephi shows), evidence summarised as ``quotes`` (joined with
`` | ``), ``statuses``, ``accounts``, ``account_count``, and kept whole as
the JSON string ``evidence``.
"""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from graph.export.base import Exporter
from graph.export.nxgraph import to_networkx
from graph.model import GraphDocument

__all__ = ["GraphMLExporter"]


class GraphMLExporter(Exporter):
    name = "graphml"
    extension = "graphml"
    media_type = "application/graphml+xml"
    description = "GraphML for Gephi, yEd and networkx (evidence as scalar attributes)"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        nx.write_graphml(to_networkx(document), stream, encoding="utf-8", named_key_ids=True)
