"""The domain lexicon: general vocabulary kept as data, extensible by users.

Every ``*.yaml`` file in this folder is one section, named by its stem
(``organizations``, ``bodies``, ``roles``, ``triggers`` ...). A user file
(``tgraph ingest --lexicon FILE``) holds the same top-level section names; its
lists are appended to ours and its maps update ours, so users extend the
vocabulary without editing the package.

Only general vocabulary belongs here (organisation names and aliases of the
socialist left and trade unions, body and role titles, trigger words), never a
name, place or incident taken from one sample account.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InputError

__all__ = ["Lexicon", "load_lexicon"]

Lexicon = dict[str, Any]


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    return extra


def _no_switches(data: Any, where: str, path: str = "") -> None:
    """YAML reads an unquoted On, Off, Yes or No in a list as true or false, so the
    word would silently vanish from the vocabulary: refuse it instead."""
    if isinstance(data, dict):
        for key, value in data.items():
            _no_switches(value, where, f"{path}{key}.")
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, bool):
                raise InputError(
                    f"{path.rstrip('.')} holds {str(item).lower()}, which YAML reads from an unquoted On, Off, Yes or No: "
                    "write the word in quotes", where=where)
            _no_switches(item, where, path)


@lru_cache(maxsize=1)
def _builtin() -> tuple[tuple[str, Any], ...]:
    sections = []
    for entry in sorted(resources.files(__name__).iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            data = yaml.safe_load(entry.read_text(encoding="utf-8"))
            _no_switches(data, entry.name)
            sections.append((entry.name[: -len(".yaml")], data))
    return tuple(sections)


def load_lexicon(extra: str | Path | None = None) -> Lexicon:
    """The built-in lexicon, extended by a user's YAML file if given."""
    lexicon: Lexicon = {name: data for name, data in _builtin()}
    if extra is None:
        return lexicon
    path = Path(extra)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read lexicon: {exc}", where=str(path)) from None
    if not isinstance(data, dict):
        raise InputError("a lexicon file maps section names (organizations, roles ...) to their entries", where=str(path))
    _no_switches(data, str(path))
    return _merge(lexicon, data)
