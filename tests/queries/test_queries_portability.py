"""Every saved query passes Neo4j's own front end and runs on the embedded FalkorDB.

Each check is shown to catch a deliberately broken query, so a clean result
means something.
"""

from __future__ import annotations

import pytest

from graph.errors import StoreError
from graph.neo4j_frontend import failures
from graph.store import GraphStore
from queries.catalogue import load_catalogue, parse_saved_query, run_saved
from queries.portability import reused_comprehension_variables, unparenthesised_string_operands
from query_helpers import SAMPLE_PARAMS

CATALOGUE = load_catalogue()
NAMES = sorted(CATALOGUE)

# Valid-looking to a reader, refused by Neo4j's front end: the label is not in
# the contract and the function does not exist.
NOT_NEO4J = "MATCH (p:Persn) RETURN p.name AS name, toLowercase(p.name) AS lowered"

# Neo4j runs this; FalkorDB refuses a pattern comprehension inside MATCH ... WHERE.
NOT_FALKORDB = """// title: Broken
// description: Neo4j accepts it, FalkorDB does not.
// question: Does the run check catch it?
// param: wanted string = x -- an incident id
MATCH (i:Incident)
WHERE size([(i)-[:OCCURRED_IN]->(pl) | pl.id]) > 0 AND i.id <> $wanted
RETURN i.id AS id
"""

# Both engines accept this, but FalkorDB silently empties the second list.
SILENTLY_WRONG = """MATCH (p:Person)
RETURN [(p)-[:MEMBER_OF]->(x) WHERE x.account_count > 0 | x.name] AS member_of,
       [(p)-[:JOINED]->(x) | x.name] AS joined"""


def test_neo4j_front_end_accepts_every_saved_query() -> None:
    found = failures([CATALOGUE[name].cypher for name in NAMES])
    problems = {name: [str(d) for d in diags] for name, diags in zip(NAMES, found) if diags}
    assert not problems


def test_neo4j_front_end_catches_a_broken_query() -> None:
    [diagnostics] = failures([NOT_NEO4J])
    messages = " ".join(d.message for d in diagnostics)
    assert "Persn" in messages and "toLowercase" in messages


@pytest.mark.parametrize("name", NAMES)
def test_every_saved_query_runs_on_the_gold_graph(gold_store: GraphStore, name: str) -> None:
    rows = run_saved(gold_store, name, SAMPLE_PARAMS[name])
    assert isinstance(rows, list)
    for row in rows:
        assert set(row) == set(rows[0])  # one shape per query


@pytest.mark.parametrize("name", NAMES)
def test_every_saved_query_runs_on_the_seed_graph(seed_store: GraphStore, name: str) -> None:
    rows = run_saved(seed_store, name, SAMPLE_PARAMS[name])
    assert isinstance(rows, list)


def test_the_embedded_run_catches_a_query_falkordb_refuses(gold_store: GraphStore) -> None:
    broken = parse_saved_query("broken", NOT_FALKORDB, "broken.cypher")
    assert not failures([broken.cypher])[0]  # Neo4j's front end has no objection ...
    with pytest.raises(StoreError):  # ... but the embedded engine refuses it
        run_saved(gold_store, "broken", {}, catalogue={"broken": broken})


@pytest.mark.parametrize("name", NAMES)
def test_no_saved_query_reuses_a_pattern_comprehension_variable(name: str) -> None:
    assert reused_comprehension_variables(CATALOGUE[name].cypher) == []


def test_the_reuse_check_catches_the_silent_falkordb_bug(gold_store: GraphStore) -> None:
    assert reused_comprehension_variables(SILENTLY_WRONG) == ["x"]
    # What the check protects against, measured: Ben S joined the ISO, but the
    # second comprehension comes back empty on FalkorDB.
    ben = next(r for r in gold_store.read(SILENTLY_WRONG.replace("(p:Person)", "(p:Person {id: 'ben-s'})")))
    assert ben["member_of"] and ben["joined"] == []


@pytest.mark.parametrize("name", NAMES)
def test_drawn_columns_are_consistent(gold_store: GraphStore, name: str) -> None:
    query = CATALOGUE[name]
    if not query.draws:
        return
    for row in run_saved(gold_store, name, SAMPLE_PARAMS[name]):
        ids = {node["id"] for node in row["nodes"]}
        assert all({"id", "name", "label"} <= set(node) for node in row["nodes"])
        for rel in row["relationships"]:
            assert {"source", "target", "type"} <= set(rel)
            assert rel["source"] in ids and rel["target"] in ids


# Both engines parse this; FalkorDB reads `STARTS WITH w + ' |'` as `(... STARTS WITH w) + ' |'`.
LOOSE_PLUS = """WITH 'ben s' AS wanted
MATCH (p:Person)
WHERE p.search_text STARTS WITH wanted + ' |' OR p.search_text CONTAINS '| ' + wanted + ' |'
RETURN p.id AS id"""


@pytest.mark.parametrize("name", NAMES)
def test_no_saved_query_leaves_a_string_operand_unparenthesised(name: str) -> None:
    assert unparenthesised_string_operands(CATALOGUE[name].cypher) == []


def test_the_operand_check_catches_what_falkordb_misreads(gold_store: GraphStore) -> None:
    assert len(unparenthesised_string_operands(LOOSE_PLUS)) == 2
    assert not failures([LOOSE_PLUS])[0]  # Neo4j's front end is content
    with pytest.raises(StoreError):
        gold_store.read(LOOSE_PLUS)
    fixed = LOOSE_PLUS.replace("wanted + ' |' OR", "(wanted + ' |') OR").replace("'| ' + wanted + ' |'", "('| ' + wanted + ' |')")
    assert unparenthesised_string_operands(fixed) == []
    assert gold_store.read(fixed) == [{"id": "ben-s"}]
