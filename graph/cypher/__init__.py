"""Every Cypher statement our code sends lives in this package.

Statements are built only from the contract's labels and types (checked
identifiers) and take every value as a parameter. Each module exposes
``examples()``, which yields every concrete statement it can produce, so the
test suite can put them all through Neo4j's own front end and through the
embedded engine. The saved queries users read live in ``queries/`` instead.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Iterator

from graph.contract import IDENTIFIER

__all__ = ["identifier", "all_examples"]


def identifier(name: str) -> str:
    """Refuse anything that is not a plain identifier before it reaches query text."""
    if not IDENTIFIER.match(name):
        raise ValueError(f"{name!r} is not a plain identifier and cannot be used in Cypher")
    return name


def all_examples() -> Iterator[tuple[str, str]]:
    """(module name, statement) for every statement of every module here."""
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        examples = getattr(module, "examples", None)
        if examples is None:
            continue
        for statement in examples():
            yield info.name, statement
