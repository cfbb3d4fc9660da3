"""The catalogue: every saved query loads, is documented, and declares exactly its parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.contract import load_contract
from graph.errors import QueryError
from queries.catalogue import (
    QUERY_DIR,
    SavedQuery,
    coerce_parameters,
    load_catalogue,
    load_query_file,
    statement_parameters,
)
from queries.params import PARAMETER_TYPES
from query_helpers import SAMPLE_PARAMS

CATALOGUE = load_catalogue()

# The research questions the project promises (issue 4); more are welcome.
PROMISED = {
    "organisation_structure",
    "people_and_roles",
    "incident_responses",
    "response_kinds",
    "unanswered_reports",
    "conflicts_of_interest",
    "dissent_to_departure",
    "rules_against_reporters",
    "repeat_accused",
    "corroborated",
    "single_source",
    "allegations_by_status",
    "timeline",
    "mentions",
    "ego_network",
    "shortest_connection",
}

GOOD = """// title: People
// description: Everyone, with
//   a continuation line.
// question: Who is there?
// param: min integer = 2 -- the fewest
// param: names list = "" -- names to keep
MATCH (p:Person)
WHERE p.account_count >= $min AND (size($names) = 0 OR p.name IN $names)
RETURN p.name AS name
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.cypher"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_promised_questions_are_all_there() -> None:
    assert PROMISED <= set(CATALOGUE)


def test_every_query_has_a_sample_for_the_run_checks() -> None:
    assert set(SAMPLE_PARAMS) == set(CATALOGUE)


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_query_is_documented(name: str) -> None:
    query = CATALOGUE[name]
    assert query.title and query.description and query.question and query.returns
    assert query.path == QUERY_DIR / f"{name}.cypher"
    for parameter in query.parameters:
        assert parameter.type in PARAMETER_TYPES
        assert parameter.help, f"{name}: parameter {parameter.name} has no help"
    assert {p.name for p in query.parameters} == statement_parameters(query.cypher)
    if query.draws:
        assert query.draws == ("nodes", "relationships")
        assert "nodes" in query.returns and "relationships" in query.returns


def test_a_good_file_loads_into_typed_parameters(tmp_path: Path) -> None:
    query = load_query_file(write(tmp_path, "people", GOOD))
    assert isinstance(query, SavedQuery)
    assert query.title == "People"
    assert query.description == "Everyone, with a continuation line."
    assert [(p.name, p.type, p.default, p.required) for p in query.parameters] == [
        ("min", "integer", 2, False),
        ("names", "list", [], False),
    ]
    assert query.cypher.startswith("MATCH (p:Person)")


@pytest.mark.parametrize(
    "text, complaint",
    [
        (GOOD.replace("// param: min integer = 2 -- the fewest\n", ""), "uses undeclared $min"),
        (GOOD.replace("$names", "[]"), "declares unused names"),
        (GOOD.replace("// title: People\n", ""), "lacks title"),
        (GOOD.replace("// param: min", "// parm: min"), "unknown header field 'parm'"),
        (GOOD.replace("min integer", "min number"), "unknown type 'number'"),
        (GOOD.replace("= 2 --", "= two --"), "'two' is not an integer"),
        (GOOD.replace("RETURN p.name AS name", "SET p.seen = true RETURN p.name AS name"), "must only read"),
        (GOOD + "; MATCH (n) RETURN n.id AS id", "one statement at a time"),
        (GOOD.replace("// question: Who is there?\n", "// question: Who is there?\nstray words\n"), "uses undeclared"),
    ],
)
def test_a_broken_file_fails_to_load_naming_the_file(tmp_path: Path, text: str, complaint: str) -> None:
    path = write(tmp_path, "people", text)
    with pytest.raises(QueryError) as caught:
        load_query_file(path)
    assert complaint in str(caught.value)
    assert caught.value.where == str(path)


def test_string_literals_and_comments_are_not_parameters() -> None:
    assert statement_parameters("MATCH (n) // $nope\nWHERE n.name = '$also_not' AND n.id = $id RETURN n.id AS id") == {"id"}


def test_coerce_fills_defaults_and_converts_types() -> None:
    query = CATALOGUE["dissent_to_departure"]
    assert coerce_parameters(query, {"require_response": "no", "limit": "5"}) == {
        "organization": "",
        "require_response": False,
        "limit": 5,
    }
    listed = coerce_parameters(CATALOGUE["allegations_by_status"], {"statuses": "found, admitted"})
    assert listed == {"statuses": ["found", "admitted"], "limit": 500}
    # Widgets hand over typed values; they pass through unchanged.
    assert coerce_parameters(CATALOGUE["ego_network"], {"entity": "x", "depth": 2})["depth"] == 2


@pytest.mark.parametrize(
    "raw, complaint",
    [
        ({}, "missing parameter entity"),
        ({"entity": "x", "colour": "red"}, "unknown parameter colour"),
        ({"entity": "x", "depth": "deep"}, "'deep' is not an integer"),
    ],
)
def test_bad_parameters_say_what_is_expected(raw: dict, complaint: str) -> None:
    with pytest.raises(QueryError) as caught:
        coerce_parameters(CATALOGUE["ego_network"], raw)
    message = str(caught.value)
    assert complaint in message
    assert "expected: entity (string, required), depth (integer, default 1), limit (integer, default 300)" in message


def test_the_cross_group_table_has_a_column_for_every_response_kind() -> None:
    kinds = load_contract().labels["Response"].properties["kind"].choices
    cypher = CATALOGUE["response_kinds"].cypher
    for kind in kinds:
        assert f"AS {kind}," in cypher, f"response_kinds lacks a column for {kind}"
