"""Units inside an organisation: leadership bodies, branches and factions.

A body or faction belongs to the organisation written next to it ("the ISO
leadership", "Fightback's leadership") or else to the account's main
organisation; it is keyed by that organisation, so the same body told by two
accounts is one node. An unnamed branch ("my branch") is local to its account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import make_id
from ingest.extract.entities.collector import Collector, NodeDraft
from ingest.extract.entities.organizations import OrgContext
from ingest.extract.entities.vocabulary import BodyEntry, Vocabulary

__all__ = ["UnitContext", "find_units"]

_POSSESSIVE = re.compile(r"[’']s?\s*$")
_LEADERSHIP_OK_BEFORE = re.compile(r"(?:\b(?:the|its|their|our|by|to|from|of|with|and)\s+|[’']s\s+)$")
_LEADERSHIP_BAD_AFTER = re.compile(r"^\s+(?:Faction|Caucus|skills?|roles?|positions?|qualities|style|abilities)\b")
_CAP_WORD = r"[A-Z][a-zA-Z’'-]+"


@dataclass
class UnitContext:
    bodies: dict[str, str] = field(default_factory=dict)  # body name -> node id (of the main organisation)
    body_mentions: list[tuple[int, int, str]] = field(default_factory=list)
    branches: list[tuple[int, int, str]] = field(default_factory=list)  # mentions of branches
    narrator_branch: str | None = None
    factions: list[tuple[int, int, str]] = field(default_factory=list)
    organization_of: dict[str, str] = field(default_factory=dict)  # unit id -> organisation id


def find_units(c: Collector, vocab: Vocabulary, orgs: OrgContext) -> UnitContext:
    units = UnitContext()
    _find_factions(c, vocab, orgs, units)
    _find_bodies(c, vocab, orgs, units)
    _find_branches(c, vocab, orgs, units)
    for unit_id, org in units.organization_of.items():
        first = min((s for s, _, i in units.body_mentions + units.branches + units.factions if i == unit_id), default=None)
        if first is not None and org is not None:
            c.relate_in_sentence("PART_OF", unit_id, org, first)
    return units


def _owner_before(c: Collector, orgs: OrgContext, start: int) -> tuple[str | None, int]:
    """The organisation written just before ``start`` ("ISO leadership", "Fightback's EC")."""
    for m in reversed(orgs.mentions):
        if m.end <= start and start - m.end <= 3:
            between = c.text[m.end : start]
            if between.strip() in ("", "’s", "'s", "’", "'"):
                return m.node_id, m.start
        if m.end < start - 3:
            break
    before = c.text[max(0, start - 40) : start]
    if re.search(r"\b(?:the|this|our)\s+(?:organi[sz]ation|party|group)[’']s\s+$", before):
        return orgs.primary_id, start - len(re.search(r"(?:the|this|our)\s+\w+[’']s\s+$", before).group(0))  # type: ignore[union-attr]
    return None, start


def _body_node(c: Collector, orgs: OrgContext, body: BodyEntry, owner: str | None) -> NodeDraft:
    owner = owner or orgs.primary_id
    owner_key = orgs.names_by_id.get(owner, owner) if owner else c.account_id
    draft = c.node(make_id("LeadershipBody", owner_key, body.name), "LeadershipBody", body.name, {"kind": body.kind})
    return draft


def _find_bodies(c: Collector, vocab: Vocabulary, orgs: OrgContext, units: UnitContext) -> None:
    text = c.text
    found: list[tuple[int, int, BodyEntry, str | None]] = []
    for pattern in (vocab.body_pattern, vocab.body_acronym_pattern):
        for m in pattern.finditer(text):
            body = vocab.body_of_form[m.group(0)]
            start = m.start()
            if any(s <= start < e for s, e, _ in units.factions):
                continue
            if body.kind == "leadership" and m.group(0).lower() == "leadership":
                owner_seen, _ = _owner_before(c, orgs, start)
                if (owner_seen is None and not _LEADERSHIP_OK_BEFORE.search(text[max(0, start - 12) : start])) or _LEADERSHIP_BAD_AFTER.match(text[m.end() : m.end() + 20]):
                    continue
            owner, owner_start = _owner_before(c, orgs, start)
            found.append((owner_start if owner else start, m.end(), body, owner))
    kinds_seen = {b.kind for _, _, b, _ in found}
    # "the commission" after a control commission has been named.
    if "control_commission" in kinds_seen:
        commission = next(b for _, _, b, _ in found if b.kind == "control_commission")
        for m in re.finditer(r"\b[Tt]he\s+(commission)\b", text):
            if not any(s <= m.start(1) < e for s, e, _, _ in found):
                found.append((m.start(1), m.end(1), commission, None))
    for start, end, body, owner in sorted(found, key=lambda f: f[0]):
        draft = _body_node(c, orgs, body, owner)
        c.mention(draft, start, end, generic=body.kind == "leadership" and end - start <= len("leadership"))
        units.body_mentions.append((start, end, draft.id))
        if owner is None or owner == orgs.primary_id:
            units.bodies.setdefault(body.name, draft.id)
        organization = owner or orgs.primary_id
        if organization:
            units.organization_of.setdefault(draft.id, organization)


def _find_factions(c: Collector, vocab: Vocabulary, orgs: OrgContext, units: UnitContext) -> None:
    heads = "|".join(re.escape(h) for h in vocab.faction_heads if h[:1].isupper())
    pattern = re.compile(rf"\b((?:{_CAP_WORD}\s+){{1,4}}?)({heads})\b")
    text = c.text
    last: str | None = None
    org_spans = [(m.start, m.end) for m in orgs.mentions]
    for m in pattern.finditer(text):
        words = m.group(1).split()
        start = m.start(1)
        # Drop sentence starters and stop words from the front ("In the ...").
        while words and (words[0] in vocab.not_name_words and words[0] not in ("Leadership", "Left", "Right", "Revolutionary", "Socialist", "Marxist", "Communist", "Workers")):
            start = text.index(words[0], start) + len(words[0])
            words = words[1:]
        while start < len(text) and text[start].isspace():
            start += 1
        if not words:
            continue
        if any(s < m.end() and start < e and not (s >= start and e <= m.start(2)) for s, e in org_spans):
            continue  # part of an organisation's own name (International Marxist Tendency)
        owner, _ = _owner_before(c, orgs, start)
        inner = orgs.org_at(start, start + len(words[0]))
        local_name = " ".join(words) + " " + m.group(2)
        if inner is not None:
            owner = inner
            local_name = " ".join(w for w in words if orgs.id_of_surface.get(w) != inner) + " " + m.group(2)
        owner = owner or orgs.primary_id
        owner_key = orgs.names_by_id.get(owner, owner) if owner else c.account_id
        draft = c.node(make_id("Faction", owner_key, local_name.strip()), "Faction", text[start : m.end(2)])
        draft.add_alias(local_name.strip())
        c.mention(draft, start, m.end(2))
        units.factions.append((start, m.end(2), draft.id))
        if owner:
            units.organization_of.setdefault(draft.id, owner)
        last = draft.id
    del last
    # "the Faction": the faction named last before it.
    for m in re.finditer(rf"\b[Tt]he\s+({heads})\b", text):
        if any(s <= m.start(1) < e for s, e, _ in units.factions):
            continue
        before = [f for f in units.factions if f[1] <= m.start()]
        if before:
            draft = c.nodes[before[-1][2]]
            c.mention(draft, m.start(), m.end())
            units.factions.append((m.start(), m.end(), draft.id))
    units.factions.sort()


def _find_branches(c: Collector, vocab: Vocabulary, orgs: OrgContext, units: UnitContext) -> None:
    text = c.text
    words = "|".join(re.escape(w) for w in vocab.branch_words)
    org_alt = orgs.alias_pattern.pattern if orgs.alias_pattern is not None else r"(?!x)x"
    named = re.compile(
        rf"\b(?P<city>{_CAP_WORD}(?:\s+{_CAP_WORD})?)\s+(?:(?P<org>{org_alt})\s+)?(?P<word>{words})\b"
        rf"|\b(?P<word2>{words})\s+(?:of\s+(?P<org2>{org_alt})\s+)?in\s+(?P<city2>{_CAP_WORD}(?:\s+{_CAP_WORD})?)"
        rf"|\b(?P<city3>{_CAP_WORD})\s+(?P<org3>{org_alt})(?=\s+(?:members?|comrades?|branch))"
    )
    cities: dict[str, str] = {}
    for m in named.finditer(text):
        city = m.group("city") or m.group("city2") or m.group("city3")
        first = city.split()[0]
        if first in vocab.not_name_words or city in orgs.id_of_surface or city in vocab.country_of_word:
            if not (m.group("city") and len(city.split()) == 2 and city.split()[1] not in vocab.not_name_words and city.split()[1] not in orgs.id_of_surface):
                continue
            city = city.split()[1]
        org_surface = m.group("org") or m.group("org2") or m.group("org3")
        if len(city.split()) == 2 and city.split()[1] in orgs.id_of_surface:
            org_surface, city = city.split()[1], city.split()[0]
        owner = orgs.id_of_surface.get(org_surface) if org_surface else orgs.primary_id
        owner_key = orgs.names_by_id.get(owner, owner) if owner else c.account_id
        draft = c.node(make_id("Branch", owner_key, city), "Branch", " ".join(text[m.start() : m.end()].split()), {"city": city})
        start = text.index(city, m.start())
        c.mention(draft, start, m.end())
        draft.add_alias(city)
        units.branches.append((start, m.end(), draft.id))
        cities[city] = draft.id
        if owner:
            units.organization_of.setdefault(draft.id, owner)
    # A city already known as a branch stands for that branch when named alone.
    if cities:
        alone = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(cities, key=len, reverse=True)) + r")(?![\w-])")
        for m in alone.finditer(text):
            if any(s <= m.start() < e for s, e, _ in units.branches):
                continue
            draft = c.nodes[cities[m.group(1)]]
            c.mention(draft, m.start(), m.end(), generic=True)
            units.branches.append((m.start(), m.end(), draft.id))
    kinds = "|".join(re.escape(k) for k in vocab.branch_kinds)
    unnamed = re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Oo]ur|[Mm]y)\s+(?:(?:very\s+)?(?:small|large|new|tiny|big)\s+)?({kinds})\s+({words})\b")
    for m in unnamed.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in units.branches):
            continue
        name = f"{m.group(1)} {m.group(2)}"
        draft = c.node(make_id("Branch", c.account_id, name), "Branch", name)
        c.mention(draft, m.start(), m.end())
        units.branches.append((m.start(), m.end(), draft.id))
        if orgs.primary_id:
            units.organization_of.setdefault(draft.id, orgs.primary_id)
    mine = re.compile(rf"\b(?:[Mm]y|[Oo]ur)\s+(?:own\s+|local\s+|home\s+)?({words})\b(?!\s+(?:chair|secretary|officer|treasurer|organi[sz]er))")
    for m in mine.finditer(text):
        if any(s <= m.start() < e for s, e, _ in units.branches):
            continue
        named_ids = {i for s, e, i in units.branches}
        if len(named_ids) == 1:
            draft = c.nodes[next(iter(named_ids))]
        else:
            draft = c.node(make_id("Branch", c.account_id, f"my {m.group(1)}"), "Branch", f"my {m.group(1)}")
        c.mention(draft, m.start(), m.end())
        units.branches.append((m.start(), m.end(), draft.id))
        units.narrator_branch = units.narrator_branch or draft.id
        if orgs.primary_id:
            units.organization_of.setdefault(draft.id, orgs.primary_id)
    units.branches.sort()
    # "the branch": the branch named last before it (a mention, not new evidence).
    for m in re.finditer(rf"\b[Tt]he\s+({words})\b(?!\s+(?:chair|secretary|officer|treasurer|meeting))", text):
        before = [b for b in units.branches if b[1] <= m.start()]
        if before and not any(s <= m.start() < e for s, e, _ in units.branches):
            draft = c.nodes[before[-1][2]]
            c.mention(draft, m.start(), m.end(), generic=True)
    units.branches.sort()
