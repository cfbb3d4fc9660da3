"""The ingest pipeline on the seeds, with the real extractor and a real store."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from graph.contract import load_contract
from graph.cypher import export
from graph.errors import ValidationError
from graph.interchange import document_to_json
from graph.model import AccountRecord, Evidence, GraphDocument
from graph.store import GraphStore
from graph.store.falkor import FalkorBackend
from graph.store.store import evidence_from_row
from ingest.discover import discover
from ingest.pipeline import IngestReport, ingest, ingest_document

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def _properties(row: dict[str, Any]) -> dict[str, Any]:
    """A stored item's properties from an export row: a ``props`` map or ``p_<key>`` columns."""
    if "props" in row:
        return dict(row["props"])
    prefix = export.PROPERTY_PREFIX
    return {k[len(prefix) :]: v for k, v in row.items() if k.startswith(prefix) and v is not None}


def snapshot(store: GraphStore) -> dict[str, Any]:
    """Everything the store holds, as comparable plain data (read through the export statements)."""
    contract = load_contract()
    nodes: dict[str, dict[str, Any]] = {}
    for label in contract.labels:
        for row in store.read(export.nodes_of_label(label)):
            props = _properties(row)
            nodes[props["id"]] = {"label": label, **props}
    rels: dict[tuple[str, str, str], dict[str, Any]] = {}
    for rel_type in contract.relationships:
        for row in store.read(export.relationships_of_type(rel_type)):
            rels[(rel_type, row["source"], row["target"])] = _properties(row)
    return {"nodes": nodes, "relationships": rels}


def evidence_sets(snap: dict[str, Any]) -> dict[str, Any]:
    """Per item, the set of its evidence: what must match whatever order it was written in."""
    return {
        "nodes": {i: (p["label"], frozenset(evidence_from_row(p))) for i, p in snap["nodes"].items() if p["label"] != "Account"},
        "relationships": {k: frozenset(evidence_from_row(p)) for k, p in snap["relationships"].items()},
        "accounts": {i: p.get("sha256") for i, p in snap["nodes"].items() if p["label"] == "Account"},
    }


def copy_seeds(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, target / path.name)
    return target


# -- discovery -------------------------------------------------------------------------


def test_discover_walks_folders_sorted_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z", encoding="utf-8")
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / "skip.docx").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text("h", encoding="utf-8")
    files, failures = discover([tmp_path, tmp_path / "a.md", tmp_path / "nope.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a.md", "b/z.txt"]
    assert [f.line() for f in failures] == [f"{tmp_path / 'nope.txt'}: no such file or folder"]


# -- the seeds, without a store ------------------------------------------------------------


def test_seed_document_holds_every_seed_with_its_text(seed_document: GraphDocument) -> None:
    assert sorted(a.id for a in seed_document.accounts) == SEED_IDS
    for account in seed_document.accounts:
        assert account.text == (SEEDS / f"{account.id}.txt").read_text(encoding="utf-8")
        assert account.properties["words"] == len(account.text.split())
    assert seed_document.nodes, "extraction found nothing in the seeds"
    assert seed_document.relationships


def test_every_quote_is_grounded(seed_document: GraphDocument) -> None:
    texts = {a.id: a.text for a in seed_document.accounts}
    items = [*seed_document.nodes, *seed_document.relationships]
    for item in items:
        assert item.evidence, f"{item} has no evidence"
        for ev in item.evidence:
            assert texts[ev.account][ev.start : ev.end] == ev.quote, (item, ev)


def test_merging_copies_of_the_same_accounts_changes_nothing() -> None:
    from graph.model import merge_documents
    from ingest.extract import extract
    from ingest.load import load_account

    documents = [extract(load_account(p)) for p in sorted(SEEDS.glob("*.txt"))]
    twice = documents + documents[::-1]  # every node and edge merged with copies of itself
    assert document_to_json(merge_documents(*twice)) == document_to_json(merge_documents(*documents))


def test_parallel_extraction_gives_the_same_document_as_serial() -> None:
    serial = ingest([SEEDS], jobs=1)
    parallel = ingest([SEEDS], jobs=2)
    assert serial.ok and parallel.ok
    assert document_to_json(parallel.document) == document_to_json(serial.document)


# -- into a store --------------------------------------------------------------------------


def test_ingest_twice_changes_nothing(empty_store: GraphStore) -> None:
    first = ingest([SEEDS], store=empty_store, jobs=1)
    assert first.ok and first.count("new") == len(SEED_IDS)
    before = snapshot(empty_store)
    stats_before = empty_store.stats()
    second = ingest([SEEDS], store=empty_store, jobs=1)
    assert second.ok
    assert second.count("unchanged") == len(SEED_IDS) and second.count("new") == 0
    assert snapshot(empty_store) == before
    assert empty_store.stats() == stats_before


def test_stored_graph_matches_the_document(empty_store: GraphStore, seed_document: GraphDocument) -> None:
    ingest([SEEDS], store=empty_store, jobs=1)
    stats = empty_store.stats()
    assert stats.nodes.get("Account") == len(SEED_IDS)
    assert stats.total_nodes == len(seed_document.nodes) + len(seed_document.accounts)
    assert stats.total_relationships == len(seed_document.relationships)


def test_changed_account_replaces_its_evidence(tmp_path: Path, server, empty_store: GraphStore) -> None:
    corpus = copy_seeds(tmp_path / "corpus")
    ingest([corpus], store=empty_store, jobs=1)
    # Keep the first third of one account: most of what it told is gone.
    changed = corpus / "002_6d01d947b411f3c5.txt"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text[: len(text) // 3], encoding="utf-8")
    report = ingest([corpus], store=empty_store, jobs=1)
    assert report.ok
    assert report.statuses["002_6d01d947b411f3c5"] == "changed"
    assert report.count("unchanged") == len(SEED_IDS) - 1

    after = evidence_sets(snapshot(empty_store))
    # Every piece of the changed account's evidence quotes its new text.
    new_text = changed.read_text(encoding="utf-8")
    for evidence in [*after["nodes"].values()]:
        for ev in evidence[1]:
            if ev.account == "002_6d01d947b411f3c5":
                assert new_text[ev.start : ev.end] == ev.quote

    # The store now equals a fresh ingest of the changed corpus, evidence for evidence:
    # nothing of the old version is left, nothing of the other accounts is lost.
    fresh = GraphStore(FalkorBackend(server.host, server.port, server.password, f"{empty_store.backend.graph_name}_fresh"))
    try:
        ingest([corpus], store=fresh, jobs=1)
        assert after == evidence_sets(snapshot(fresh))
    finally:
        fresh.backend._graph.delete()  # type: ignore[attr-defined]
        fresh.close()


def test_bad_file_among_good_ones(tmp_path: Path, empty_store: GraphStore) -> None:
    corpus = copy_seeds(tmp_path / "corpus")
    shutil.copy(FIXTURES / "latin1.txt", corpus / "latin1.txt")
    report = ingest([corpus], store=empty_store, jobs=1)
    assert [f.where for f in report.failures] == [str(corpus / "latin1.txt")]
    assert sorted(report.statuses) == SEED_IDS
    assert sorted(r["id"] for r in empty_store.accounts()) == SEED_IDS


def test_invalid_document_writes_nothing(empty_store: GraphStore, seed_document: GraphDocument) -> None:
    """Validation of everything comes before the first write, removals included."""
    ingest([SEEDS], store=empty_store, jobs=1)
    before = snapshot(empty_store)
    account = next(a for a in seed_document.accounts if a.id == "004_0e606b57a70b77e0")
    assert account.text is not None
    edited = AccountRecord.from_text(account.id, account.text + "\nA postscript.\n", title=account.title)
    node = next(n for n in seed_document.nodes if account.id in n.accounts)
    wrong = Evidence(account.id, 0, 5, "XXXXX", "stated")  # not the text at 0:5
    from dataclasses import replace

    bad = GraphDocument((edited,), (replace(node, evidence=(wrong,)),), ())
    report = IngestReport(statuses={account.id: "changed"})
    with pytest.raises(ValidationError):
        ingest_document(report, [bad], empty_store)
    assert snapshot(empty_store) == before


def test_force_extracts_again_and_ends_where_it_started(empty_store: GraphStore) -> None:
    ingest([SEEDS], store=empty_store, jobs=1)
    before = evidence_sets(snapshot(empty_store))
    report = ingest([SEEDS], store=empty_store, jobs=1, force=True)
    assert report.ok and report.count("changed") == len(SEED_IDS)
    assert evidence_sets(snapshot(empty_store)) == before
