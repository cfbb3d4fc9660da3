"""Refuse write clauses before a user's query reaches the server.

Saved queries and the dashboard's Cypher box go through :func:`check_read_only`;
the engines' own read-only paths (``GRAPH.RO_QUERY``, Neo4j read transactions)
stand behind it as a second line.

>>> check_read_only("MATCH (n) RETURN n.name AS name")
>>> check_read_only("MATCH (n) DELETE n")
Traceback (most recent call last):
...
graph.errors.ReadOnlyViolation: this query writes (DELETE); only read queries are allowed here
"""

from __future__ import annotations

import re

from graph.errors import ReadOnlyViolation

__all__ = ["check_read_only", "strip_comments_and_strings"]

_WRITE_WORDS = (
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH",
    "LOAD", "ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "TERMINATE",
)
# Not after a dot or $: ``n.set`` and ``$delete`` are names, not clauses.
_WRITE = re.compile(r"(?<![.$\w])(" + "|".join(_WRITE_WORDS) + r")\b", re.IGNORECASE)
_CALL = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)\s*\(", re.IGNORECASE)
_READ_PROCEDURES = {
    "db.labels",
    "db.relationshiptypes",
    "db.propertykeys",
    "db.idx.fulltext.querynodes",
    "db.index.fulltext.querynodes",
}
_TOKEN = re.compile(
    r"//[^\n]*"  # line comment
    r"|/\*.*?\*/"  # block comment
    r"|'(?:\\.|[^'\\])*'"  # single-quoted string
    r'|"(?:\\.|[^"\\])*"'  # double-quoted string
    r"|`(?:``|[^`])*`",  # escaped identifier
    re.DOTALL,
)


def strip_comments_and_strings(cypher: str) -> str:
    """Blank out comments, string literals and escaped names (keeps offsets)."""
    return _TOKEN.sub(lambda m: " " * len(m.group(0)), cypher)


def check_read_only(cypher: str) -> None:
    code = strip_comments_and_strings(cypher)
    match = _WRITE.search(code)
    if match:
        raise ReadOnlyViolation(
            f"this query writes ({match.group(1).upper()}); only read queries are allowed here"
        )
    for call in _CALL.finditer(code):
        if call.group(1).lower() not in _READ_PROCEDURES:
            raise ReadOnlyViolation(
                f"procedure {call.group(1)} is not on the read-only list "
                f"({', '.join(sorted(_READ_PROCEDURES))})"
            )
    if ";" in code.strip().rstrip(";"):
        raise ReadOnlyViolation("one statement at a time, please (found ';' inside the query)")
