"""Scalar attributes for the formats that admit only scalars (GraphML, GEXF).

Lists are joined into one string, evidence is summarised (quotes joined,
statuses joined, account_count) and also kept whole as a JSON string, so
nothing is lost in Gephi and a program can still rebuild every span.

:func:`attribute_types` says, before anything is written, which attributes a
document's nodes and edges carry and of which type, so the streaming writers
can declare their keys first (both formats want the declarations up front).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship

__all__ = [
    "node_attributes",
    "relationship_attributes",
    "account_attributes",
    "attribute_types",
    "evidence_json",
    "LIST_SEPARATOR",
    "QUOTE_SEPARATOR",
]

LIST_SEPARATOR = "; "
QUOTE_SEPARATOR = " | "

# The C string encoder behind json.dumps(..., ensure_ascii=False): one call per
# string instead of a JSONEncoder built per item (measured: 4x faster).
_json_string = json.encoder.encode_basestring

_EVIDENCE_TYPES: dict[str, type] = {
    "account_count": int, "accounts": str, "statuses": str, "quotes": str, "evidence": str,
}
# What each kind of item always carries besides its properties (and beats a
# property of the same name, as in the functions below).
_NODE_TYPES: dict[str, type] = {"label": str, "node_label": str, "name": str, "aliases": str, **_EVIDENCE_TYPES}
_ACCOUNT_TYPES: dict[str, type] = {
    "label": str, "node_label": str, "name": str, "title": str, "sha256": str, "length": int,
    "account_count": int, "accounts": str, "text": str,
}
_RELATIONSHIP_TYPES: dict[str, type] = {"label": str, "rel_type": str, "rel_id": str, **_EVIDENCE_TYPES}


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def evidence_json(evidence: tuple[Evidence, ...]) -> str:
    """The evidence as JSON, as ``json.dumps([e.to_json() for e in evidence], ensure_ascii=False)``.

    >>> evidence_json((Evidence("a", 0, 3, 'he "said"', "alleged"),))
    '[{"account": "a", "start": 0, "end": 3, "quote": "he \\\\"said\\\\"", "status": "alleged"}]'
    """
    return "[" + ", ".join(
        f'{{"account": {_json_string(e.account)}, "start": {int(e.start)}, "end": {int(e.end)}, '
        f'"quote": {_json_string(e.quote)}, "status": {_json_string(e.status)}}}'
        for e in evidence
    ) + "]"


def _evidence_attributes(evidence: tuple[Evidence, ...]) -> dict[str, Any]:
    if len(evidence) == 1:  # most items: nothing to sort or join
        e = evidence[0]
        return {"account_count": 1, "accounts": e.account, "statuses": e.status, "quotes": e.quote,
                "evidence": evidence_json(evidence)}
    accounts = sorted({e.account for e in evidence})
    return {
        "account_count": len(accounts),
        "accounts": LIST_SEPARATOR.join(accounts),
        "statuses": LIST_SEPARATOR.join(sorted({e.status for e in evidence})),
        "quotes": QUOTE_SEPARATOR.join(e.quote for e in evidence),
        "evidence": evidence_json(evidence),
    }


def node_attributes(node: Node) -> dict[str, Any]:
    """``label`` is the display name Gephi shows; ``node_label`` the contract label."""
    attrs: dict[str, Any] = {k: _scalar(v) for k, v in node.properties.items() if v is not None}
    attrs.update(
        label=node.name,
        node_label=node.label,
        name=node.name,
        aliases=LIST_SEPARATOR.join(node.aliases),
        **_evidence_attributes(node.evidence),
    )
    return attrs


def relationship_attributes(rel: Relationship) -> dict[str, Any]:
    attrs: dict[str, Any] = {k: _scalar(v) for k, v in rel.properties.items() if v is not None}
    attrs.update(label=rel.type, rel_type=rel.type, rel_id=rel.id, **_evidence_attributes(rel.evidence))
    return attrs


def account_attributes(account: AccountRecord) -> dict[str, Any]:
    attrs: dict[str, Any] = {k: _scalar(v) for k, v in account.properties.items() if v is not None}
    attrs.update(
        label=account.title or account.id,
        node_label="Account",
        name=account.title or account.id,
        title=account.title,
        sha256=account.sha256,
        length=account.length,
        account_count=1,
        accounts=account.id,
    )
    if account.text is not None:
        attrs["text"] = account.text
    return attrs


def _collect(found: defaultdict[str, set[type]], fixed: dict[str, type], properties: dict[str, Any]) -> None:
    for key, value in properties.items():
        if value is not None and key not in fixed:
            found[key].add(type(_scalar(value)))


def attribute_types(document: GraphDocument) -> dict[str, dict[str, type]]:
    """``{"node": {name: type}, "edge": {name: type}}`` for every attribute the
    functions above give the document's accounts, nodes and relationships.

    An attribute whose values differ in type across items is declared ``str``
    (a writer then writes ``str(value)``), so each name has one declaration.
    Reads only the properties, so it costs a fraction of the writing.
    """
    scopes: dict[str, defaultdict[str, set[type]]] = {"node": defaultdict(set), "edge": defaultdict(set)}
    for fixed, scope in ((_NODE_TYPES, "node"), (_ACCOUNT_TYPES, "node"), (_RELATIONSHIP_TYPES, "edge")):
        for key, kind in fixed.items():
            scopes[scope][key].add(kind)
    for account in document.accounts:
        _collect(scopes["node"], _ACCOUNT_TYPES, account.properties)
    for node in document.nodes:
        if node.properties:
            _collect(scopes["node"], _NODE_TYPES, node.properties)
    for rel in document.relationships:
        if rel.properties:
            _collect(scopes["edge"], _RELATIONSHIP_TYPES, rel.properties)
    return {
        scope: {key: kinds.pop() if len(kinds) == 1 else str for key, kinds in found.items()}
        for scope, found in scopes.items()
    }
