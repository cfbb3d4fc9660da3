"""Every statement of graph/cypher/dashboard.py runs on the embedded engine, and the
data layer built on them agrees with the store."""

from __future__ import annotations

from graph.cypher import dashboard as statements
from graph.store import GraphStore

from dashboard import data


def test_every_statement_runs(seed_store: GraphStore) -> None:
    params = {"id": "x", "source": "x", "target": "y", "account": "x"}
    for statement in statements.examples():
        seed_store.backend.run_read(statement, params)


def test_light_graph_and_details_agree_with_the_store(seed_store: GraphStore) -> None:
    graph = data.load_light_graph(seed_store)
    stats = seed_store.stats()
    assert len(graph.nodes) == stats.total_nodes and len(graph.edges) == stats.total_relationships
    edge = next(e for e in graph.edges if "alleged" in e.statuses)
    detail = data.load_item_detail(seed_store, graph, edge.id)
    assert detail is not None and detail.kind == "relationship" and "alleged" in detail.statuses
    assert all(ev.quote for ev in detail.evidence)
    account = next(iter(a.id for a in data.load_account_summaries(seed_store)))
    text = data.load_account_text(seed_store, account)
    items = data.load_account_items(seed_store, account, graph)
    assert text is not None and items
    for item in items:
        for ev in item.evidence:
            assert ev.account == account and text.text[ev.start:ev.end] == ev.quote
