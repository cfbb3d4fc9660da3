"""Shared fixtures: a real embedded server per test session, real graphs on it.

Each test that writes gets a graph of its own on the session's server (graphs
are cheap in FalkorDB), so tests stay independent without restarting anything.
When TGRAPH_TEST_NEO4J_URI is set, the store contract tests also run against
that Neo4j (see ``any_store``).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Iterator

import pytest

from graph.model import GraphDocument, merge_documents
from graph.settings import Settings
from graph.store import GraphStore
from graph.store.embedded import ensure_running, stop_server
from graph.store.falkor import FalkorBackend

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def tgraph_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory for the session; the embedded server there is stopped at the end."""
    home = tmp_path_factory.mktemp("tgraph-home")
    previous = os.environ.get("TGRAPH_HOME")
    os.environ["TGRAPH_HOME"] = str(home)
    os.environ.pop("TGRAPH_NEO4J_URI", None)  # tests choose Neo4j explicitly, never by accident
    yield home
    stop_server(home)
    if previous is None:
        os.environ.pop("TGRAPH_HOME", None)
    else:
        os.environ["TGRAPH_HOME"] = previous


@pytest.fixture(scope="session")
def server(tgraph_home: Path):
    return ensure_running(tgraph_home)


def _falkor_store(server, graph_name: str) -> GraphStore:
    return GraphStore(FalkorBackend(server.host, server.port, server.password, graph_name))


def _drop_graph(store: GraphStore) -> None:
    backend = store.backend
    try:
        backend._graph.delete()  # type: ignore[attr-defined]
    except Exception:
        pass
    store.close()


@pytest.fixture
def graph_name() -> str:
    return f"t_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def cli_env(tgraph_home: Path, server, graph_name: str) -> dict[str, str]:
    """Environment for running ``tgraph`` in a subprocess against this test's graph."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TGRAPH_NEO4J")}
    env.update(TGRAPH_HOME=str(tgraph_home), TGRAPH_GRAPH=graph_name)
    return env


@pytest.fixture
def empty_store(server, graph_name: str) -> Iterator[GraphStore]:
    """A fresh, empty graph on the session's embedded server."""
    store = _falkor_store(server, graph_name)
    yield store
    _drop_graph(store)


def _neo4j_settings() -> Settings | None:
    uri = os.environ.get("TGRAPH_TEST_NEO4J_URI")
    if not uri:
        return None
    return Settings(
        home=Path("."),
        neo4j_uri=uri,
        neo4j_user=os.environ.get("TGRAPH_TEST_NEO4J_USER", "neo4j"),
        neo4j_password=os.environ.get("TGRAPH_TEST_NEO4J_PASSWORD"),
        neo4j_database=os.environ.get("TGRAPH_TEST_NEO4J_DATABASE"),
    )


_BACKENDS = ["falkordb"] + (["neo4j"] if os.environ.get("TGRAPH_TEST_NEO4J_URI") else [])


@pytest.fixture(params=_BACKENDS)
def any_store(request: pytest.FixtureRequest, server, graph_name: str) -> Iterator[GraphStore]:
    """An empty store on every engine available: always the embedded one, and a
    Neo4j when TGRAPH_TEST_NEO4J_URI (with _USER and _PASSWORD) is set."""
    if request.param == "falkordb":
        store = _falkor_store(server, graph_name)
        yield store
        _drop_graph(store)
        return
    from graph.store import open_store

    store = open_store(_neo4j_settings())
    store.wipe()
    yield store
    store.wipe()
    store.close()


@pytest.fixture(scope="session")
def gold_document() -> GraphDocument:
    """The three gold annotations as one interchange document (a perfect ingest)."""
    from ingest.gold import gold_to_document, load_gold_dir

    docs = [
        gold_to_document(gold, (SEEDS / f"{gold.account}.txt").read_text(encoding="utf-8"))
        for gold in load_gold_dir(GOLD)
    ]
    return merge_documents(*docs)


@pytest.fixture(scope="session")
def gold_store(server, gold_document: GraphDocument) -> Iterator[GraphStore]:
    """A read-only store holding the gold graph. Do not write to it."""
    store = _falkor_store(server, f"gold_{uuid.uuid4().hex[:8]}")
    store.write_document(gold_document)
    yield store
    _drop_graph(store)


@pytest.fixture(scope="session")
def seed_document() -> GraphDocument:
    """The graph the real ingest pipeline builds from seeds/, without a store."""
    from ingest.pipeline import ingest

    report = ingest([SEEDS], store=None, jobs=1)
    if report.failures:
        pytest.fail("ingesting seeds/ failed: " + "; ".join(f.line() for f in report.failures))
    return report.document


@pytest.fixture(scope="session")
def seed_store(server, seed_document: GraphDocument) -> Iterator[GraphStore]:
    """A read-only store holding the seeds' ingested graph. Do not write to it."""
    store = _falkor_store(server, f"seed_{uuid.uuid4().hex[:8]}")
    store.write_document(seed_document)
    yield store
    _drop_graph(store)
