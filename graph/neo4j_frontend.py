"""Neo4j's own Cypher front end, as a check on every statement we send.

Real Neo4j cannot be installed here, so the statements our code sends (and the
saved queries) are put through ``lintCypherQuery`` from the npm package
``@neo4j-cypher/language-support`` (pinned in ``tools/cypher-lint``; install it
with ``npm ci --prefix tools/cypher-lint``). It parses with Neo4j's grammar and
runs Neo4j's semantic analysis against a schema we build from the contract, so
it catches syntax Neo4j would refuse, unknown functions and procedures, and
labels, relationship types or property keys the contract does not know.

One ``node`` process lints a whole batch: start-up costs about a second, and
Neo4j's parser then takes 20 to 400 ms per statement (longer ones cost more).
Results are a pure function of the pinned package, ``lint.mjs``, the schema and
the statement, so they are cached under ``tools/cypher-lint/node_modules/.cache``
keyed by a hash of all four (``npm ci`` empties it; ``cache=False`` bypasses it).

Usage::

    from graph.neo4j_frontend import lint, failures
    diagnostics = lint(["MATCH (p:Person) RETURN p.name AS name"])   # [[]]
    assert not failures(["MATCH (p:Person) RETURN p.name AS name"])[0]

Which diagnostics fail (:attr:`Diagnostic.fails`):

* errors (severity 1) always fail: Neo4j would refuse the statement;
* warnings that a label, relationship type, property key, function or
  procedure "is not present in the database" fail too, because the schema we
  lint against *is* the contract (plus the keys the store writes): such a
  warning means a typo or a name outside the contract, which on FalkorDB
  silently matches nothing instead of failing;
* deprecation warnings fail, except the one the portable subset forces on us:
  ``CALL { WITH x ... }`` (CYPHER.md rule 9; FalkorDB has no ``CALL (x) {}``),
  which Neo4j 5 and Cypher 25 still run;
* information and hints never fail.

FalkorDB-only procedures (``db.idx.fulltext.queryNodes``) are unknown to Neo4j
and fail by default, which is right for anything meant to run on both engines
(saved queries). Pass ``falkordb_procedures=True`` to lint a statement that
:mod:`graph.cypher.dialect` sends to FalkorDB only: the procedure is then
declared with FalkorDB's signature, so the rest of the statement is still
checked by Neo4j's front end.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from graph.contract import Contract, load_contract
from graph.cypher.core import EVIDENCE_LISTS
from graph.errors import TestimonyGraphError

__all__ = [
    "Diagnostic",
    "FrontEndUnavailable",
    "TOOL_DIR",
    "INSTALL_COMMAND",
    "STORED_PROPERTY_KEYS",
    "FALKORDB_PROCEDURES",
    "db_schema",
    "lint",
    "failures",
]

TOOL_DIR = Path(__file__).resolve().parents[1] / "tools" / "cypher-lint"
INSTALL_COMMAND = "npm ci --prefix tools/cypher-lint"
_PACKAGE = TOOL_DIR / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json"
_CACHE_DIR = TOOL_DIR / "node_modules" / ".cache" / "tgraph-lint"
_TIMEOUT_S = 600.0

#: Keys the store writes beside the contract's own (DEVELOPERS.md, "How the
#: graph is stored"), and the keys of the row maps our write statements unwind
#: (``r.props``, ``r.source`` ...), which the front end checks the same way.
STORED_PROPERTY_KEYS: tuple[str, ...] = (
    "search_text",
    *EVIDENCE_LISTS,
    "accounts",
    "account_count",
    "statuses",
    "text",
    "length",
    "props",
    "source",
    "target",
    "redacted",  # set on items that graph/export/redaction.py changed
)

_STRING, _NODE, _FLOAT = "STRING", "NODE", "FLOAT"

#: FalkorDB's full-text query, declared as Neo4j's registry declares procedures.
FALKORDB_PROCEDURES: tuple[dict[str, Any], ...] = (
    {
        "name": "db.idx.fulltext.queryNodes",
        "description": "FalkorDB only: query the full-text index of one label.",
        "mode": "READ",
        "worksOnSystem": False,
        "signature": "db.idx.fulltext.queryNodes(label :: STRING, query :: STRING) :: (node :: NODE, score :: FLOAT)",
        "argumentDescription": [
            {"name": "label", "description": "the label whose index to query", "type": _STRING, "isDeprecated": False},
            {"name": "query", "description": "a RediSearch query", "type": _STRING, "isDeprecated": False},
        ],
        "returnDescription": [
            {"name": "node", "description": "a matching node", "type": _NODE, "isDeprecated": False},
            {"name": "score", "description": "the match score", "type": _FLOAT, "isDeprecated": False},
        ],
        "admin": False,
        "option": {"deprecated": False},
    },
)

# The one deprecation the portable subset requires (see the module docstring).
_TOLERATED_DEPRECATIONS = ("CALL subquery without a variable scope clause is deprecated",)
_NOT_IN_SCHEMA = "is not present in the database"


class FrontEndUnavailable(TestimonyGraphError):
    """``node`` or the pinned npm package is missing."""


@dataclass(frozen=True)
class Diagnostic:
    """One finding of Neo4j's front end about one statement.

    ``severity`` follows LSP: 1 error, 2 warning, 3 information, 4 hint.
    ``start``/``end`` are character offsets into the statement; ``line`` and
    ``column`` (both from 0) locate ``start``.
    """

    severity: int
    message: str
    start: int
    end: int
    line: int
    column: int

    @property
    def is_error(self) -> bool:
        return self.severity == 1

    @property
    def fails(self) -> bool:
        """Whether this finding fails a statement (policy in the module docstring)."""
        if self.severity == 1:
            return True
        if self.severity != 2:
            return False
        if _NOT_IN_SCHEMA in self.message:
            return True
        if "deprecated" in self.message.lower():
            return not any(tolerated in self.message for tolerated in _TOLERATED_DEPRECATIONS)
        return False

    def __str__(self) -> str:
        kind = {1: "error", 2: "warning", 3: "info", 4: "hint"}.get(self.severity, "note")
        return f"{kind} at {self.line + 1}:{self.column + 1}: {self.message}"


def db_schema(contract: Contract | None = None, falkordb_procedures: bool = False) -> dict[str, Any]:
    """The dbSchema the front end checks against: the contract plus stored keys."""
    contract = contract or load_contract()
    keys = dict.fromkeys((*contract.property_keys(), *STORED_PROPERTY_KEYS))
    return {
        "labels": list(contract.labels),
        "relationshipTypes": list(contract.relationships),
        "propertyKeys": list(keys),
        "extraProcedures": list(FALKORDB_PROCEDURES) if falkordb_procedures else [],
    }


@lru_cache(maxsize=1)
def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise FrontEndUnavailable(
            f"Node.js is not installed; install node (18 or later), then run: {INSTALL_COMMAND}",
            where="node",
        )
    if not _PACKAGE.exists():
        raise FrontEndUnavailable(
            f"the npm package @neo4j-cypher/language-support is not installed; run: {INSTALL_COMMAND}",
            where=str(TOOL_DIR),
        )
    return node


def _run_node(queries: list[str], schema: dict[str, Any]) -> list[list[dict[str, Any]]]:
    node = _node()
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as schema_file:
        json.dump(schema, schema_file)
        schema_file.flush()
        try:
            result = subprocess.run(
                [node, str(TOOL_DIR / "lint.mjs"), schema_file.name],
                input=json.dumps(queries),
                capture_output=True,
                text=True,
                cwd=TOOL_DIR,
                timeout=_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            raise FrontEndUnavailable(
                f"linting {len(queries)} statements took over {_TIMEOUT_S:.0f} s", where="lint.mjs"
            ) from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise FrontEndUnavailable(
            f"the front end failed ({detail[-1] if detail else 'no output'}); "
            f"if the package is missing, run: {INSTALL_COMMAND}",
            where="lint.mjs",
        )
    try:
        raw = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise FrontEndUnavailable("the front end printed something that is not JSON", where="lint.mjs") from None
    if not isinstance(raw, list) or len(raw) != len(queries):
        raise FrontEndUnavailable("the front end answered for the wrong number of statements", where="lint.mjs")
    return raw


def _cache_keys(queries: Sequence[str], schema: dict[str, Any]) -> list[str]:
    base = hashlib.sha256()
    for part in (TOOL_DIR / "package-lock.json", TOOL_DIR / "lint.mjs"):
        base.update(part.read_bytes())
    base.update(json.dumps(schema, sort_keys=True).encode("utf-8"))
    keys = []
    for query in queries:
        digest = base.copy()
        digest.update(b"\0" + query.encode("utf-8"))
        keys.append(digest.hexdigest())
    return keys


def _cache_get(key: str) -> list[dict[str, Any]] | None:
    try:
        return json.loads((_CACHE_DIR / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _cache_put(key: str, found: list[dict[str, Any]]) -> None:
    # One file per statement, replaced atomically: concurrent test runs never
    # see half an entry and never lose each other's work.
    try:
        _CACHE_DIR.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=_CACHE_DIR, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(found, handle)
        os.replace(tmp, _CACHE_DIR / f"{key}.json")
    except OSError:
        pass  # a read-only checkout still lints, only slower


def lint(
    queries: Sequence[str],
    *,
    falkordb_procedures: bool = False,
    contract: Contract | None = None,
    cache: bool = True,
) -> list[list[Diagnostic]]:
    """Every diagnostic of ``lintCypherQuery`` for each query, in order.

    Runs one ``node`` process for the whole batch (of the statements not yet
    cached). "Parameter $x is not defined" is left out: parameters are given
    at run time. Use :attr:`Diagnostic.fails` (or :func:`failures`) to decide
    what fails.
    """
    queries = list(queries)
    if not queries:
        return []
    _node()  # fail early and clearly, even when everything is cached
    schema = db_schema(contract, falkordb_procedures)
    keys = _cache_keys(queries, schema) if cache else [""] * len(queries)
    raw: list[list[dict[str, Any]] | None] = [_cache_get(k) if cache else None for k in keys]
    todo = [i for i, found in enumerate(raw) if found is None]
    if todo:
        fresh = _run_node([queries[i] for i in todo], schema)
        for i, found in zip(todo, fresh):
            raw[i] = found
            if cache:
                _cache_put(keys[i], found)
    return [
        [
            Diagnostic(d["severity"], d["message"], d["start"], d["end"], d["line"], d["column"])
            for d in per_query or []
        ]
        for per_query in raw
    ]


def failures(
    queries: Sequence[str],
    *,
    falkordb_procedures: bool = False,
    contract: Contract | None = None,
    cache: bool = True,
) -> list[list[Diagnostic]]:
    """Per query, only the diagnostics that fail it (empty lists mean clean)."""
    return [
        [d for d in found if d.fails]
        for found in lint(queries, falkordb_procedures=falkordb_procedures, contract=contract, cache=cache)
    ]
