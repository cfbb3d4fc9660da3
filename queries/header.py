"""The header of a saved query file, and its parsing.

A saved query is a ``.cypher`` file: a block of ``//`` comment lines, then one
read-only Cypher statement. The header's lines are::

    // title: People accused in more than one incident
    // description: Each person the accounts accuse in at least
    //   min_incidents incidents, with the incidents and statuses.
    // question: Who is accused again and again?
    // param: min_incidents integer = 2 -- the fewest incidents to list a person
    // param: organization string -- id, name or alias of the organisation
    // returns: person, incidents, statuses, accounts, quote
    // draws: nodes, relationships

* ``title``, ``description`` and ``question`` are required, once each.
* ``param: NAME TYPE [= DEFAULT] -- HELP``, once per parameter. TYPE is one of
  ``string``, ``integer``, ``float``, ``boolean``, ``list`` (a list of
  strings, written comma-separated). Without ``= DEFAULT`` the parameter is
  required. A default is written as a user would type it (``= alleged,found``,
  ``= true``); ``= ""`` is the empty string (or the empty list).
* ``returns`` documents the result columns; ``draws`` names the two columns
  holding something to draw: ``nodes`` (a list of maps with ``id``, ``name``,
  ``label``) and ``relationships`` (a list of maps with ``source``,
  ``target``, ``type``), for the dashboard's graph view.
* A line of ``//`` followed by two or more spaces continues the field above;
  a bare ``//`` is a blank line. Anything else in the header is an error, so a
  misspelt field name (``// parm:``) never passes silently.
* The header ends at the first blank line or line of Cypher. A statement that
  opens with a comment (why it is written so) needs that blank line first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.errors import QueryError
from queries.params import PARAMETER_TYPES, Parameter, coerce_value

__all__ = ["Header", "FIELDS", "parse_query_text"]

FIELDS = ("title", "description", "question", "param", "returns", "draws")
_REQUIRED = ("title", "description", "question")
_FIELD = re.compile(r"^//\s?(?P<key>[a-z_]+)\s*:\s?(?P<value>.*)$")
_CONTINUATION = re.compile(r"^//(?:\s{2,}(?P<text>.*))?\s*$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>[a-z]+)\s*(?:=\s*(?P<default>.*))?$")


@dataclass
class Header:
    title: str = ""
    description: str = ""
    question: str = ""
    parameters: list[Parameter] = field(default_factory=list)
    returns: str = ""
    draws: tuple[str, ...] = ()


def _parse_param(text: str, where: str) -> Parameter:
    # The help text follows the first " -- "; what precedes it is NAME TYPE [= DEFAULT].
    declaration, _, help_text = text.partition(" --")
    match = _PARAM.match(declaration.strip())
    if not match:
        raise QueryError(
            f"cannot read parameter line {text.strip()!r}; write `// param: NAME TYPE [= DEFAULT] -- HELP`",
            where=where,
        )
    name, type_name = match.group("name"), match.group("type")
    if type_name not in PARAMETER_TYPES:
        raise QueryError(
            f"parameter {name} has unknown type {type_name!r}; use one of {', '.join(PARAMETER_TYPES)}", where=where
        )
    raw_default = match.group("default")
    help_text = help_text.strip()
    if raw_default is None:
        return Parameter(name, type_name, None, help_text, required=True)
    raw_default = raw_default.strip()
    if len(raw_default) >= 2 and raw_default.startswith('"') and raw_default.endswith('"'):
        raw_default = raw_default[1:-1]
    try:
        default = coerce_value(type_name, raw_default, where=name)
    except QueryError as exc:
        raise QueryError(f"the default of parameter {exc}", where=where) from None
    return Parameter(name, type_name, default, help_text, required=False)


def parse_query_text(text: str, where: str) -> tuple[Header, str]:
    """Split a saved query file into its header and its statement.

    ``where`` names the file in every error.
    """
    lines = text.splitlines()
    header = Header()
    seen: set[str] = set()
    texts: dict[str, list[str]] = {}
    current: str | None = None
    param_lines: list[list[str]] = []
    body_start = len(lines)
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if current is None:
                continue
            body_start = number
            break
        if not stripped.startswith("//"):
            body_start = number
            break
        field_match = _FIELD.match(stripped)
        if field_match and field_match.group("key") in FIELDS:
            key, value = field_match.group("key"), field_match.group("value").strip()
            if key != "param" and key in seen:
                raise QueryError(f"header field {key!r} appears twice (line {number + 1})", where=where)
            seen.add(key)
            current = key
            if key == "param":
                param_lines.append([value])
            else:
                texts[key] = [value]
            continue
        continuation = _CONTINUATION.match(stripped)
        if continuation and current is not None:
            more = (continuation.group("text") or "").strip()
            if more:
                (param_lines[-1] if current == "param" else texts[current]).append(more)
            continue
        if field_match:
            raise QueryError(
                f"unknown header field {field_match.group('key')!r} on line {number + 1}; "
                f"fields are {', '.join(FIELDS)}",
                where=where,
            )
        raise QueryError(
            f"cannot read header line {number + 1} ({stripped!r}); write `// field: value`, "
            "or continue a field with `//` and two spaces",
            where=where,
        )
    missing = [key for key in _REQUIRED if not " ".join(texts.get(key, [])).strip()]
    if missing:
        raise QueryError(f"the header lacks {', '.join(missing)} (write `// {missing[0]}: ...`)", where=where)
    header.title = " ".join(texts["title"]).strip()
    header.description = " ".join(texts["description"]).strip()
    header.question = " ".join(texts["question"]).strip()
    header.returns = " ".join(texts.get("returns", [])).strip()
    header.draws = tuple(c.strip() for c in " ".join(texts.get("draws", [])).split(",") if c.strip())
    for pieces in param_lines:
        header.parameters.append(_parse_param(" ".join(pieces), where))
    names = [p.name for p in header.parameters]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise QueryError(f"parameter {', '.join(duplicates)} is declared twice", where=where)
    statement = "\n".join(lines[body_start:]).strip()
    if statement.endswith(";"):
        statement = statement[:-1].rstrip()
    if not statement:
        raise QueryError("the file has a header but no Cypher statement after it", where=where)
    return header, statement
