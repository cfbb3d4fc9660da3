"""Where an occurrence happened, organisationally (OCCURRED_IN).

Every incident, response and event has an organisational context. By default
it is the account's *home unit*: the branch or chapter the account is mostly
about when it is named at least twice as often as the primary organisation, else the
primary organisation. A sentence that names another organisation, one
unrelated to the home unit ("the union local's general meeting" in an account
about a party), moves its occurrence there; a branch named in the clause is
added as well.
"""

from __future__ import annotations

from collections import Counter

from graph.model import Relationship
from ingest.extract.occurrences.context import Mentions
from ingest.extract.types import Mention

__all__ = ["Setting"]

# A branch named fewer times than this is a passing setting, not the account's home.
_HOME_MENTIONS = 3


class Setting:
    """The organisational structure an account names, and its home unit."""

    def __init__(self, mentions: Mentions, relationships: list[Relationship], primary: str | None) -> None:
        self.mentions = mentions
        self.parent: dict[str, str] = {r.source: r.target for r in relationships if r.type == "PART_OF"}
        counts = Counter(m.node_id for m in mentions.items if m.label in ("Organization", "Branch"))
        branches = [(n, node) for node, n in counts.items() if mentions.labels.get(node) == "Branch"]
        home = primary
        if branches:
            count, branch = max(branches)
            # A chapter told twice as often as its organisation is where the account lives.
            if count >= _HOME_MENTIONS and (primary is None or count >= 2 * counts.get(primary, 0)):
                home = branch
        self.home = home

    def lineage(self, node: str) -> set[str]:
        """``node`` and every unit it is part of."""
        seen = {node}
        while node in self.parent and self.parent[node] not in seen:
            node = self.parent[node]
            seen.add(node)
        return seen

    def related(self, one: str, other: str) -> bool:
        return one in self.lineage(other) or other in self.lineage(one)

    def contexts(self, sentence_mentions: list[Mention], clause_mentions: list[Mention]) -> list[str]:
        """The units an occurrence told with these mentions happened in."""
        found: list[str] = []
        if self.home is not None:
            for m in sentence_mentions:
                unit = None
                if m.label == "Organization":
                    unit = m.node_id
                elif m.label == "LeadershipBody":
                    unit = self.parent.get(m.node_id)
                if unit is not None and unit not in found and not self.related(unit, self.home) \
                        and self.mentions.labels.get(unit) == "Organization":
                    found.append(unit)
        if not found and self.home is not None:
            found.append(self.home)
            # A chapter's happenings are its organisation's too.
            above = self.parent.get(self.home)
            if self.mentions.labels.get(self.home) == "Branch" and above is not None \
                    and self.mentions.labels.get(above) == "Organization":
                found.append(above)
        for m in clause_mentions:
            if m.label == "Branch" and m.node_id not in found:
                found.append(m.node_id)
        return found
