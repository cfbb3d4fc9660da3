"""Grounding: is every piece of predicted evidence a verbatim slice of its account?"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from graph.model import GraphDocument
from ingest.evaluate.counts import ratio

__all__ = ["Grounding", "check_grounding"]

_FAILURES_KEPT = 50


@dataclass
class Grounding:
    """``verbatim`` of ``checked`` pieces satisfy ``quote == text[start:end]``;
    ``unchecked`` pieces belong to accounts whose text is unknown."""

    checked: int = 0
    verbatim: int = 0
    unchecked: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        return ratio(self.verbatim, self.checked)

    def as_json(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "verbatim": self.verbatim,
            "unchecked": self.unchecked,
            "share": self.share,
            "failures": self.failures,
        }


def check_grounding(prediction: GraphDocument, texts: Mapping[str, str]) -> Grounding:
    """Check every piece of evidence of every node and relationship against ``texts``
    (account id -> normalised text); the first failures are kept to show."""
    result = Grounding()
    items = [(f"node {n.id}", n.evidence) for n in prediction.nodes]
    items += [(f"{r.type} {r.source} -> {r.target}", r.evidence) for r in prediction.relationships]
    for where, evidence in items:
        for piece in evidence:
            text = texts.get(piece.account)
            if text is None:
                result.unchecked += 1
                continue
            result.checked += 1
            if 0 <= piece.start <= piece.end <= len(text) and text[piece.start : piece.end] == piece.quote:
                result.verbatim += 1
            elif len(result.failures) < _FAILURES_KEPT:
                result.failures.append(
                    {
                        "item": where,
                        "account": piece.account,
                        "start": piece.start,
                        "end": piece.end,
                        "quote": piece.quote,
                        "text": text[piece.start : piece.end],
                    }
                )
    return result
