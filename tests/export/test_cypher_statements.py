"""Every statement graph.cypher.export can build runs on the embedded engine and
stays read-only where it reads."""

from __future__ import annotations

from graph.cypher import export as statements
from graph.readonly import check_read_only
from graph.store import GraphStore


def test_every_example_runs(gold_store: GraphStore, empty_store: GraphStore) -> None:
    params = {"ids": ["ben-s", "iso", "004_0e606b57a70b77e0"], "account": "004_0e606b57a70b77e0"}
    count = 0
    for statement in statements.examples():
        count += 1
        if statement.startswith("UNWIND [") and "MERGE" in statement:
            empty_store.backend.run(statement)  # the script's writes, on a scratch graph
            continue
        check_read_only(statement)
        gold_store.read(statement, params)
    assert count > 100


def test_columns_cover_the_contract() -> None:
    from graph.contract import load_contract

    contract = load_contract()
    for label, spec in contract.labels.items():
        if label == "Account":
            continue
        statement = statements.nodes_of_label(label)
        for key in (*spec.properties, "ev_quote", "aliases"):
            assert f"AS p_{key}" in statement
    for rel in contract.relationships.values():
        statement = statements.relationships_of_type(rel.name)
        for key in (*rel.properties, "ev_status"):
            assert f"AS p_{key}" in statement
