"""The whole-graph read: paged, read as tuples, the same graph whatever the page size."""

from __future__ import annotations

from typing import Any

import pytest

from graph.cypher import export as statements
from graph.export.wholegraph import read_whole_graph
from graph.model import GraphDocument
from graph.store import GraphStore


def _by_id(doc: GraphDocument) -> tuple[dict[str, Any], dict[str, Any], list[Any]]:
    return {n.id: n for n in doc.nodes}, {r.id: r for r in doc.relationships}, list(doc.accounts)


def test_pages_of_any_size_give_the_gold_document(gold_store: GraphStore, gold_document: GraphDocument) -> None:
    one_page = read_whole_graph(gold_store)
    nodes, rels, accounts = _by_id(one_page)
    assert nodes == {n.id: n for n in gold_document.nodes}
    assert rels == {r.id: r for r in gold_document.relationships}
    assert [a.id for a in accounts] == sorted(a.id for a in gold_document.accounts)
    # Pages of three ids: many statements per label and per relationship type.
    assert _by_id(read_whole_graph(gold_store, page_ids=3)) == (nodes, rels, accounts)
    assert len(one_page.nodes) == len(nodes) and len(one_page.relationships) == len(rels)  # nothing twice


def test_an_empty_store_reads_as_an_empty_document(empty_store: GraphStore) -> None:
    assert read_whole_graph(empty_store) == GraphDocument((), (), ())


STATEMENTS = [
    "MATCH (p:Person) RETURN p.id AS id, p.aliases AS aliases, p.ev_start AS starts, p.account_count AS n ORDER BY id",
    "RETURN 1.5 AS f, true AS t, false AS u, null AS z, [1, 'a', [2.5, null]] AS nested, $text AS s",
    "MATCH (p:Person {id: 'ben-s'}) RETURN p AS node, {a: 1} AS map",  # not scalars: the ordinary path
    "MATCH (p:Person) WHERE p.id = $id RETURN p.name AS name",
]


@pytest.mark.parametrize("cypher", STATEMENTS)
def test_rows_as_tuples_match_rows_as_dicts(gold_store: GraphStore, cypher: str) -> None:
    params = {"id": "ben-s", "text": "it's \\ \"quoted\"\n"}
    as_dicts = gold_store.backend.run_read(cypher, params)
    assert gold_store.backend.run_read_rows(cypher, params) == [tuple(row.values()) for row in as_dicts]
    assert as_dicts


def test_rows_as_tuples_keep_the_store_errors(gold_store: GraphStore) -> None:
    from graph.errors import ReadOnlyViolation, StoreError

    with pytest.raises(ReadOnlyViolation):
        gold_store.backend.run_read_rows("CREATE (n:Person {id: 'x'}) RETURN n.id")
    with pytest.raises(StoreError):
        gold_store.backend.run_read_rows("MATCH (n RETURN n")


def test_page_statements_cover_every_relationship_source() -> None:
    from graph.contract import load_contract

    for rel in load_contract().relationships.values():
        for source in rel.sources:
            statement = statements.relationships_from_sources(rel.name, source)
            assert f"(a:{source} {{id: wanted}})-[e:{rel.name}]->(b)" in statement
            assert statement.count(" AS p_") == len(statements.page_relationship_keys(rel.name))
