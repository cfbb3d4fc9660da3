"""Who holds which role (HOLDS_ROLE) and who belongs where (MEMBER_OF).

Each relationship carries the sentence that supports it as evidence. Holding
a role in a unit implies membership of that unit and of its organisation.
"""

from __future__ import annotations

import re

from ingest.extract.entities.collector import Collector
from ingest.extract.entities.names import NameContext
from ingest.extract.entities.organizations import OrgContext
from ingest.extract.entities.pseudonyms import Pseudonym
from ingest.extract.entities.roles import RoleMention, role_node
from ingest.extract.entities.structure import UnitContext
from ingest.extract.entities.vocabulary import Vocabulary

__all__ = ["link_roles", "link_memberships"]

_NARRATOR_HOLDS = re.compile(
    r"(?:\bI(?:[’']ve|\s+\w+)?\s+(?:became|become|was|am|have been|had been|served as|worked as|was elected|got elected)\s+(?:as\s+)?(?:\w+\s+){0,3}"
    r"|\bmy\s+(?:role|position|time|work|job)\s+as\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}"
    r"|\bI\s+\w+\s+as\s+(?:an?\s+|the\s+)(?:\w+\s+){0,2})$"
)
_FIRST_PERSON = re.compile(r"(?<![\w’'-])(?:I|me|my|My|we|We|our|Our|us)(?![\w-])")
_JOINS = re.compile(r"\b(?:join(?:ed|ing)?|member(?:ship)?|endorse(?:d|ment)|support(?:ed)?\s+for|recruited|involve(?:d|ment))\b", re.IGNORECASE)


def _holds(c: Collector, person: str, role_id: str, unit: str | None, offset: int, orgs: OrgContext, units: UnitContext) -> None:
    c.relate_in_sentence("HOLDS_ROLE", person, role_id, offset)
    if unit:
        c.relate_in_sentence("MEMBER_OF", person, unit, offset)
        org = units.organization_of.get(unit)
        if org:
            c.relate_in_sentence("MEMBER_OF", person, org, offset)


def _resolve(c: Collector, vocab: Vocabulary, orgs: OrgContext, units: UnitContext, rm: RoleMention) -> RoleMention:
    """A title that waited for a holder gets its node now."""
    if rm.node_id:
        return rm
    entry = rm.entry or vocab.role_of_form[c.text[rm.start : rm.end]]
    draft, unit = role_node(c, orgs, units, entry, None, units.narrator_branch)
    c.mention(draft, rm.start, rm.end)
    if unit:
        c.relate_in_sentence("ROLE_IN", draft.id, unit, rm.start)
    return RoleMention(draft.id, rm.start, rm.end, unit, entry)


def link_roles(
    c: Collector,
    vocab: Vocabulary,
    orgs: OrgContext,
    units: UnitContext,
    roles: list[RoleMention],
    names: NameContext,
    pseudonyms: list[Pseudonym],
    narrator: str,
) -> None:
    text = c.text
    person_spans = [(p.start, p.end, p.node_id) for p in names.mentions] + [(p.start, p.end, p.node_id) for p in pseudonyms]
    person_spans.sort()
    for rm in roles:
        holder: str | None = None
        # Inside a description: "my branch chair", "a prominent full-timer in the US section".
        for s, e, pid in person_spans:
            if s <= rm.start and rm.end <= e:
                holder = pid
                break
        # Inside an introduction: "my branch secretary, Thomas".
        if holder is None:
            for s, e, pid in names.intro_descriptions:
                if s <= rm.start and rm.end <= e:
                    holder = pid
        # "Ahmed S, ISO Treasurer and de facto National Organizer"; "Alex Grant (another EC member ...)".
        if holder is None:
            holder = _appositive_holder(text, rm, names)
        # "Treasurer Ahmed S": a title right before a name.
        if holder is None:
            after = re.match(r",?\s+", text[rm.end : rm.end + 3])
            if after:
                at = rm.end + after.end()
                holder = next((p.node_id for p in names.mentions if p.start == at), None)
        # The narrator: "I quickly became a branch chair", "my role as a prominent spokesman".
        if holder is None and _NARRATOR_HOLDS.search(text[max(0, rm.start - 60) : rm.start]):
            holder = narrator
        if holder is None:
            continue
        rm = _resolve(c, vocab, orgs, units, rm)
        _holds(c, holder, rm.node_id, rm.unit_id, rm.start, orgs, units)


def _appositive_holder(text: str, rm: RoleMention, names: NameContext) -> str | None:
    """The named person whose appositive or parenthesis holds this title."""
    for p in reversed(names.mentions):
        if p.end > rm.start:
            continue
        if rm.start - p.end > 140:
            break
        between = text[p.end : rm.start]
        if between[:1] not in (",", " ") or not re.match(r"\s*[,(]", between):
            return None
        if re.search(r"[.;:!?)\n]", between):
            return None
        if re.search(r"\b(?:told|said|asked|called|was|is|he|she|they|I|me|my)\b", between) and "(" not in between:
            return None
        return p.node_id
    return None


def link_memberships(
    c: Collector,
    orgs: OrgContext,
    units: UnitContext,
    pseudonyms: list[Pseudonym],
    narrator: str,
) -> None:
    text = c.text
    # The narrator belongs to the organisation the account is about.
    if orgs.primary_id:
        primary = [m for m in orgs.mentions if m.node_id == orgs.primary_id]
        anchor = next(
            (m for m in primary if _FIRST_PERSON.search(c.sentence_at(m.start).text) and _JOINS.search(c.sentence_at(m.start).text)),
            None,
        ) or next((m for m in primary if _FIRST_PERSON.search(c.sentence_at(m.start).text)), None) or (primary[0] if primary else None)
        if anchor is not None:
            c.relate_in_sentence("MEMBER_OF", narrator, orgs.primary_id, anchor.start)
    # ... of "my branch" and of branches they speak of in the first person.
    seen: set[str] = set()
    for start, _end, branch in units.branches:
        if branch in seen:
            continue
        sentence = c.sentence_at(start)
        if branch == units.narrator_branch or _FIRST_PERSON.search(sentence.text):
            c.relate_in_sentence("MEMBER_OF", narrator, branch, start)
            seen.add(branch)
    # ... of a faction they joined or supported.
    for start, _end, faction in units.factions:
        if faction in seen:
            continue
        sentence = c.sentence_at(start)
        if _FIRST_PERSON.search(sentence.text) and _JOINS.search(sentence.text):
            c.relate_in_sentence("MEMBER_OF", narrator, faction, start)
            seen.add(faction)
    # People described as comrades, members or cadres belong to the organisation named or the main one.
    for p in pseudonyms:
        org = p.in_org or (orgs.primary_id if p.member_words else None)
        if org:
            c.relate_in_sentence("MEMBER_OF", p.node_id, org, p.start)
    # "another member of X", "a X member": explicit membership of a named person.
    del text
