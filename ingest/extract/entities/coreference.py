"""A person told only by their post ("the grievance officer") is whoever holds it.

When an account names someone with their post once ("Dev Rao, our grievance
officer") and afterwards calls them by the post alone, the pseudonym finder
sees a second, unnamed person. A definite description of a post that exactly
one named person of the account holds is that person: its mentions, aliases and
relationships move to them (:meth:`Collector.fold`). With no holder, or several, it stays a pseudonym
(the account may never name the secretary).
"""

from __future__ import annotations

import re

from ingest.extract.entities.collector import Collector, NodeDraft

__all__ = ["fold_post_descriptions"]

_DEFINITE = re.compile(r"^(?:the|our|my|their|his|her|its|this|that)\s+(?P<post>.+)$", re.IGNORECASE)


def _fold(value: str) -> str:
    return " ".join(value.lower().replace("’", "'").split())


def _posts(draft: NodeDraft) -> set[str]:
    forms = {_fold(draft.name), *(_fold(a) for a in draft.aliases)}
    return {m.group("post") if (m := _DEFINITE.match(f)) else f for f in forms}


def fold_post_descriptions(c: Collector) -> None:
    """Merge each definite post description into the one named person holding that post."""
    roles = {node_id: _posts(d) for node_id, d in c.nodes.items() if d.label == "Role"}
    holders: dict[str, set[str]] = {}
    for rel_type, source, target in c.relationships:
        if rel_type == "HOLDS_ROLE" and target in roles:
            holders.setdefault(target, set()).add(source)
    for node_id, draft in list(c.nodes.items()):
        if draft.label != "Person" or draft.properties.get("identity") != "pseudonym" or node_id == c.narrator_id:
            continue
        m = _DEFINITE.match(_fold(draft.name))
        if m is None:
            continue
        post = m.group("post")
        matching = {role for role, forms in roles.items() if post in forms}
        named = {h for role in matching for h in holders.get(role, ())
                 if h != node_id and h != c.narrator_id and h in c.nodes
                 and c.nodes[h].properties.get("identity") in ("named", "partial")}
        if len(named) == 1:
            c.fold(draft, c.nodes[named.pop()])

