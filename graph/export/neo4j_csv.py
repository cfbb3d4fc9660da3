"""CSV files for ``neo4j-admin database import full``, as a zip or a directory.

One node file per label (``Person.csv``: ``id:ID``, ``:LABEL``, then every
stored property with its type, e.g. ``aliases:string[]``,
``account_count:int``) and one relationship file per type
(``rel_MEMBER_OF.csv``: ``:START_ID``, ``:END_ID``, ``:TYPE``, ``id``, ...),
in the store's own storage format, plus ``import.sh`` with the exact command.

Arrays are joined with a delimiter that occurs in none of the values (``;``
unless some quote holds one), and the command names it; account texts span
lines, hence ``--multiline-fields=true``.
"""

from __future__ import annotations

import csv
import io
import shlex
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any, BinaryIO, Iterable

from graph.export.base import Exporter
from graph.export.storage import account_properties, node_properties, relationship_properties
from graph.model import GraphDocument

__all__ = ["Neo4jCsvExporter", "csv_files"]

_DELIMITERS = (";", "|", "¦", "\x1f")
# Evidence offsets are integers even when a file holds only empty lists.
_INT_LISTS = {"ev_start", "ev_end"}


def _column_type(key: str, values: Iterable[Any]) -> str:
    for value in values:
        if isinstance(value, bool):
            return "boolean"
        if isinstance(value, int):
            return "long" if key != "account_count" else "int"
        if isinstance(value, float):
            return "double"
        if isinstance(value, (list, tuple)):
            if value:
                first = value[0]
                return "long[]" if isinstance(first, int) and not isinstance(first, bool) else "string[]"
            continue
        return "string"
    return "long[]" if key in _INT_LISTS else "string[]"


def _header(key: str, column_type: str) -> str:
    if key == "account_count":
        return "account_count:int"
    return key if column_type == "string" else f"{key}:{column_type}"


def _choose_delimiter(rows: Iterable[dict[str, Any]]) -> str:
    used = set()
    for row in rows:
        for value in row.values():
            if isinstance(value, (list, tuple)):
                for item in value:
                    if isinstance(item, str):
                        used.update(d for d in _DELIMITERS if d in item)
    for delimiter in _DELIMITERS:
        if delimiter not in used:
            return delimiter
    raise ValueError("every array delimiter occurs in the data")


def _cell(value: Any, delimiter: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return delimiter.join(str(v) for v in value)
    return str(value)


def _table(fixed: list[tuple[str, str]], rows: list[dict[str, Any]], delimiter: str) -> str:
    """A CSV text: ``fixed`` columns (header, row key) first, then every other key."""
    fixed_keys = {key for _, key in fixed}
    keys = sorted({k for row in rows for k in row} - fixed_keys)
    headers = [h for h, _ in fixed] + [_header(k, _column_type(k, (r[k] for r in rows if k in r))) for k in keys]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(row.get(key), delimiter) for _, key in fixed] + [_cell(row.get(k), delimiter) for k in keys])
    return buffer.getvalue()


def csv_files(document: GraphDocument) -> dict[str, str]:
    """File name -> CSV text, plus ``import.sh``."""
    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for account in document.accounts:
        nodes["Account"].append({**account_properties(account), ":LABEL": "Account"})
    for node in document.nodes:
        nodes[node.label].append({**node_properties(node), ":LABEL": node.label})
    rels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rel in document.relationships:
        rels[rel.type].append({**relationship_properties(rel), ":START_ID": rel.source, ":END_ID": rel.target, ":TYPE": rel.type})
    delimiter = _choose_delimiter(row for group in (*nodes.values(), *rels.values()) for row in group)
    files: dict[str, str] = {}
    for label, rows in sorted(nodes.items()):
        files[f"{label}.csv"] = _table([("id:ID", "id"), (":LABEL", ":LABEL")], rows, delimiter)
    for rel_type, rows in sorted(rels.items()):
        fixed = [(":START_ID", ":START_ID"), (":END_ID", ":END_ID"), (":TYPE", ":TYPE"), ("id", "id")]
        files[f"rel_{rel_type}.csv"] = _table(fixed, rows, delimiter)
    files["import.sh"] = _import_command(files, delimiter)
    return files


def _import_command(files: dict[str, str], delimiter: str) -> str:
    args = [f"--nodes={name}" for name in files if not name.startswith("rel_")]
    args += [f"--relationships={name}" for name in files if name.startswith("rel_")]
    delimiter_arg = shlex.quote(delimiter) if delimiter != "\x1f" else "$'\\x1f'"
    args_text = "neo4j-admin database import full \\\n  " + " \\\n  ".join(shlex.quote(a) for a in args)
    return (
        "#!/bin/sh\n"
        "# Import these files into an empty database (stop it first), from this directory.\n"
        "# Neo4j 5: the database name is the last argument (default: neo4j).\n"
        f"{args_text} \\\n  --array-delimiter={delimiter_arg} --multiline-fields=true \\\n"
        '  --overwrite-destination=false "${1:-neo4j}"\n'
    )


class Neo4jCsvExporter(Exporter):
    name = "neo4j-csv"
    extension = "zip"
    media_type = "application/zip"
    description = "CSV node and relationship files for `neo4j-admin database import` (zip, or a directory)"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, text in csv_files(document).items():
                archive.writestr(name, text.encode("utf-8"))

    def write_directory(self, document: GraphDocument, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in csv_files(document).items():
            (directory / name).write_text(text, encoding="utf-8", newline="")
        (directory / "import.sh").chmod(0o755)
