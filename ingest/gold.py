"""Gold annotations (``gold/<account>.yaml``): loading, locating quotes, and
turning them into an interchange document.

The document form is what a perfect extractor would produce; the test suite
uses it as a reference graph, and ``evaluate`` uses the located quotes to score
predictions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InputError
from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship, normalise_text

__all__ = [
    "GoldEntity",
    "GoldRelation",
    "GoldAccount",
    "load_gold",
    "load_gold_dir",
    "check_gold",
    "locate",
    "gold_to_document",
]

_NODE_FIELDS = {"id", "label", "name", "aliases", "quotes"}


@dataclass(frozen=True)
class GoldEntity:
    id: str
    label: str
    name: str
    aliases: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class GoldRelation:
    type: str
    source: str
    target: str
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class GoldAccount:
    account: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    path: Path | None = None

    def entity(self, entity_id: str) -> GoldEntity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """A YAML error on one line (PyYAML's own message spans several)."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or " ".join(str(exc).split())
    return f"not valid YAML (line {mark.line + 1}, column {mark.column + 1}: {problem})" if mark else f"not valid YAML ({problem})"


def load_gold(path: str | Path) -> GoldAccount:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise InputError(f"cannot read gold annotations: {_yaml_problem(exc)}", where=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read gold annotations: {exc}", where=str(path)) from None
    if not isinstance(data, dict) or "account" not in data:
        raise InputError("not a gold file (needs account, entities, relations)", where=str(path))
    entities = []
    for number, raw in enumerate(data.get("entities") or [], start=1):
        try:
            entities.append(
                GoldEntity(
                    id=str(raw["id"]),
                    label=raw["label"],
                    name=str(raw.get("name") or raw.get("title") or raw["id"]),
                    aliases=tuple(str(a) for a in raw.get("aliases") or ()),
                    quotes=tuple(str(q) for q in raw.get("quotes") or ()),
                    properties={k: v for k, v in raw.items() if k not in _NODE_FIELDS},
                )
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"entity {number} needs at least id and label ({exc!r})", where=str(path)) from None
    relations = []
    for number, raw in enumerate(data.get("relations") or [], start=1):
        try:
            props = dict(raw[3]) if len(raw) > 3 and raw[3] else {}
            relations.append(GoldRelation(str(raw[0]), str(raw[1]), str(raw[2]), props))
        except (IndexError, KeyError, TypeError, ValueError) as exc:
            raise InputError(
                f"relation {number} must be [TYPE, source id, target id] or with a map of properties ({exc!r})",
                where=str(path),
            ) from None
    return GoldAccount(str(data["account"]), tuple(entities), tuple(relations), path)


def check_gold(gold: GoldAccount) -> None:
    """Refuse a gold file that breaks the contract: unknown labels, types or
    statuses, relations naming ids the file does not define, ends of the wrong label."""
    from graph.contract import load_contract

    contract = load_contract()
    where = str(gold.path) if gold.path else gold.account
    labels: dict[str, str] = {gold.account: "Account"}
    for entity in gold.entities:
        if entity.label not in contract.labels:
            raise InputError(f"entity {entity.id!r} has unknown label {entity.label!r}", where=where)
        if entity.id in labels and entity.id != gold.account:
            raise InputError(f"entity id {entity.id!r} is defined twice", where=where)
        labels[entity.id] = entity.label
    for rel in gold.relations:
        shown = f"[{rel.type}, {rel.source}, {rel.target}]"
        if rel.type not in contract.relationships:
            raise InputError(f"relation {shown} has unknown type {rel.type!r}", where=where)
        for end in (rel.source, rel.target):
            if end not in labels:
                raise InputError(f"relation {shown} names {end!r}, which no entity of this file defines", where=where)
        if not contract.allows(rel.type, labels[rel.source], labels[rel.target]):
            raise InputError(
                f"relation {shown} does not fit the contract ({labels[rel.source]} -> {labels[rel.target]})", where=where
            )
        status = rel.properties.get("status")
        if status is not None and status not in contract.statuses:
            raise InputError(f"relation {shown} has unknown status {status!r}", where=where)


def load_gold_dir(directory: str | Path) -> list[GoldAccount]:
    return [load_gold(p) for p in sorted(Path(directory).glob("*.yaml"))]


def locate(text: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    """Span of ``needle`` in ``text``: exact first, then case-insensitive."""
    if not needle:
        return None
    i = text.find(needle, start)
    if i < 0:
        i = text.lower().find(needle.lower(), start)
    return (i, i + len(needle)) if i >= 0 else None


def _entity_evidence(entity: GoldEntity, text: str, account: str) -> tuple[Evidence, ...]:
    spans = [locate(text, q) for q in entity.quotes]
    if not any(spans):
        spans = [locate(text, n) for n in (entity.name, *entity.aliases)]
    pieces = {
        (s, e): Evidence(account, s, e, text[s:e], "stated") for span in spans if span for s, e in [span]
    }
    return tuple(sorted(pieces.values()))


def gold_to_document(gold: GoldAccount, text: str) -> GraphDocument:
    """The gold as an interchange document, every quote located in ``text``.

    Entities whose words cannot be found in the text are left out (with their
    relations); a relation's evidence is the span of its occurrence end, or else
    its source's first mention.
    """
    text = normalise_text(text)
    account_entity = next((e for e in gold.entities if e.label == "Account"), None)
    title = account_entity.properties.get("title", "") if account_entity else ""
    account = AccountRecord.from_text(gold.account, text, title=title or gold.account)
    nodes: dict[str, Node] = {}
    for entity in gold.entities:
        if entity.label == "Account":
            continue
        evidence = _entity_evidence(entity, text, gold.account)
        if not evidence:
            continue
        props = {
            k: v
            for k, v in entity.properties.items()
            if k in {"kind", "identity", "country", "city", "title", "date", "date_text", "description", "outcome"}
        }
        if "date" in props:
            props["date"] = str(props["date"])
        nodes[entity.id] = Node(entity.id, entity.label, entity.name, entity.aliases, props, evidence)
    labels = {n.id: n.label for n in nodes.values()}
    labels[gold.account] = "Account"
    occurrence = {"Incident", "Response", "Event"}
    relationships: list[Relationship] = []
    for rel in gold.relations:
        if rel.source not in labels or rel.target not in labels:
            continue
        status = rel.properties.get("status", "stated")
        anchor = next(
            (nodes[end] for end in (rel.source, rel.target) if end in nodes and nodes[end].label in occurrence),
            nodes.get(rel.source) or nodes.get(rel.target),
        )
        if anchor is None:
            continue
        first = anchor.evidence[0]
        props = {k: str(v) for k, v in rel.properties.items() if k != "status"}
        relationships.append(
            Relationship(rel.type, rel.source, rel.target, props, (Evidence(first.account, first.start, first.end, first.quote, status),))
        )
    return GraphDocument((account,), tuple(nodes.values()), tuple(relationships))
