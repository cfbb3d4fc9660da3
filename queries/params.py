"""Saved-query parameters: their declared types, and turning typed-in text into values.

A parameter arrives as text (a ``-p key=value`` on the command line, a text box
in the dashboard) or already typed (a dashboard checkbox or number box); both
go through :func:`coerce_value`, so the one declaration in a query's header
decides what the query receives.

>>> coerce_value("integer", "3", where="depth")
3
>>> coerce_value("boolean", "yes", where="undated")
True
>>> coerce_value("list", "alleged, found,", where="statuses")
['alleged', 'found']
>>> coerce_value("integer", "two", where="depth")
Traceback (most recent call last):
...
graph.errors.QueryError: depth: 'two' is not an integer
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.errors import QueryError

__all__ = ["PARAMETER_TYPES", "Parameter", "coerce_value", "describe_parameters"]

#: The types a header may declare. ``list`` is a list of strings, typed as
#: comma-separated text (``alleged,found``).
PARAMETER_TYPES: dict[str, str] = {
    "string": "text",
    "integer": "a whole number",
    "float": "a number",
    "boolean": "true or false",
    "list": "a list of strings, comma-separated",
}

_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


@dataclass(frozen=True)
class Parameter:
    """One declared parameter of a saved query.

    ``default`` is already of the declared type; ``required`` is true when the
    header gives no default (the caller must then supply a value).
    """

    name: str
    type: str
    default: Any = None
    help: str = ""
    required: bool = False

    def describe(self) -> str:
        """``name (type, default X)`` or ``name (type, required)``: for error messages and listings."""
        if self.required:
            return f"{self.name} ({self.type}, required)"
        return f"{self.name} ({self.type}, default {format_default(self.default)})"


def format_default(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(value) if value else '""'
    if value == "":
        return '""'
    return str(value)


def describe_parameters(parameters: tuple[Parameter, ...]) -> str:
    """What a query expects, on one line."""
    if not parameters:
        return "no parameters"
    return ", ".join(p.describe() for p in parameters)


def coerce_value(type_name: str, raw: Any, *, where: str) -> Any:
    """Convert ``raw`` (text, or a value already of the type) to ``type_name``."""
    if type_name not in PARAMETER_TYPES:
        raise QueryError(f"unknown parameter type {type_name!r} (use one of {', '.join(PARAMETER_TYPES)})", where=where)
    if type_name == "list":
        if isinstance(raw, (list, tuple)):
            return [str(item).strip() for item in raw if str(item).strip()]
        return [item.strip() for item in str(raw).split(",") if item.strip()]
    if type_name == "boolean":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise QueryError(f"{raw!r} is not true or false (use true/false, yes/no, 1/0)", where=where)
    if type_name == "integer":
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        try:
            return int(str(raw).strip())
        except ValueError:
            raise QueryError(f"{raw!r} is not an integer", where=where) from None
    if type_name == "float":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return float(raw)
        try:
            return float(str(raw).strip())
        except ValueError:
            raise QueryError(f"{raw!r} is not a number", where=where) from None
    return raw if isinstance(raw, str) else str(raw)
