"""Helpers shared by the export tests."""

from __future__ import annotations

import io
import zipfile


def exported_text(data: bytes) -> str:
    """Everything a file says, as text (a zip's members joined)."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    return data.decode("utf-8")
