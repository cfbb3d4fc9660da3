"""Fixtures for the dashboard tests: the app pointed at a real store, page by page."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from pagetools import PageOpener, opener, point_at


@pytest.fixture
def seed_app(monkeypatch: pytest.MonkeyPatch, tgraph_home: Path, seed_store: GraphStore) -> PageOpener:
    """Open a page of the app on the store built from seeds/ by the real ingest."""
    point_at(monkeypatch, tgraph_home, seed_store.backend.graph_name)  # type: ignore[attr-defined]
    return opener()


@pytest.fixture
def empty_app(monkeypatch: pytest.MonkeyPatch, tgraph_home: Path, empty_store: GraphStore) -> PageOpener:
    """Open a page of the app on an empty graph."""
    point_at(monkeypatch, tgraph_home, empty_store.backend.graph_name)  # type: ignore[attr-defined]
    return opener()


