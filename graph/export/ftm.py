"""FollowTheMoney entities as JSON lines, for OCCRP Aleph (``alephclient
write-entities``) and the ``ftm`` tools.

The mapping keeps to what the FtM model means:

- an account is a ``PlainText`` document (title, author, bodyText, publishedAt,
  sourceUrl when its source is a URL); every other entity cites the accounts
  its evidence comes from as ``proof``;
- Person -> ``Person``; Organization, Branch, LeadershipBody, Faction ->
  ``Organization`` (the contract label and kind in ``classification``);
  Role -> ``Position``; Incident, Response, Event -> ``Event``;
- MEMBER_OF, JOINED, LEFT -> ``Membership`` (start/end dates from JOINED and
  LEFT); HOLDS_ROLE -> ``Occupancy``; ROLE_IN sets the Position's
  ``organization``; AUTHORED -> ``Documentation``; every other type ->
  ``UnknownLink`` with the type as ``role``.

Evidence travels as text: each piece is a line ``[status] "quote" (account
start-end)`` in ``notes`` (things) or ``description`` (links), and the
statuses of a link are its ``status``. Entity ids are hashes of our ids
(``make_entity_id``), so re-exporting the same graph gives the same entities.
"""

from __future__ import annotations

import io
import json
from typing import BinaryIO, Iterable, Iterator

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.util import make_entity_id

from graph.export.base import Exporter
from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship

__all__ = ["FollowTheMoneyExporter", "ftm_entities", "ftm_id"]

_SCHEMA_OF_LABEL = {
    "Person": "Person",
    "Organization": "Organization",
    "Branch": "Organization",
    "LeadershipBody": "Organization",
    "Faction": "Organization",
    "Role": "Position",
    "Incident": "Event",
    "Response": "Event",
    "Event": "Event",
}
_MEMBERSHIP = {"MEMBER_OF", "JOINED", "LEFT"}


def ftm_id(item_id: str) -> str:
    """A valid FtM entity id for one of our ids (stable, opaque)."""
    return make_entity_id("tgraph", item_id) or ""


def _evidence_lines(evidence: Iterable[Evidence]) -> list[str]:
    return [f'[{e.status}] "{e.quote}" ({e.account} {e.start}-{e.end})' for e in evidence]


def _cite(proxy: EntityProxy, evidence: tuple[Evidence, ...], sources: dict[str, str]) -> None:
    for account in sorted({e.account for e in evidence}):
        proxy.add("proof", ftm_id(account))
        if account in sources:
            proxy.add("sourceUrl", sources[account], quiet=True)


def _account(account: AccountRecord) -> EntityProxy:
    proxy = model.make_entity("PlainText")
    proxy.id = ftm_id(account.id)
    proxy.add("title", account.title or account.id)
    proxy.add("fileName", account.id)
    props = account.properties
    proxy.add("author", props.get("author"), quiet=True)
    proxy.add("publishedAt", props.get("published"), quiet=True)
    source = str(props.get("source") or "")
    if source.startswith(("http://", "https://")):
        proxy.add("sourceUrl", source, quiet=True)
    if account.text is not None:
        proxy.add("bodyText", account.text)
    proxy.add("notes", f"Testimony Graph account {account.id}; sha256 {account.sha256}")
    return proxy


def _node(node: Node, sources: dict[str, str]) -> EntityProxy:
    schema = _SCHEMA_OF_LABEL[node.label]
    proxy = model.make_entity(schema)
    proxy.id = ftm_id(node.id)
    proxy.add("name", node.name)
    proxy.add("alias", list(node.aliases), quiet=True)
    props = node.properties
    if schema == "Organization":
        proxy.add("classification", node.label if node.label != "Organization" else f"Organization: {props.get('kind', 'other')}")
        if node.label == "LeadershipBody" and props.get("kind"):
            proxy.add("classification", f"LeadershipBody: {props['kind']}")
        proxy.add("country", props.get("country"), quiet=True, fuzzy=True)
        proxy.add("address", props.get("city"), quiet=True)
    elif schema == "Event":
        proxy.add("summary", props.get("description"), quiet=True)
        proxy.add("date", props.get("date"), quiet=True)
        kind = props.get("kind", "other")
        proxy.add("keywords", [node.label, f"{node.label}: {kind}"])
        if props.get("date_text"):
            proxy.add("description", f"when: {props['date_text']}")
        if props.get("outcome"):
            proxy.add("description", f"outcome: {props['outcome']}")
    elif schema == "Person" and props.get("identity"):
        proxy.add("keywords", f"identity: {props['identity']}")
    if props.get("redacted"):
        proxy.add("keywords", "redacted")
    proxy.add("notes", [f"Testimony Graph {node.label} {node.id}", *_evidence_lines(node.evidence)])
    _cite(proxy, node.evidence, sources)
    return proxy


def _link(rel: Relationship, labels: dict[str, str], sources: dict[str, str]) -> EntityProxy | None:
    source, target = ftm_id(rel.source), ftm_id(rel.target)
    props = rel.properties
    if rel.type in _MEMBERSHIP:
        proxy = model.make_entity("Membership")
        proxy.add("member", source)
        proxy.add("organization", target)
        proxy.add("role", rel.type.lower().replace("_", " "))
        proxy.add("startDate", props.get("since") or (props.get("date") if rel.type == "JOINED" else None), quiet=True)
        proxy.add("endDate", props.get("until") or (props.get("date") if rel.type == "LEFT" else None), quiet=True)
        if props.get("how"):
            proxy.add("summary", f"left: {props['how']}")
    elif rel.type == "HOLDS_ROLE":
        proxy = model.make_entity("Occupancy")
        proxy.add("holder", source)
        proxy.add("post", target)
        proxy.add("startDate", props.get("since"), quiet=True)
        proxy.add("endDate", props.get("until"), quiet=True)
    elif rel.type == "AUTHORED":
        proxy = model.make_entity("Documentation")
        proxy.add("entity", source)
        proxy.add("document", target)
        proxy.add("role", "author")
    elif rel.type == "ROLE_IN" and labels.get(rel.target) in ("Organization", "Branch", "LeadershipBody"):
        return None  # carried by the Position's organization (see ftm_entities)
    else:
        proxy = model.make_entity("UnknownLink")
        proxy.add("subject", source)
        proxy.add("object", target)
        proxy.add("role", rel.type.lower().replace("_", " "))
        proxy.add("date", props.get("date"), quiet=True)
    proxy.id = ftm_id(rel.id)
    proxy.add("status", sorted({e.status for e in rel.evidence}))
    proxy.add("description", [f"Testimony Graph {rel.type} {rel.id}", *_evidence_lines(rel.evidence)])
    _cite(proxy, rel.evidence, sources)
    return proxy


def ftm_entities(document: GraphDocument) -> Iterator[EntityProxy]:
    """Every entity of the document, accounts first so references resolve in order."""
    sources = {
        a.id: str(a.properties["source"])
        for a in document.accounts
        if str(a.properties.get("source") or "").startswith(("http://", "https://"))
    }
    labels = {n.id: n.label for n in document.nodes} | {a.id: "Account" for a in document.accounts}
    present = set(labels)
    for account in document.accounts:
        yield _account(account)
    positions: dict[str, EntityProxy] = {}
    for node in document.nodes:
        proxy = _node(node, sources)
        if node.label == "Role":
            positions[node.id] = proxy
        else:
            yield proxy
    links: list[EntityProxy] = []
    for rel in document.relationships:
        if rel.source not in present or rel.target not in present:
            continue  # a link to an entity left out would dangle in Aleph
        if rel.type == "ROLE_IN" and rel.source in positions and labels.get(rel.target) != "Account":
            positions[rel.source].add("organization", ftm_id(rel.target))
            positions[rel.source].add("notes", _evidence_lines(rel.evidence))
            _cite(positions[rel.source], rel.evidence, sources)
            continue
        link = _link(rel, labels, sources)
        if link is not None:
            links.append(link)
    yield from positions.values()
    yield from links


class FollowTheMoneyExporter(Exporter):
    name = "ftm"
    extension = "ftm.json"
    media_type = "application/x-ndjson"
    description = "FollowTheMoney entities as JSON lines, for OCCRP Aleph (alephclient write-entities)"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
        for proxy in ftm_entities(document):
            text.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        text.flush()
        text.detach()
