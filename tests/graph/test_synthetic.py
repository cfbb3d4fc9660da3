"""bench/synthetic.py: the benchmark graph is contract-valid, exact and deterministic."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

# bench/ is run by hand from the repository root and is not an installed
# package; make it importable under plain `pytest` too.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.synthetic import synthetic_document  # noqa: E402
from graph.contract import load_contract
from graph.store import GraphStore
from graph.validate import validate_document


def test_valid_exact_and_deterministic() -> None:
    document = synthetic_document(nodes=2_000, relationships=6_000, accounts=20, seed=7)
    validate_document(document)  # every quote is its account's text there
    assert (len(document.accounts), len(document.nodes), len(document.relationships)) == (20, 2_000, 6_000)
    assert len({r.id for r in document.relationships}) == 6_000
    assert len({n.id for n in document.nodes}) == 2_000
    assert all(len(item.evidence) == 1 for item in (*document.nodes, *document.relationships))
    assert synthetic_document(nodes=2_000, relationships=6_000, accounts=20, seed=7) == document
    assert synthetic_document(nodes=2_000, relationships=6_000, accounts=20, seed=8) != document


def test_realistic_mix() -> None:
    document = synthetic_document(nodes=2_000, relationships=6_000, accounts=20)
    contract = load_contract()
    labels = Counter(n.label for n in document.nodes)
    assert set(labels) == set(contract.labels) - {"Account"}
    assert labels.most_common(1)[0][0] == "Person"
    types = Counter(r.type for r in document.relationships)
    assert set(types) == set(contract.relationships)
    assert types["AUTHORED"] == 20
    assert len({e.status for n in document.nodes for e in n.evidence}) == len(contract.statuses)


def test_impossible_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        synthetic_document(nodes=3, relationships=10, accounts=1)
    with pytest.raises(ValueError):
        synthetic_document(nodes=100, relationships=5, accounts=10)


def test_writes_and_rewrites_in_the_store(empty_store: GraphStore) -> None:
    document = synthetic_document(nodes=500, relationships=1_500, accounts=5)
    empty_store.write_document(document)
    stats = empty_store.stats()
    assert stats.total_nodes == 505 and stats.total_relationships == 1_500
    empty_store.write_document(document)
    assert empty_store.stats() == stats
