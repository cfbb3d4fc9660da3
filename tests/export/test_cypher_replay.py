"""The Cypher script recreates the subgraph: replayed statement by statement on
a fresh embedded store it gives the same stats and the same items back."""

from __future__ import annotations

from graph.export import Selection, export_bytes, select_subgraph
from graph.export.cypher_script import script_statements
from graph.store import GraphStore


def test_replayed_script_gives_the_same_stats(source_store: GraphStore, empty_store: GraphStore) -> None:
    whole = select_subgraph(source_store, Selection("all"))
    for statement in script_statements(export_bytes(whole, "cypher").decode("utf-8")):
        empty_store.backend.run(statement)
    before, after = source_store.stats(), empty_store.stats()
    assert after.nodes == before.nodes
    assert after.relationships == before.relationships
    again = select_subgraph(empty_store, Selection("all"))
    assert {n.id: n for n in again.nodes} == {n.id: n for n in whole.nodes}
    assert {r.id: r for r in again.relationships} == {r.id: r for r in whole.relationships}
    assert {a.id: a for a in again.accounts} == {a.id: a for a in whole.accounts}


def test_replaying_twice_changes_nothing(gold_store: GraphStore, empty_store: GraphStore) -> None:
    whole = select_subgraph(gold_store, Selection("all"))
    statements = script_statements(export_bytes(whole, "cypher").decode("utf-8"))
    for statement in statements:
        empty_store.backend.run(statement)
    # Run again, the writes change nothing (index statements report "already
    # exists" on a second run, as on Neo4j, so they are left out).
    for statement in statements:
        if not statement.startswith("CREATE INDEX"):
            empty_store.backend.run(statement)
    assert empty_store.stats().nodes == gold_store.stats().nodes


def test_awkward_strings_survive_the_script(empty_store: GraphStore) -> None:
    from graph.model import AccountRecord, Evidence, GraphDocument, Node

    text = "It's a \\ back\tslash\r\nand \"quotes\" — ‘curly’; done\x0b."
    account = AccountRecord.from_text("acc_1", text, title="O'Brien's \\ letter")
    ev = Evidence("acc_1", 0, len(text), text, "alleged")
    node = Node("person:o-brien", "Person", "O'Brien", ("Mc\\Name",), {"identity": "named"}, (ev,))
    doc = GraphDocument((account,), (node,), ())
    for statement in script_statements(export_bytes(doc, "cypher").decode("utf-8")):
        empty_store.backend.run(statement)
    back = select_subgraph(empty_store, Selection("all"))
    assert back.nodes == (node,)
    assert back.accounts[0].text == text and back.accounts[0].title == account.title
