"""Checks for Cypher that Neo4j accepts but FalkorDB gets silently wrong.

Measured on FalkorDB 4.16.3: when two pattern comprehensions in one statement
introduce a variable of the same name and either has a ``WHERE``, the second
comes back empty, with no error::

    RETURN [(p)-[:MEMBER_OF]->(x) WHERE x.id IN $ids | x.name] AS a,
           [(p)-[:JOINED]->(x) | x.name] AS b        -- b is always []

Also measured: FalkorDB binds ``+`` more loosely than the string predicates,
so ``s STARTS WITH w + ' |'`` is read as ``(s STARTS WITH w) + ' |'`` and fails
(or, in a longer expression, misbehaves); Neo4j reads ``s STARTS WITH (w + ' |')``.
:func:`unparenthesised_string_operands` finds such operands.

Neo4j's front end cannot see either (the statements are valid Cypher), so the
test suite runs both checks over every saved query.

>>> reused_comprehension_variables(
...     "MATCH (p) RETURN [(p)-[:A]->(x) WHERE x.k = 1 | x] AS a, [(p)-[:B]->(x) | x] AS b")
['x']
>>> reused_comprehension_variables(
...     "MATCH (p) RETURN [(p)-[:A]->(x) | x] AS a, [(p)-[:B]->(y) | y] AS b")
[]
>>> unparenthesised_string_operands("WHERE n.s STARTS WITH w + ' |' OR n.s CONTAINS ('| ' + w)")
["STARTS WITH w + ' |'"]
"""

from __future__ import annotations

import re

from graph.readonly import strip_comments_and_strings

__all__ = ["pattern_comprehensions", "reused_comprehension_variables", "unparenthesised_string_operands"]

_OPENING = re.compile(r"\[\s*\(")
_NODE_VARIABLE = re.compile(r"\(\s*([A-Za-z_]\w*)")
_REL_VARIABLE = re.compile(r"\[\s*([A-Za-z_]\w*)\s*[:\]*]")
_WORD = re.compile(r"[A-Za-z_]\w*")
_STRING_PREDICATE = re.compile(r"\b(STARTS\s+WITH|ENDS\s+WITH|CONTAINS)\s+", re.IGNORECASE)
# Where an operand ends: a boolean operator, a closing bracket, a comma, a new clause word.
_OPERAND_END = re.compile(r"\b(?:AND|OR|XOR|THEN|ELSE|END|WHEN|WHERE|RETURN|WITH|AS)\b|[)\],|\n]", re.IGNORECASE)


def _closing(code: str, start: int) -> int:
    """Index of the ``]`` that closes the ``[`` at ``start``."""
    depth = 0
    for index in range(start, len(code)):
        if code[index] == "[":
            depth += 1
        elif code[index] == "]":
            depth -= 1
            if depth == 0:
                return index
    return len(code) - 1


def pattern_comprehensions(cypher: str) -> list[tuple[int, int, str]]:
    """(start, end, pattern text) of every pattern comprehension, outermost first."""
    code = strip_comments_and_strings(cypher)
    found = []
    for match in _OPENING.finditer(code):
        start = match.start()
        end = _closing(code, start)
        body = code[start + 1 : end]
        # The pattern runs up to the comprehension's WHERE or its '|'.
        cut = re.search(r"\bWHERE\b|\|", body, re.IGNORECASE)
        found.append((start, end, body[: cut.start()] if cut else body))
    return found


def reused_comprehension_variables(cypher: str) -> list[str]:
    """Variables introduced by more than one pattern comprehension (not bound outside them)."""
    code = strip_comments_and_strings(cypher)
    spans = pattern_comprehensions(cypher)
    outside = list(code)
    for start, end, _ in spans:
        outside[start : end + 1] = " " * (end + 1 - start)
    bound_outside = set(_WORD.findall("".join(outside)))
    seen: dict[str, int] = {}
    for _, _, pattern in spans:
        names = set(_NODE_VARIABLE.findall(pattern)) | set(_REL_VARIABLE.findall(pattern))
        for name in names - bound_outside:
            seen[name] = seen.get(name, 0) + 1
    return sorted(name for name, count in seen.items() if count > 1)


def unparenthesised_string_operands(cypher: str) -> list[str]:
    """Right operands of STARTS WITH / ENDS WITH / CONTAINS that hold a bare ``+``."""
    code = strip_comments_and_strings(cypher)
    found = []
    for match in _STRING_PREDICATE.finditer(code):
        rest = code[match.end() :]
        if rest.startswith("("):
            continue
        end = _OPERAND_END.search(rest)
        operand = rest[: end.start()] if end else rest
        if "+" in operand:
            found.append(cypher[match.start() : match.end() + len(operand)].strip())
    return found
