"""Roles: posts and titles from the lexicon, the unit each belongs to (ROLE_IN),
and who holds them (HOLDS_ROLE, in relations.py).

A role is keyed by its unit and title, so "branch secretary" in an account
about the IMT is one node however many people hold it. The unit is the one the
text writes beside the title ("full-timer in the US section", "the Local's
president", "chapter treasurer", "Its convenor" after a body), else the
default of the title's scope (see ``ingest/lexicon/roles.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import make_id
from ingest.extract.entities.collector import Collector, NodeDraft
from ingest.extract.entities.organizations import OrgContext
from ingest.extract.entities.structure import UnitContext
from ingest.extract.entities.vocabulary import RoleEntry, Vocabulary

__all__ = ["RoleMention", "find_roles", "role_node", "home_unit"]

_PREPOSITION = re.compile(r"[“”\"]?\s+(?P<prep>in|of|for|within|at|on)\s+(?:the\s+|this\s+|our\s+|my\s+|their\s+)?")
_BRANCH_WORD_BEFORE = re.compile(r"\b(?:branch|chapter|local)\s+$")
_ITS_BEFORE = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\s+$")
_BRANCH_LIKE = ("branch", "chapter", "local group", "cell")
_FACTION = "faction"  # marks a title said of a faction, which makes no Role


@dataclass
class RoleMention:
    node_id: str
    start: int
    end: int
    unit_id: str | None
    entry: RoleEntry | None = None
    plural: bool = False  # "one of the co-chairs": the post, with no holder of its own


def home_unit(c: Collector, orgs: OrgContext, units: UnitContext) -> str | None:
    """The unit the account is told from: a branch or chapter spoken of clearly more
    often than its organisation (a chapter's story), else the main organisation."""
    if orgs.primary_id is None:
        return None
    counts: dict[str, int] = {}
    for mention in c.mentions.values():
        counts[mention.node_id] = counts.get(mention.node_id, 0) + 1
    branches = [b for b, word in units.unit_word.items() if word in _BRANCH_LIKE and not b.startswith(f"branch:{c.account_id}")]
    best = max(branches, key=lambda b: counts.get(b, 0), default=None)
    # Clearly more often: an account about a whole party names its branch now and then.
    if best is not None and counts.get(best, 0) >= max(4, 1.5 * counts.get(orgs.primary_id, 0)):
        return best
    return orgs.primary_id


def _named_branch(c: Collector, units: UnitContext) -> str | None:
    """The one named branch or chapter of the account, if it names exactly one."""
    named = {b for b, word in units.unit_word.items() if word in _BRANCH_LIKE and not b.startswith(f"branch:{c.account_id}")}
    return next(iter(named)) if len(named) == 1 else None


def _union(c: Collector, orgs: OrgContext) -> str | None:
    """The union the account names: a union local before a whole union."""
    unions = [i for i in dict.fromkeys(m.node_id for m in orgs.mentions) if c.nodes[i].properties.get("kind") == "union"]
    locals_ = [i for i in unions if i in orgs.local_parent]
    return (locals_ or unions or [None])[0]


def _unit_after(c: Collector, orgs: OrgContext, units: UnitContext, end: int) -> tuple[str | None, int]:
    """The unit named right after a title: "full-timer in the US section", "secretary of the Leeds branch".

    A region or district after a title ("organiser for the East Midlands") says
    where the post works, not whose it is: the span grows, the unit stays open.
    """
    m = _PREPOSITION.match(c.text, end, min(len(c.text), end + 24))
    if not m:
        return None, end
    at = m.end()
    for om in orgs.mentions:
        if om.start == at or (om.start <= at < om.end):
            return om.node_id, om.end
    for s, e, _faction in units.factions:
        if s <= at < e or at <= s <= at + 12:
            return _FACTION, e  # "one of the founders of the X Caucus": no post of an organisation
    for s, e, unit in units.body_mentions + units.branches + units.generic_branch_mentions:
        if s <= at < e or s == at or (at <= s <= at + 4):
            if m.group("prep") == "at" and unit.startswith("leadershipbody:"):
                return None, e  # "a full-timer at the national centre": where they work, not whose post

            if units.unit_word.get(unit) in _BRANCH_LIKE or unit.startswith("leadershipbody:"):
                return unit, e
            if unit in units.unit_word:
                return None, e
    word = re.match(r"(organi[sz]ation|party|group)\b", c.text[at:])
    if word:
        return orgs.primary_id, at + word.end()
    return None, end


def _unit_before(c: Collector, orgs: OrgContext, units: UnitContext, start: int) -> str | None:
    """"ISO Treasurer", "the Local's president", "Disputes Committee convenor", "Its convenor"."""
    text = c.text
    for om in orgs.mentions:
        if om.end <= start and text[om.end : start].strip() in ("", "’s", "'s"):
            return om.node_id
    for s, e, unit in units.body_mentions:
        if e <= start and text[e:start].strip() in ("", "’s", "'s"):
            return unit
    window = text[max(0, start - 12) : start]
    if _BRANCH_WORD_BEFORE.search(window):
        return _named_branch(c, units) or (units.home if units.home and units.home in units.unit_word else None)
    if _ITS_BEFORE.search(window):
        # "its convenor" after the body or organisation just named.
        sentence = c.sentence_at(start)
        previous = c.sentence_at(max(0, sentence.start - 2))
        candidates = [(s, u) for s, _e, u in units.body_mentions if previous.start <= s < start]
        candidates += [(om.start, om.node_id) for om in orgs.mentions if previous.start <= om.start < start]
        if candidates:
            return max(candidates)[1]
    return None


def role_node(c: Collector, orgs: OrgContext, units: UnitContext, entry: RoleEntry, unit: str | None) -> tuple[NodeDraft, str | None]:
    """The Role node for ``entry`` in ``unit`` (or its scope's default unit), and that unit."""
    if unit is None:
        if entry.scope == "body" and entry.body:
            unit = units.bodies.get(entry.body)
            if unit is None and orgs.primary_id:
                owner_key = orgs.names_by_id.get(orgs.primary_id, orgs.primary_id)
                unit = make_id("LeadershipBody", owner_key, entry.body)
        elif entry.scope == "union":
            unit = _union(c, orgs) or units.home
        elif entry.scope == "national":
            unit = orgs.primary_id
        else:
            unit = units.home
    if unit and unit.startswith("organization:"):
        unit_key = orgs.names_by_id.get(unit, unit)
    else:
        unit_key = unit or c.account_id
    draft = c.node(make_id("Role", unit_key, entry.title), "Role", entry.title, {"title": entry.title})
    return draft, unit


def find_roles(c: Collector, vocab: Vocabulary, orgs: OrgContext, units: UnitContext, body_end: int) -> list[RoleMention]:
    """Every title in the text, tied to its unit; titles that need a holder wait for one."""
    units.home = home_unit(c, orgs, units)
    mentions: list[RoleMention] = []
    matches = [m for m in vocab.role_pattern.finditer(c.text) if m.start() < body_end]
    present = {vocab.role_of_form[m.group(0)].title: vocab.role_of_form[m.group(0)] for m in matches}
    by_title = {e.title: e for e in vocab.roles}
    # A title tied to a unit once ("secretary of the Leeds branch") keeps that unit
    # when said again bare ("she was moved from branch secretary").
    explicit: dict[str, str] = {}
    for m in matches:
        entry = vocab.role_of_form[m.group(0)]
        plural = m.group(0) in vocab.plural_role_forms
        unit, end = _unit_after(c, orgs, units, m.end())
        if unit == _FACTION:
            continue
        # "secretary of the Leeds branch" is the branch secretary.
        if unit is not None and units.unit_word.get(unit) in _BRANCH_LIKE and f"branch {entry.title}" in by_title:
            entry = by_title[f"branch {entry.title}"]
        # A bare title stands for the one more specific title of the account ("the male chair" -> branch chair).
        specific = [e for t, e in present.items() if t == "branch " + entry.title]
        if " " not in entry.title and len(specific) == 1:
            entry = specific[0]
        unit = unit or _unit_before(c, orgs, units, m.start())
        if unit is not None:
            explicit.setdefault(entry.title, unit)
        elif entry.scope == "branch":
            unit = explicit.get(entry.title)
        if plural or (entry.needs_holder and unit is None):
            mentions.append(RoleMention("", m.start(), m.end(), unit, entry, plural))  # resolved when a holder is found
            continue
        draft, unit = role_node(c, orgs, units, entry, unit)
        c.mention(draft, m.start(), m.end())
        if end > m.end():
            draft.add_alias(" ".join(c.text[m.start() : end].strip("“”\"").split()))
        mentions.append(RoleMention(draft.id, m.start(), m.end(), unit, entry))
        if unit and unit != draft.id:
            c.relate_in_sentence("ROLE_IN", draft.id, unit, m.start())
    return mentions
