"""What every loader returns, and how it becomes an account.

A loader's one job is bytes in, normalised text and metadata out. Turning that
into an :class:`~graph.model.AccountRecord` (id, title, word count, sha256) is
the same for every format, so it lives here once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import InputError
from graph.model import AccountRecord, normalise_text, slugify

__all__ = ["LoadedText", "account_from_loaded", "account_id_for", "first_line", "read_bytes"]


@dataclass(frozen=True)
class LoadedText:
    """A loader's result: the normalised text every offset refers to, and metadata.

    ``properties`` holds what the source says about itself (author, published,
    source, subtitle ...), all plain strings; ``title`` is empty when the source
    names none, and the first line of text stands in.
    """

    text: str
    title: str = ""
    properties: dict[str, str | int] = field(default_factory=dict)


def account_id_for(path: Path) -> str:
    """The account id is the file's stem, slugified: gold files and ids rely on it.

    >>> account_id_for(Path("seeds/004_0e606b57a70b77e0.txt"))
    '004_0e606b57a70b77e0'
    """
    return slugify(path.stem)


def first_line(text: str) -> str:
    """The first non-empty line, stripped: the title of an account that names none."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def read_bytes(path: Path) -> bytes:
    """The file's bytes; refuses empty files so no loader has to."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", where=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", where=str(path)) from None
    if not data.strip():
        raise InputError("empty file: there is no text to ingest", where=str(path))
    return data


def account_from_loaded(path: Path, loaded: LoadedText) -> AccountRecord:
    text = normalise_text(loaded.text)
    if not text.strip():
        raise InputError("no text found in the file", where=str(path))
    # The title is metadata, not evidence: fold odd spaces (no-break, tabs) to plain ones.
    title = " ".join((loaded.title.strip() or first_line(text)).split())
    properties: dict[str, str | int] = {k: v for k, v in loaded.properties.items() if v not in ("", None)}
    properties["words"] = len(text.split())
    properties.setdefault("file", path.name)
    return AccountRecord.from_text(account_id_for(path), text, title=title, **properties)
