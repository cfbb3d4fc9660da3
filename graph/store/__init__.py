"""Opening the configured store: Neo4j when a URI is set, else the embedded FalkorDB."""

from __future__ import annotations

from graph.settings import Settings, load_settings
from graph.store.backend import Backend
from graph.store.store import GraphStore, Stats, WriteReport

__all__ = ["open_store", "open_backend", "GraphStore", "Stats", "WriteReport", "Backend"]


def open_backend(settings: Settings | None = None) -> Backend:
    settings = settings or load_settings()
    if settings.neo4j_uri:
        from graph.store.neo4j_backend import Neo4jBackend

        return Neo4jBackend(
            settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database
        )
    from graph.store.embedded import ensure_running
    from graph.store.falkor import FalkorBackend

    info = ensure_running(settings.home)
    return FalkorBackend(info.host, info.port, info.password, settings.graph_name)


def open_store(settings: Settings | None = None) -> GraphStore:
    """The store the settings point at, started if it is the embedded one."""
    return GraphStore(open_backend(settings))
