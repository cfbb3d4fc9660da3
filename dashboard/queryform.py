"""The widget each saved-query parameter gets, decided from its header and the contract.

Plain data, so the Queries page stays UI only and the choice is testable:
a list of statuses becomes a multiselect of the contract's statuses, an
``organization`` a pick-list of the organisations in the graph (typing another
name is allowed), an integer a number box, and so on.

>>> from queries.params import Parameter
>>> widget_for(Parameter("statuses", "list", ["alleged"]), {}).kind
'multiselect'
>>> widget_for(Parameter("depth", "integer", 1), {}).kind
'integer'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from graph.contract import Contract, load_contract

__all__ = ["Widget", "widget_for", "entity_choices"]


@dataclass(frozen=True)
class Widget:
    kind: str  # text | choice | multiselect | integer | float | boolean
    default: Any
    options: tuple[str, ...] = ()
    free_text: bool = False  # a choice that also accepts a typed value


def _vocabulary(name: str, contract: Contract) -> tuple[str, ...]:
    """The closed vocabulary a list parameter draws from, judged by its name."""
    lowered = name.lower()
    if "status" in lowered:
        return tuple(contract.statuses)
    if "type" in lowered:
        return tuple(contract.relationships)
    if "label" in lowered:
        return tuple(contract.labels)
    if "kind" in lowered:
        kinds: list[str] = []
        for spec in contract.labels.values():
            kinds.extend(spec.kinds)
        return tuple(dict.fromkeys(kinds))
    return ()


def entity_choices(name: str, choices: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """Suggestions for a string parameter: organisations for ``organization``,
    accounts for ``account``, incidents for ``incident``, any entity otherwise."""
    lowered = name.lower()
    for key in ("organization", "organisation", "account", "incident"):
        if key in lowered:
            return tuple(choices.get(key, ()))
    if lowered in {"entity", "source", "target", "person", "name"}:
        return tuple(choices.get("entity", ()))
    return ()


def widget_for(parameter: Any, choices: Mapping[str, Sequence[str]], contract: Contract | None = None) -> Widget:
    """The widget for one ``queries.params.Parameter``."""
    contract = contract or load_contract()
    default = parameter.default
    if parameter.type == "boolean":
        return Widget("boolean", bool(default))
    if parameter.type == "integer":
        return Widget("integer", int(default) if default is not None else 0)
    if parameter.type == "float":
        return Widget("float", float(default) if default is not None else 0.0)
    if parameter.type == "list":
        vocabulary = _vocabulary(parameter.name, contract)
        values = list(default or [])
        if vocabulary:
            options = tuple(dict.fromkeys([*vocabulary, *values]))
            return Widget("multiselect", values, options)
        return Widget("text", ", ".join(values))
    suggestions = entity_choices(parameter.name, choices)
    if suggestions:
        return Widget("choice", default or "", tuple(suggestions), free_text=True)
    return Widget("text", default or "")
