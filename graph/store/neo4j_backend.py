"""Neo4j 5 / Aura through the official ``neo4j`` driver, kept thin on purpose.

Real Neo4j cannot run on our machines, so this module does as little as it
can: every statement it sends is the same text the embedded engine runs, and
all of it passes Neo4j's own front end in the test suite.
"""

from __future__ import annotations

from typing import Any, Mapping

from graph.errors import ReadOnlyViolation, StoreError, StoreUnavailable
from graph.store.backend import Backend, Row

__all__ = ["Neo4jBackend"]


def _plain(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **dict(value)}
    if isinstance(value, Relationship):
        return {"_type": value.type, **dict(value)}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j temporal values: ISO strings, as everywhere else
        return value.iso_format()
    return value


class Neo4jBackend(Backend):
    name = "neo4j"

    def __init__(self, uri: str, user: str, password: str | None, database: str | None = None) -> None:
        import neo4j

        self._neo4j = neo4j
        self._database = database
        self._uri = uri
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password or ""))
            self._driver.verify_connectivity()
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.AuthError, ValueError) as exc:
            # The message names the URI only; credentials are never echoed.
            raise StoreUnavailable(
                f"cannot reach Neo4j at {uri}: {type(exc).__name__}; check TGRAPH_NEO4J_URI, "
                "TGRAPH_NEO4J_USER and TGRAPH_NEO4J_PASSWORD"
            ) from None

    def describe(self) -> str:
        db = f", database {self._database}" if self._database else ""
        return f"Neo4j at {self._uri}{db}"

    def _execute(self, cypher: str, params: Mapping[str, Any] | None, routing: Any, timeout_ms: int | None = None) -> list[Row]:
        neo4j = self._neo4j
        query: Any = cypher
        if timeout_ms:
            query = neo4j.Query(cypher, timeout=timeout_ms / 1000.0)
        try:
            records, _, keys = self._driver.execute_query(
                query, dict(params or {}), database_=self._database, routing_=routing
            )
        except neo4j.exceptions.ServiceUnavailable as exc:
            raise StoreUnavailable(f"lost Neo4j at {self._uri}: {exc}") from None
        except neo4j.exceptions.ClientError as exc:
            if routing == neo4j.RoutingControl.READ and "write" in (exc.message or "").lower():
                raise ReadOnlyViolation("this query tries to write; only read queries are allowed here") from None
            raise StoreError(f"Neo4j refused the query: {exc.message}") from None
        return [{k: _plain(record[k]) for k in keys} for record in records]

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._execute(cypher, params, self._neo4j.RoutingControl.WRITE)

    def run_read(self, cypher: str, params: Mapping[str, Any] | None = None, timeout_ms: int | None = None) -> list[Row]:
        return self._execute(cypher, params, self._neo4j.RoutingControl.READ, timeout_ms)

    def run_schema(self, cypher: str) -> None:
        try:
            self._execute(cypher, None, self._neo4j.RoutingControl.WRITE)
        except StoreError as exc:
            if "already exists" not in str(exc).lower() and "equivalent" not in str(exc).lower():
                raise

    def close(self) -> None:
        self._driver.close()
