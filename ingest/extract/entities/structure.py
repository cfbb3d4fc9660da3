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
from ingest.extract.entities.names import LOWER_LETTERS, UPPER_LETTERS
from ingest.extract.entities.organizations import OrgContext
from ingest.extract.entities.vocabulary import BodyEntry, Vocabulary

__all__ = ["UnitContext", "find_units"]

_POSSESSIVE = re.compile(r"[’']s?\s*$")
_LEADERSHIP_OK_BEFORE = re.compile(r"(?:\b(?:the|its|their|our|by|to|from|of|with|and)\s+|[’']s\s+)$")
_LEADERSHIP_BAD_AFTER = re.compile(r"^\s+(?:Faction|Caucus|skills?|roles?|positions?|qualities|style|abilities)\b")
# A capitalised word of any Latin script: "Valparaíso", "Pōneke", "Łódź".
_CAP_WORD = rf"[{UPPER_LETTERS}][{LOWER_LETTERS}A-Z’'-]+"
# A body found in the text: start, end, its entry, and the organisation written next to it.
_BodyFind = tuple[int, int, BodyEntry, str | None]


@dataclass
class UnitContext:
    bodies: dict[str, str] = field(default_factory=dict)  # body name -> node id (of the main organisation)
    body_mentions: list[tuple[int, int, str]] = field(default_factory=list)
    branches: list[tuple[int, int, str]] = field(default_factory=list)  # mentions of branches
    narrator_branch: str | None = None
    factions: list[tuple[int, int, str]] = field(default_factory=list)
    organization_of: dict[str, str] = field(default_factory=dict)  # unit id -> organisation id
    generic_branch_mentions: list[tuple[int, int, str]] = field(default_factory=list)  # "the chapter"
    unit_word: dict[str, str] = field(default_factory=dict)  # branch id -> "branch", "chapter", "region" ...
    home: str | None = None  # the unit the account is told from (roles.home_unit)


def find_units(c: Collector, vocab: Vocabulary, orgs: OrgContext, body_end: int | None = None) -> UnitContext:
    units = UnitContext()
    body_end = len(c.text) if body_end is None else body_end
    _find_factions(c, vocab, orgs, units)
    _find_bodies(c, vocab, orgs, units)
    _find_branches(c, vocab, orgs, units, body_end)
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
    found: list[_BodyFind] = []
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
            if m.group(0) in ("the centre", "the center") and re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
                continue  # "the centre of my life"
            owner, owner_start = _owner_before(c, orgs, start)
            found.append((owner_start if owner else start, m.end(), body, owner))
    generic, superseded = _generic_bodies(c, vocab, orgs, units, list(found))
    found = [f for f in found if f not in superseded] + generic
    # A leadership spoken of once in passing ("mattered more to its leadership") is no body of its own.
    leadership = [f for f in found if f[2].kind == "leadership"]
    if len(leadership) == 1 and leadership[0][3] is None:
        found.remove(leadership[0])
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


def _generic_bodies(
    c: Collector, vocab: Vocabulary, orgs: OrgContext, units: UnitContext, known: list[_BodyFind]
) -> tuple[list[_BodyFind], list[_BodyFind]]:
    """Bodies the lexicon does not name ("the Standing Committee", "a community
    accountability panel", "the Complaints and Disputes Unit (CDU)"), their acronym,
    and "the panel" or "the Unit" said of the last one named with that head. A
    longer name holding a lexicon body's form ("Regional Disciplinary Panel") wins
    over it; the lexicon mentions it supersedes are returned too."""
    text = c.text
    taken = [(m.start, m.end) for m in orgs.mentions] + [(s, e) for s, e, _ in units.factions]
    lexicon_spans = [(k[0], k[1]) for k in known]
    found: list[_BodyFind] = []
    superseded: list[_BodyFind] = []
    for m in vocab.generic_body_pattern.finditer(text):
        inside = [k for k in known if k[0] < m.end() and m.start() < k[1]]
        longer_than_each = all(m.start() <= k[0] and k[1] <= m.end() and k[1] - k[0] < m.end() - m.start() for k in inside)
        if any(s < m.end() and m.start() < e for s, e in taken) or not longer_than_each:
            continue
        superseded.extend(inside)
        name = " ".join(m.group(0).split())
        words = set(re.findall(r"[\w’'-]+", name.lower()))
        kind = next((k for k, modifiers in vocab.generic_body_kinds if words & modifiers), "other")
        body = BodyEntry(name=name, kind=kind, forms=(name,), acronyms=())
        owner, owner_start = _owner_before(c, orgs, m.start())
        found.append((owner_start if owner else m.start(), m.end(), body, owner))
        taken.append((m.start(), m.end()))
        acronym = re.match(r"\s*\(([A-Z]{2,6})\)", text[m.end() : m.end() + 10])
        if acronym:
            for again in re.finditer(rf"(?<![\w-]){acronym.group(1)}(?![\w-])", text):
                if not any(s < again.end() and again.start() < e for s, e in [*taken, *lexicon_spans]):
                    found.append((again.start(), again.end(), body, owner))
                    taken.append((again.start(), again.end()))
    taken += [(k[0], k[1]) for k in known if k not in superseded]
    generic = {id(f[2]) for f in found}
    named = sorted(found + [k for k in known if k not in superseded], key=lambda f: f[0])
    heads = "|".join(re.escape(h) for h in vocab.generic_body_heads)
    for m in re.finditer(rf"\bthe\s+({heads})\b", text, re.IGNORECASE):
        if any(s <= m.start(1) < e for s, e in taken):
            continue
        head = m.group(1).lower()
        before = [f for f in named if f[1] <= m.start() and f[2].name.lower().endswith(head)]
        if before and id(before[-1][2]) in generic:  # the last one named with that head is this kind's
            found.append((m.start(1), m.end(1), before[-1][2], before[-1][3]))
            taken.append((m.start(1), m.end(1)))
    return found, superseded


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
    _find_slates(c, vocab, orgs, units)
    # "the Faction", "the caucus", "the slate": the grouping named last before it.
    back_heads = "|".join(sorted({re.escape(h.lower()) for h in vocab.faction_heads} | {re.escape(h) for h in vocab.faction_heads}, key=len, reverse=True))
    for m in re.finditer(rf"\b[Tt]he\s+({back_heads})\b(?!s\b)", text):
        if any(s <= m.start(1) < e for s, e, _ in units.factions):
            continue
        before = [f for f in units.factions if f[1] <= m.start()]
        if before:
            draft = c.nodes[before[-1][2]]
            c.mention(draft, m.start(), m.end())
            units.factions.append((m.start(), m.end(), draft.id))
    units.factions.sort()


_LINE_GAP = r"[^\S\n]+"  # a unit's name never runs across a line break

_SLATE = re.compile(
    r"(?:[“\"](?P<quoted>[A-Z][\w’'-]*(?:[^\S\n]+[A-Za-z][\w’'-]*){0,3})[”\"]|(?P<bare>[A-Z][\w’'-]*(?:[^\S\n]+[A-Z][\w’'-]*){0,3}))"
    r"[^\S\n]+(?P<head>slate|ticket|caucus|faction|platform|tendency|current)\b"
)


def _find_slates(c: Collector, vocab: Vocabulary, orgs: OrgContext, units: UnitContext) -> None:
    """"the “Members First” slate", "the Unity slate": a named electoral slate or
    grouping written with a lower-case head word."""
    text = c.text
    for m in _SLATE.finditer(text):
        raw = m.group("quoted") or m.group("bare")
        start = m.start("quoted") - 1 if m.group("quoted") else m.start("bare")
        words = raw.split()
        if m.group("bare") and re.search(r"[’']s$", words[-1]):
            # "Halvorsen's slate": the slate already named, told by who leads it.
            same_head = [f for f in units.factions if f[1] <= m.start() and text[f[0] : f[1]].endswith(m.group("head"))]
            if same_head:
                draft = c.nodes[same_head[-1][2]]
                c.mention(draft, m.start(), m.end())
                units.factions.append((m.start(), m.end(), draft.id))
            continue
        if m.group("bare"):
            words = _strip_leading(words, vocab)
            if not words or any(w in vocab.not_name_words or w in orgs.id_of_surface for w in words):
                continue
            start = m.start("bare") + raw.index(words[0])
        if any(s < m.end() and start < e for s, e, _ in units.factions):
            continue
        name = f"{' '.join(words)} {m.group('head')}"
        # A slate stands in an election of the union or body around it: the union
        # named in its sentence or the one before, else the account's organisation.
        owner = _nearby_union(c, orgs, start)
        if owner is None:
            owner, _ = _owner_before(c, orgs, start)
        owner = owner or orgs.primary_id
        owner_key = orgs.names_by_id.get(owner, owner) if owner else c.account_id
        draft = c.node(make_id("Faction", owner_key, name), "Faction", name)
        draft.add_alias(" ".join(words))
        c.mention(draft, start, m.end())
        units.factions.append((start, m.end(), draft.id))
        if owner:
            units.organization_of.setdefault(draft.id, owner)


def _nearby_union(c: Collector, orgs: OrgContext, offset: int) -> str | None:
    sentence = c.sentence_at(offset)
    previous = c.sentence_at(max(0, sentence.start - 2))
    for m in orgs.mentions:
        if previous.start <= m.start < sentence.end and c.nodes[m.node_id].properties.get("kind") == "union":
            return m.node_id
    return None


def _strip_leading(words: list[str], vocab: Vocabulary) -> list[str]:
    """Drop sentence starters, stop words and possessors ("the Party's
    Philadelphia unit") from the front of a capitalised run."""
    while words and (words[0] in vocab.not_name_words or words[0].lower() in ("the", "a", "an")
                     or (len(words) > 1 and words[0].endswith(("'s", "’s")))):
        words = words[1:]
    return words


# Unit words a title-case name capitalises ("the Harbourside Care Branch"); a capitalised
# "Unit" or "Club" more often names a department or a venue.
_TITLED_UNIT_WORDS = frozenset({"branch", "chapter", "region", "district"})


def _find_branches(c: Collector, vocab: Vocabulary, orgs: OrgContext, units: UnitContext, body_end: int) -> None:
    text = c.text
    branch_words = "|".join(re.escape(w) for w in vocab.branch_words)
    unit_words = "|".join(re.escape(w) for w in (*vocab.branch_words, *vocab.area_words))
    # A unit's title-case name capitalises its word too ("the Harbourside Care Branch", "the Eastern Region").
    titled = [w[:1].upper() + w[1:] for w in (*vocab.branch_words, *vocab.area_words) if w in _TITLED_UNIT_WORDS]
    placed_words = "|".join(re.escape(w) for w in (*vocab.branch_words, *vocab.place_branch_words, *vocab.area_words, *titled))
    lower_unit_word = {w: w.lower() for w in titled}
    head_first = "|".join(re.escape(w) for w in vocab.head_first_branch_words) or r"(?!x)x"
    # "the Milwaukee branch committee" names the branch as well as its committee.
    not_part = r"(?!s\b)"
    org_alt = orgs.alias_pattern.pattern if orgs.alias_pattern is not None else r"(?!x)x"
    cap_run = rf"{_CAP_WORD}(?:{_LINE_GAP}{_CAP_WORD}){{0,2}}"
    named = re.compile(
        rf"\b(?P<city>{cap_run}){_LINE_GAP}(?:(?P<org>{org_alt}){_LINE_GAP})?(?P<word>{placed_words})\b{not_part}"
        rf"|\b(?P<word2>{unit_words})\b{not_part}{_LINE_GAP}(?:of{_LINE_GAP}(?:the{_LINE_GAP})?(?P<org2>{org_alt}){_LINE_GAP})?in{_LINE_GAP}(?P<city2>{_CAP_WORD}(?:{_LINE_GAP}{_CAP_WORD})?)"
        rf"|(?<![\w’'-])(?P<word3>{head_first}){_LINE_GAP}(?:de{_LINE_GAP}|di{_LINE_GAP})?(?P<city3>{_CAP_WORD}(?:{_LINE_GAP}{_CAP_WORD}){{0,2}})(?![\w’'-])"
    )
    lower_words = set(re.findall(r"(?<![\w’'-])[a-z][a-z]+(?![\w-])", text))
    area = set(vocab.area_words)
    cities: dict[str, str] = {}
    word_of: dict[str, str] = {}  # branch id -> its unit word ("branch", "chapter", "region")

    def not_a_place(words: list[str]) -> bool:
        """An organisation's name, a country, a thing, or a word the text uses in lower case
        ("Regional branch", "Local chapter"): not the place a branch is named after."""
        return not words or any(
            w in orgs.id_of_surface or w in vocab.country_of_word or w in vocab.thing_words or w.lower() in lower_words
            # "the LSF district office": initials name an organisation, not a place.
            or (len(w) >= 3 and w.isupper())
            for w in words
        )

    def add(city: str, word: str, org_surface: str | None, start: int, end: int, name: str) -> None:
        owner = orgs.id_of_surface.get(org_surface) if org_surface else orgs.primary_id
        owner_key = orgs.names_by_id.get(owner, owner) if owner else c.account_id
        # Regions and districts are keyed with their word, so "Manchester district"
        # and "Manchester branch" stay two units.
        key = f"{city} {word}" if word in area else city
        draft = c.node(make_id("Branch", owner_key, key), "Branch", name, {"city": city})
        c.mention(draft, start, end)
        draft.add_alias(city)
        units.branches.append((start, end, draft.id))
        cities.setdefault(city, draft.id)
        word_of.setdefault(draft.id, word)
        if owner:
            units.organization_of.setdefault(draft.id, owner)

    # Title-case names last, shortest first: "the Harbourside Branch" and "the Harbourside Care
    # Branch" are one branch, and so is a lower-case "Harbourside branch" said elsewhere.
    matches = sorted(named.finditer(text), key=lambda m: (m.group("word") in lower_unit_word, len(m.group(0)) if m.group("word") in lower_unit_word else 0, m.start()))
    for m in matches:
        if m.group("city") is not None:
            raw, word, org_surface = m.group("city"), m.group("word"), m.group("org")
            city_start = m.start("city")
        elif m.group("city3") is not None:
            raw, word, org_surface = m.group("city3"), m.group("word3"), None
            city_start = m.start("city3")
        else:
            raw, word, org_surface = m.group("city2"), m.group("word2"), m.group("org2")
            city_start = m.start("city2")
        tokens = raw.split()
        words = _strip_leading(tokens, vocab)
        # "Salt River DSA chapter": an organisation's surface inside the run is its owner.
        if len(words) >= 2 and words[-1] in orgs.id_of_surface and org_surface is None:
            org_surface, words = words[-1], words[:-1]
        if word in lower_unit_word:
            # A title-case name may hold common words ("Harbourside Community Services Branch");
            # its first word must still be no common one ("Regional Branch").
            word = lower_unit_word[word]
            if re.match(r"[^\S\n]+[A-Z]", text[m.end():]):
                continue  # "the Eastern District Committee", "District Secretary": a body's or post's name
            if not words or not_a_place(words[:1]) or any(w in orgs.id_of_surface or w in vocab.not_name_words for w in words):
                continue
            shorter = next((known for known in cities if " ".join(words).startswith(known + " ")), None)
            if shorter is not None:
                words = shorter.split()
        elif not_a_place(words):
            continue
        city = " ".join(words)
        start = city_start + raw.index(words[0]) if m.group("city") is not None else m.start()
        end = m.end() if m.group("city3") is None else city_start + raw.index(words[-1]) + len(words[-1])
        name = " ".join(text[start:end].split()) if m.group("city2") is None else f"{city} {word}"
        add(city, word, org_surface, start, end, name)

    # "the Melbourne, Sydney and Perth branches": each place is a branch.
    place = rf"{_CAP_WORD}(?:{_LINE_GAP}{_CAP_WORD})?"
    listed = re.compile(
        rf"\b(?P<places>{place}(?:,{_LINE_GAP}{place})*,?{_LINE_GAP}(?:and|&){_LINE_GAP}{place}){_LINE_GAP}(?P<word>{branch_words})(?:es|s)\b"
    )
    for m in listed.finditer(text):
        for pm in re.finditer(place, m.group("places")):
            words = _strip_leading(pm.group(0).split(), vocab)
            if not_a_place(words):
                continue
            start = m.start("places") + pm.start() + pm.group(0).index(words[0])
            city = " ".join(words)
            if any(s <= start < e for s, e, _ in units.branches):
                continue
            add(city, m.group("word"), None, start, start + len(city), f"{city} {m.group('word')}")

    # "Salt River DSA", "Bristol Socialist Party": a place before an organisation's name is its branch,
    # when the account speaks of branches or chapters at all or names the unit twice.
    speaks_of_branches = re.search(rf"\b(?:[Tt]he|[Mm]y|[Oo]ur|[Tt]his)\s+(?:{branch_words})\b", text[:body_end]) is not None
    place_org = re.compile(rf"\b(?P<city>{_CAP_WORD}(?:{_LINE_GAP}{_CAP_WORD})?){_LINE_GAP}(?P<org>{org_alt})\b(?!{_LINE_GAP}(?:{unit_words})\b)")
    candidates: list[tuple[str, str, int, int]] = []
    for m in place_org.finditer(text):
        if any(s <= m.start("org") < e for s, e, _ in units.branches):
            continue
        owner = orgs.id_of_surface.get(m.group("org"))
        if owner is None or orgs.org_at(m.start("org"), m.end("org")) != owner:
            continue
        if any(om.start < m.start("org") < om.end or (om.start <= m.start("city") < om.end) for om in orgs.mentions):
            continue  # part of a longer organisation name
        words = _strip_leading(m.group("city").split(), vocab)
        if not_a_place(words):
            continue
        city = " ".join(words)
        start = m.start("city") + m.group("city").index(words[0])
        candidates.append((city, m.group("org"), start, m.end()))
    counts: dict[str, int] = {}
    for city, org_surface, _, _ in candidates:
        counts[city] = counts.get(city, 0) + 1
    for city, org_surface, start, end in candidates:
        followed = re.match(r"\s+(?:members?|comrades?|branch|chapter)\b", text[end : end + 12]) is not None
        if followed or counts[city] >= 2 or speaks_of_branches:
            add(city, "chapter" if speaks_of_branches else "branch", org_surface, start, end, " ".join(text[start:end].split()))

    # A place already known as a unit stands for it when named alone.
    if cities:
        alone = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(cities, key=len, reverse=True)) + r")(?![\w-])")
        for m in alone.finditer(text):
            if any(s <= m.start() < e for s, e, _ in units.branches):
                continue
            draft = c.nodes[cities[m.group(1)]]
            c.mention(draft, m.start(), m.end(), generic=True)
            units.branches.append((m.start(), m.end(), draft.id))
    kinds = "|".join(re.escape(k) for k in vocab.branch_kinds)
    unnamed = re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Oo]ur|[Mm]y)\s+(?:(?:very\s+)?(?:small|large|new|tiny|big)\s+)?({kinds})\s+({branch_words})\b")
    for m in unnamed.finditer(text, 0, body_end):
        if any(s < m.end() and m.start() < e for s, e, _ in units.branches):
            continue
        name = f"{m.group(1)} {m.group(2)}"
        draft = c.node(make_id("Branch", c.account_id, name), "Branch", name)
        c.mention(draft, m.start(), m.end())
        units.branches.append((m.start(), m.end(), draft.id))
        word_of.setdefault(draft.id, m.group(2))
        if orgs.primary_id:
            units.organization_of.setdefault(draft.id, orgs.primary_id)

    def named_of(word: str) -> set[str]:
        """Branches named in the account with this unit word (a chapter may be written "<Place> <Org>")."""
        same = {i for i in word_of if word_of[i] == word or (word in ("branch", "chapter") and word_of[i] in ("branch", "chapter"))}
        return same

    mine = re.compile(rf"\b(?:[Mm]y|[Oo]ur)\s+(?:own\s+|local\s+|home\s+)?({branch_words})\b(?!\s+(?:chair|secretary|officer|treasurer|organi[sz]er))")
    for m in mine.finditer(text, 0, body_end):
        if any(s <= m.start() < e for s, e, _ in units.branches):
            continue
        same = named_of(m.group(1))
        if len(same) == 1:
            draft = c.nodes[next(iter(same))]
        else:
            draft = c.node(make_id("Branch", c.account_id, f"my {m.group(1)}"), "Branch", f"my {m.group(1)}")
            word_of.setdefault(draft.id, m.group(1))
        c.mention(draft, m.start(), m.end())
        units.branches.append((m.start(), m.end(), draft.id))
        units.narrator_branch = units.narrator_branch or draft.id
        if orgs.primary_id:
            units.organization_of.setdefault(draft.id, orgs.primary_id)
    units.branches.sort()
    # "the branch", "the chapter", "the region": the unit of that word named last before it.
    back = re.compile(rf"\b[Tt]he\s+({unit_words})\b{not_part}")
    for m in back.finditer(text):
        if any(s <= m.start() < e for s, e, _ in units.branches):
            continue
        word = m.group(1)
        before = [b for b in units.branches if b[1] <= m.start() and (word_of.get(b[2]) == word or (word in ("branch", "chapter") and word_of.get(b[2]) in ("branch", "chapter")))]
        if before:
            draft = c.nodes[before[-1][2]]
            c.mention(draft, m.start(), m.end(), generic=True)
            units.generic_branch_mentions.append((m.start(), m.end(), draft.id))
    units.branches.sort()
    units.unit_word = word_of
