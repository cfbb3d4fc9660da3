"""Bytes to text for the plain-text formats, with errors that say what to do.

Accounts must be UTF-8. When they are not, the error names the encoding the
bytes most likely are in, so the user can convert them (``iconv -f ... -t
UTF-8``) rather than guess.
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import InputError

__all__ = ["decode_utf8", "looks_binary"]

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
# Bytes that never occur in text; tab, newline, form feed and carriage return do.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 1 in 100 control bytes in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _CONTROL)
    return controls * 100 > len(head)


def _guess_encoding(data: bytes) -> str | None:
    if data.startswith(_UTF16_BOMS):
        return "UTF-16"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    # Bytes 0x80-0x9F are printable punctuation in Windows-1252 and control codes in Latin-1.
    return "Windows-1252" if any(0x80 <= b <= 0x9F for b in data) else "ISO-8859-1 (Latin-1)"


def decode_utf8(data: bytes, path: Path) -> str:
    """The text of a UTF-8 file (a leading byte-order mark is dropped: it is encoding, not text)."""
    if data.startswith(_UTF16_BOMS):
        raise InputError(
            "not UTF-8: this looks like UTF-16; convert it with "
            f"`iconv -f UTF-16 -t UTF-8 {path.name} > {path.stem}.utf8{path.suffix}`",
            where=str(path),
        )
    if looks_binary(data):
        raise InputError("binary content, not text: ingest reads UTF-8 text, HTML or PDF", where=str(path))
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = _guess_encoding(data)
        hint = (
            f"; it looks like {guess}: convert it with `iconv -f {guess.split(' ')[0]} -t UTF-8`"
            if guess
            else "; convert it to UTF-8 first"
        )
        raise InputError(f"not UTF-8 (undecodable byte at offset {exc.start}){hint}", where=str(path)) from None
