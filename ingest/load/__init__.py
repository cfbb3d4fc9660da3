"""Loaders: one module per file format, chosen by the file's suffix.

Each loader turns one file into :class:`~ingest.load.base.LoadedText`; this
module picks the loader and builds the account. Loaders are imported only when
a file of their format turns up, so plain-text runs never import the HTML or
PDF libraries.

>>> supported_suffixes()
('.htm', '.html', '.md', '.pdf', '.txt')
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from graph.errors import InputError
from graph.model import AccountRecord
from ingest.load.base import LoadedText, account_from_loaded, account_id_for

__all__ = ["LOADERS", "supported_suffixes", "is_supported", "load_account", "account_id_for"]

# suffix -> "module:function"
LOADERS: dict[str, str] = {
    ".txt": "ingest.load.plain:load_plain",
    ".md": "ingest.load.plain:load_plain",
    ".html": "ingest.load.html:load_html",
    ".htm": "ingest.load.html:load_html",
    ".pdf": "ingest.load.pdf:load_pdf",
}


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(LOADERS))


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in LOADERS


def _loader(path: Path) -> Callable[[Path], LoadedText]:
    target = LOADERS.get(path.suffix.lower())
    if target is None:
        raise InputError(
            f"unsupported file type {path.suffix or '(no suffix)'!r}; ingest reads {', '.join(supported_suffixes())}",
            where=str(path),
        )
    module, function = target.split(":")
    return getattr(importlib.import_module(module), function)


def load_account(path: str | Path) -> AccountRecord:
    """One file as an account: its normalised text, title, metadata, id, sha256."""
    path = Path(path)
    return account_from_loaded(path, _loader(path)(path))
