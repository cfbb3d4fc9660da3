"""Where the two engines differ: uniqueness constraints and full-text search.

Everything else runs as the same text on both. The shared index statement is
:func:`graph.cypher.core.create_index`; this module adds what each engine does
on top of it, and the name search that uses each engine's full-text index.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from graph.contract import Contract, load_contract
from graph.cypher import identifier
from graph.cypher.core import create_index

__all__ = [
    "FULLTEXT_INDEX_NAME",
    "searchable_labels",
    "neo4j_schema_statements",
    "neo4j_search",
    "falkordb_search",
    "apply_schema",
    "fulltext_term",
    "search_statements",
]

FULLTEXT_INDEX_NAME = "tgraph_names"
# Name and aliases folded into one lowercased text by the node writer.
SEARCH_PROPERTIES = ("name", "search_text")


def searchable_labels(contract: Contract) -> tuple[str, ...]:
    return tuple(label for label in contract.labels if label != "Account")


def neo4j_schema_statements(contract: Contract) -> list[str]:
    statements = [
        f"CREATE CONSTRAINT {identifier(label.lower() + '_id_unique')} IF NOT EXISTS "
        f"FOR (n:{identifier(label)}) REQUIRE n.id IS UNIQUE"
        for label in contract.labels
    ]
    labels = "|".join(identifier(label) for label in searchable_labels(contract))
    props = ", ".join(f"n.{p}" for p in SEARCH_PROPERTIES)
    statements.append(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX_NAME} IF NOT EXISTS FOR (n:{labels}) ON EACH [{props}]")
    return statements


_SEARCH_RETURN = """RETURN node.id AS id, node.name AS name, labels(node)[0] AS label,
       node.aliases AS aliases, node.account_count AS account_count"""


def neo4j_search() -> str:
    """Parameters: term (a Lucene query), limit."""
    return (
        f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX_NAME}', $term) YIELD node, score\n"
        f"{_SEARCH_RETURN}\nORDER BY score DESC LIMIT $limit"
    )


def falkordb_search(label: str) -> str:
    """FalkorDB keeps one full-text index per label. Parameters: term, limit."""
    return (
        f"CALL db.idx.fulltext.queryNodes('{identifier(label)}', $term) YIELD node\n"
        f"{_SEARCH_RETURN}\nLIMIT $limit"
    )


def apply_schema(backend: object, contract: Contract | None = None) -> None:
    """Create indexes, constraints and full-text indexes; idempotent."""
    contract = contract or load_contract()
    name = getattr(backend, "name", "")
    if name == "neo4j":
        for statement in neo4j_schema_statements(contract):
            backend.run_schema(statement)  # type: ignore[attr-defined]
        return
    for label in contract.labels:
        backend.run_schema(create_index(label, "id"))  # type: ignore[attr-defined]
        backend.create_unique_constraint(label, "id")  # type: ignore[attr-defined]
    for label in searchable_labels(contract):
        backend.create_fulltext_index(label, *SEARCH_PROPERTIES)  # type: ignore[attr-defined]


_WORD = re.compile(r"\w+")


def fulltext_term(backend_name: str, text: str) -> str:
    """The full-text query for "every word of ``text`` as a prefix", per engine.

    Words are the runs of letters and digits (what both indexers tokenise), so
    no character of the user's text is read as query syntax. Lucene (Neo4j)
    needs an explicit AND; RediSearch (FalkorDB) intersects space-separated
    terms and reads "AND" as a word, which made every two-word search empty.

    >>> fulltext_term("neo4j", "Sam O'Kafor")
    'sam* AND o* AND kafor*'
    >>> fulltext_term("falkordb", "Sam O'Kafor")
    'sam* o* kafor*'
    >>> fulltext_term("falkordb", "  -- ")
    ''
    """
    words = [f"{word.lower()}*" for word in _WORD.findall(text)]
    return (" AND " if backend_name == "neo4j" else " ").join(words)


def search_statements(backend_name: str, labels: Sequence[str]) -> list[str]:
    if backend_name == "neo4j":
        return [neo4j_search()]
    return [falkordb_search(label) for label in labels]


def examples() -> Iterator[str]:
    contract = load_contract()
    yield from neo4j_schema_statements(contract)
    yield neo4j_search()
    for label in searchable_labels(contract):
        yield falkordb_search(label)
