"""Writing XML as a stream of text, for the GraphML and GEXF exporters.

Building a networkx graph and handing it to networkx's writers took a minute
for 100,000 nodes and 300,000 relationships (mostly per-attribute element
objects); writing the markup as text, escaped, takes a few seconds.

Characters XML 1.0 cannot hold (most control characters, lone surrogates)
become U+FFFD, one for one, so string lengths and evidence offsets are kept;
``\\r``, and in attribute values ``\\n`` and ``\\t``, travel as character
references, so a reader gets every value back exactly.

>>> escape_text('a < b & "c"\\r\\n')
'a &lt; b &amp; "c"&#13;\\n'
>>> escape_attribute('say "hi"\\n')
'say &quot;hi&quot;&#10;'
"""

from __future__ import annotations

import re
from typing import Any, BinaryIO

__all__ = ["escape_text", "escape_attribute", "xml_value", "XmlStream", "XML_DECLARATION"]

XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Checked first: most values need no escaping at all, and one search is cheaper
# than a chain of replace calls.
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\r\n\t]')


def escape_text(value: str) -> str:
    """``value`` as element content."""
    if _TEXT_SPECIAL.search(value) is None:
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def escape_attribute(value: str) -> str:
    """``value`` inside a double-quoted attribute."""
    if _ATTRIBUTE_SPECIAL.search(value) is None:
        return value
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        .replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;")
    )


def xml_value(value: Any, declared: type) -> str:
    """A value as the text of a key declared with ``declared`` (unescaped).

    Booleans are written ``true``/``false`` (XML Schema's words, which both
    networkx readers and Gephi read); anything else as ``str``.
    """
    if declared is bool and isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


class XmlStream:
    """Collects text and writes it to a binary stream as UTF-8 in large chunks.

    The invalid-character check runs once per chunk (the markup itself holds
    none, so replacing in the chunk is replacing in the values).
    """

    def __init__(self, stream: BinaryIO, chunk_chars: int = 1 << 20) -> None:
        self._stream = stream
        self._parts: list[str] = []
        self._size = 0
        self._chunk_chars = chunk_chars

    def write(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self._chunk_chars:
            self.flush()

    def flush(self) -> None:
        if not self._parts:
            return
        chunk = "".join(self._parts)
        self._parts.clear()
        self._size = 0
        if _INVALID.search(chunk) is not None:
            chunk = _INVALID.sub("\ufffd", chunk)
        self._stream.write(chunk.encode("utf-8"))
