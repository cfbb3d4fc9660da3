"""A person told only by their post ("the grievance officer") is whoever holds it.

When an account names someone with their post once ("Dev Rao, our grievance
officer") and afterwards calls them by the post alone, the pseudonym finder
sees a second, unnamed person. A definite description of a post that exactly
one named person of the account holds is that person: its mentions, aliases and
relationships move to them. With no holder, or several, it stays a pseudonym
(the account may never name the secretary).
"""

from __future__ import annotations

import re

from graph.model import Relationship
from ingest.extract.entities.collector import Collector, NodeDraft
from ingest.extract.types import Mention

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
            _merge(c, draft, c.nodes[named.pop()])


def _merge(c: Collector, gone: NodeDraft, kept: NodeDraft) -> None:
    for key, mention in list(c.mentions.items()):
        if mention.node_id == gone.id:
            del c.mentions[key]
            c.mentions[(mention.start, mention.end, kept.id)] = Mention(
                kept.id, kept.label, mention.start, mention.end, mention.text)
    for span, evidence in gone.evidence.items():
        kept.evidence.setdefault(span, evidence)
    for alias in (gone.name, *gone.aliases):
        kept.add_alias(alias)
    for key, rel in list(c.relationships.items()):
        rel_type, source, target = key
        if gone.id not in (source, target):
            continue
        del c.relationships[key]
        source = kept.id if source == gone.id else source
        target = kept.id if target == gone.id else target
        if source == target:
            continue
        new_key = (rel_type, source, target)
        existing = c.relationships.get(new_key)
        evidence = rel.evidence if existing is None else (*existing.evidence, *(
            e for e in rel.evidence if all(e.key != x.key for x in existing.evidence)))
        c.relationships[new_key] = Relationship(rel_type, source, target, dict(rel.properties), tuple(evidence)[:3])
    del c.nodes[gone.id]
