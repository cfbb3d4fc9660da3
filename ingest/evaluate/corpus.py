"""Scoring a whole corpus: each account on its own, then summed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence, TypeVar

from graph.contract import load_contract
from graph.model import GraphDocument
from ingest.evaluate.counts import Agreement, Counts
from ingest.evaluate.grounding import Grounding, check_grounding
from ingest.evaluate.identity import Identity, check_identity
from ingest.evaluate.scoring import AccountScore, named_labels, occurrence_labels, score_account
from ingest.gold import GoldAccount

__all__ = ["CorpusScore", "evaluate"]

_Tally = TypeVar("_Tally", Counts, Agreement)


def _sum_by_key(parts: Sequence[Mapping[str, _Tally]], order: Sequence[str], zero: _Tally) -> dict[str, _Tally]:
    """Per key (in ``order``), the sum over the accounts that have it."""
    total: dict[str, _Tally] = {}
    for key in order:
        present = [p[key] for p in parts if key in p]
        if present:
            total[key] = sum(present, zero)
    return total


@dataclass
class CorpusScore:
    """The figures `tgraph evaluate` reports, plus the per-account detail."""

    accounts: list[AccountScore]
    labels: dict[str, Counts]
    relationships: dict[str, Counts]
    kinds: dict[str, Agreement]
    status: Agreement
    status_strict: Agreement
    grounding: Grounding
    identity: Identity
    micro: dict[str, Counts] = field(default_factory=dict)

    @property
    def occurrence_kinds(self) -> Agreement:
        """Kind agreement over Incident, Response and Event together."""
        return sum((self.kinds[label] for label in occurrence_labels() if label in self.kinds), Agreement())

    def as_json(self) -> dict[str, Any]:
        return {
            "accounts": [a.account for a in self.accounts],
            "labels": {k: v.as_json() for k, v in self.labels.items()},
            "relationships": {k: v.as_json() for k, v in self.relationships.items()},
            "micro": {k: v.as_json() for k, v in self.micro.items()},
            "kind_agreement": {
                **{k: v.as_json() for k, v in self.kinds.items()},
                "occurrences": self.occurrence_kinds.as_json(),
            },
            "status_agreement": {
                "rule": "agrees when the gold status is among the statuses of the predicted "
                "relationship's evidence in that account; strict: it is the only one",
                "any": self.status.as_json(),
                "strict": self.status_strict.as_json(),
            },
            "grounding": self.grounding.as_json(),
            "identity": self.identity.as_json(),
            "per_account": [a.as_json() for a in self.accounts],
        }


def evaluate(golds: Sequence[GoldAccount], texts: Mapping[str, str], prediction: GraphDocument) -> CorpusScore:
    """Score ``prediction`` against every gold account.

    ``texts`` maps account ids to normalised texts; it must hold every gold
    account (gold quotes are located in it), and may hold more (grounding
    checks every account whose text it knows).
    """
    scores = [score_account(gold, texts[gold.account], prediction) for gold in golds]
    label_order = (*named_labels(), *occurrence_labels())
    labels = _sum_by_key([s.labels for s in scores], label_order, Counts())
    relationships = _sum_by_key([s.relationships for s in scores], list(load_contract().relationships), Counts())
    kinds = _sum_by_key([s.kinds for s in scores], list(load_contract().labels), Agreement())
    micro = {
        "named": sum((labels[l] for l in named_labels() if l in labels), Counts()),
        "occurrences": sum((labels[l] for l in occurrence_labels() if l in labels), Counts()),
        "relationships": sum(relationships.values(), Counts()),
    }
    return CorpusScore(
        accounts=scores,
        labels=labels,
        relationships=relationships,
        kinds=kinds,
        status=sum((s.status for s in scores), Agreement()),
        status_strict=sum((s.status_strict for s in scores), Agreement()),
        grounding=check_grounding(prediction, texts),
        identity=check_identity(golds, scores),
        micro=micro,
    )
