"""The graph contract, loaded from ``contract.yaml`` into typed objects.

Everything that needs to know the labels, kinds, relationship types or their
allowed endpoints asks :func:`load_contract` rather than spelling them out.

>>> c = load_contract()
>>> c.allows("MEMBER_OF", "Person", "Branch")
True
>>> c.allows("MEMBER_OF", "Branch", "Person")
False
>>> "alleged" in c.statuses
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

import yaml

__all__ = [
    "PropertySpec",
    "LabelSpec",
    "RelationshipSpec",
    "Contract",
    "load_contract",
    "IDENTIFIER",
]

# Labels, types and property keys are pasted into Cypher text, so the contract
# only admits plain identifiers.
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

_SCALAR_TYPES = {"string", "integer", "date"}


@dataclass(frozen=True)
class PropertySpec:
    name: str
    type: str  # string | integer | date | enum
    choices: tuple[str, ...] = ()

    def check(self, value: Any) -> str | None:
        """Return a problem description, or None when the value fits."""
        if self.type == "enum":
            if value not in self.choices:
                return f"{value!r} is not one of {', '.join(self.choices)}"
        elif self.type == "integer":
            if not isinstance(value, int) or isinstance(value, bool):
                return f"{value!r} is not an integer"
        elif self.type == "date":
            if not isinstance(value, str) or not _ISO_DATE.match(value):
                return f"{value!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"
        elif not isinstance(value, str):
            return f"{value!r} is not a string"
        return None


_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


@dataclass(frozen=True)
class LabelSpec:
    name: str
    description: str
    group: str  # named | occurrence | source
    properties: Mapping[str, PropertySpec]
    color: str
    shape: str

    @property
    def kinds(self) -> tuple[str, ...]:
        spec = self.properties.get("kind")
        return spec.choices if spec else ()


@dataclass(frozen=True)
class RelationshipSpec:
    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    description: str = ""
    properties: Mapping[str, PropertySpec] = field(default_factory=dict)


@dataclass(frozen=True)
class Contract:
    statuses: Mapping[str, str]
    labels: Mapping[str, LabelSpec]
    relationships: Mapping[str, RelationshipSpec]
    common_node_properties: tuple[str, ...]

    def allows(self, rel_type: str, source_label: str, target_label: str) -> bool:
        spec = self.relationships.get(rel_type)
        return bool(spec) and source_label in spec.sources and target_label in spec.targets

    def labels_in_group(self, group: str) -> tuple[str, ...]:
        return tuple(name for name, spec in self.labels.items() if spec.group == group)

    @property
    def named_labels(self) -> tuple[str, ...]:
        return self.labels_in_group("named")

    @property
    def occurrence_labels(self) -> tuple[str, ...]:
        return self.labels_in_group("occurrence")

    def property_keys(self) -> tuple[str, ...]:
        """Every property key the contract declares, for schema-aware tools."""
        keys: list[str] = list(self.common_node_properties)
        for spec in self.labels.values():
            keys.extend(spec.properties)
        for rel in self.relationships.values():
            keys.extend(rel.properties)
        return tuple(dict.fromkeys(keys))


def _property(name: str, raw: Any) -> PropertySpec:
    if isinstance(raw, dict) and "enum" in raw:
        return PropertySpec(name, "enum", tuple(raw["enum"]))
    if raw not in _SCALAR_TYPES:
        raise ValueError(f"contract: property {name!r} has unknown type {raw!r}")
    return PropertySpec(name, raw)


def _checked_identifier(name: str) -> str:
    if not IDENTIFIER.match(name):
        raise ValueError(f"contract: {name!r} is not a plain identifier")
    return name


def parse_contract(data: Mapping[str, Any]) -> Contract:
    labels = {
        _checked_identifier(name): LabelSpec(
            name=name,
            description=raw["description"],
            group=raw["group"],
            properties={
                _checked_identifier(p): _property(p, t)
                for p, t in (raw.get("properties") or {}).items()
            },
            color=raw["style"]["color"],
            shape=raw["style"]["shape"],
        )
        for name, raw in data["labels"].items()
    }
    relationships: dict[str, RelationshipSpec] = {}
    for name, raw in data["relationships"].items():
        for end in (*raw["from"], *raw["to"]):
            if end not in labels:
                raise ValueError(f"contract: {name} names unknown label {end!r}")
        relationships[_checked_identifier(name)] = RelationshipSpec(
            name=name,
            sources=tuple(raw["from"]),
            targets=tuple(raw["to"]),
            description=raw.get("description", ""),
            properties={
                _checked_identifier(p): _property(p, t)
                for p, t in (raw.get("properties") or {}).items()
            },
        )
    return Contract(
        statuses=dict(data["statuses"]),
        labels=labels,
        relationships=relationships,
        common_node_properties=tuple(data["common_node_properties"]),
    )


@lru_cache(maxsize=1)
def load_contract() -> Contract:
    text = resources.files("graph").joinpath("contract.yaml").read_text(encoding="utf-8")
    return parse_contract(yaml.safe_load(text))
