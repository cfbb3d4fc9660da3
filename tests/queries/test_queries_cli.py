"""``tgraph query`` run for real, in a subprocess, against a graph holding the gold."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.model import GraphDocument
from graph.store import GraphStore
from queries.catalogue import load_catalogue

REPO = Path(__file__).resolve().parents[2]
TGRAPH = str(Path(sys.executable).with_name("tgraph"))


def tgraph(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TGRAPH, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=300)


@pytest.fixture
def gold_env(cli_env: dict[str, str], empty_store: GraphStore, gold_document: GraphDocument) -> dict[str, str]:
    """The CLI's environment, pointed at this test's graph, which holds the gold."""
    empty_store.write_document(gold_document)
    return cli_env


def test_every_command_and_option_has_help(cli_env: dict[str, str]) -> None:
    group = tgraph(cli_env, "query", "--help")
    assert group.returncode == 0
    for command in ("list", "show", "run"):
        assert command in group.stdout
    run = tgraph(cli_env, "query", "run", "--help")
    for option in ("--param", "KEY=VALUE", "--format", "table|json|csv", "--width", "--timeout"):
        assert option in run.stdout
    assert "Explain the saved query" in tgraph(cli_env, "query", "show", "--help").stdout


def test_list_names_every_saved_query(cli_env: dict[str, str]) -> None:
    result = tgraph(cli_env, "query", "list")
    assert result.returncode == 0
    for name, query in load_catalogue().items():
        assert name in result.stdout and query.title in result.stdout
    listed = json.loads(tgraph(cli_env, "query", "list", "--json").stdout)
    ego = next(q for q in listed if q["name"] == "ego_network")
    assert ego["draws"] == ["nodes", "relationships"]
    assert [p["name"] for p in ego["parameters"]] == ["entity", "depth", "limit"]


def test_show_explains_a_query(cli_env: dict[str, str]) -> None:
    result = tgraph(cli_env, "query", "show", "timeline")
    assert result.returncode == 0
    assert "question: In what order" in result.stdout
    assert "organization (string, required)" in result.stdout
    assert "include_undated (boolean, default false)" in result.stdout
    assert "MATCH (o:Organization)" in result.stdout


def test_run_prints_a_readable_table(gold_env: dict[str, str]) -> None:
    result = tgraph(gold_env, "query", "run", "organisation_structure", "-p", "organization=ISO")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["organization", "unit", "label"]
    assert set(lines[1]) <= {"-", " "}
    assert any("Atlanta ISO branch" in line for line in lines)
    assert lines[-1] == "(5 rows)"


def test_table_cuts_long_values_and_hides_drawn_columns(gold_env: dict[str, str]) -> None:
    result = tgraph(gold_env, "query", "run", "incident_responses", "-p", "incident=a002-incident-3", "--width", "20")
    assert result.returncode == 0, result.stderr
    assert "…" in result.stdout
    header, rule = result.stdout.splitlines()[:2]
    # Each column is as wide as its longest cell or its name, whichever is wider.
    for name, dashes in zip(header.split(), rule.split()):
        assert len(dashes) <= max(20, len(name))
    assert "nodes, relationships not shown" in result.stdout.splitlines()[-1]


def test_run_as_json_and_csv_keeps_every_value(gold_env: dict[str, str]) -> None:
    as_json = tgraph(gold_env, "query", "run", "incident_responses", "-p", "incident=a002-incident-3", "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    parsed = json.loads(as_json.stdout)
    finding = next(r for r in parsed if r["response_id"] == "a002-control-commission-investigation")
    assert finding["outcome"] == "perpetrator found guilty of sexual assault"
    assert finding["nodes"] and finding["relationships"]
    as_csv = tgraph(gold_env, "query", "run", "repeat_accused", "--format", "csv")
    records = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["person_id"] for r in records][0] == "a002-perpetrator"
    assert records[0]["incident_count"] == "6"
    assert records[0]["incidents"].count("; ") == 5  # a list becomes "a; b" in full


@pytest.mark.parametrize(
    "args, message",
    [
        (["run", "no_such_query"], "error: no_such_query: no saved query by this name; known: accounts_overview"),
        (["show", "no_such_query"], "error: no_such_query: no saved query by this name"),
        (["run", "timeline"], "error: query timeline: missing parameter organization; expected: organization (string, required), include_undated (boolean, default false), limit (integer, default 500)"),
        (["run", "repeat_accused", "-p", "min_incidents=two"], "error: query repeat_accused: min_incidents: 'two' is not an integer; expected: min_incidents (integer, default 2)"),
        (["run", "repeat_accused", "-p", "colour=red"], "error: query repeat_accused: unknown parameter colour; expected: min_incidents (integer, default 2)"),
        (["run", "repeat_accused", "-p", "min_incidents"], "is not KEY=VALUE; expected: min_incidents (integer, default 2)"),
    ],
)
def test_mistakes_get_one_clear_line(cli_env: dict[str, str], args: list[str], message: str) -> None:
    result = tgraph(cli_env, "query", *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""
