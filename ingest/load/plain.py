"""Plain text and Markdown accounts: the whole file is the text, header included."""

from __future__ import annotations

from pathlib import Path

from graph.model import normalise_text
from ingest.load.base import LoadedText, read_bytes
from ingest.load.decode import decode_utf8
from ingest.load.header import parse_header

__all__ = ["load_plain"]


def _first_line_after_header(text: str, has_header: bool) -> str:
    """The title of an account that names none: its first line of prose."""
    lines = text.split("\n")
    if has_header:
        # The header runs to the first blank line (see ingest.load.header).
        blank = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
        lines = lines[blank:]
    return next((line.strip() for line in lines if line.strip()), "")


def load_plain(path: Path) -> LoadedText:
    """Load a ``.txt`` or ``.md`` account.

    Markdown is kept as written (offsets must match the file a reader opens);
    only the title loses its leading ``#`` marks.
    """
    # Normalise first, so the header's values read the same characters the offsets count.
    text = normalise_text(decode_utf8(read_bytes(path), path))
    properties = parse_header(text)
    title = properties.pop("title", "") or _first_line_after_header(text, bool(properties))
    if path.suffix.lower() == ".md":
        title = title.lstrip("#").strip()
    return LoadedText(text=text, title=title, properties=properties)
