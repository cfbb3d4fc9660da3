"""``tgraph export`` in a subprocess, against a real embedded store."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import networkx as nx

from graph.model import GraphDocument
from graph.store import GraphStore


def _tgraph(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tgraph", *args], env=env, capture_output=True, text=True, timeout=300)


def test_list_formats(cli_env: dict[str, str]) -> None:
    result = _tgraph(cli_env, "export", "--list-formats")
    assert result.returncode == 0
    for name in ("json", "graphml", "gexf", "cytoscape", "neo4j-csv", "turtle", "jsonld", "ftm", "cypher"):
        assert name in result.stdout


def test_export_with_default_redaction(cli_env: dict[str, str], empty_store: GraphStore, gold_document: GraphDocument, tmp_path: Path) -> None:
    empty_store.write_document(gold_document)
    out = tmp_path / "gold.graphml"
    result = _tgraph(cli_env, "export", "--all", "--format", "graphml", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "redaction survivors" in result.stdout
    graph = nx.read_graphml(out, force_multigraph=True)
    assert graph.number_of_nodes() == len(gold_document.nodes) + len(gold_document.accounts)
    assert any(str(n).startswith("person:redacted-") for n in graph.nodes)
    key = Path(cli_env["TGRAPH_HOME"]) / "redaction.key"
    assert key.exists() and (key.stat().st_mode & 0o777) == 0o600

    out_dir = tmp_path / "csv"
    result = _tgraph(cli_env, "export", "--account", "004_0e606b57a70b77e0", "--format", "neo4j-csv", "--out", str(out_dir), "--redact", "none")
    assert result.returncode == 0, result.stderr
    assert (out_dir / "Person.csv").read_text(encoding="utf-8").startswith("id:ID,:LABEL,")
    assert (out_dir / "import.sh").exists()

    out_json = tmp_path / "ego.json"
    result = _tgraph(cli_env, "export", "--ego", "ben-s", "--depth", "2", "--format", "json", "--out", str(out_json), "--redact", "all")
    assert result.returncode == 0, result.stderr
    names = {n["name"] for n in json.loads(out_json.read_text(encoding="utf-8"))["nodes"] if n["label"] == "Person"}
    assert names and all(name.startswith("Person ") for name in names)


def test_errors_are_one_line(cli_env: dict[str, str], empty_store: GraphStore, gold_document: GraphDocument, tmp_path: Path) -> None:
    result = _tgraph(cli_env, "export", "--all", "--format", "json", "--out", str(tmp_path / "x.json"))
    assert result.returncode == 1 and "the graph is empty" in result.stderr
    empty_store.write_document(gold_document)
    result = _tgraph(cli_env, "export", "--ego", "nobody", "--format", "json", "--out", str(tmp_path / "x.json"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("error: nobody: ")
    assert not (tmp_path / "x.json").exists()
    result = _tgraph(cli_env, "export", "--all", "--ego", "x", "--format", "json", "--out", str(tmp_path / "x.json"))
    assert result.returncode == 2 and "exactly one" in result.stderr
