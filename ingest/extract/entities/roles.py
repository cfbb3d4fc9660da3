"""Roles: posts and titles from the lexicon, the unit each belongs to (ROLE_IN),
and who holds them (HOLDS_ROLE).

A role is keyed by its unit and title, so "branch secretary" in an account
about the IMT is one node however many people hold it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import make_id
from ingest.extract.entities.collector import Collector, NodeDraft
from ingest.extract.entities.organizations import OrgContext
from ingest.extract.entities.structure import UnitContext
from ingest.extract.entities.vocabulary import RoleEntry, Vocabulary

__all__ = ["RoleMention", "find_roles", "role_node"]


@dataclass
class RoleMention:
    node_id: str
    start: int
    end: int
    unit_id: str | None
    entry: RoleEntry | None = None


def _unit_after(c: Collector, orgs: OrgContext, units: UnitContext, end: int) -> tuple[str | None, int]:
    """The unit named right after a title: "full-timer in the US section", "leader of the Canadian section"."""
    m = re.match(r"\s+(?:in|of|for|within)\s+(?:the\s+|this\s+|our\s+|my\s+)?", c.text[end : end + 20])
    if not m:
        return None, end
    at = end + m.end()
    for om in orgs.mentions:
        if om.start == at or (om.start <= at < om.end):
            return om.node_id, om.end
    for s, e, unit in units.body_mentions + units.branches:
        if s <= at < e or s == at or (at <= s <= at + 4):
            return unit, e
    word = re.match(r"(organi[sz]ation|party|group)\b", c.text[at:])
    if word:
        return orgs.primary_id, at + word.end()
    return None, end


def _unit_before(c: Collector, orgs: OrgContext, units: UnitContext, start: int) -> str | None:
    """"ISO Treasurer", "Fightback's full-timer"."""
    for om in orgs.mentions:
        if om.end <= start and c.text[om.end : start].strip() in ("", "’s", "'s"):
            return om.node_id
    return None


def role_node(c: Collector, orgs: OrgContext, units: UnitContext, entry: RoleEntry, unit: str | None, narrator_branch: str | None = None) -> tuple[NodeDraft, str | None]:
    """The Role node for ``entry`` in ``unit`` (or its default unit), and that unit."""
    if unit is None:
        if entry.scope == "body" and entry.body:
            unit = units.bodies.get(entry.body)
            if unit is None and orgs.primary_id:
                owner_key = orgs.names_by_id.get(orgs.primary_id, orgs.primary_id)
                unit = make_id("LeadershipBody", owner_key, entry.body)
        elif entry.scope == "branch":
            unit = narrator_branch or (units.branches[0][2] if units.branches else None) or orgs.primary_id
        else:
            unit = orgs.primary_id
    if unit and unit.startswith("organization:"):
        unit_key = orgs.names_by_id.get(unit, unit)
    else:
        unit_key = unit or c.account_id
    draft = c.node(make_id("Role", unit_key, entry.title), "Role", entry.title, {"title": entry.title})
    return draft, unit


def find_roles(c: Collector, vocab: Vocabulary, orgs: OrgContext, units: UnitContext, body_end: int) -> list[RoleMention]:
    """Every title in the text, tied to its unit; titles that need a holder wait for one."""
    mentions: list[RoleMention] = []
    matches = [m for m in vocab.role_pattern.finditer(c.text) if m.start() < body_end]
    present = {vocab.role_of_form[m.group(0)].title: vocab.role_of_form[m.group(0)] for m in matches}
    for m in matches:
        entry = vocab.role_of_form[m.group(0)]
        # A bare title stands for the one more specific title of the account ("the male chair" -> branch chair).
        specific = [e for t, e in present.items() if t == "branch " + entry.title]
        if " " not in entry.title and len(specific) == 1:
            entry = specific[0]
        unit, end = _unit_after(c, orgs, units, m.end())
        unit = unit or _unit_before(c, orgs, units, m.start())
        if entry.needs_holder and unit is None:
            mentions.append(RoleMention("", m.start(), m.end(), None, entry))  # resolved when a holder is found
            continue
        draft, unit = role_node(c, orgs, units, entry, unit, units.narrator_branch)
        c.mention(draft, m.start(), m.end())
        if end > m.end():
            draft.add_alias(" ".join(c.text[m.start() : end].split()))
        mentions.append(RoleMention(draft.id, m.start(), m.end(), unit, entry))
        if unit and unit != draft.id:
            c.relate_in_sentence("ROLE_IN", draft.id, unit, m.start())
    return mentions
