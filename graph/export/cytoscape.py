"""Cytoscape.js JSON: ``{"elements": {"nodes": [{"data": ...}], "edges": [...]}}``.

JSON admits structure, so evidence travels whole (a list of spans) beside the
summaries Cytoscape styles filter on (account_count, statuses). Accounts are
nodes too, so AUTHORED edges have a target.
"""

from __future__ import annotations

import io
import json
from typing import Any, BinaryIO

from graph.contract import load_contract
from graph.export.base import Exporter
from graph.model import AccountRecord, Evidence, GraphDocument

__all__ = ["CytoscapeExporter", "cytoscape_elements"]


def _evidence(evidence: tuple[Evidence, ...]) -> dict[str, Any]:
    return {
        "evidence": [e.to_json() for e in evidence],
        "accounts": sorted({e.account for e in evidence}),
        "account_count": len({e.account for e in evidence}),
        "statuses": sorted({e.status for e in evidence}),
    }


def _account(account: AccountRecord) -> dict[str, Any]:
    data = account.to_json(include_text=True)
    data.update(label="Account", name=account.title or account.id, account_count=1, accounts=[account.id])
    return {"data": data, "classes": "Account"}


def cytoscape_elements(document: GraphDocument) -> dict[str, Any]:
    contract = load_contract()
    nodes = [_account(a) for a in document.accounts]
    for node in document.nodes:
        style = contract.labels[node.label]
        data = {
            "id": node.id,
            "label": node.label,
            "name": node.name,
            "aliases": list(node.aliases),
            **node.properties,
            **_evidence(node.evidence),
            "color": style.color,
            "shape": style.shape,
        }
        nodes.append({"data": data, "classes": node.label})
    edges = [
        {
            "data": {
                "id": rel.id,
                "source": rel.source,
                "target": rel.target,
                "label": rel.type,
                **rel.properties,
                **_evidence(rel.evidence),
            },
            "classes": rel.type,
        }
        for rel in document.relationships
    ]
    return {"format_version": "1.0", "generated_by": "testimony-graph", "elements": {"nodes": nodes, "edges": edges}}


class CytoscapeExporter(Exporter):
    name = "cytoscape"
    extension = "cyjs"
    media_type = "application/json"
    description = "Cytoscape.js / Cytoscape desktop JSON (elements with data, evidence as lists)"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
        json.dump(cytoscape_elements(document), text, ensure_ascii=False)
        text.flush()
        text.detach()
