"""Scalar attributes for the formats that admit only scalars (GraphML, GEXF).

Lists are joined into one string, evidence is summarised (quotes joined,
statuses joined, account_count) and also kept whole as a JSON string, so
nothing is lost in Gephi and a program can still rebuild every span.
"""

from __future__ import annotations

import json
from typing import Any

from graph.model import AccountRecord, Evidence, Node, Relationship

__all__ = ["node_attributes", "relationship_attributes", "account_attributes", "LIST_SEPARATOR", "QUOTE_SEPARATOR"]

LIST_SEPARATOR = "; "
QUOTE_SEPARATOR = " | "


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def _evidence_attributes(evidence: tuple[Evidence, ...]) -> dict[str, Any]:
    accounts = sorted({e.account for e in evidence})
    return {
        "account_count": len(accounts),
        "accounts": LIST_SEPARATOR.join(accounts),
        "statuses": LIST_SEPARATOR.join(sorted({e.status for e in evidence})),
        "quotes": QUOTE_SEPARATOR.join(e.quote for e in evidence),
        "evidence": json.dumps([e.to_json() for e in evidence], ensure_ascii=False),
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
