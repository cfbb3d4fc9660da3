"""Read and write the interchange JSON document of SCHEMA.md.

An account may carry its normalised ``text`` (an addition to the contract):
then every quote is checked against it. Without texts a document still loads,
and quotes are checked against span lengths and whatever texts the store holds.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from graph.errors import InputError, ValidationError
from graph.model import AccountRecord, GraphDocument, Node, Relationship, merge_documents
from graph.validate import validate_document

__all__ = ["document_from_json", "document_to_json", "read_document", "write_document", "merge_documents"]


def document_from_json(data: Any) -> GraphDocument:
    if not isinstance(data, dict):
        raise ValidationError("the document must be a JSON object with accounts, nodes and relationships")
    for key in ("accounts", "nodes", "relationships"):
        if not isinstance(data.get(key, []), list):
            raise ValidationError(f"{key!r} must be a list")
    try:
        return GraphDocument(
            accounts=tuple(AccountRecord.from_json(a) for a in data.get("accounts", [])),
            nodes=tuple(Node.from_json(n) for n in data.get("nodes", [])),
            relationships=tuple(Relationship.from_json(r) for r in data.get("relationships", [])),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValidationError(f"an item lacks a required field or has the wrong shape ({exc})") from None


def document_to_json(document: GraphDocument, include_texts: bool = True) -> dict[str, Any]:
    return {
        "accounts": [a.to_json(include_text=include_texts) for a in document.accounts],
        "nodes": [n.to_json() for n in document.nodes],
        "relationships": [r.to_json() for r in document.relationships],
    }


def read_document(path: str | Path, *, validate: bool = True, **known: Any) -> GraphDocument:
    """Parse and (by default) validate a document; errors name the file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", where=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text; an interchange document is UTF-8 JSON", where=str(path)) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", where=str(path)) from None
    try:
        document = document_from_json(data)
        if validate:
            validate_document(document, **known)
    except ValidationError as exc:
        raise ValidationError(exc.message, where=str(path)) from None
    return document


def write_document(document: GraphDocument, path: str | Path, include_texts: bool = True) -> None:
    """Write atomically, so an interrupted run never leaves half a document."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document_to_json(document, include_texts), handle, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
