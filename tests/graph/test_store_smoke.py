from graph.store import GraphStore


def test_gold_graph_loads_and_counts(gold_store: GraphStore, gold_document) -> None:
    stats = gold_store.stats()
    assert stats.nodes["Account"] == 3
    assert stats.total_nodes == len(gold_document.nodes) + 3
    assert stats.total_relationships == len(gold_document.relationships)


def test_writing_twice_changes_nothing(empty_store: GraphStore, gold_document) -> None:
    empty_store.write_document(gold_document)
    first = empty_store.stats()
    evidence = empty_store.read("MATCH (n) RETURN n.id AS id, n.ev_key AS keys ORDER BY id")
    empty_store.write_document(gold_document)
    assert empty_store.stats() == first
    assert empty_store.read("MATCH (n) RETURN n.id AS id, n.ev_key AS keys ORDER BY id") == evidence
