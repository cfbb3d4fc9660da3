"""The store's own statements: writes, account replacement, stats, wipe.

Evidence is stored as parallel lists (``ev_key``, ``ev_account``, ``ev_start``,
``ev_end``, ``ev_quote``, ``ev_status``) because the store admits only scalars and
lists of one scalar type; ``accounts``, ``account_count`` and ``statuses`` are
kept beside them so queries can count corroboration and filter by status
without decoding anything. Merging evidence happens inside the statement, so
writing the same document twice changes nothing.
"""

from __future__ import annotations

from typing import Iterator

from graph.contract import load_contract
from graph.cypher import identifier

EVIDENCE_LISTS = ("ev_key", "ev_account", "ev_start", "ev_end", "ev_quote", "ev_status")

# A new item takes the row's lists as they are (the writer sends them
# deduplicated): cheap, and most rows of a load are new. An item already stored
# appends only the pieces whose key it does not hold yet, so writing the same
# document twice changes nothing. No WITH may sit between MERGE and its SETs, so
# the ON MATCH items are ordered to read only lists not yet updated on either
# engine: Neo4j applies SET items in order, FalkorDB evaluates them all first;
# ev_key, accounts and statuses are therefore written after whatever reads them.
_ON_CREATE_EVIDENCE = (
    "x.ev_key = r.ev_key",
    "x.ev_account = r.ev_account",
    "x.ev_start = r.ev_start",
    "x.ev_end = r.ev_end",
    "x.ev_quote = r.ev_quote",
    "x.ev_status = r.ev_status",
    "x.accounts = r.accounts",
    "x.account_count = size(r.accounts)",
    "x.statuses = r.statuses",
)
_FRESH = "[i IN range(0, size(r.ev_key) - 1) WHERE NOT r.ev_key[i] IN coalesce(x.ev_key, [])"
_NEW_ACCOUNTS = "[a IN r.accounts WHERE NOT a IN coalesce(x.accounts, [])]"
_ON_MATCH_EVIDENCE = (
    *(f"x.{key} = coalesce(x.{key}, []) + {_FRESH} | r.{key}[i]]" for key in EVIDENCE_LISTS[1:]),
    f"x.ev_key = coalesce(x.ev_key, []) + {_FRESH} | r.ev_key[i]]",
    f"x.account_count = size(coalesce(x.accounts, []) + {_NEW_ACCOUNTS})",
    f"x.accounts = coalesce(x.accounts, []) + {_NEW_ACCOUNTS}",
    "x.statuses = coalesce(x.statuses, []) + [s IN r.statuses WHERE NOT s IN coalesce(x.statuses, [])]",
)


def _set_clauses(on_create: tuple[str, ...], on_match: tuple[str, ...]) -> str:
    return (
        "ON CREATE SET " + ",\n    ".join(on_create)
        + "\nON MATCH SET " + ",\n    ".join(on_match)
        + "\nRETURN count(x) AS written"
    )


# Aliases gain the row's name and aliases that the stored name and aliases lack;
# search_text (name and aliases, lowercased) is computed from the same list.
_NEW_ALIASES = "coalesce(x.aliases, []) + [a IN [r.name] + r.aliases WHERE a <> x.name AND NOT a IN coalesce(x.aliases, [])]"


def merge_nodes(label: str) -> str:
    """Rows: id, name, aliases (without the name, no duplicates), props (map),
    the evidence lists (one entry per distinct key), accounts, statuses."""
    label = identifier(label)
    on_create = (
        "x += r.props",
        "x.name = r.name",
        "x.aliases = r.aliases",
        "x.search_text = toLower(r.name + ' | ' + reduce(s = '', a IN r.aliases | s + a + ' | '))",
        *_ON_CREATE_EVIDENCE,
    )
    on_match = (
        "x += r.props",
        f"x.search_text = toLower(x.name + ' | ' + reduce(s = '', a IN {_NEW_ALIASES} | s + a + ' | '))",
        f"x.aliases = {_NEW_ALIASES}",
        *_ON_MATCH_EVIDENCE,
    )
    return f"UNWIND $rows AS r\nMERGE (x:{label} {{id: r.id}})\n" + _set_clauses(on_create, on_match)


def merge_relationships(rel_type: str, source_label: str, target_label: str) -> str:
    """Rows: id, source, target, props (map), the evidence lists, accounts, statuses."""
    rel_type, source_label, target_label = map(identifier, (rel_type, source_label, target_label))
    return (
        "UNWIND $rows AS r\n"
        f"MATCH (a:{source_label} {{id: r.source}})\n"
        f"MATCH (b:{target_label} {{id: r.target}})\n"
        f"MERGE (a)-[x:{rel_type}]->(b)\n"
        + _set_clauses(("x += r.props", "x.id = r.id", *_ON_CREATE_EVIDENCE), ("x += r.props", *_ON_MATCH_EVIDENCE))
    )


MERGE_ACCOUNTS = """UNWIND $rows AS r
MERGE (x:Account {id: r.id})
SET x += r.props, x.accounts = [r.id], x.account_count = 1
RETURN count(x) AS written"""

ACCOUNT_SUMMARIES = """MATCH (a:Account)
RETURN a.id AS id, a.name AS name, a.title AS title, a.author AS author, a.published AS published,
       a.source AS source, a.words AS words, a.length AS length, a.sha256 AS sha256
ORDER BY a.id"""

ACCOUNTS_BY_ID = """UNWIND $ids AS wanted
MATCH (a:Account {id: wanted})
RETURN a.id AS id, a.title AS title, a.sha256 AS sha256, a.length AS length, a.text AS text"""

def ids_with_label(label: str) -> str:
    """Which of $ids are nodes of this label. One statement per label, because
    ``MATCH (n {id: x})`` without a label uses no index: it scanned every node
    for every id (minutes for a document that links 100,000 stored nodes)."""
    return f"UNWIND $ids AS wanted\nMATCH (n:{identifier(label)} {{id: wanted}})\nRETURN n.id AS id"

COUNT_NODES_BY_LABEL = """MATCH (n)
RETURN labels(n)[0] AS label, count(n) AS count
ORDER BY label"""

COUNT_RELATIONSHIPS_BY_TYPE = """MATCH ()-[e]->()
RETURN type(e) AS type, count(e) AS count
ORDER BY type"""

WIPE_BATCH = """MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted"""

DELETE_ACCOUNT = """MATCH (a:Account {id: $account})
DETACH DELETE a
RETURN count(*) AS deleted"""

# Removing one account's evidence keeps every other account's pieces in place.
_STRIP_EVIDENCE = """
WITH x, [i IN range(0, size(x.ev_key) - 1) WHERE x.ev_account[i] <> $account] AS keep
SET x.ev_key = [i IN keep | x.ev_key[i]],
    x.ev_account = [i IN keep | x.ev_account[i]],
    x.ev_start = [i IN keep | x.ev_start[i]],
    x.ev_end = [i IN keep | x.ev_end[i]],
    x.ev_quote = [i IN keep | x.ev_quote[i]],
    x.ev_status = [i IN keep | x.ev_status[i]],
    x.accounts = [a IN x.accounts WHERE a <> $account]
WITH x
SET x.account_count = size(x.accounts),
    x.statuses = reduce(acc = [], s IN x.ev_status | CASE WHEN s IN acc THEN acc ELSE acc + [s] END)
RETURN count(x) AS stripped"""


def strip_account_from_nodes(label: str) -> str:
    return f"MATCH (x:{identifier(label)})\nWHERE $account IN x.accounts" + _STRIP_EVIDENCE


def strip_account_from_relationships(rel_type: str) -> str:
    return f"MATCH ()-[x:{identifier(rel_type)}]->()\nWHERE $account IN x.accounts" + _STRIP_EVIDENCE


def delete_unsupported_nodes(label: str) -> str:
    return f"MATCH (x:{identifier(label)})\nWHERE x.account_count = 0\nDETACH DELETE x\nRETURN count(*) AS deleted"


def delete_unsupported_relationships(rel_type: str) -> str:
    return (
        f"MATCH ()-[x:{identifier(rel_type)}]->()\nWHERE x.account_count = 0\n"
        "DELETE x\nRETURN count(*) AS deleted"
    )


def create_index(label: str, prop: str) -> str:
    """The one schema statement both engines share (CYPHER.md rule 18)."""
    return f"CREATE INDEX FOR (n:{identifier(label)}) ON (n.{identifier(prop)})"


def examples() -> Iterator[str]:
    contract = load_contract()
    for label in contract.labels:
        if label != "Account":
            yield merge_nodes(label)
            yield strip_account_from_nodes(label)
            yield delete_unsupported_nodes(label)
        yield create_index(label, "id")
        yield ids_with_label(label)
    for rel in contract.relationships.values():
        yield strip_account_from_relationships(rel.name)
        yield delete_unsupported_relationships(rel.name)
        for source in rel.sources:
            for target in rel.targets:
                yield merge_relationships(rel.name, source, target)
    yield from (
        MERGE_ACCOUNTS,
        ACCOUNT_SUMMARIES,
        ACCOUNTS_BY_ID,
        COUNT_NODES_BY_LABEL,
        COUNT_RELATIONSHIPS_BY_TYPE,
        WIPE_BATCH,
        DELETE_ACCOUNT,
    )
