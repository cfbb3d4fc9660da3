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

# Appends only the pieces of evidence whose key the item does not hold yet,
# then recomputes the derived lists. Shared by nodes and relationships (x).
_MERGE_EVIDENCE = """
WITH x, r, coalesce(x.ev_key, []) AS old_keys, coalesce(x.accounts, []) AS old_accounts,
     coalesce(x.statuses, []) AS old_statuses
WITH x, r, old_keys, old_accounts, old_statuses,
     [i IN range(0, size(r.ev_key) - 1) WHERE NOT r.ev_key[i] IN old_keys] AS fresh
SET x.ev_key = old_keys + [i IN fresh | r.ev_key[i]],
    x.ev_account = coalesce(x.ev_account, []) + [i IN fresh | r.ev_account[i]],
    x.ev_start = coalesce(x.ev_start, []) + [i IN fresh | r.ev_start[i]],
    x.ev_end = coalesce(x.ev_end, []) + [i IN fresh | r.ev_end[i]],
    x.ev_quote = coalesce(x.ev_quote, []) + [i IN fresh | r.ev_quote[i]],
    x.ev_status = coalesce(x.ev_status, []) + [i IN fresh | r.ev_status[i]],
    x.accounts = old_accounts + [a IN r.accounts WHERE NOT a IN old_accounts],
    x.statuses = old_statuses + [s IN r.statuses WHERE NOT s IN old_statuses]
WITH x
SET x.account_count = size(x.accounts)
RETURN count(x) AS written
"""


def merge_nodes(label: str) -> str:
    """Rows: id, name, aliases, search_text, props (map), the evidence lists, accounts, statuses."""
    label = identifier(label)
    return (
        f"UNWIND $rows AS r\n"
        f"MERGE (x:{label} {{id: r.id}})\n"
        "WITH x, r, coalesce(x.name, r.name) AS name, coalesce(x.aliases, []) AS old_aliases\n"
        "WITH x, r, name, old_aliases + [a IN ([r.name] + r.aliases) "
        "WHERE a <> name AND NOT a IN old_aliases] AS aliases\n"
        "SET x += r.props, x.name = name, x.aliases = aliases,\n"
        "    x.search_text = toLower(name + ' | ' + reduce(s = '', a IN aliases | s + a + ' | '))"
        + _MERGE_EVIDENCE
    )


def merge_relationships(rel_type: str, source_label: str, target_label: str) -> str:
    """Rows: id, source, target, props (map), the evidence lists, accounts, statuses."""
    rel_type, source_label, target_label = map(identifier, (rel_type, source_label, target_label))
    return (
        "UNWIND $rows AS r\n"
        f"MATCH (a:{source_label} {{id: r.source}})\n"
        f"MATCH (b:{target_label} {{id: r.target}})\n"
        f"MERGE (a)-[x:{rel_type}]->(b)\n"
        "SET x += r.props, x.id = r.id" + _MERGE_EVIDENCE
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

LABELS_OF_IDS = """UNWIND $ids AS wanted
MATCH (n {id: wanted})
RETURN n.id AS id, labels(n)[0] AS label"""

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
        LABELS_OF_IDS,
        COUNT_NODES_BY_LABEL,
        COUNT_RELATIONSHIPS_BY_TYPE,
        WIPE_BATCH,
        DELETE_ACCOUNT,
    )
