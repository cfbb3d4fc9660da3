"""Counters the scorer adds up: precision/recall/F1 counts and agreement shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Counts", "Agreement", "ratio"]


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or None when there is nothing to divide by (shown as "-")."""
    return part / whole if whole else None


@dataclass
class Counts:
    """Matches against the sizes of the prediction and the gold.

    F1 is ``2 tp / (predicted + gold)``, the harmonic mean of precision and
    recall whenever both exist, and 0 when one side is empty but not the other.

    >>> c = Counts(3, 4, 6)
    >>> c.precision, c.recall, round(c.f1, 4)
    (0.75, 0.5, 0.6)
    >>> (c + Counts(1, 1, 0)).as_json()["f1"]
    0.7272727272727273
    """

    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.true_positive, self.predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.true_positive, self.gold)

    @property
    def f1(self) -> float | None:
        return ratio(2 * self.true_positive, self.predicted + self.gold)

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(
            self.true_positive + other.true_positive, self.predicted + other.predicted, self.gold + other.gold
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "true_positive": self.true_positive,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Agreement:
    """How many of ``total`` compared pairs agree.

    >>> (Agreement(1, 2) + Agreement(2, 2)).share
    0.75
    """

    agreed: int = 0
    total: int = 0

    @property
    def share(self) -> float | None:
        return ratio(self.agreed, self.total)

    def __add__(self, other: "Agreement") -> "Agreement":
        return Agreement(self.agreed + other.agreed, self.total + other.total)

    def as_json(self) -> dict[str, Any]:
        return {"agreed": self.agreed, "total": self.total, "share": self.share}
