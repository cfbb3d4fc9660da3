"""Typed values of the graph: evidence, nodes, relationships, accounts, documents.

These are plain data: no I/O, no store. Ingest produces them, the store writes
them, exports read them. Every node and relationship carries evidence; every
piece of evidence carries a status, because the graph records what accounts say,
not what is true.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Sequence

__all__ = [
    "Evidence",
    "Node",
    "Relationship",
    "AccountRecord",
    "GraphDocument",
    "normalise_text",
    "slugify",
    "make_id",
    "relationship_id",
    "sha256_text",
]


def normalise_text(raw: str) -> str:
    """SCHEMA.md's normal form: Unicode NFC, ``\\r\\n`` folded to ``\\n``, nothing else."""
    return unicodedata.normalize("NFC", raw.replace("\r\n", "\n"))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_NON_WORD = re.compile(r"[^a-z0-9_]+")


def slugify(value: str) -> str:
    """A lowercase ASCII slug (underscores kept, so account ids pass unchanged).

    >>> slugify("Executive Committee (EC)")
    'executive-committee-ec'
    >>> slugify("004_0e606b57a70b77e0")
    '004_0e606b57a70b77e0'
    """
    ascii_form = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = _NON_WORD.sub("-", ascii_form.lower()).strip("-")
    if slug:
        return slug
    # A name with no ASCII letters still needs a stable, readable-enough id.
    return "x" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:12]


def make_id(label: str, *parts: str) -> str:
    """Deterministic node id from the label and its key parts (followthemoney style).

    >>> make_id("Organization", "International Marxist Tendency")
    'organization:international-marxist-tendency'
    >>> make_id("Person", "002_abc", "my friend")
    'person:002_abc:my-friend'
    """
    return ":".join([label.lower(), *(slugify(p) for p in parts)])


def relationship_id(rel_type: str, source: str, target: str) -> str:
    digest = hashlib.sha1(f"{rel_type}|{source}|{target}".encode("utf-8")).hexdigest()[:20]
    return f"{rel_type.lower()}:{digest}"


@dataclass(frozen=True, order=True)
class Evidence:
    """One span of one account that supports a node or relationship."""

    account: str
    start: int
    end: int
    quote: str
    status: str = "stated"

    @property
    def key(self) -> str:
        """Identity of the span: the same span told twice is one piece of evidence."""
        return f"{self.account}:{self.start}:{self.end}"

    def to_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "status": self.status,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Evidence":
        return cls(
            account=data["account"],
            start=data["start"],
            end=data["end"],
            quote=data["quote"],
            status=data.get("status", "stated"),
        )


def union_evidence(*groups: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Union by span, keeping the first status seen for a span, in a stable order."""
    seen: dict[str, Evidence] = {}
    for group in groups:
        for ev in group:
            seen.setdefault(ev.key, ev)
    return tuple(sorted(seen.values(), key=lambda e: (e.account, e.start, e.end)))


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    name: str
    aliases: tuple[str, ...] = ()
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()

    @property
    def accounts(self) -> tuple[str, ...]:
        return tuple(sorted({e.account for e in self.evidence}))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "name": self.name,
            "aliases": list(self.aliases),
            "properties": dict(self.properties),
            "evidence": [e.to_json() for e in self.evidence],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Node":
        return cls(
            id=data["id"],
            label=data["label"],
            name=data["name"],
            aliases=tuple(data.get("aliases") or ()),
            properties=dict(data.get("properties") or {}),
            evidence=tuple(Evidence.from_json(e) for e in data.get("evidence") or ()),
        )


@dataclass(frozen=True)
class Relationship:
    type: str
    source: str
    target: str
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()

    @property
    def id(self) -> str:
        return relationship_id(self.type, self.source, self.target)

    @property
    def accounts(self) -> tuple[str, ...]:
        return tuple(sorted({e.account for e in self.evidence}))

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "properties": dict(self.properties),
            "evidence": [e.to_json() for e in self.evidence],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Relationship":
        return cls(
            type=data["type"],
            source=data["source"],
            target=data["target"],
            properties=dict(data.get("properties") or {}),
            evidence=tuple(Evidence.from_json(e) for e in data.get("evidence") or ()),
        )


@dataclass(frozen=True)
class AccountRecord:
    """One testimony. ``text`` is the normalised text every offset refers to;
    it may be absent in a document shared without its texts."""

    id: str
    title: str
    sha256: str
    length: int
    properties: dict[str, Any] = field(default_factory=dict)
    text: str | None = None

    def to_json(self, include_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "sha256": self.sha256,
            "length": self.length,
            **self.properties,
        }
        if include_text and self.text is not None:
            data["text"] = self.text
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "AccountRecord":
        core = {"id", "title", "sha256", "length", "text"}
        return cls(
            id=data["id"],
            title=data.get("title", ""),
            sha256=data.get("sha256", ""),
            length=data.get("length", len(data.get("text") or "")),
            properties={k: v for k, v in data.items() if k not in core},
            text=data.get("text"),
        )

    @classmethod
    def from_text(cls, account_id: str, text: str, title: str = "", **properties: Any) -> "AccountRecord":
        return cls(
            id=account_id,
            title=title,
            sha256=sha256_text(text),
            length=len(text),
            properties={k: v for k, v in properties.items() if v not in (None, "")},
            text=text,
        )


@dataclass(frozen=True)
class GraphDocument:
    """The interchange document of SCHEMA.md: accounts, nodes, relationships."""

    accounts: tuple[AccountRecord, ...] = ()
    nodes: tuple[Node, ...] = ()
    relationships: tuple[Relationship, ...] = ()

    def node_index(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}

    def merged_with(self, other: "GraphDocument") -> "GraphDocument":
        return merge_documents(self, other)


def _first_wins(copies: Sequence[Node] | Sequence[Relationship]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for copy in reversed(copies):
        merged.update(copy.properties)
    return merged


def _merge_nodes(copies: list[Node]) -> Node:
    first = copies[0]
    names = [*first.aliases]
    for other in copies[1:]:
        names.extend((other.name, *other.aliases))
    return replace(
        first,
        aliases=tuple(dict.fromkeys(a for a in names if a != first.name)),
        properties=_first_wins(copies),
        evidence=union_evidence(*(c.evidence for c in copies)),
    )


def _merge_relationships(copies: list[Relationship]) -> Relationship:
    return replace(copies[0], properties=_first_wins(copies), evidence=union_evidence(*(c.evidence for c in copies)))


def merge_documents(*documents: GraphDocument) -> GraphDocument:
    """Union accounts, nodes and relationships by id, unioning their evidence.

    Ids never change: the first name seen for a node is kept and later names
    become aliases; the first value of a property wins; evidence is unioned by
    span (first status kept) and sorted, even for an item told once. Every copy of an item is
    gathered first and unioned once, so a node told by every account of a large
    corpus costs linear, not quadratic, time.
    """
    accounts: dict[str, AccountRecord] = {}
    nodes: dict[str, list[Node]] = {}
    rels: dict[str, list[Relationship]] = {}
    for doc in documents:
        for acc in doc.accounts:
            if acc.id not in accounts or acc.text:
                accounts[acc.id] = acc
        for node in doc.nodes:
            nodes.setdefault(node.id, []).append(node)
        for rel in doc.relationships:
            rels.setdefault(rel.id, []).append(rel)
    return GraphDocument(
        tuple(accounts.values()),
        tuple(_merge_nodes(copies) for copies in nodes.values()),
        tuple(_merge_relationships(copies) for copies in rels.values()),
    )
