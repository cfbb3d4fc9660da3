"""Organisations: lexicon names and acronyms, national sections, union locals,
organisations introduced with their acronym, and the account's main organisation.

Known organisations are keyed by their canonical lexicon name, so "IMT" in one
account and "the International Marxist Tendency" in another are one node, and
"the British section of the IMT" is the lexicon's British section.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from graph.model import make_id
from ingest.extract.entities.collector import Collector
from ingest.extract.entities.vocabulary import OrgEntry, Vocabulary

__all__ = ["OrgMention", "OrgContext", "find_organizations", "org_id"]

_ORG_HEADS = (
    "Party|League|Organization|Organisation|Alliance|Union|Group|Movement|Front|Federation|Network|"
    "Association|Collective|Coalition|Socialists|Communists|Workers|Congress|Committee|Tendency|International|"
    "Unity|Alternative|Solidarity|Bloc|Current|Partei|Partij|Tendenz|Bewegung|Föderation"
)
# Germanic languages write the head inside one word: "Sozialistischer Jugendbund",
# "Vänsterpartiet", "Socialistisk Ungdomsforbund".
_PARTY_SUFFIXES = ("partei", "partij", "partiet", "parti")
_COMPOUND_SUFFIXES = "|".join(
    ("bund", "bond", "bündnis", *_PARTY_SUFFIXES, "förbund", "förbundet", "forbund", "forbundet", "verband", "vänstern", "venstre", "liitto")
)
_COMPOUND_HEAD = re.compile(rf"[a-zäöüåæø](?:{_COMPOUND_SUFFIXES})$")
_NAMED_ORG_COMPOUND = re.compile(
    rf"\b((?:[A-ZÄÖÜÅÆØ][\w’'-]+[^\S\n]+){{0,3}}[A-ZÄÖÜÅÆØ]\w{{3,}}?(?:{_COMPOUND_SUFFIXES}))\b(?:\s+\(([A-Z]{{2,6}})\))?"
)
# "the Socialist Equality Front (SEF)" or "Revolutionary Socialist League": an
# organisation the lexicon does not know, recognised by its head word.
# A name never runs across a line break ("...the Workers Front\n\nThe Workers Front").
_NAMED_ORG = re.compile(rf"\b((?:[A-Z][\w’'-]+[^\S\n]+)(?:(?:of|for|and|the)[^\S\n]+|[A-Z][\w’'-]+[^\S\n]+)*(?:{_ORG_HEADS}))\b(?:\s+\(([A-Z]{{2,6}})\))?")
# Romance-language names put the head first: "Movimiento Obrero Socialista (MOS)",
# "Giovani della Sinistra del Lavoro", "Unidad Socialista Internacional".
_HEAD_FIRST = (
    "Movimiento|Movimento|Mouvement|Partido|Partito|Parti|Unidad|Unità|Unión|Unione|Liga|Ligue|Lega|Frente|Fronte|"
    "Izquierda|Sinistra|Gauche|Esquerda|Giovani|Juventud|Juventude|Jeunes|Jeunesses|Bloque|Bloco|Corriente|Corrente|"
    "Organización|Organizzazione|Organisation|Federación|Federazione|Fédération|Colectivo|Collettivo|Alianza|Alleanza|"
    "Alliance|Agrupación|Convergencia|Convergència|Candidatura|Rassemblement|Confederación|Confederazione|"
    "Confédération|Sindicato|Sindacato|Syndicat|Nuevo|Nueva|Nuovo|Nuova|Nouveau|Nouvelle|Bund|Verband|Föderation|"
    "Partei|Vereinigung|Gewerkschaft|Tendencia|Tendência|Tendance|Tendenza"
)
_CONNECTOR = r"(?:de|del|della|dello|delle|dei|degli|di|des|du|de la|da|do|dos|das|y|e|et|i|la|los|las|le|les|per|por|pour|para|der|für|ng)"
_CAPITAL = "A-ZÁÉÍÓÚÀÈÌÒÙÇÄÖÜ"
_NAMED_ORG_HEAD_FIRST = re.compile(
    rf"\b((?:{_HEAD_FIRST})(?:[^\S\n]+{_CONNECTOR})*(?:[^\S\n]+[{_CAPITAL}][\w’'-]+(?:[^\S\n]+{_CONNECTOR}(?=[^\S\n]+[{_CAPITAL}]))*){{1,5}})\b"
    r"(?:\s+\(([A-Z]{2,6})\))?"
)
_GENERIC_SELF = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Oo]ur|[Mm]y|[Tt]hat)\s+(?:national\s+)?(?:organi[sz]ation|org|group|party|sect|cult|tendency)\b(?!\s+(?:of|that|which|who))"
)
_FIRST_PERSON_JOIN = re.compile(
    r"\bI\s+(?:had\s+|have\s+|first\s+|eventually\s+|then\s+)?(?:joined|join|left|quit|resigned from|was a member of|became a member of|was recruited to|became involved with)\b"
    r"|\bmy\s+(?:resignation|membership|involvement|time)\s+(?:from|in|with)\b"
)


def org_id(name: str) -> str:
    return make_id("Organization", name)


@dataclass
class OrgMention:
    node_id: str
    start: int
    end: int


@dataclass
class OrgContext:
    """What the rest of the stage needs to know about the account's organisations."""

    mentions: list[OrgMention] = field(default_factory=list)
    primary_id: str | None = None
    primary_name: str | None = None
    international: str | None = None  # canonical name of the primary's international
    names_by_id: dict[str, str] = field(default_factory=dict)
    alias_pattern: re.Pattern[str] | None = None  # surfaces seen, for "<City> <Org>" and "<Org> member"
    id_of_surface: dict[str, str] = field(default_factory=dict)
    local_parent: dict[str, str] = field(default_factory=dict)  # union local id -> its union's canonical name

    def org_at(self, start: int, end: int) -> str | None:
        for m in self.mentions:
            if m.start <= start and end <= m.end:
                return m.node_id
        return None


# Words the people lexicon keeps out of persons' names that do open party names.
_NAME_ADJECTIVES = frozenset({"Socialist", "Communist", "Revolutionary", "Workers", "Democratic", "Republican",
                              "Green", "Labour", "Labor", "National", "International", "Marxist", "Independent", "Left", "New", "Young"})


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_organizations(c: Collector, vocab: Vocabulary, header_end: int) -> OrgContext:
    text = c.text
    ctx = OrgContext()
    taken: list[tuple[int, int]] = []
    raw: list[tuple[int, int, list[str], str | None]] = []  # start, end, candidates, country hint

    # Union locals first: "CUPE 3903" is a union of its own, not CUPE.
    locals_found: list[tuple[int, int, str]] = []
    if vocab.union_local_pattern is not None:
        for m in vocab.union_local_pattern.finditer(text):
            locals_found.append((m.start(), m.end(), " ".join(m.group(0).split())))
            taken.append((m.start(), m.end()))

    named = _named_candidates(text)
    spelled_out = _spelled_out_acronyms(text, named, vocab.org_alias)
    # "Umanyano Socialist Party (USP)": a name with its own initials as acronym is
    # another organisation than the lexicon's "Socialist Party" it ends with.
    own_acronym = [(m.start(1), m.end(1)) for m in named if _initials(_without_article(m.group(1))) in spelled_out]
    for m in vocab.org_pattern.finditer(text):
        if _overlaps(taken, m.start(), m.end()) or m.group(0) in spelled_out:
            continue
        if any(s < m.start() and m.end() <= e for s, e in own_acronym):
            continue
        start = m.start()
        candidates = list(vocab.org_alias[m.group(0)])
        hint = None
        before = re.search(r"([A-Z][\w.]*)\s$", text[max(0, start - 20) : start])
        if before and " " in m.group(0) and not before.group(0).endswith("\n") and before.group(1) in _NAME_ADJECTIVES:
            # "Republican Socialist Party" is another party than the "Socialist Party" it ends with;
            # a place before it names a local unit of that organisation ("Bristol Young Greens").
            continue
        if before and before.group(1) in vocab.country_of_word:
            hint = vocab.country_of_word[before.group(1)]
            if any(vocab.orgs[n].country == hint for n in candidates):
                start = start - len(before.group(0))
        raw.append((start, m.end(), candidates, hint))
        taken.append((start, m.end()))

    # Which canonical names the account names without ambiguity, and which countries it names.
    certain = Counter(cands[0] for _, _, cands, hint in raw if len(cands) == 1 and hint is None)
    hint_starts = {s for s, _, _, h in raw if h is not None}
    countries = Counter(
        vocab.country_of_word[m.group(0)] for m in vocab.country_pattern.finditer(text) if m.start() not in hint_starts
    )
    families = Counter(vocab.orgs[n].part_of or n for n in certain)

    def resolve(candidates: list[str], hint: str | None) -> str:
        if len(candidates) == 1:
            return candidates[0]

        def score(name: str) -> tuple[int, int, int, int]:
            entry = vocab.orgs[name]
            return (
                int(hint is not None and entry.country == hint),
                certain[name],
                families[entry.part_of or name],
                countries[entry.country] if entry.country else 0,
            )

        return max(candidates, key=lambda n: (score(n), -candidates.index(n)))

    resolved: list[tuple[int, int, str]] = [(s, e, resolve(cands, hint)) for s, e, cands, hint in raw]
    by_name_counts = Counter(name for _, _, name in resolved)
    # The international the account lives in: the family most named.
    family_counts: Counter[str] = Counter()
    for name, count in by_name_counts.items():
        entry = vocab.orgs[name]
        if entry.kind == "international":
            family_counts[name] += count
        elif entry.part_of:
            family_counts[entry.part_of] += count
    ctx.international = family_counts.most_common(1)[0][0] if family_counts else None

    for start, end, name in resolved:
        _add_known(c, ctx, vocab.orgs[name], start, end)

    for start, end, surface in locals_found:
        parent = vocab.org_alias.get(surface.split()[0], [None])[0]
        country = vocab.orgs[parent].country if parent else None
        draft = c.node(org_id(surface), "Organization", surface, {"kind": "union", "country": country})
        c.mention(draft, start, end)
        ctx.mentions.append(OrgMention(draft.id, start, end))
        ctx.names_by_id[draft.id] = surface
        if parent:
            ctx.local_parent[draft.id] = parent
    _local_references(c, ctx, locals_found, taken)

    _find_sections(c, vocab, ctx, taken)
    _find_unknown(c, vocab, ctx, taken, named, spelled_out)
    _told_sections(c, ctx)
    _choose_primary(c, ctx, header_end)
    _add_generic(c, ctx, taken)
    _add_part_of(c, vocab, ctx)
    ctx.mentions.sort(key=lambda m: m.start)
    surfaces = {c.text[m.start : m.end]: m.node_id for m in ctx.mentions}
    ctx.id_of_surface = surfaces
    ctx.alias_pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True)) + r")(?![\w-])"
    ) if surfaces else None
    return ctx


_LOCAL_NUMBER = re.compile(r"(?<![\w-])Local\s+(\d{2,5})\b")
_THE_LOCAL = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Tt]his|[Mm]y|[Tt]heir)\s+(Local)\b(?!\s+\d)")


def _local_references(c: Collector, ctx: OrgContext, locals_found: list[tuple[int, int, str]], taken: list[tuple[int, int]]) -> None:
    """"Local 2348" and "the Local" after "CUPE Local 2348": the one union local named."""
    if not locals_found:
        return
    by_number = {re.search(r"\d+", surface).group(0): org_id(surface) for _, _, surface in locals_found}  # type: ignore[union-attr]
    only = {org_id(surface) for _, _, surface in locals_found}
    refs: list[tuple[int, int, str]] = []
    for m in _LOCAL_NUMBER.finditer(c.text):
        node_id = by_number.get(m.group(1))
        if node_id and not _overlaps(taken, m.start(), m.end()):
            refs.append((m.start(), m.end(), node_id))
    if len(only) == 1:
        for m in _THE_LOCAL.finditer(c.text):
            if not _overlaps(taken, m.start(1), m.end(1)):
                refs.append((m.start(1), m.end(1), next(iter(only))))
    for start, end, node_id in refs:
        c.mention(c.nodes[node_id], start, end, generic=True)
        ctx.mentions.append(OrgMention(node_id, start, end))
        taken.append((start, end))


def _add_known(c: Collector, ctx: OrgContext, entry: OrgEntry, start: int, end: int) -> None:
    draft = c.node(org_id(entry.name), "Organization", entry.name, {"kind": entry.kind, "country": entry.country})
    for alias in entry.aliases:
        draft.add_alias(alias)
    c.mention(draft, start, end)
    ctx.mentions.append(OrgMention(draft.id, start, end))
    ctx.names_by_id[draft.id] = entry.name


_SECTION = re.compile(r"\b(?P<adj>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?P<sec>section)\b(?P<of>\s+of\s+(?:the\s+)?)?")


def _find_sections(c: Collector, vocab: Vocabulary, ctx: OrgContext, taken: list[tuple[int, int]]) -> None:
    """"the Canadian section (of the IMT)": the lexicon's section of that country, or a new one."""
    text = c.text
    for m in _SECTION.finditer(text):
        adjective = m.group("adj")
        start = m.start("adj")
        country = vocab.country_of_word.get(adjective)
        if country is None:
            last = adjective.split()[-1]
            country = vocab.country_of_word.get(last)
            start = m.start("adj") + adjective.rfind(last)
        if country is None:
            continue
        end = m.end("sec")
        international = None
        if m.group("of"):
            parent = next((om for om in ctx.mentions if om.start == m.end("of")), None)
            if parent is not None:
                international = ctx.names_by_id.get(parent.node_id)
                end = parent.end
        international = international or ctx.international
        if international is None or international not in vocab.orgs:
            continue
        section = vocab.sections_by_country.get((international, country))
        if section is not None:
            entry = vocab.orgs[section]
        else:
            entry = OrgEntry(f"{country} section of the {international}", (), "section", country, international)
        # The section's span replaces the international's own mention inside it.
        ctx.mentions[:] = [om for om in ctx.mentions if not (start <= om.start and om.end <= end)]
        draft = c.node(org_id(entry.name), "Organization", entry.name, {"kind": "section", "country": country})
        for alias in entry.aliases:
            draft.add_alias(alias)
        c.mention(draft, start, end)
        draft.add_alias(text[start : m.end("sec")])
        ctx.mentions.append(OrgMention(draft.id, start, end))
        ctx.names_by_id[draft.id] = entry.name
        if entry.part_of:
            parent_id = org_id(entry.part_of)
            if c.has_node(parent_id) and end > m.end("sec"):
                c.relate_in_sentence("PART_OF", draft.id, parent_id, start)
        taken.append((start, end))


def _find_unknown(
    c: Collector, vocab: Vocabulary, ctx: OrgContext, taken: list[tuple[int, int]],
    named: list[re.Match[str]], spelled_out: set[str],
) -> None:
    """Organisations the lexicon does not know, introduced with an acronym or an org head word."""
    for m in named:
        start, end = m.start(1), m.end(1)
        if _overlaps(taken, start, end):
            continue
        name = m.group(1)
        words = name.split()
        # A title in title case: "Life Inside the New Party" names the New Party.
        inner_the = [i for i, w in enumerate(words) if w == "the" and 0 < i < len(words) - 2 and words[i - 1] not in ("of", "for", "and")]
        if inner_the:
            cut = inner_the[-1] + 1
            start = end - len(" ".join(words[cut:]))
            words = words[cut:]
            name = c.text[start:end]
        # "National Committee of the Workers' Unity Party": a body of the organisation, which is named after "of".
        body = vocab.body_pattern.match(name) or vocab.generic_body_pattern.match(name)
        owner = re.match(r"\s+of\s+(?:the\s+)?", name[body.end() :]) if body else None
        if body is not None and owner is not None and len(name[body.end() + owner.end() :].split()) >= 2:
            cut = body.end() + owner.end()
            start, name = start + cut, name[cut:]
            words = name.split()
        # "Regional Secretary of the Eastern Region of the X Union": a post and a unit
        # of the organisation, which is named after the last "of".
        cut = _post_or_unit_prefix(name, vocab)
        if cut:
            start, name = start + cut, name[cut:]
            words = name.split()
        # "The Workers Front", "When the Workers Front": a sentence's first word is not part of the name.
        while len(words) > 2 and words[0] in ("The", "A", "An", "Our", "My", "This", "Their", "Its", "When", "In", "And", "But"):
            start = c.text.index(words[1], start + len(words[0]))
            words = words[1:]
            name = c.text[start:end]
        if words[0] in vocab.not_name_words and words[0] not in _NAME_ADJECTIVES:
            continue
        if name in vocab.body_of_form or any(name.endswith(f) for f in vocab.body_of_form if " " in f):
            continue  # "Executive Committee" is a body, not an organisation
        if vocab.generic_body_pattern.fullmatch(name):
            continue  # so is "Standing Committee"
        told_as_parent = re.search(r"\bsection\s+of\s+(?:the\s+)?$", c.text[max(0, start - 30) : start]) is not None
        if words[-1] in ("Tendency", "Caucus") and ctx.mentions and not (told_as_parent or words[0] == "International"):
            continue  # an internal grouping; the faction finder takes it
        if len(words) < 2 and not _COMPOUND_HEAD.search(words[-1]):
            continue
        if len(words) == 2 and words[-1] == "Committee" and not m.group(2):
            continue  # "Finance Committee": a committee of the organisation, not one of its own
        kind = "party" if words[-1] == "Party" or words[-1].lower().endswith(_PARTY_SUFFIXES) else "union" if words[-1] in ("Union", "Congress") else "other"
        if words[0] == "International" or told_as_parent:
            kind = "international"
        draft = c.node(org_id(name), "Organization", name, {"kind": kind})
        c.mention(draft, start, end)
        initials = _initials(name)
        acronym = m.group(2) or (initials if initials in spelled_out else None)
        if acronym:
            draft.add_alias(acronym)
        ctx.mentions.append(OrgMention(draft.id, start, end))
        ctx.names_by_id[draft.id] = name
        taken.append((start, m.end(0)))
        if acronym:
            for am in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", c.text[m.end(0) :]):
                s = m.end(0) + am.start()
                if _overlaps(taken, s, s + len(acronym)):
                    continue
                c.mention(draft, s, s + len(acronym))
                ctx.mentions.append(OrgMention(draft.id, s, s + len(acronym)))
                taken.append((s, s + len(acronym)))


def _post_or_unit_prefix(name: str, vocab: Vocabulary) -> int:
    """How much of ``name`` is a post or a unit "of (the)" the organisation that follows."""
    units = {w.lower() for w in (*vocab.branch_words, *vocab.area_words)}
    cut = 0
    for m in re.finditer(r"\s+of\s+(?:the\s+)?", name):
        before = _without_article(name[cut : m.start()]).strip()
        is_post = vocab.role_of_form.get(before.lower()) is not None or vocab.role_of_form.get(before) is not None
        is_unit = before.split()[-1].lower() in units if before else False
        if not (is_post or is_unit) or len(name[m.end() :].split()) < 2:
            break
        cut = m.end()
    return cut


def _initials(name: str) -> str:
    """"Movimiento Obrero Socialista" -> "MOS": the capitalised words' first letters."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _without_article(name: str) -> str:
    return re.sub(r"^(?:The|A|An|Our|My|This)\s+", "", name)


def _named_candidates(text: str) -> list[re.Match[str]]:
    """Names an organisation's head word marks, head last or head first, in text order."""
    found = [*_NAMED_ORG.finditer(text), *_NAMED_ORG_HEAD_FIRST.finditer(text), *_NAMED_ORG_COMPOUND.finditer(text)]
    return sorted(found, key=lambda m: (m.start(1), -m.end(1)))


def _spelled_out_acronyms(text: str, named: list[re.Match[str]], known: Mapping[str, object]) -> set[str]:
    """Acronyms the text uses that are the initials of a name it spells out
    ("Partito della Sinistra del Lavoro, PSL"): they are that name's, whatever
    else the lexicon knows by the same letters, unless the name is the lexicon's own."""
    used = set(re.findall(r"(?<![\w-])[A-Z]{2,6}(?![\w-])", text))
    found = set()
    for m in named:
        name = _without_article(m.group(1))
        letters = _initials(name)
        if len(letters) >= 3 and letters in used and name not in known:
            found.add(letters)
    return found


# "<Org> is the Irish section of <International>", "<Org> (XY), the section of <International>".
_IS_SECTION_OF = re.compile(
    r"^(?:\)|\s+\([A-Z]{2,6}\))?(?:,\s+|\s+(?:is|was|became|remains|had been|has been)\s+)(?:the|a|its)\s+(?:[A-Z][\w.]*\s+){0,2}section\s+of\s+(?:the\s+)?$"
)


def _told_sections(c: Collector, ctx: OrgContext) -> None:
    """An organisation the text calls a section of another is PART_OF it, whatever the lexicon knows."""
    ordered = sorted(ctx.mentions, key=lambda m: m.start)
    for child, parent in zip(ordered, ordered[1:]):
        if child.node_id == parent.node_id or parent.start - child.end > 80:
            continue
        if not _IS_SECTION_OF.match(c.text[child.end : parent.start]):
            continue
        child_node, parent_node = c.nodes[child.node_id], c.nodes[parent.node_id]
        if child_node.properties.get("kind") in (None, "other", "party"):
            child_node.properties["kind"] = "section"
        if parent_node.properties.get("kind") in (None, "other"):
            parent_node.properties["kind"] = "international"
        c.relate_in_sentence("PART_OF", child.node_id, parent.node_id, parent.start)


def _choose_primary(c: Collector, ctx: OrgContext, header_end: int) -> None:
    weights: Counter[str] = Counter()
    for om in ctx.mentions:
        weight = 1
        if om.start < header_end:
            weight += 3  # the title and header say what the account is about
        sentence = c.sentence_at(om.start)
        if _FIRST_PERSON_JOIN.search(sentence.text):
            weight += 3
        weights[om.node_id] += weight
    if weights:
        best = max(weights.items(), key=lambda kv: (kv[1], -min(m.start for m in ctx.mentions if m.node_id == kv[0])))[0]
        ctx.primary_id = best
        ctx.primary_name = ctx.names_by_id.get(best)
        c.primary_organization_id = best


def _add_generic(c: Collector, ctx: OrgContext, taken: list[tuple[int, int]]) -> None:
    """"the organisation", "the national organization": the account's main organisation."""
    if ctx.primary_id is None:
        return
    draft = c.nodes[ctx.primary_id]
    for m in _GENERIC_SELF.finditer(c.text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        c.mention(draft, m.start(), m.end(), generic=True)


def _add_part_of(c: Collector, vocab: Vocabulary, ctx: OrgContext) -> None:
    """A section is PART_OF its international, a union local PART_OF its union,
    when the account names both."""
    for node_id, name in ctx.names_by_id.items():
        entry = vocab.orgs.get(name)
        parent_name = ctx.local_parent.get(node_id) or (entry.part_of if entry is not None else None)
        if not parent_name:
            continue
        parent_id = org_id(parent_name)
        if not c.has_node(parent_id) or ("PART_OF", node_id, parent_id) in c.relationships:
            continue
        # Prefer a sentence naming both; else the child's first mention.
        child = [m for m in ctx.mentions if m.node_id == node_id]
        parent = [m for m in ctx.mentions if m.node_id == parent_id]
        both = next((cm for cm in child for pm in parent if c.sentence_at(cm.start) == c.sentence_at(pm.start)), None)
        anchor = both or child[0]
        c.relate_in_sentence("PART_OF", node_id, parent_id, anchor.start)
