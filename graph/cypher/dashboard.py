"""The read statements the dashboard's logic sends.

The dashboard reads the graph in two grains: a *light* view of every node and
relationship (ids, labels, names, accounts, statuses: enough to draw, filter and
walk the graph in Python), and *details* of one item, one account or one kind
of item (properties, evidence, text) fetched only when a page shows them.
Statements that name a label or type are built per label from the contract;
every value travels as a parameter. What users type in the Cypher box goes
through ``GraphStore.read()`` instead and never through here.
"""

from __future__ import annotations

from typing import Iterator

from graph.contract import Contract, load_contract
from graph.cypher import identifier
from graph.cypher.core import EVIDENCE_LISTS

__all__ = [
    "LIGHT_NODES",
    "LIGHT_RELATIONSHIPS",
    "NODE_ITEMS_PER_ACCOUNT",
    "RELATIONSHIP_ITEMS_PER_ACCOUNT",
    "ACCOUNT_TEXT",
    "ACCOUNT_NODES",
    "ACCOUNT_RELATIONSHIPS",
    "node_detail",
    "relationship_detail",
    "organisation_units",
    "occurrences",
    "examples",
]

_DERIVED = ("accounts", "account_count", "statuses")

# Account nodes carry the whole text: the light view never returns it.
LIGHT_NODES = """MATCH (n)
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.aliases AS aliases,
       n.kind AS kind, n.date AS date, n.accounts AS accounts, n.statuses AS statuses
ORDER BY id"""

LIGHT_RELATIONSHIPS = """MATCH (a)-[e]->(b)
RETURN e.id AS id, type(e) AS type, a.id AS source, b.id AS target,
       e.accounts AS accounts, e.statuses AS statuses
ORDER BY id"""

# One scan each; the dashboard joins them to the account list in Python.
NODE_ITEMS_PER_ACCOUNT = """MATCH (n)
WHERE NOT n:Account AND n.accounts IS NOT NULL
UNWIND n.accounts AS account
RETURN account, count(n) AS items
ORDER BY account"""

RELATIONSHIP_ITEMS_PER_ACCOUNT = """MATCH ()-[e]->()
WHERE e.accounts IS NOT NULL
UNWIND e.accounts AS account
RETURN account, count(e) AS items
ORDER BY account"""

ACCOUNT_TEXT = """MATCH (a:Account {id: $account})
RETURN a {.id, .title, .author, .published, .source, .words, .length, .text} AS account"""

_EVIDENCE_RETURN = ", ".join(f"{k}: x.{k}" for k in EVIDENCE_LISTS[1:])

ACCOUNT_NODES = f"""MATCH (x)
WHERE NOT x:Account AND $account IN x.accounts
RETURN x.id AS id, labels(x)[0] AS label, x.name AS name, {{{_EVIDENCE_RETURN}}} AS evidence
ORDER BY id"""

ACCOUNT_RELATIONSHIPS = f"""MATCH (a)-[x]->(b)
WHERE $account IN x.accounts
RETURN x.id AS id, type(x) AS type, a.id AS source, b.id AS target, {{{_EVIDENCE_RETURN}}} AS evidence
ORDER BY id"""


def _projection(keys: tuple[str, ...]) -> str:
    return ", ".join(f".{identifier(k)}" for k in keys)


def node_detail(label: str, contract: Contract | None = None) -> str:
    """One node by id, with its label's contract properties and its evidence.

    Parameters: id. The text of an Account is left out (the Accounts page reads it).
    """
    contract = contract or load_contract()
    spec = contract.labels[label]
    keys = tuple(dict.fromkeys(("id", "name", "aliases", *spec.properties, "length", *EVIDENCE_LISTS, *_DERIVED)))
    return f"MATCH (x:{identifier(label)} {{id: $id}})\nRETURN x {{{_projection(keys)}}} AS item"


def relationship_detail(rel_type: str, source_label: str, target_label: str, contract: Contract | None = None) -> str:
    """One relationship by its ends (the store keeps one per type and ordered pair).

    Parameters: source, target (node ids).
    """
    contract = contract or load_contract()
    spec = contract.relationships[rel_type]
    keys = tuple(dict.fromkeys(("id", *spec.properties, *EVIDENCE_LISTS, *_DERIVED)))
    return (
        f"MATCH (a:{identifier(source_label)} {{id: $source}})-[x:{identifier(rel_type)}]->"
        f"(b:{identifier(target_label)} {{id: $target}})\n"
        f"RETURN x {{{_projection(keys)}}} AS item"
    )


def _label_test(variable: str, labels: tuple[str, ...]) -> str:
    return " OR ".join(f"{variable}:{identifier(label)}" for label in labels)


def organisation_units(contract: Contract | None = None) -> str:
    """Every node that can be PART_OF an organisation, for the organisation tree."""
    contract = contract or load_contract()
    units = tuple(dict.fromkeys((*contract.relationships["PART_OF"].sources, *contract.relationships["PART_OF"].targets)))
    return (
        f"MATCH (n)\nWHERE {_label_test('n', units)}\n"
        "RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.kind AS kind, n.country AS country,\n"
        "       n.city AS city, n.account_count AS account_count\nORDER BY name"
    )


def occurrences(contract: Contract | None = None) -> str:
    """Incidents, responses and events with their dates, for the timeline."""
    contract = contract or load_contract()
    return (
        f"MATCH (n)\nWHERE {_label_test('n', contract.occurrence_labels)}\n"
        "RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.kind AS kind, n.date AS date,\n"
        "       n.date_text AS date_text, n.description AS description, n.accounts AS accounts,\n"
        "       n.statuses AS statuses\nORDER BY id"
    )


def examples() -> Iterator[str]:
    contract = load_contract()
    yield from (
        LIGHT_NODES,
        LIGHT_RELATIONSHIPS,
        NODE_ITEMS_PER_ACCOUNT,
        RELATIONSHIP_ITEMS_PER_ACCOUNT,
        ACCOUNT_TEXT,
        ACCOUNT_NODES,
        ACCOUNT_RELATIONSHIPS,
        organisation_units(contract),
        occurrences(contract),
    )
    for label in contract.labels:
        yield node_detail(label, contract)
    for rel in contract.relationships.values():
        for source in rel.sources:
            for target in rel.targets:
                yield relationship_detail(rel.name, source, target, contract)
