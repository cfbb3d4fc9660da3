"""Stores to export from: the gold graph and the seeds through the real ingest."""

from __future__ import annotations

import pytest

from graph.export import Selection, select_subgraph
from graph.model import GraphDocument
from graph.store import GraphStore

STORES = ["gold_store", "seed_store"]


@pytest.fixture(params=STORES)
def source_store(request: pytest.FixtureRequest) -> GraphStore:
    """Each read-only store the exports must handle (never written to)."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def whole(source_store: GraphStore) -> GraphDocument:
    return select_subgraph(source_store, Selection("all"))


@pytest.fixture
def whole_gold(gold_store: GraphStore) -> GraphDocument:
    """The whole gold graph, read back from its store."""
    return select_subgraph(gold_store, Selection("all"))
