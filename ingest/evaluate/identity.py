"""Cross-account identity: a gold id told by several accounts should land on one
predicted node (SCHEMA.md, "Identity across accounts")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from ingest.evaluate.counts import ratio
from ingest.evaluate.scoring import AccountScore
from ingest.gold import GoldAccount

__all__ = ["Identity", "check_identity"]


@dataclass
class Identity:
    """``held`` of ``shared`` gold ids landed on one predicted node in every
    account that tells of them; ``failures`` says where each other one went."""

    shared: int = 0
    held: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        return ratio(self.held, self.shared)

    def as_json(self) -> dict[str, Any]:
        return {"shared": self.shared, "held": self.held, "share": self.share, "failures": self.failures}


def check_identity(golds: Sequence[GoldAccount], scores: Sequence[AccountScore]) -> Identity:
    """For every scored gold id present in two or more gold files, compare the
    predicted nodes it matched in each. A failure is a ``split`` (matched in
    several accounts, to different nodes) or ``unmatched`` (not found in some)."""
    matches = {score.account: score.matches for score in scores}
    appearances: dict[str, list[str]] = {}
    for gold in golds:
        for entity in gold.entities:
            if entity.label != "Account":
                appearances.setdefault(entity.id, []).append(gold.account)
    result = Identity()
    for gold_id, accounts in sorted(appearances.items()):
        accounts = sorted(set(accounts))
        if len(accounts) < 2:
            continue
        result.shared += 1
        landed = {account: matches.get(account, {}).get(gold_id) for account in accounts}
        found = {node for node in landed.values() if node is not None}
        if len(found) == 1 and None not in landed.values():
            result.held += 1
            continue
        reason = "split" if len(found) > 1 else "unmatched"
        result.failures.append({"gold_id": gold_id, "reason": reason, "predicted": landed})
    return result
