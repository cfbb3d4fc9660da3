"""The tiny interface every export format implements (rdflib serializer style).

An exporter is a class with four facts about its format and one method,
``write(document, stream)``, which writes the whole format as bytes to a binary
stream. It reads nothing but the document it is given: selection and redaction
happen before, so every format carries exactly the same (possibly redacted)
graph with its evidence.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import BinaryIO

from graph.model import GraphDocument

__all__ = ["Exporter"]


class Exporter(ABC):
    #: The name users pass to ``--format``.
    name: str = ""
    #: File extension without the dot (``graphml``, ``ttl``, ``zip``).
    extension: str = ""
    #: The IANA media type, for the dashboard's download button.
    media_type: str = "application/octet-stream"
    #: One line for ``--list-formats`` and the dashboard.
    description: str = ""

    @abstractmethod
    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        """Write ``document`` in this format to a binary stream."""
