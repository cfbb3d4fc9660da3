"""Who holds which role (HOLDS_ROLE) and who belongs where (MEMBER_OF).

Each relationship carries the sentence that supports it as evidence. Holding
a role in a unit implies membership of that unit and of its organisation.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ingest.extract.entities.collector import Collector
from ingest.extract.entities.names import FORM_OF_ADDRESS, NameContext
from ingest.extract.entities.organizations import OrgContext
from ingest.extract.entities.pseudonyms import Pseudonym
from ingest.extract.entities.roles import RoleMention, role_node
from ingest.extract.entities.structure import UnitContext
from ingest.extract.entities.vocabulary import Vocabulary

__all__ = ["link_roles", "link_memberships", "link_body_memberships", "link_default_memberships"]

_NARRATOR_HOLDS = re.compile(
    r"(?:\bI(?:[’']ve|\s+\w+)?\s+(?:became|become|was|am|have been|had been|served as|worked as|was elected|got elected)\s+(?:as\s+)?(?:\w+\s+){0,3}"
    r"|\bmy\s+(?:role|position|time|work|job)\s+as\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}"
    r"|\bI\s+\w+\s+as\s+(?:an?\s+|the\s+)(?:\w+\s+){0,2}"
    # "I am elected to the National Coordination as youth secretary".
    r"|\bI\s+(?:am|was|got|had been|have been)\s+(?:\w+\s+)?(?:elected|appointed|made|named|co-opted|chosen)\b[^.;:!?]{0,50}?\bas\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:\w+\s+){0,2})$"
)
_ADDRESS = re.compile(FORM_OF_ADDRESS)
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
    draft, unit = role_node(c, orgs, units, entry, rm.unit_id)
    c.mention(draft, rm.start, rm.end, alias=not rm.plural)
    if unit:
        c.relate_in_sentence("ROLE_IN", draft.id, unit, rm.start)
    return RoleMention(draft.id, rm.start, rm.end, unit, entry)


# Verbs that put someone into, keep them in or take them out of a post:
# "X resigned as an HGO", "X had been appointed ... as the party's youth organiser",
# "X was moved from branch secretary to ...", "He remained the district organiser".
_ROLE_VERB = re.compile(
    r"\b(?:resign(?:ed|s|ing)?|serv(?:ed|es|ing)|work(?:ed|s|ing)|(?:re-)?elected|appointed|acted|acting|stood down|stepped down|"
    r"removed|remained|remains|became|become|becomes|made|named|moved|promoted|demoted|hired|employed|installed|reinstated|nominated|"
    r"ran|running|stood|is|was|has been|had been)\b"
)
# What may stand between the holder and the verb, or the verb and the title, in one clause.
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]|\b(?:by|that|who|which|whom|told|said|asked|wrote|emailed|phoned|called|complained|reported|and I|but|when|because|while|after|before|until)\b")
_PRONOUN_SUBJECT = re.compile(r"(?<![\w’'-])(He|She|he|she)\s+$")
_OBJECT_AS = re.compile(r"(?<![\w’'-])(me|him|her)\s+as\s+(?:the\s+|a\s+|an\s+|our\s+|its\s+|their\s+|his\s+|my\s+)?$")
_NAME_AS = re.compile(r"\s+as\s+(?:the\s+|a\s+|an\s+|our\s+|its\s+|their\s+)?$")
_TITLE_IS = re.compile(r"[“”\"]?\s+(?:was|is|became|remains|remained)\s+")


def _last_person_before(person_spans: list[tuple[int, int, str]], offset: int, floor: int, narrator: str) -> str | None:
    """The person last mentioned before ``offset`` (not before ``floor``): the referent of "he" or "him"."""
    for s, _e, pid in reversed(person_spans):
        if s < offset and s >= floor and pid != narrator:
            return pid
        if s < floor:
            break
    return None


def _clause_holder(c: Collector, rm: RoleMention, person_spans: list[tuple[int, int, str]], narrator: str) -> str | None:
    """The subject of a role verb before the title, in the same clause."""
    text = c.text
    sentence = c.sentence_at(rm.start)
    before = text[sentence.start : rm.start]
    # "removed me as treasurer", "asked me as their steward", "removed him as district organiser".
    obj = _OBJECT_AS.search(before)
    if obj:
        if obj.group(1) == "me":
            return narrator
        previous = c.sentence_at(max(0, sentence.start - 2))
        return _last_person_before(person_spans, sentence.start + obj.start(), previous.start, narrator)
    # The clause holding the title: after the last comma, "that", "who", "told" ... before it.
    breaks = list(_CLAUSE_BREAK.finditer(before)) + list(re.finditer(",", before))
    clause_start = max((m.end() for m in breaks), default=0)
    clause = before[clause_start:]
    verb = _ROLE_VERB.search(clause)
    if verb is None or len(clause) - verb.end() > 90:
        return None
    subject_text = clause[: verb.start()]
    if re.fullmatch(r"\s*(?:He|She|he|she)\s+", subject_text):
        previous = c.sentence_at(max(0, c.sentence_at(max(0, sentence.start - 2)).start - 2))
        return _last_person_before(person_spans, sentence.start, previous.start, narrator)
    at = sentence.start + clause_start
    subjects = [(s, e, pid) for s, e, pid in person_spans if at <= s and e <= at + verb.start()]
    if not subjects:
        # "I joined the ISO in 2009 and later became a steward": the sentence's "I" goes on.
        if re.search(r"\band\s+(?:\w+\s+)?$", subject_text) and re.match(r"I\s", sentence.text):
            return narrator
        return None
    _s, e, pid = subjects[-1]
    return pid if len(text[e : at + verb.start()]) <= 40 else None


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
    name_at = {p.start: p.node_id for p in names.mentions}
    name_ending = {p.end: p.node_id for p in names.mentions}
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
        # "Omar K, ISO Treasurer and de facto National Organizer"; "Sam Rivers (another EC member ...)".
        if holder is None:
            holder = _appositive_holder(text, rm, names)
        # "Treasurer Omar K", "the chapter treasurer, Priya N.", "one of the co-chairs, Tyler Brandt".
        if holder is None:
            after = re.match(r"[“”\"]?,?\s+", text[rm.end : rm.end + 4])
            if after:
                holder = name_at.get(rm.end + after.end())
                # "the cell secretary, comrade Julio Benn": a form of address before the name.
                address = _ADDRESS.match(text, rm.end + after.end())
                if holder is None and address:
                    holder = name_at.get(address.end())
        # "his running mate for vice-president was Don P.".
        if holder is None:
            after = _TITLE_IS.match(text, rm.end)
            if after:
                holder = name_at.get(after.end())
        # "signed by Anita Ross as chair".
        if holder is None:
            as_ = _NAME_AS.search(text[max(0, rm.start - 24) : rm.start])
            if as_:
                holder = name_ending.get(rm.start - len(as_.group(0)))
        # The narrator: "I quickly became a branch chair", "my role as a prominent spokesman".
        if holder is None and _NARRATOR_HOLDS.search(text[max(0, rm.start - 60) : rm.start]):
            holder = narrator
        # "X resigned as an HGO", "He remained the district organiser", "removed me as treasurer".
        if holder is None:
            holder = _clause_holder(c, rm, person_spans, narrator)
        if holder is None:
            continue
        rm = _resolve(c, vocab, orgs, units, rm)
        _holds(c, holder, rm.node_id, rm.unit_id, rm.start, orgs, units)


# "X, who was the branch's ...": a relative clause giving the named person's post.
_WHO_WAS = re.compile(
    r"^,\s+who\s+(?:is|was|had been|has been|became|remained|served as|is now|was then|was still|is still)\s+"
    r"(?:also\s+)?(?:the\s+|a\s+|an\s+|our\s+|their\s+|its\s+)?(?:[\w’'-]+\s+){0,2}$"
)


def _appositive_holder(text: str, rm: RoleMention, names: NameContext) -> str | None:
    """The named person whose appositive or parenthesis holds this title."""
    for p in reversed(names.mentions):
        if p.end > rm.start:
            continue
        if rm.start - p.end > 140:
            break
        between = text[p.end : rm.start]
        if _WHO_WAS.match(between):
            return p.node_id  # "Ciarán O, who was organiser in the west for years"
        if between[:1] not in (",", " ") or not re.match(r"\s*[,(]", between):
            return None
        if re.search(r"[.;:!?)\n]", between):
            return None
        if re.search(r"\b(?:told|said|asked|called|was|is|he|she|they|I|me|my)\b", between) and "(" not in between:
            return None
        return p.node_id
    return None


_SUBJECT_FIRST_PERSON = re.compile(r"(?<![\w’'-])(?:I|we|We)(?![\w-])")
_BODY_OR_ROLE_AFTER = re.compile(r"\s+(?:regional|district|area|branch|city|national|executive|steering)?\s*(?:committee|council|board|organiser|organizer|secretary|full-timer)\b")
_FACTION_JOIN = re.compile(
    r"(?<![\w’'-])(?:I|we|We)(?![\w-])[^.;,]{0,30}?\b(?:join(?:ed|ing)?|a member of|founders?|founded|co-founded|support(?:ed|er)?|signed|part of)\b[^.;,]{0,45}$"
)
# "X, who sits on the NC", "X sat on the CC", "X was elected to the steering committee".
_SITS_ON = re.compile(
    r"(?:\bwho\s+(?:now\s+|also\s+|still\s+)?|\s)(?:sits|sat|serves|served|is|was|were|has been|had been|remains|remained|would remain|will remain|stays|stayed|would stay)\s+(?:also\s+|still\s+)?on\s+(?:the\s+|its\s+|our\s+)?(?:[A-Z][\w’'-]*\s+){0,3}$"
    r"|\b(?:was|were|been|got|is|being)\s+(?:elected|appointed|co-opted|moved|transferred|promoted|sent|re-elected)\s+(?:to|onto)\s+(?:a\s+job\s+in\s+|a\s+post\s+in\s+|a\s+seat\s+on\s+)?(?:the\s+|its\s+|our\s+)?(?:[A-Z][\w’'-]*\s+){0,3}$"
    r"|\b(?:place|seat)\s+on\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}$"
)
# "two members of the committee, one of whom, X": X belongs to the group just named.
_ONE_OF = re.compile(r"\b(?:[Oo]ne of (?:whom|them)|[Ii]ncluding|[Aa]mong them|[Bb]oth of them),?\s+$")
# "the board, now chaired by X", "the slate led by the Local's president, X".
_LED_BY = re.compile(r",?\s*(?:now\s+)?(?:chaired|led|headed|run|convened)\s+by\s+(?:the\s+[\w’'-]+\s+[\w’'-]+,\s+|[\w’'-]+[’']s\s+[\w-]+,\s+)?")
# "a member I'm going to call “the accused”", "a leading member, whom I will call Comrade Delta".
_CALLED = re.compile(r"\b(?:member|comrade|cadre|organi[sz]er|full-timer)s?,?\s+(?:whom\s+|who\s+)?I(?:[’']m| am)?\s+(?:going to|will|[’']ll|shall)?\s*call\s+(?:him\s+|her\s+|them\s+)?[“\"]?$")
_LEAVES = re.compile(r"^\s+(?:has\s+since\s+|has\s+|had\s+|later\s+|then\s+)?(?:left|quit|resigned from)\s+(?:the\s+)?$")


def _member(c: Collector, person: str, unit: str, offset: int, units: UnitContext, orgs: OrgContext) -> None:
    """MEMBER_OF the unit and of the organisation it belongs to (and the chapter an account is told from)."""
    c.relate_in_sentence("MEMBER_OF", person, unit, offset)
    org = units.organization_of.get(unit) or (unit if unit.startswith("organization:") else None)
    if org and org != unit:
        c.relate_in_sentence("MEMBER_OF", person, org, offset)
    if org == orgs.primary_id and units.home and units.home != orgs.primary_id and units.home != unit:
        c.relate_in_sentence("MEMBER_OF", person, units.home, offset)


def link_body_memberships(
    c: Collector, orgs: OrgContext, units: UnitContext, names: NameContext, pseudonyms: list[Pseudonym], narrator: str,
    body_end: int | None = None,
) -> None:
    """Who sits on which body, is one of a group, leads a board or slate, or left a unit.

    In a blog's comments "I" is the commenter (see commenters.py), never the narrator.
    """
    text = c.text
    body_end = len(text) if body_end is None else body_end
    people = sorted([(p.start, p.end, p.node_id) for p in names.mentions] + [(p.start, p.end, p.node_id) for p in pseudonyms])
    ending = {e: pid for _s, e, pid in people}
    starting = {s: pid for s, _e, pid in people}
    groups = units.body_mentions + units.factions
    for start, end, unit in groups:
        before = text[max(0, start - 70) : start]
        sits = _SITS_ON.search(before)
        if sits:
            clause_start = start - len(before) + sits.start()
            sentence = c.sentence_at(start)
            head = text[sentence.start : clause_start]
            holder: str | None = None
            if re.search(r"(?<![\w’'-])I\s+$", head) or re.search(r"\bI(?:\s+\w+)?\s*$", head) or re.search(r"\bmy\s+$", head):
                holder = narrator if start < body_end else None
            else:
                near = [(s, e, pid) for s, e, pid in people if sentence.start <= s and e <= clause_start and clause_start - e <= 30]
                if near:
                    holder = near[-1][2]
                elif re.search(r"\b(?:[Hh]e|[Ss]he)\s+$", head):
                    previous = c.sentence_at(max(0, sentence.start - 2))
                    holder = _last_person_before(people, sentence.start, previous.start, narrator)
            if holder is not None:
                _member(c, holder, unit, start, units, orgs)
        # "... chaired by X", "... led by the Local's president, X".
        led = _LED_BY.match(text, end)
        if led and led.end() in starting:
            _member(c, starting[led.end()], unit, start, units, orgs)
    # "two members of the committee, one of whom, X", "two HGOs. One of them, X".
    for s, _e, pid in people:
        before = text[max(0, s - 30) : s]
        if not _ONE_OF.search(before):
            continue
        sentence = c.sentence_at(s)
        previous = c.sentence_at(max(0, sentence.start - 2))
        group = [(gs, gu) for gs, _ge, gu in groups if previous.start <= gs < s]
        if group:
            _member(c, pid, max(group)[1], s, units, orgs)
        elif orgs.primary_id and re.search(r"\b(?:members|comrades)\b", text[previous.start : s]):
            _member(c, pid, orgs.primary_id, s, units, orgs)
    # "a member I'm going to call “the accused”": the person so called is a member.
    for s, _e, pid in people:
        if orgs.primary_id and _CALLED.search(text[max(0, s - 60) : s]):
            _member(c, pid, orgs.primary_id, s, units, orgs)
    # "[Member A]": a stand-in name for a member.
    for pid in names.bracketed:
        if orgs.primary_id and re.match(r"\[(?:Member|Comrade)\b", c.nodes[pid].name):
            first = min(p.start for p in names.mentions if p.node_id == pid)
            _member(c, pid, orgs.primary_id, first, units, orgs)
    _described_memberships(c, orgs, units, people, narrator, body_end)
    _appositive_memberships(c, orgs, units, people, narrator, body_end)
    # "Rowena has since left Local 2348": one leaves what one belonged to.
    left_units = [(m.start, m.node_id) for m in orgs.mentions]
    left_units += [(s, u) for s, _e, u in units.branches if units.unit_word.get(u) in ("branch", "chapter")]
    for unit_start, unit in left_units:
        for _s, e, pid in people:
            if e <= unit_start and unit_start - e <= 40 and pid != narrator and _LEAVES.match(text[e:unit_start]):
                _member(c, pid, unit, unit_start, units, orgs)


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
    # ... of "my branch" and of branches they speak of in the first person ("I", "we"),
    # unless the place only qualifies a body or post ("the East Midlands regional committee").
    seen: set[str] = set()
    for start, end, branch in units.branches:
        if branch in seen:
            continue
        sentence = c.sentence_at(start)
        if _BODY_OR_ROLE_AFTER.match(text, end):
            continue
        if branch == units.narrator_branch or _SUBJECT_FIRST_PERSON.search(sentence.text):
            c.relate_in_sentence("MEMBER_OF", narrator, branch, start)
            seen.add(branch)
    # ... of a faction they joined, founded or supported.
    for start, _end, faction in units.factions:
        if faction in seen:
            continue
        sentence = c.sentence_at(start)
        lead = text[sentence.start : start]
        if _FACTION_JOIN.search(lead):
            c.relate_in_sentence("MEMBER_OF", narrator, faction, start)
            seen.add(faction)
    # People described as comrades, members or cadres belong to the organisation named or the main one.
    for p in pseudonyms:
        org = p.in_org or (orgs.primary_id if p.member_words else None)
        if org:
            c.relate_in_sentence("MEMBER_OF", p.node_id, org, p.start)
        if p.in_unit:
            c.relate_in_sentence("MEMBER_OF", p.node_id, p.in_unit, p.start)
            unit_org = units.organization_of.get(p.in_unit)
            if unit_org:
                c.relate_in_sentence("MEMBER_OF", p.node_id, unit_org, p.start)


def link_default_memberships(c: Collector, orgs: OrgContext, names: NameContext, narrator: str, body_end: int) -> None:
    """A named person the account tells of belongs to its main organisation.

    First-person accounts of an organisation name its members, officers and
    cadres almost only; outsiders are rarely named at all. So a named or partly
    named person told of in the body, with no membership of any organisation
    found by the rules above, is taken as a member of the main one, with the
    sentence of their first mention as evidence.
    """
    if not orgs.primary_id:
        return
    member_of_org = {
        r.source for r in c.relationships.values() if r.type == "MEMBER_OF" and r.target.startswith("organization:")
    }
    first: dict[str, int] = {}
    for p in names.mentions:
        if p.start < body_end:
            first.setdefault(p.node_id, p.start)
    for pid, start in first.items():
        if pid == narrator or pid in member_of_org or pid not in c.nodes:
            continue
        if c.nodes[pid].properties.get("identity") not in ("named", "partial"):
            continue
        c.relate_in_sentence("MEMBER_OF", pid, orgs.primary_id, start)
    _default_branch_memberships(c, orgs, names, narrator, body_end)


def _default_branch_memberships(c: Collector, orgs: OrgContext, names: NameContext, narrator: str, body_end: int) -> None:
    """In an account told from one branch only, the main organisation's members it names belong to that branch.

    An account that names a single branch, the narrator's own, is the story of
    that branch: the comrades it tells of are the narrator's branch-mates unless
    a rule placed them in a body or another unit. With two branches or more the
    text must say which, so nothing is assumed.
    """
    branches = [n for n in c.nodes.values() if n.label == "Branch" and n.evidence]
    if len(branches) != 1:
        return
    branch = branches[0].id
    members = {(r.source, r.target) for r in c.relationships.values() if r.type == "MEMBER_OF"}
    if (narrator, branch) not in members:
        return
    placed = {source for source, target in members if not target.startswith("organization:")}
    first: dict[str, int] = {}
    for p in names.mentions:
        if p.start < body_end:
            first.setdefault(p.node_id, p.start)
    for pid, start in first.items():
        if pid == narrator or pid in placed or (pid, orgs.primary_id) not in members:
            continue
        c.relate_in_sentence("MEMBER_OF", pid, branch, start)


# "X, a long-standing member of the Leeds branch", "X was a member of the NC",
# "X and Y, both members of the steering committee": a person told as a member of a unit.
_MEMBER_OF_AFTER = re.compile(
    r"^(?:,\s+(?:who\s+(?:is|was|had been|has been)\s+)?|\s+(?:is|was|had been|has been|became|remained|is still|was still|was also|is also)\s+)"
    r"(?:(?:a|an|the|one|another|also a|still a|then a)\s+)?(?:[\w’'-]+\s+){0,3}?members?\s+of\s+(?:the\s+|our\s+|its\s+|their\s+|my\s+)?$"
)
_BOTH_MEMBERS = re.compile(r"^,\s+(?:both|all|each|two|three)\s+(?:of\s+them\s+)?(?:[\w’'-]+\s+){0,2}?members?\s+of\s+(?:the\s+|our\s+|its\s+|their\s+)?$")
# "Niall from the Glasgow branch", "a woman in the Galway branch": where someone comes from.
_FROM_UNIT = re.compile(r"^,?\s+(?:from|of|in)\s+(?:the|our|my|their)\s+$")
# "Jo P, former member, Glasgow branch": a signature line naming the signer's unit.
_SIGNATURE_TAIL = re.compile(r"^,\s+(?:(?:former|ex-|past|then)\s*)?[\w’' -]{1,40},\s+(?:the\s+)?$")


def _unit_mentions(orgs: OrgContext, units: UnitContext) -> list[tuple[int, int, str]]:
    """Every mention of an organisation, branch, body or faction: organisations first."""
    found = [(m.start, m.end, m.node_id) for m in orgs.mentions]
    return found + units.branches + units.body_mentions + units.factions + units.generic_branch_mentions


def _unit_starts(orgs: OrgContext, units: UnitContext) -> dict[int, str]:
    """Every unit mention by where it starts (an organisation's where two start together)."""
    starts: dict[int, str] = {}
    for s, _e, unit in _unit_mentions(orgs, units):
        starts.setdefault(s, unit)
    return starts


def _member_of_unit(c: Collector, person: str, unit: str, offset: int, units: UnitContext, orgs: OrgContext) -> None:
    """MEMBER_OF a unit the text names and of its organisation; a branch named
    outright is where the person is, so the account's home unit is not added."""
    if unit.startswith("branch:"):
        c.relate_in_sentence("MEMBER_OF", person, unit, offset)
        org = units.organization_of.get(unit)
        if org:
            c.relate_in_sentence("MEMBER_OF", person, org, offset)
    else:
        _member(c, person, unit, offset, units, orgs)


def _described_memberships(
    c: Collector, orgs: OrgContext, units: UnitContext, people: list[tuple[int, int, str]], narrator: str, body_end: int
) -> None:
    """Membership told in so many words: "X, a member of the Y", "X from the Y branch",
    and a signature line "X, former treasurer, Y branch"."""
    text = c.text
    starts = _unit_starts(orgs, units)
    if not starts:
        return
    ordered = sorted(starts)
    for index, (s, e, pid) in enumerate(people):
        if s >= body_end and pid == narrator:
            continue
        # The first unit mention after the person within the clause window.
        window_end = min(len(text), e + 90)
        at = bisect_left(ordered, e)
        if at == len(ordered) or ordered[at] >= window_end:
            continue
        nxt = ordered[at]
        between = text[e:nxt]
        if "\n" in between or re.search(r"[.;:!?()]", between):
            continue
        unit = starts[nxt]
        if not _BOTH_MEMBERS.match(between) and (_MEMBER_OF_AFTER.match(between) or _FROM_UNIT.match(between)):
            _member_of_unit(c, pid, unit, nxt, units, orgs)
            continue
        # "X and Y, both members of the Z": every person of the list.
        both = _BOTH_MEMBERS.match(between)
        if both:
            _member_of_unit(c, pid, unit, nxt, units, orgs)
            follower = s
            for s2, e2, pid2 in reversed(people[:index]):
                if not re.fullmatch(r",?\s*(?:,|and|&)\s*", text[e2:follower]):
                    break
                _member_of_unit(c, pid2, unit, nxt, units, orgs)
                follower = s2
            continue
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        if line_start == s and line_end - line_start <= 100 and _SIGNATURE_TAIL.match(between):
            _member_of_unit(c, pid, unit, nxt, units, orgs)


# "a member of the national committee, Ruth Okafor", "a BC member, Sean P.",
# "Steering Committee member Alan R.", "Alan R., a Steering Committee member".
_MEMBER_OF_BEFORE_UNIT = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he(?:\s+only|\s+one)?|[Aa]\s+second|[Aa]\s+third|[Aa]\s+fellow)\s+(?:[\w’'-]+\s+){0,2}?members?\s+of\s+(?:the\s+|our\s+|its\s+|their\s+|my\s+)?$"
)
_THEN_NAME = re.compile(r"^(?:,\s+|\s+(?:named|called)\s+)$")
_UNIT_MEMBER_THEN_NAME = re.compile(r"^\s+members?(?:,\s+|\s+)$")
# What may open "X member" before the name: an article, or the start of a sentence or line.
_OPENS_UNIT_MEMBER = re.compile(r"(?:\b(?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he)\s+|^|[.\n]\s*)$")
_NAME_THEN_ARTICLE = re.compile(r"^,\s+(?:(?:a|an|another|the|one|then|also|still)\s+)+(?:(?:long-?standing|former|leading|senior|fellow|veteran)\s+)?")
_MEMBER_AFTER_UNIT = re.compile(r"\s+members?\b")
# "a meeting of the finance subcommittee (Halloran, Jo, Kim R and myself)": the body's members listed.
_LISTED_AFTER = re.compile(r"^\s*\(")


def _appositive_memberships(
    c: Collector, orgs: OrgContext, units: UnitContext, people: list[tuple[int, int, str]], narrator: str, body_end: int
) -> None:
    """Membership told in an apposition around a person's name, and the members a
    body's mention lists in brackets after it."""
    text = c.text
    spans = sorted(_unit_mentions(orgs, units))
    if not spans:
        return
    by_end = {e: (s, u) for s, e, u in spans}
    by_start = {s: (e, u) for s, e, u in spans}
    ends = sorted(by_end)
    for s, e, pid in people:
        if s >= body_end:
            continue
        # A unit just before the name: "a member of the X, NAME", "an X member, NAME", "X member NAME".
        at = bisect_left(ends, s + 1) - 1
        if at >= 0 and s - ends[at] <= 12:
            unit_end = ends[at]
            unit_start, unit = by_end[unit_end]
            gap = text[unit_end:s]
            before = text[max(0, unit_start - 60) : unit_start]
            told = (_THEN_NAME.match(gap) and _MEMBER_OF_BEFORE_UNIT.search(before)) or (
                _UNIT_MEMBER_THEN_NAME.match(gap) and _OPENS_UNIT_MEMBER.search(before)
            )
            if told:
                _member_of_unit(c, pid, unit, unit_start, units, orgs)
        # "NAME, a long-standing X member".
        article = _NAME_THEN_ARTICLE.match(text[e : e + 60])
        if article:
            unit_at = e + article.end()
            found = by_start.get(unit_at)
            if found is not None and _MEMBER_AFTER_UNIT.match(text, found[0]):
                _member_of_unit(c, pid, found[1], unit_at, units, orgs)
    for start, end, unit in units.body_mentions:
        if not _LISTED_AFTER.match(text[end : end + 3]):
            continue
        close = text.find(")", end, end + 120)
        if close < 0:
            continue
        members = {pid for ps, pe, pid in people if end < ps and pe <= close}
        if re.search(r"\b(?:myself|me)\b", text[end:close]) and end < body_end:
            members.add(narrator)
        if len(members) >= 2:
            for pid in sorted(members):
                _member(c, pid, unit, start, units, orgs)

