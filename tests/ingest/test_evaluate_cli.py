"""`tgraph evaluate` end to end: the real CLI in a subprocess, the real gold and
seeds, the real embedded store for --from-store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.interchange import write_document
from graph.model import GraphDocument
from graph.store import GraphStore
from ingest.evaluate import evaluate
from ingest.evaluate.from_store import read_graph
from ingest.evaluate.sources import load_accounts, load_golds

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO.parent / "shared" / "gold"
SEEDS = REPO / "seeds"
FIXTURES = Path(__file__).parent / "fixtures_evaluate"
TGRAPH = str(Path(sys.executable).with_name("tgraph"))


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TGRAPH, "evaluate", *args], env=env, capture_output=True, text=True, timeout=300)


def all_figures(report: dict) -> list[float | None]:
    rows = [*report["labels"].values(), *report["relationships"].values(), *report["micro"].values()]
    figures = [row[k] for row in rows for k in ("precision", "recall", "f1")]
    figures += [v["share"] for v in report["kind_agreement"].values()]
    figures += [report["status_agreement"]["any"]["share"], report["status_agreement"]["strict"]["share"]]
    return figures + [report["grounding"]["share"], report["identity"]["share"]]


def real_texts() -> dict[str, str]:
    return {a.id: a.text or "" for a in load_accounts(SEEDS, load_golds(GOLD))}


def test_perfect_prediction_on_the_real_gold_scores_one_everywhere(gold_document: GraphDocument) -> None:
    score = evaluate(load_golds(GOLD), real_texts(), gold_document)
    report = score.as_json()
    assert set(all_figures(report)) == {1.0}
    assert len(report["labels"]) == 9
    assert report["identity"]["shared"] >= 1


def test_store_round_trip_scores_one_everywhere(gold_store: GraphStore) -> None:
    golds = load_golds(GOLD)
    prediction = read_graph(gold_store, [g.account for g in golds])
    assert set(all_figures(evaluate(golds, real_texts(), prediction).as_json())) == {1.0}


def test_cli_scores_a_prediction_document(tmp_path: Path, cli_env: dict[str, str], gold_document: GraphDocument) -> None:
    path = tmp_path / "perfect.json"
    write_document(gold_document, path)
    table = run(cli_env, "--gold", str(GOLD), "--texts", str(SEEDS), "--prediction", str(path))
    assert table.returncode == 0, table.stderr
    assert "micro relationships" in table.stdout and "identity" in table.stdout
    as_json = run(cli_env, "--gold", str(GOLD), "--texts", str(SEEDS), "--prediction", str(path), "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert set(all_figures(json.loads(as_json.stdout))) == {1.0}


def test_cli_scores_the_store(cli_env: dict[str, str], empty_store: GraphStore, gold_document: GraphDocument) -> None:
    empty_store.write_document(gold_document)  # the graph cli_env points at
    result = run(cli_env, "--gold", str(GOLD), "--texts", str(SEEDS), "--from-store", "--json")
    assert result.returncode == 0, result.stderr
    assert set(all_figures(json.loads(result.stdout))) == {1.0}


def test_cli_details_list_misses(tmp_path: Path, cli_env: dict[str, str]) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text('{"accounts": [], "nodes": [], "relationships": []}', encoding="utf-8")
    result = run(cli_env, "--gold", str(FIXTURES), "--texts", str(FIXTURES), "--prediction", str(empty), "--details")
    assert result.returncode == 0, result.stderr
    assert "missed nodes (8): a-dismissal" in result.stdout
    assert "    TAKEN_BY b-expulsion -> ep" in result.stdout


def _error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(
    "content, complaint",
    [
        ("account: tiny_a\nentities: [\n", "cannot read gold annotations"),
        ("- just a list\n", "not a gold file"),
        ("account: tiny_a\nentities:\n  - {label: Person, name: X}\n", "entity 1 needs at least id and label"),
        ("account: tiny_a\nentities:\n  - {id: x, label: Persn, name: X}\n", "unknown label 'Persn'"),
        ("account: tiny_a\nentities:\n  - {id: x, label: Person, name: X}\nrelations:\n  - [MEMBER_OF, x, nobody]\n",
         "names 'nobody'"),
        ("account: tiny_a\nentities:\n  - {id: x, label: Person, name: X}\nrelations:\n  - [PART_OF, x, x]\n",
         "does not fit the contract"),
    ],
)
def test_cli_refuses_a_bad_gold_file(tmp_path: Path, cli_env: dict[str, str], content: str, complaint: str) -> None:
    bad = tmp_path / "tiny_a.yaml"
    bad.write_text(content, encoding="utf-8")
    line = _error(run(cli_env, "--gold", str(tmp_path), "--texts", str(FIXTURES), "--prediction", str(bad)))
    assert line.startswith(f"error: {bad}: ")
    assert complaint in line


def test_cli_names_a_missing_text(tmp_path: Path, cli_env: dict[str, str]) -> None:
    line = _error(run(cli_env, "--gold", str(FIXTURES), "--texts", str(tmp_path)))
    assert line == (
        f"error: {tmp_path / 'tiny_a.txt'}: missing text: a gold file names this account but no text of it is here"
    )


def test_cli_refuses_both_prediction_sources(tmp_path: Path, cli_env: dict[str, str]) -> None:
    result = run(cli_env, "--gold", str(FIXTURES), "--texts", str(FIXTURES), "--prediction", "x.json", "--from-store")
    assert result.returncode != 0
    assert "not both" in result.stderr


def test_cli_help_explains_every_option(cli_env: dict[str, str]) -> None:
    result = run(cli_env, "--help")
    assert result.returncode == 0
    for option in ("--gold", "--texts", "--prediction", "--from-store", "--lexicon", "--json", "--details"):
        assert option in result.stdout


def test_cli_refuses_a_gold_file_named_for_another_account(tmp_path: Path, cli_env: dict[str, str]) -> None:
    misnamed = tmp_path / "other.yaml"
    misnamed.write_text((FIXTURES / "tiny_a.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    line = _error(run(cli_env, "--gold", str(tmp_path), "--texts", str(FIXTURES)))
    assert line == f"error: {misnamed}: the file is named other but annotates account tiny_a"


def test_cli_warns_when_the_prediction_was_made_from_another_text(tmp_path: Path, cli_env: dict[str, str]) -> None:
    from graph.model import AccountRecord, Evidence, GraphDocument, Node

    account = AccountRecord.from_text("tiny_a", "Sam Roe wrote another text", title="x")
    node = Node("person:sam-roe", "Person", "Sam Roe", (), {}, (Evidence("tiny_a", 0, 7, "Sam Roe", "stated"),))
    path = tmp_path / "other-text.json"
    write_document(GraphDocument((account,), (node,), ()), path)
    result = run(cli_env, "--gold", str(FIXTURES), "--texts", str(FIXTURES), "--prediction", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert "made from a different text" in result.stderr
    report = json.loads(result.stdout)
    assert report["grounding"]["verbatim"] == 0  # checked against fixtures_evaluate/tiny_a.txt
    assert report["labels"]["Person"]["true_positive"] == 1
