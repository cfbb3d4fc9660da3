"""The optional header block of a plain-text account.

Some accounts open with ``Key: value`` lines (Title, Subtitle, Author, Date,
Source, Notes ...) before the text proper. The header stays part of the text
(offsets count it); its values also become the account's properties.
"""

from __future__ import annotations

import re

from ingest.load.dates import iso_date

__all__ = ["parse_header", "KNOWN_KEYS"]

_LINE = re.compile(r"^(?P<key>[A-Z][A-Za-z]*(?:[ -][A-Za-z]+){0,2}):[ \t]+(?P<value>\S.*?)\s*$")
# A block counts as a header only if it names at least one of these, so a text
# that happens to open with "Note: ..." is not mistaken for one.
KNOWN_KEYS = {
    "title", "subtitle", "author", "authors", "by", "date", "published", "source", "url",
    "notes", "note", "language", "tags", "translator", "publisher",
}
_RENAMED = {"date": "published", "url": "source", "by": "author", "authors": "author", "note": "notes"}


def _property_name(key: str) -> str:
    name = re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_")
    return _RENAMED.get(name, name)


_KNOWN_PROPERTIES = {_RENAMED.get(k, k) for k in KNOWN_KEYS}


def parse_header(text: str) -> dict[str, str]:
    """Properties from the leading ``Key: value`` lines, or nothing when there is no header.

    ``Date``/``Published`` become ``published`` as an ISO date when it can be
    read (the words are kept as ``published_text`` beside it).

    >>> parse_header("Title: Why I Left\\nDate: June 23, 2022\\n\\nIn 2018 I joined ...")
    {'title': 'Why I Left', 'published': '2022-06-23', 'published_text': 'June 23, 2022'}
    >>> parse_header("Note: this is prose, not a header.\\nIt goes on.")
    {}
    """
    found: dict[str, str] = {}
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _LINE.match(line)
        if not match:
            # A header ends at a blank line; prose straight after means it was prose all along.
            if line.strip():
                return {}
            break
        found.setdefault(_property_name(match.group("key")), match.group("value"))
    if not found.keys() & _KNOWN_PROPERTIES:
        return {}
    if "published" in found:
        iso = iso_date(found["published"])
        if iso and iso != found["published"]:
            found["published_text"] = found["published"]
            found["published"] = iso
    return found
