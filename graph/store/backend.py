"""The small interface both engines implement: run a statement, read-only or not.

A backend is transport only. What to say lives in :mod:`graph.cypher`; what
differs between engines in schema (constraints, full-text) lives in
:mod:`graph.store.dialect`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Iterable, Iterator, Mapping

__all__ = ["Backend", "Row", "Batch"]

Row = dict[str, Any]
#: One write of a bulk load: the statement and its parameters.
Batch = tuple[str, Mapping[str, Any]]


class Backend(ABC):
    name: str = ""
    #: Capabilities, rdflib-style: what callers may rely on.
    supports_fulltext: bool = True

    @abstractmethod
    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one self-contained statement that may write."""

    def run_batches(self, batches: Iterable[Batch]) -> Iterator[list[Row]]:
        """Run many writes in order, yielding each one's rows as it completes.

        ``batches`` may be a lazy generator; a backend may prepare the next
        batch while the server works on the current one (see FalkorBackend).
        """
        for cypher, params in batches:
            yield self.run(cypher, params)

    @abstractmethod
    def run_read(
        self, cypher: str, params: Mapping[str, Any] | None = None, timeout_ms: int | None = None
    ) -> list[Row]:
        """Run one statement on the engine's own read-only path."""

    def run_read_rows(
        self, cypher: str, params: Mapping[str, Any] | None = None, timeout_ms: int | None = None
    ) -> list[tuple[Any, ...]]:
        """Like :meth:`run_read`, but each row is a tuple in RETURN order.

        The bulk path (the whole-graph export reads 400,000 rows this way): a
        backend may decode its wire format straight into tuples, skipping the
        per-value work of its client's generic parser and the per-row dicts.
        """
        return [tuple(row.values()) for row in self.run_read(cypher, params, timeout_ms)]

    @abstractmethod
    def run_schema(self, cypher: str) -> None:
        """Run a schema statement; "already exists" counts as success."""

    @abstractmethod
    def close(self) -> None: ...

    def describe(self) -> str:
        return self.name

    def __enter__(self) -> "Backend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
