"""Query results as text: a readable fixed-width table, JSON, or CSV.

Only the table shortens anything (long quotes, long lists, drawn nodes and
relationships), because it is for reading at a terminal; JSON and CSV carry
every value in full.

>>> rows = [{"person": "Ahmed S", "roles": ["Treasurer (ISO)", "National Organizer (ISO)"], "accounts": 1}]
>>> print(format_table(rows))
person   roles                                      accounts
-------  -----------------------------------------  --------
Ahmed S  Treasurer (ISO); National Organizer (ISO)         1
<BLANKLINE>
(1 row)
>>> print(format_csv(rows), end="")
person,roles,accounts
Ahmed S,Treasurer (ISO); National Organizer (ISO),1
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Mapping, Sequence

__all__ = ["FORMATS", "format_rows", "format_table", "format_json", "format_csv", "cell_text"]

FORMATS = ("table", "json", "csv")

#: Widest a table cell may be; quotes and descriptions get cut with an ellipsis.
MAX_CELL = 48
#: How many items of a list a table cell shows before "(+n more)".
MAX_ITEMS = 3


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    return list(dict.fromkeys(key for row in rows for key in row))


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())  # newlines would break the table's lines
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _item_text(value: Any) -> str:
    """One list item or scalar, compactly: a drawn node by name, a drawn edge as a -TYPE-> b."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        if {"source", "target", "type"} <= value.keys():
            return f"{value['source']} -{value['type']}-> {value['target']}"
        if "name" in value:
            return str(value["name"])
        return ", ".join(f"{k}={_item_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "[" + "; ".join(_item_text(v) for v in value) + "]"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def cell_text(value: Any, *, width: int = MAX_CELL, items: int = MAX_ITEMS) -> str:
    """A table cell: lists show their first few items, everything is cut to ``width``."""
    if isinstance(value, (list, tuple)):
        shown = [_item_text(v) for v in value[:items]]
        text = "; ".join(shown)
        if len(value) > items:
            text += f" (+{len(value) - items} more)"
        return _shorten(text, width)
    return _shorten(_item_text(value), width)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def format_table(
    rows: Sequence[Mapping[str, Any]], *, width: int = MAX_CELL, hide: Sequence[str] = ()
) -> str:
    """A fixed-width table with a header rule; numbers right-aligned.

    ``hide`` leaves columns out (the drawn ``nodes`` and ``relationships``,
    which read badly as text); a footer line says so.
    """
    if not rows:
        return "(no rows)"
    all_columns = _columns(rows)
    columns = [c for c in all_columns if c not in hide]
    hidden = [c for c in all_columns if c in hide]
    cells = [[cell_text(row.get(c), width=width) for c in columns] for row in rows]
    widths = [max(len(c), *(len(line[i]) for line in cells)) for i, c in enumerate(columns)]
    numeric = [all(_is_number(row.get(c)) or row.get(c) is None for row in rows) for c in columns]

    def line(values: Sequence[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)]
        return "  ".join(parts).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    out.extend(line(values) for values in cells)
    out.append("")
    footer = f"({len(rows)} row{'s' if len(rows) != 1 else ''}"
    if hidden:
        footer += f"; {', '.join(hidden)} not shown: use --format json"
    out.append(footer + ")")
    return "\n".join(out)


def format_json(rows: Sequence[Mapping[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=1, default=str)


def _csv_cell(value: Any) -> Any:
    # Lists of plain values read best in a spreadsheet as "a; b"; anything with
    # maps inside (drawn nodes and relationships) keeps its structure as JSON.
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (list, tuple, Mapping)) for v in value):
            return "; ".join("" if v is None else str(v) for v in value)
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def format_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    buffer = io.StringIO()
    columns = _columns(rows)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in columns])
    return buffer.getvalue()


def format_rows(
    rows: Sequence[Mapping[str, Any]], fmt: str, *, width: int = MAX_CELL, hide: Sequence[str] = ()
) -> str:
    """Rows in one of :data:`FORMATS` (``width`` and ``hide`` apply to the table only)."""
    if fmt == "json":
        return format_json(rows)
    if fmt == "csv":
        return format_csv(rows)
    if fmt == "table":
        return format_table(rows, width=width, hide=hide)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
