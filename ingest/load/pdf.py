"""PDF accounts: the text layer, pages joined by a blank line.

A scanned PDF has no text layer; it is refused with a hint to run OCR first,
because ingesting nothing silently would look like an account with no content.
"""

from __future__ import annotations

import logging
from pathlib import Path

from graph.errors import InputError
from ingest.load.base import LoadedText, read_bytes
from ingest.load.dates import iso_date

__all__ = ["load_pdf"]


def _pdf_date(raw: object) -> str:
    """PDF dates look like ``D:20220623101500+00'00'``; keep the day."""
    text = str(raw or "").strip()
    if text.startswith("D:"):
        text = text[2:]
    digits = text[:8]
    if len(digits) >= 4 and digits.isdigit():
        return "-".join(p for p in (digits[:4], digits[4:6], digits[6:8]) if p)
    return iso_date(text) or ""


def load_pdf(path: Path) -> LoadedText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = read_bytes(path)
    if not data.lstrip().startswith(b"%PDF"):
        raise InputError("unreadable PDF: the file does not start with a PDF header", where=str(path))
    # pypdf logs recoverable damage as warnings; the error below is what the user needs.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        from io import BytesIO

        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            raise InputError("unreadable PDF: it is encrypted; save an unencrypted copy first", where=str(path))
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
        info = reader.metadata or {}
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise InputError(f"unreadable PDF: {exc}", where=str(path)) from None
    text = "\n\n".join(p for p in pages if p.strip())
    if not text.strip():
        raise InputError("the PDF has no text layer (a scan?); run OCR on it first", where=str(path))
    properties = {
        "author": str(info.get("/Author") or "").strip(),
        "published": _pdf_date(info.get("/CreationDate")),
        "pages": len(pages),
    }
    return LoadedText(text=text + "\n", title=str(info.get("/Title") or "").strip(), properties=properties)
