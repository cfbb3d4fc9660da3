"""The interchange JSON document of SCHEMA.md, account texts included, so the
export loads back with ``tgraph db load`` and every quote can be checked."""

from __future__ import annotations

import io
import json
from typing import BinaryIO

from graph.export.base import Exporter
from graph.interchange import document_to_json
from graph.model import GraphDocument

__all__ = ["InterchangeJsonExporter"]


class InterchangeJsonExporter(Exporter):
    name = "json"
    extension = "json"
    media_type = "application/json"
    description = "the interchange document of SCHEMA.md (loads back with `tgraph db load`)"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
        json.dump(document_to_json(document, include_texts=True), text, ensure_ascii=False, indent=1)
        text.flush()
        text.detach()  # leave the caller's stream open
