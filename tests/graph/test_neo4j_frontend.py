"""Every statement our code sends passes Neo4j's own front end and runs on FalkorDB.

Neo4j cannot be installed here, so Neo4j's side is checked by its front end
(``lintCypherQuery``, see graph/neo4j_frontend.py) and FalkorDB's side by
running each statement on an empty graph of the embedded server. How the
engine-specific statements of graph/cypher/dialect.py are treated:

* Neo4j-only (constraints, the FULLTEXT index, ``db.index.fulltext.queryNodes``):
  linted like everything else, never run on FalkorDB;
* FalkorDB-only (``db.idx.fulltext.queryNodes``): run on FalkorDB, and linted
  with FalkorDB's procedure declared (``falkordb_procedures=True``) so the rest
  of the statement still passes Neo4j's parser and semantic checks; without it
  the front end refuses the procedure, which keeps it out of portable queries.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from graph.contract import load_contract
from graph.cypher import all_examples, dialect
from graph.errors import StoreError
from graph.neo4j_frontend import Diagnostic, failures, lint
from graph.store import GraphStore

_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# Harmless values: empty lists make every write a no-op on an empty graph.
_LIST_PARAMETERS = {"rows", "ids", "names", "accounts", "labels", "types", "keys"}
_INTEGER_PARAMETERS = {"batch", "limit", "skip", "offset", "k", "depth", "min_accounts", "size"}


def _is_neo4j_only(statement: str) -> bool:
    contract = load_contract()
    return statement in dialect.neo4j_schema_statements(contract) or statement == dialect.neo4j_search()


def _is_falkordb_only(statement: str) -> bool:
    return "db.idx." in statement


def _harmless_parameters(statement: str) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for name in _PARAMETER.findall(statement):
        if name in _LIST_PARAMETERS:
            params[name] = []
        elif name in _INTEGER_PARAMETERS:
            params[name] = 1
        else:
            params[name] = "nothing-matches-this"
    return params


@pytest.fixture(scope="module")
def examples() -> list[tuple[str, str]]:
    found = list(all_examples())
    assert found, "graph.cypher yields no statements"
    return found


@pytest.fixture(scope="module")
def lint_results(examples: list[tuple[str, str]]) -> dict[str, list[Diagnostic]]:
    portable = [s for _, s in examples if not _is_falkordb_only(s)]
    falkordb_only = [s for _, s in examples if _is_falkordb_only(s)]
    results = dict(zip(portable, lint(portable)))
    results.update(zip(falkordb_only, lint(falkordb_only, falkordb_procedures=True)))
    return results


def _report(bad: list[tuple[str, str, list[Diagnostic]]]) -> str:
    return "\n\n".join(f"[{module}] {statement}\n  " + "\n  ".join(map(str, found)) for module, statement, found in bad)


def test_every_statement_passes_neo4j_front_end(examples, lint_results) -> None:
    errors = [(m, s, [d for d in lint_results[s] if d.is_error]) for m, s in examples]
    errors = [e for e in errors if e[2]]
    assert not errors, _report(errors)


def test_no_statement_has_a_failing_warning(examples, lint_results) -> None:
    """Names outside the contract and deprecations fail too (policy in graph/neo4j_frontend.py)."""
    failing = [(m, s, [d for d in lint_results[s] if d.fails]) for m, s in examples]
    failing = [f for f in failing if f[2]]
    assert not failing, _report(failing)


def test_every_statement_runs_on_falkordb(examples, empty_store: GraphStore) -> None:
    empty_store.ensure_schema()  # the full-text indexes the FalkorDB search reads
    refused = []
    for module, statement in examples:
        if _is_neo4j_only(statement):
            continue
        if statement.lstrip().upper().startswith("CREATE INDEX"):
            empty_store.backend.run_schema(statement)
            continue
        try:
            empty_store.backend.run(statement, _harmless_parameters(statement))
        except StoreError as exc:
            refused.append(f"[{module}] {statement}\n  {exc}")
    assert not refused, "\n\n".join(refused)


def test_dialect_statements_are_classified(examples) -> None:
    statements = [s for _, s in examples]
    assert any(_is_neo4j_only(s) and "CONSTRAINT" in s for s in statements)
    assert any(_is_neo4j_only(s) and "FULLTEXT INDEX" in s for s in statements)
    assert any("db.index.fulltext.queryNodes" in s for s in statements)
    assert any(_is_falkordb_only(s) for s in statements)


def test_falkordb_procedure_is_refused_unless_declared() -> None:
    statement = dialect.falkordb_search("Person")
    strict, relaxed = lint([statement]), lint([statement], falkordb_procedures=True)
    assert any(d.is_error and "db.idx.fulltext.queryNodes" in d.message for d in strict[0])
    assert not [d for d in relaxed[0] if d.fails]


BROKEN = "MATCH (p:Person RETURN p.name AS name"


def test_broken_query_is_caught_by_lint_and_by_falkordb(empty_store: GraphStore) -> None:
    (found,) = lint([BROKEN])
    errors = [d for d in found if d.is_error]
    assert errors, found
    assert errors[0].line == 0 and errors[0].start == BROKEN.index("RETURN")
    with pytest.raises(StoreError):
        empty_store.backend.run(BROKEN)


def test_names_outside_the_contract_fail() -> None:
    typo_label, typo_key, clean = failures(
        [
            "MATCH (p:Persn) RETURN p.name AS name",
            "MATCH (p:Person) RETURN p.nmae AS name",
            "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) RETURN p.ev_quote AS q, m.account_count AS n",
        ]
    )
    assert typo_label and "Persn" in typo_label[0].message
    assert typo_key and "nmae" in typo_key[0].message
    assert clean == []


def test_unknown_functions_and_third_party_procedures_fail() -> None:
    unknown_function, apoc = failures(
        ["RETURN toLowr('A') AS a", "CALL apoc.help('x') YIELD name RETURN name"]
    )
    assert unknown_function and unknown_function[0].is_error
    assert apoc and apoc[0].is_error


def test_portable_subquery_is_tolerated_but_other_deprecations_fail() -> None:
    subquery, deprecated = lint(
        [
            "MATCH (p:Person) CALL { WITH p MATCH (p)-[:MEMBER_OF]->(o) RETURN count(o) AS n } RETURN p.name AS name, n",
            "MATCH (p:Person) RETURN id(p) AS internal",
        ]
    )
    assert subquery and not [d for d in subquery if d.fails]
    assert [d for d in deprecated if d.fails]


def test_lint_keeps_order_and_handles_empty_batches() -> None:
    assert lint([]) == []
    results = lint(["RETURN 1 AS one", BROKEN, "RETURN 2 AS two"], cache=False)
    assert [bool(r) for r in results] == [False, True, False]
