"""The one place that reads environment variables.

Secrets are held here and handed to the driver; they are never printed, logged
or written anywhere but the embedded server's own 0600 files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

__all__ = ["Settings", "load_settings"]


@dataclass(frozen=True)
class Settings:
    home: Path
    graph_name: str = "tgraph"
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str | None = None

    @property
    def backend(self) -> str:
        return "neo4j" if self.neo4j_uri else "falkordb"

    def describe(self) -> str:
        """Where the graph lives, safe to print (no credentials)."""
        if self.neo4j_uri:
            db = f", database {self.neo4j_database}" if self.neo4j_database else ""
            return f"Neo4j at {self.neo4j_uri}{db}"
        return f"embedded FalkorDB in {self.home}"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    return Settings(
        home=Path(env.get("TGRAPH_HOME") or ".tgraph").expanduser().resolve(),
        graph_name=env.get("TGRAPH_GRAPH") or "tgraph",
        neo4j_uri=env.get("TGRAPH_NEO4J_URI") or None,
        neo4j_user=env.get("TGRAPH_NEO4J_USER") or "neo4j",
        neo4j_password=env.get("TGRAPH_NEO4J_PASSWORD") or None,
        neo4j_database=env.get("TGRAPH_NEO4J_DATABASE") or None,
    )
