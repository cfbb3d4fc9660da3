"""The document as a networkx MultiDiGraph with scalar attributes, shared by
the GraphML and GEXF writers (networkx writes both; Gephi reads both)."""

from __future__ import annotations

import networkx as nx

from graph.export.flatten import account_attributes, node_attributes, relationship_attributes
from graph.model import GraphDocument

__all__ = ["to_networkx"]


def to_networkx(document: GraphDocument) -> nx.MultiDiGraph:
    """Accounts and nodes as nodes, relationships as edges keyed by their id.

    Two relationships of different types may join the same pair, hence a
    multigraph.
    """
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((a.id, account_attributes(a)) for a in document.accounts)
    graph.add_nodes_from((n.id, node_attributes(n)) for n in document.nodes)
    graph.add_edges_from((r.source, r.target, r.id, relationship_attributes(r)) for r in document.relationships)
    return graph
