"""Statements that read subgraphs out of the store for export, and the
statements of the replayable Cypher script export.

Reading: every statement returns ``properties(...)`` maps and ids, never node
objects (CYPHER.md rule 16), and finds nodes by the indexed ``id`` under a
literal label (rule 4), so selections stay cheap on both engines.

Writing (the script export only; our code never sends these to the user's
store): the same storage format the store writes, with every value inlined as
a safely escaped literal so the script runs in ``cypher-shell`` or a Neo4j
Browser with no parameters.
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Iterator, Mapping, Sequence

from graph.contract import load_contract
from graph.cypher import identifier

__all__ = [
    "PROPERTY_PREFIX",
    "node_keys",
    "page_relationship_keys",
    "node_ids_of_label",
    "relationships_from_sources",
    "nodes_of_label",
    "nodes_by_ids",
    "relationships_of_type",
    "relationships_from_ids",
    "neighbours",
    "incoming",
    "account_nodes",
    "account_relationships",
    "ACCOUNT_NODES",
    "PEOPLE",
    "TARGETED_PEOPLE",
    "PEOPLE_IN_LEADERSHIP_ROLES",
    "PEOPLE_IN_LEADERSHIP_BODIES",
    "cypher_literal",
    "script_merge_nodes",
    "script_merge_relationships",
    "examples",
]


# -- reading ---------------------------------------------------------------------------

# Items come back as one ``p_<key>`` column per stored property rather than as
# ``properties(n)`` maps: the falkordb client decodes maps about ten times more
# slowly than plain columns, which decides whether a 100k-node export takes
# seconds or minutes. The keys are the storage format's plus the contract's.
PROPERTY_PREFIX = "p_"
# ev_key, accounts, account_count, statuses and search_text are derived from
# these, so they are recomputed rather than read (a third fewer values to decode).
_EVIDENCE_KEYS = ("ev_account", "ev_start", "ev_end", "ev_quote", "ev_status")
_NODE_KEYS = ("id", "name", "aliases", *_EVIDENCE_KEYS)
_REL_KEYS = ("id", *_EVIDENCE_KEYS)


def _columns(var: str, keys: Iterable[str]) -> str:
    return ", ".join(f"{var}.{identifier(k)} AS {PROPERTY_PREFIX}{k}" for k in dict.fromkeys(keys))


def node_keys(label: str) -> tuple[str, ...]:
    """The stored properties a node statement returns (as ``p_<key>``), in column
    order: id, name, aliases, the five evidence lists, then the contract's
    properties and ``redacted``."""
    return tuple(dict.fromkeys((*_NODE_KEYS, *load_contract().labels[label].properties, "redacted")))


def page_relationship_keys(rel_type: str) -> tuple[str, ...]:
    """The stored properties :func:`relationships_from_sources` returns after
    ``source`` and ``target``: the five evidence lists, then the type's
    properties and ``redacted``. The id is left out: it is derived from type,
    source and target, so reading it would only cost time."""
    return tuple(dict.fromkeys((*_EVIDENCE_KEYS, *load_contract().relationships[rel_type].properties, "redacted")))


def _node_columns(label: str) -> str:
    if label == "Account":  # accounts may carry loader-specific properties: take them all
        return "properties(n) AS props"
    return _columns("n", node_keys(label))


def _rel_columns(rel_type: str | None) -> str:
    rels = load_contract().relationships
    specs = [rels[rel_type]] if rel_type else list(rels.values())
    return _columns("e", (*_REL_KEYS, *(k for spec in specs for k in spec.properties), "redacted"))


# The whole graph is read in pages: first every id of a label (one narrow column),
# then the nodes and the relationships leaving them a few thousand ids at a time,
# looked up by id (rule 4). Pages keep each reply small enough to decode while the
# server works on the next; id lists (not id ranges) because FalkorDB's index
# answered string range scans with duplicate rows when measured.


def node_ids_of_label(label: str) -> str:
    """Every id of one label (to cut the whole-graph read into pages)."""
    return f"MATCH (n:{identifier(label)})\nRETURN n.id AS id"


def relationships_from_sources(rel_type: str, source_label: str) -> str:
    """Parameters: ids. The ``rel_type`` relationships leaving the nodes of
    ``source_label`` in ``ids``: source, target, then :func:`page_relationship_keys`."""
    columns = _columns("e", page_relationship_keys(rel_type))
    return (
        f"UNWIND $ids AS wanted\nMATCH (a:{identifier(source_label)} {{id: wanted}})-[e:{identifier(rel_type)}]->(b)\n"
        f"RETURN a.id AS source, b.id AS target, {columns}"
    )


def nodes_of_label(label: str) -> str:
    """Every node of one label (the whole-graph selection)."""
    return f"MATCH (n:{identifier(label)})\nRETURN {_node_columns(label)}"


def nodes_by_ids(label: str) -> str:
    """Parameters: ids. The nodes of one label among ``ids``."""
    return f"UNWIND $ids AS wanted\nMATCH (n:{identifier(label)} {{id: wanted}})\nRETURN {_node_columns(label)}"


def relationships_of_type(rel_type: str) -> str:
    """Every relationship of one type (the whole-graph selection)."""
    return (
        f"MATCH (a)-[e:{identifier(rel_type)}]->(b)\n"
        f"RETURN a.id AS source, b.id AS target, {_rel_columns(rel_type)}"
    )


def relationships_from_ids(label: str) -> str:
    """Parameters: ids. Relationships whose both ends are in ``ids``, found from
    the sources of one label (so the id index is used)."""
    return (
        f"UNWIND $ids AS wanted\nMATCH (a:{identifier(label)} {{id: wanted}})-[e]->(b)\n"
        "WHERE b.id IN $ids\n"
        f"RETURN type(e) AS type, a.id AS source, b.id AS target, {_rel_columns(None)}"
    )


def neighbours(label: str) -> str:
    """Parameters: ids. The nodes one step from the nodes of one label in ``ids``,
    either direction (one breadth-first step of an ego network)."""
    return (
        f"UNWIND $ids AS wanted\nMATCH (a:{identifier(label)} {{id: wanted}})-[e]-(b)\n"
        "RETURN DISTINCT b.id AS id, labels(b)[0] AS label"
    )


def incoming(label: str, rel_type: str) -> str:
    """Parameters: ids. Nodes with a ``rel_type`` relationship into the nodes of
    one label in ``ids`` (sections PART_OF, roles ROLE_IN, members MEMBER_OF ...)."""
    return (
        f"UNWIND $ids AS wanted\nMATCH (x)-[e:{identifier(rel_type)}]->(u:{identifier(label)} {{id: wanted}})\n"
        "RETURN DISTINCT x.id AS id, labels(x)[0] AS label"
    )


def account_nodes(label: str) -> str:
    """Parameters: account. Nodes of one label with evidence in that account."""
    return f"MATCH (n:{identifier(label)})\nWHERE $account IN n.accounts\nRETURN {_node_columns(label)}"


def account_relationships(rel_type: str) -> str:
    """Parameters: account. Relationships of one type with evidence in that account."""
    return (
        f"MATCH (a)-[e:{identifier(rel_type)}]->(b)\nWHERE $account IN e.accounts\n"
        f"RETURN a.id AS source, b.id AS target, {_rel_columns(rel_type)}"
    )


ACCOUNT_NODES = "MATCH (a:Account)\nRETURN properties(a) AS props"

# Redaction looks at the whole store, not only the selection: a survivor's name
# can sit in an exported account text even when the survivor's node is not selected.
PEOPLE = """MATCH (p:Person)
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.identity AS identity,
       p.ev_account AS ev_account, p.ev_start AS ev_start, p.ev_end AS ev_end, p.ev_quote AS ev_quote"""

TARGETED_PEOPLE = """MATCH (p:Person)-[e:TARGET_OF]->(i:Incident)
RETURN DISTINCT p.id AS id"""

PEOPLE_IN_LEADERSHIP_ROLES = """MATCH (p:Person)-[h:HOLDS_ROLE]->(r:Role)-[e:ROLE_IN]->(b:LeadershipBody)
RETURN DISTINCT p.id AS id"""

PEOPLE_IN_LEADERSHIP_BODIES = """MATCH (p:Person)-[e:MEMBER_OF]->(b:LeadershipBody)
RETURN DISTINCT p.id AS id"""


# -- the replayable script ---------------------------------------------------------------

# Both engines read these escapes; FalkorDB does not read \uXXXX, so every
# other character travels as itself (the script is UTF-8).
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _string_literal(value: str) -> str:
    return "'" + "".join(_ESCAPES.get(ch, ch) for ch in value) + "'"


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a stored value: strings, integers, floats, booleans,
    lists of those and maps of those (for UNWIND rows).

    >>> cypher_literal("it's")
    "'it\\\\'s'"
    >>> cypher_literal(["a", 2, True])
    "['a', 2, true]"
    >>> cypher_literal({"id": "x", "props": {"n": 1}})
    "{id: 'x', props: {n: 1}}"
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} has no Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return _string_literal(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{identifier(str(k))}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise ValueError(f"{value!r} has no Cypher literal")


def script_merge_nodes(label: str, rows: Sequence[Mapping[str, Any]]) -> str:
    """Rows: id, props (every stored property). One MERGE per node (rule 2)."""
    return (
        f"UNWIND {cypher_literal(list(rows))} AS r\n"
        f"MERGE (n:{identifier(label)} {{id: r.id}})\n"
        "SET n += r.props"
    )


def script_merge_relationships(
    rel_type: str, source_label: str, target_label: str, rows: Sequence[Mapping[str, Any]]
) -> str:
    """Rows: source, target, props (every stored property, id included)."""
    return (
        f"UNWIND {cypher_literal(list(rows))} AS r\n"
        f"MATCH (a:{identifier(source_label)} {{id: r.source}})\n"
        f"MATCH (b:{identifier(target_label)} {{id: r.target}})\n"
        f"MERGE (a)-[e:{identifier(rel_type)}]->(b)\n"
        "SET e += r.props"
    )


def examples() -> Iterator[str]:
    contract = load_contract()
    for label in contract.labels:
        yield nodes_of_label(label)
        yield node_ids_of_label(label)
        yield nodes_by_ids(label)
        yield relationships_from_ids(label)
        yield neighbours(label)
        yield account_nodes(label)
        for rel in contract.relationships.values():
            if label in rel.targets:
                yield incoming(label, rel.name)
        yield script_merge_nodes(label, [{"id": "x:it's", "props": {"name": "a\nb", "aliases": [], "account_count": 1}}])
    for rel in contract.relationships.values():
        yield relationships_of_type(rel.name)
        for source in rel.sources:
            yield relationships_from_sources(rel.name, source)
        yield account_relationships(rel.name)
        yield script_merge_relationships(
            rel.name, rel.sources[0], rel.targets[0], [{"source": "a", "target": "b", "props": {"id": "r", "ev_start": [1]}}]
        )
    yield from (ACCOUNT_NODES, PEOPLE, TARGETED_PEOPLE, PEOPLE_IN_LEADERSHIP_ROLES, PEOPLE_IN_LEADERSHIP_BODIES)
