"""``tgraph db`` in a subprocess, as users run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from graph.cli.db import db as db_group
from graph.interchange import document_to_json, write_document
from graph.model import GraphDocument
from graph.store import GraphStore
from graph.store.falkor import FalkorBackend
from handmade_docs import SAM, first_document, second_document, with_node, with_relationship

TGRAPH = str(Path(sys.executable).with_name("tgraph"))
EVIDENCE = (
    "MATCH (n) RETURN n.id AS id, n.ev_key AS keys, n.ev_status AS statuses, n.accounts AS accounts, "
    "n.aliases AS aliases ORDER BY id"
)
REL_EVIDENCE = "MATCH ()-[e]->() RETURN e.id AS id, e.ev_key AS keys, e.ev_status AS statuses ORDER BY id"


def tgraph(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([TGRAPH, *args], env=env, capture_output=True, text=True, timeout=timeout)


def stats(env: dict[str, str]) -> dict:
    result = tgraph(env, "db", "stats", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def graph_store(server, graph_name: str):
    """The graph the CLI writes (cli_env points TGRAPH_GRAPH at it), read directly."""
    store = GraphStore(FalkorBackend(server.host, server.port, server.password, graph_name))
    yield store
    try:
        store.backend._graph.delete()  # type: ignore[attr-defined]
    except Exception:
        pass
    store.close()


def evidence(store: GraphStore) -> tuple[list, list]:
    return store.read(EVIDENCE), store.read(REL_EVIDENCE)


def write(tmp_path: Path, document: GraphDocument, name: str) -> Path:
    path = tmp_path / name
    write_document(document, path)
    return path


def test_loading_the_same_document_twice_changes_nothing(cli_env, graph_store, tmp_path: Path) -> None:
    path = write(tmp_path, first_document(), "first.json")
    loaded = tgraph(cli_env, "db", "load", str(path))
    assert loaded.returncode == 0, loaded.stderr
    assert "1 accounts, 7 nodes, 8 relationships" in loaded.stdout
    once, once_evidence = stats(cli_env), evidence(graph_store)
    assert once["nodes"]["Person"] == 3 and once["relationships"]["MEMBER_OF"] == 2
    assert tgraph(cli_env, "db", "load", str(path)).returncode == 0
    assert stats(cli_env) == once
    assert evidence(graph_store) == once_evidence


def test_loading_the_gold_document_twice_changes_nothing(cli_env, graph_store, gold_document, tmp_path: Path) -> None:
    path = write(tmp_path, gold_document, "gold.json")
    assert tgraph(cli_env, "db", "load", str(path)).returncode == 0
    once, once_evidence = stats(cli_env), evidence(graph_store)
    assert sum(once["nodes"].values()) == len(gold_document.nodes) + len(gold_document.accounts)
    assert sum(once["relationships"].values()) == len(gold_document.relationships)
    assert tgraph(cli_env, "db", "load", str(path)).returncode == 0
    assert stats(cli_env) == once
    assert evidence(graph_store) == once_evidence


def test_stats_prints_a_table(cli_env, tmp_path: Path) -> None:
    tgraph(cli_env, "db", "load", str(write(tmp_path, first_document(), "first.json")))
    result = tgraph(cli_env, "db", "stats")
    assert result.returncode == 0
    assert "nodes (8)" in result.stdout and "relationships (8)" in result.stdout
    assert any(line.split() == ["Person", "3"] for line in result.stdout.splitlines())


def _invalid_documents(tmp_path: Path) -> dict[str, Path]:
    second = second_document()
    good_quote = second.nodes[0].evidence[0]
    cases: dict[str, object] = {
        "unknown label": with_node(second, 0, label="Comrade"),
        "unknown kind": with_node(second, 2, properties={"kind": "rumour"}),
        "unknown type": with_relationship(second, 0, type="FRIEND_OF"),
        "bad endpoints": with_relationship(second, 1, source=second.nodes[1].id),
        "bad quote": with_node(second, 0, evidence=(replace(good_quote, quote="Sam Okafur"),)),
        "no evidence": with_relationship(second, 0, evidence=()),
        "bad status": with_node(second, 0, evidence=(replace(good_quote, status="rumoured"),)),
        "unknown endpoint": with_relationship(second, 0, target="organization:nowhere"),
    }
    paths = {}
    for name, document in cases.items():
        path = tmp_path / f"{name.replace(' ', '-')}.json"
        path.write_text(json.dumps(document_to_json(document)), encoding="utf-8")
        paths[name] = path
    (tmp_path / "not-json.json").write_text("{nodes: [", encoding="utf-8")
    paths["not JSON"] = tmp_path / "not-json.json"
    (tmp_path / "wrong-shape.json").write_text('{"nodes": [{"id": "x"}]}', encoding="utf-8")
    paths["wrong shape"] = tmp_path / "wrong-shape.json"
    paths["missing file"] = tmp_path / "does-not-exist.json"
    return paths


def test_each_invalid_document_is_refused_in_one_line_and_changes_nothing(
    cli_env, graph_store, tmp_path: Path
) -> None:
    assert tgraph(cli_env, "db", "load", str(write(tmp_path, first_document(), "first.json"))).returncode == 0
    before_stats, before_evidence = stats(cli_env), evidence(graph_store)
    for case, path in _invalid_documents(tmp_path).items():
        result = tgraph(cli_env, "db", "load", str(path))
        assert result.returncode == 1, f"{case}: exit {result.returncode}\n{result.stderr}"
        lines = result.stderr.splitlines()
        assert len(lines) == 1, f"{case}: {result.stderr}"
        assert lines[0].startswith(f"error: {path}: "), f"{case}: {lines[0]}"
        assert result.stdout == "", f"{case}: {result.stdout}"
        assert stats(cli_env) == before_stats, case
        assert evidence(graph_store) == before_evidence, case


def test_refusals_say_what_is_wrong(cli_env, tmp_path: Path) -> None:
    paths = _invalid_documents(tmp_path)
    expectations = {
        "unknown label": "unknown label 'Comrade'",
        "bad quote": "'Sam Okafur'",
        "bad status": "status 'rumoured'",
        "unknown endpoint": "'organization:nowhere'",
        "not JSON": "not valid JSON",
        "missing file": "no such file",
    }
    for case, words in expectations.items():
        result = tgraph(cli_env, "db", "load", str(paths[case]))
        assert words in result.stderr, f"{case}: {result.stderr}"


def test_a_second_account_adds_evidence(cli_env, graph_store, tmp_path: Path) -> None:
    tgraph(cli_env, "db", "load", str(write(tmp_path, first_document(), "first.json")))
    tgraph(cli_env, "db", "load", str(write(tmp_path, second_document(), "second.json")))
    (sam,) = graph_store.read("MATCH (p:Person {id: $id}) RETURN p.account_count AS n", {"id": SAM})
    assert sam["n"] == 2


def test_wipe(cli_env, tmp_path: Path) -> None:
    tgraph(cli_env, "db", "load", str(write(tmp_path, first_document(), "first.json")))
    refused = tgraph(cli_env, "db", "wipe")
    assert refused.returncode != 0 and "--yes" in refused.stderr
    assert sum(stats(cli_env)["nodes"].values()) == 8
    wiped = tgraph(cli_env, "db", "wipe", "--yes")
    assert wiped.returncode == 0 and "8 nodes deleted" in wiped.stdout
    assert stats(cli_env) == {"nodes": {}, "relationships": {}}


def test_status_start_stop_on_a_home_of_its_own(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TGRAPH_")}
    env["TGRAPH_HOME"] = str(tmp_path / "home")
    try:
        down = tgraph(env, "db", "status")
        assert down.returncode == 0 and "not running" in down.stdout
        started = tgraph(env, "db", "start")
        assert started.returncode == 0 and "running: pid" in started.stdout
        up = tgraph(env, "db", "status")
        assert up.returncode == 0 and "running: pid" in up.stdout
        assert started.stdout.split("pid ")[1].split(",")[0] == up.stdout.split("pid ")[1].split(",")[0]
        again = tgraph(env, "db", "start")  # reports the one already running
        assert again.stdout == started.stdout
        stopped = tgraph(env, "db", "stop")
        assert stopped.returncode == 0 and "stopped" in stopped.stdout
        assert "not running" in tgraph(env, "db", "status").stdout
        assert "no embedded server running" in tgraph(env, "db", "stop").stdout
    finally:
        tgraph(env, "db", "stop")


def test_start_and_stop_refuse_when_neo4j_is_configured(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TGRAPH_")}
    env.update(TGRAPH_HOME=str(tmp_path / "home"), TGRAPH_NEO4J_URI="neo4j://127.0.0.1:1")
    for action in ("start", "stop"):
        result = tgraph(env, "db", action)
        assert result.returncode == 1 and "TGRAPH_NEO4J_URI" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", sorted(db_group.commands))
def test_every_db_command_explains_itself(command: str) -> None:
    result = subprocess.run([TGRAPH, "db", command, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert f"Usage: tgraph db {command}" in result.stdout
    help_text = db_group.commands[command].help or ""
    assert len(help_text.split()) >= 4, f"db {command} needs a help text that explains"
    for option in db_group.commands[command].params:
        if isinstance(option, __import__("click").Option):
            assert option.help, f"db {command} {option.opts} has no help"


def test_db_group_help_lists_every_command() -> None:
    result = subprocess.run([TGRAPH, "db", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in db_group.commands:
        assert command in result.stdout
