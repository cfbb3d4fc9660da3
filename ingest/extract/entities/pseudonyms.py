"""People the account describes without naming: "my friend", "the perpetrator",
"the comrade who recruited me", "a friend in the organization", "[Perpetrator 1]".

Each is a Person of identity ``pseudonym`` local to the account (its id holds
the account id). Descriptions that pick out the same person are one node:
the key of a description is what identifies the person in it (the relation
noun with its modifiers, or the clause: "who recruited me" = "that recruited me").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph.model import make_id
from ingest.extract import nlp
from ingest.extract.entities.collector import Collector
from ingest.extract.entities.names import NameContext
from ingest.extract.entities.organizations import OrgContext
from ingest.extract.entities.structure import UnitContext
from ingest.extract.entities.vocabulary import RoleEntry, Vocabulary

__all__ = ["Pseudonym", "find_pseudonyms"]


@lru_cache(maxsize=64)
def _compiled(pattern: str, flags: int = 0) -> "re.Pattern[str]":
    """Patterns built from the lexicon alone, compiled once per process (the re
    module's own cache is churned by the per-account patterns)."""
    return re.compile(pattern, flags)

_AUX = {"had", "has", "have", "’d", "'d", "previously", "once", "later", "first", "then", "also", "later", "initially"}
_PREDICATIVE = re.compile(r"\b(?:became|become|becoming|was|am|is|be|been|as|were|being|remain|remained|make|made|makes|making)\s+(?:\w+\s+)?$")
# Heads that say nothing but "a person": "the man who ..." said once refers back to someone.
_BARE_HEADS = {"man", "woman", "person", "guy", "girl", "boy", "individual"}
_GENERIC_BEFORE = re.compile(r"\b(?:against|like|than|any|every|such)\s+$")
_NARRATOR_COMPLAINED = re.compile(r"\bI\s+(?:\w+\s+)?(?:filed|made|submitted|lodged|brought|raised|wrote)\s+(?:a|my|an)\s+(?:\w+\s+)?(?:complaint|grievance)|\bmy\s+(?:formal\s+)?(?:complaint|grievance)\b")
_CLAUSE_STOP = re.compile(r"[,.;:!?()\[\]—–\"“”]|\s(?:but|because|when|while|so|who|which|until)\s")


@dataclass
class Pseudonym:
    node_id: str
    start: int
    end: int
    surface: str
    key: str
    role: RoleEntry | None = None
    role_span: tuple[int, int] | None = None
    in_org: str | None = None  # an organisation the description places them in
    member_words: bool = False  # "comrade", "member", "cadre": a member of the main organisation
    in_unit: str | None = None  # a body or branch the description places them in ("a full-timer at the national office")


@dataclass
class _Found:
    start: int
    end: int
    key: str
    role: RoleEntry | None = None
    role_span: tuple[int, int] | None = None
    in_org: str | None = None
    member_words: bool = False
    extra: list[str] = field(default_factory=list)


def _words(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


_MAIN_VERBS = {
    "was", "were", "is", "are", "did", "does", "do", "had", "has", "have", "would", "could", "should", "might",
    "will", "can", "must", "told", "said", "asked", "came", "seemed", "then", "that", "which", "but", "because",
}
_OBJECTS = {"me", "him", "her", "them", "us", "it", "the", "a", "an", "my", "his", "their", "our", "up", "down", "out"}
_DETERMINERS = {"the", "a", "an", "my", "our", "his", "her", "their", "this", "that", "its", "me", "him", "them"}


def _relative_clause(raw: str) -> str:
    """The relative clause at the start of ``raw``, without the main clause after it.

    >>> _relative_clause("recruited me to call me and apologise.")
    'recruited me'
    >>> _relative_clause("I was speaking with did not disagree.")
    'I was speaking with'
    >>> _relative_clause("’d previously harassed and threatened me was now")
    '’d previously harassed and threatened me'
    """
    stop = _CLAUSE_STOP.search(raw + " ")
    words = raw.split()
    kept: list[str] = []
    verb_seen = False
    for i, word in enumerate(words):
        bare = word.strip(",.;:!?()[]\"“”").lower()
        if i > 0 and bare in _MAIN_VERBS and (verb_seen or bare not in ("was", "were", "had", "has", "have")):
            break
        if i > 0 and bare == "to" and i + 2 < len(words) and words[i + 1].lower() not in _DETERMINERS and words[i + 2].lower().strip(",.") in _OBJECTS:
            break  # "recruited me to call me": an infinitive starts the main clause's object
        if i > 0 and verb_seen and bare.endswith("ed") and kept and kept[-1].lower() not in ("and", "or", "been", "being", "was", "had"):
            break  # a second past tense verb is the main clause's ("... for support requested that")
        if bare == "and" and i + 1 < len(words) and not words[i + 1].lower().endswith("ed"):
            break
        kept.append(word)
        if word != kept[0] or not word.startswith(("I", "we")):
            verb_seen = verb_seen or bare.endswith("ed") or bare in ("was", "had", "met", "brought", "spoke", "knew", "saw", "made", "took", "got", "came", "went", "left", "told", "said", "did")
        if re.search(r"[,.;:!?)]$", word):
            break
    clause = " ".join(kept)
    if stop is not None and len(clause) > stop.start():
        clause = raw[: stop.start()]
    return clause.rstrip(" ,.;:!?)")


_NO_ONE = -1  # the parse says the description picks out no one in particular
_PRESENT = {"VBZ", "VBP", "MD"}


def _present(verb: "object") -> bool:
    """The verb, or an auxiliary of it, is in the present tense or a modal ("is paid", "can't spend", "has said")."""
    tags = {verb.tag_} | {t.tag_ for t in verb.children if t.dep_ in ("aux", "auxpass")}  # type: ignore[attr-defined]
    return bool(tags & _PRESENT) and "VBD" not in tags


def _parsed_clause(c: Collector, head_start: int, head_end: int, *, indefinite: bool) -> int | None:
    """Where the relative clause on the head noun ``head_start:head_end`` ends, read from the parse.

    The clause is the subtree of the verb the parser attaches to the head as a
    relative clause, so it ends where the clause ends, not where a word list
    guesses ("the man who threatened me | still lives nearby"). ``_NO_ONE``
    when the description names nobody in particular: the clause belongs to
    another noun ("a complaint against another member that the process could
    not resolve"); the description is said of the subject ("he is a man who
    ..."); or an indefinite one is generic, its clause or its main verb in the
    present or a modal ("a cadre who can't spend a holiday away is no cadre",
    "a comrade who missed a shift would be criticised"). None when the parse
    does not find the head.
    """
    sentence = c.sentence_at(head_start)
    doc = nlp.parse(sentence.text)
    head = next((t for t in doc if sentence.start + t.idx == head_start), None)
    if head is None or sentence.start + head.idx + len(head.text) != head_end:
        return None
    clauses = [t for t in head.children if t.dep_ == "relcl" and t.i > head.i]
    if not clauses:
        return _NO_ONE
    if head.dep_ in ("attr", "acomp") or (head.dep_ == "pobj" and head.head.lower_ in ("as", "like")):
        return _NO_ONE  # "he is a man who ...", "treated like a child by ...": said of someone else
    verb = clauses[0]
    if indefinite and (_present(verb) or (head.dep_ in ("nsubj", "nsubjpass") and _present(head.head))):
        return _NO_ONE
    last = max(verb.subtree, key=lambda t: t.i)
    return sentence.start + last.idx + len(last.text)


def _clause_key(clause: str) -> str:
    tokens = [t for t in re.findall(r"[\w’'-]+", clause.lower()) if t not in _AUX]
    tokens = [t[:-2] if t.endswith(("’d", "'d")) else t for t in tokens]
    return " ".join(tokens[:2])


def _refers_back(c: Collector, f: _Found, names: NameContext, earlier: list[Pseudonym], body_end: int) -> bool:
    """Whether "the man who ..." said once names someone already told of.

    Once somebody has been mentioned, a clause about what was done to someone
    or something ("the man who broke it", "the man who harassed her") or one
    late in the account sums up a person the story has followed. A description
    holding a name picks out someone new by that name ("the woman who accused
    <name>"), and so does an early one about a plain act ("the woman who made
    the complaint").
    """
    if any(f.start <= p.start < f.end for p in names.mentions):
        return False
    someone_before = any(p.start < f.start and p.node_id != c.narrator_id for p in names.mentions) or bool(earlier)
    done_to = re.search(r"\b(?:me|her|him|them|us|my|it)\b", c.text[f.start : f.end]) is not None
    return someone_before and (done_to or f.start > body_end / 2)


_AMBIGUOUS = "?"
# What the clause after a stand-in's first mention says of them: "[Member A], who made the
# complaint", "[Member B], the member she made it about".
_MADE_COMPLAINT = re.compile(r"\b(?:complain\w*|reported|disclosed|came\s+forward)\b")
_COMPLAINED_OF = re.compile(r"\b(?:about|against|accused|reported\s+on)\b")
_COMPLAINANT_HEADS = {"complainant", "survivor", "victim", "whistleblower"}


def _stand_ins(c: Collector, names: NameContext) -> dict[str, tuple[str, str]]:
    """Stand-in names the account gives people ("[Member A]", "a comrade I'll call T."):
    id -> (the stand-in's head word, the clause after its first mention)."""
    found: dict[str, tuple[str, str]] = {}
    for mention in names.mentions:
        if mention.node_id in found or (mention.node_id not in names.bracketed and mention.node_id not in names.called):
            continue
        head = re.sub(r"[^\w\s]", "", c.nodes[mention.node_id].name).split()
        after = re.split(r"[.;:!?\n]|,\s+and\b", c.text[mention.end : mention.end + 80])[0]
        found[mention.node_id] = (head[0].lower() if head else "", after)
    return found


def _procedural_holder(text: str, head: str, stand_ins: dict[str, tuple[str, str]]) -> str | None:
    """Who a procedural label ("the complainant", "the respondent", "the survivor") stands for
    in an account that gives its people stand-in names.

    A narrator who hides people behind stand-ins ("[Survivor 1]", "[Member A]")
    calls them by procedural labels too, and those labels are the same people,
    not more. The label is the stand-in of the same word ("the survivor" is
    "[Survivor 1]") or the one introduced as making ("the complainant") or
    receiving ("the respondent", "the accused") the complaint. None when no
    stand-in fits (the label then names no one new); ``_AMBIGUOUS`` when several
    stand-ins share the word ("[Perpetrator 1]", "[Perpetrator 2]"), which keeps
    the label as a person of its own.
    """
    same = [node for node, (word, _after) in stand_ins.items() if word == head]
    if len(same) > 1:
        return _AMBIGUOUS
    if same:
        return same[0]
    wanted = _MADE_COMPLAINT if head in _COMPLAINANT_HEADS else _COMPLAINED_OF
    fitting = [
        node for node, (_word, after) in stand_ins.items()
        if wanted.search(after) and (wanted is _COMPLAINED_OF or not _COMPLAINED_OF.search(after))
    ]
    return fitting[0] if len(fitting) == 1 else None


def find_pseudonyms(
    c: Collector,
    vocab: Vocabulary,
    orgs: OrgContext,
    names: NameContext,
    taken: list[tuple[int, int]],
    body_end: int,
    units: UnitContext | None = None,
) -> list[Pseudonym]:
    text = c.text
    people = vocab.people
    relation = _words(people.get("relation_nouns", []))
    role_nouns = _words(people.get("role_nouns", []))
    heads = _words(list(people.get("person_heads", [])) + list(people.get("role_nouns", [])) + list(people.get("relation_nouns", [])))
    mods = _words(people.get("modifiers", []))
    mod_seq = rf"(?:(?:{mods}),?\s+)*"
    titles = _words([f for f in vocab.role_of_form if not f.startswith("member of") and f not in vocab.plural_role_forms])
    org_alt = orgs.alias_pattern.pattern if orgs.alias_pattern is not None else r"(?!x)x"
    member_heads = {"comrade", "member", "cadre", "full-timer", "organizer", "organiser", "ex-member"}
    narrator_complained = _NARRATOR_COMPLAINED.search(text[:body_end]) is not None
    stand_ins = _stand_ins(c, names)
    found: list[_Found] = []

    # 1. "(name of perpetrator)" ("[Perpetrator 1]" is a stand-in name: see names.py)
    for m in re.finditer(r"\(name of (?:the\s+)?([a-z]+)\)", text):
        found.append(_Found(m.start(), m.end(), m.group(1)))  # "(name of perpetrator)" is the perpetrator

    # 2. a clause picks the person out: "the comrade who recruited me", "the friend I brought ..."
    clause_re = _compiled(
        rf"\b(?:[Tt]he|[Aa]n?|[Aa]nother)\s+{mod_seq}(?P<head>{heads})\s+(?:(?:who|that|whom)(?:’d|'d)?\s+|(?=(?:I|we)\s))(?=(?P<clause>[^\n]{{3,80}}))"
    )
    # "a friend who is still in the branch" is someone the narrator knows, whatever the tense; "a comrade who ..." need not be.
    relation_heads = set(people.get("relation_nouns", [])) - member_heads
    clause_matches = list(clause_re.finditer(text))
    nlp.parse_many(c.sentence_at(m.start("head")).text for m in clause_matches)  # one batch: cached for _parsed_clause
    for m in clause_matches:
        det = text[m.start() : m.end()].split()[0].lower()
        read = _parsed_clause(c, m.start("head"), m.end("head"), indefinite=det in ("a", "an", "another") and m.group("head") not in relation_heads)
        if read is _NO_ONE:
            continue
        clause = _relative_clause(m.group("clause"))
        if read is not None and m.start("clause") + len(clause) > read:
            # The word-list cut ran past the clause's end in the parse ("the man who threatened me still lives ...").
            clause = text[m.start("clause") : read].rstrip(" ,.;:!?)")
        if not clause:
            continue
        end = m.start("clause") + len(clause)
        key = "who " + _clause_key(clause)
        found.append(_Found(m.start(), end, key, member_words=m.group("head") in member_heads, extra=[f"clause:{det}:{m.group('head')}"]))

    # 3. a place or organisation picks the person out: "a friend in the organization",
    #    "a representative of the American SWP", "a prominent full-timer in the US section"
    body_alt = "|".join(re.escape(f) for f in sorted(vocab.body_of_form, key=len, reverse=True))
    place_re = re.compile(
        rf"\b(?:[Aa]n?|[Aa]nother)\s+{mod_seq}(?P<head>{heads}|{titles})\s+(?P<prep>in|of|from|at|on)\s+(?P<obj>(?:the\s+|their\s+|our\s+)?(?:{org_alt}|{body_alt}|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*|organi[sz]ation|city|branch|chapter|group|party)(?:\s+(?:branch|chapter))?)"
    )
    unit_at = {s: u for s, _e, u in units.body_mentions + units.branches} if units is not None else {}
    for m in place_re.finditer(text):
        head = m.group("head")
        obj = m.group("obj")
        if _PREDICATIVE.search(text[max(0, m.start() - 25) : m.start()]):
            continue  # "as a member of the organisation", "my role as a spokesman of ...": said of the narrator
        if head == "member" and re.search(r"organi[sz]ation|group|party", obj):
            continue
        is_org = orgs.alias_pattern is not None and orgs.alias_pattern.search(re.sub(r"^(?:the|their|our)\s+", "", obj)) is not None
        obj_start = m.start("obj") + len(re.match(r"(?:the\s+|their\s+|our\s+)?", obj).group(0))  # type: ignore[union-attr]
        in_unit = unit_at.get(obj_start)
        if head == "member" and (is_org or (in_unit and not in_unit.startswith("leadershipbody:"))):
            continue  # "another member of Fightback", "a member of the Leeds branch" say membership, not who
        if in_unit is not None and not in_unit.startswith("leadershipbody:"):
            in_unit = in_unit if head in member_heads or vocab.role_of_form.get(head) else None
        in_org = orgs.id_of_surface.get(re.sub(r"^(?:the|their|our)\s+", "", obj)) if is_org else None
        if re.search(r"organi[sz]ation|group|party", obj):
            in_org = orgs.primary_id
        role = vocab.role_of_form.get(head)
        bare_obj = re.sub(r"^(?:the|their|our)\s+", "", obj)
        key = f"{head} {m.group('prep')} {bare_obj}"
        found.append(
            _Found(m.start(), m.end(), key, role=role, role_span=(m.start("head"), m.end("head")) if role else None, in_org=in_org or (orgs.primary_id if head in member_heads or role else None), member_words=head in member_heads, extra=[f"unit:{in_unit}"] if in_unit else [])
        )

    # 4. "a well known Fightback cadre": an organisation's member described
    org_member_re = re.compile(rf"\b(?:[Aa]n?|[Aa]nother|[Tt]he)\s+{mod_seq}(?P<org>{org_alt})\s+(?P<head>cadre|member|activist|organi[sz]er|comrade|full-timer|leader)\b(?!s)")
    for m in org_member_re.finditer(text):
        in_org = orgs.id_of_surface.get(m.group("org"))
        found.append(_Found(m.start(), m.end(), f"{m.group('org')} {m.group('head')}", in_org=in_org, member_words=True))

    # 5. possessives: "my friend", "my ex-partner", "my friend’s new partner", "my branch chair"
    poss_re = _compiled(rf"\b(?P<det>[Mm]y|[Oo]ur)\s+(?P<owner>(?:{relation})[’']s\s+)?{mod_seq}(?P<head>{relation}|{titles})(?![\w-])(?!s\b)")
    for m in poss_re.finditer(text):
        surface = text[m.start() : m.end()]
        role = vocab.role_of_form.get(m.group("head"))
        key = re.sub(r"^(?:my|our)\s+", "", surface.lower())
        found.append(_Found(m.start(), m.end(), "my " + key, role=role, role_span=(m.start("head"), m.end("head")) if role else None, member_words=m.group("head") in member_heads or role is not None))

    # 6. definite descriptions: "the perpetrator", "the male chair", "the EC member", "a full-timer"
    def_re = _compiled(rf"\b(?P<det>[Tt]he|[Aa]n?|[Aa]nother)\s+(?P<other>other\s+)?(?P<mods>{mod_seq})(?P<head>{role_nouns}|{titles})(?![\w-])(?!s\b)")
    for m in def_re.finditer(text):
        if _PREDICATIVE.search(text[max(0, m.start() - 25) : m.start()]):
            continue  # "I became a branch chair": the narrator's role, not someone else
        if m.group("det").lower() in ("a", "an") and _GENERIC_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "a complaint against a full-timer": anyone of that kind
        head = m.group("head")
        if head == "complainant" and not m.group("mods").strip() and narrator_complained:
            continue  # "the complainant" in an account of the narrator's own complaint is the narrator
        role = vocab.role_of_form.get(head)
        if role is not None and role.needs_holder and not m.group("mods").strip():
            if role.title not in ("chair",):
                continue
        if role is not None and re.match(r"\s+(?:of|in)\s", text[m.end() : m.end() + 5]) and m.group("det").lower() == "the":
            continue  # "the leader of the group": handled with the group
        if m.group("det").lower() in ("a", "an") and role is None and head in people.get("role_nouns", []):
            continue  # "a victim" is generic
        if role is None and m.group("det").lower() == "the" and not m.group("mods").strip() and stand_ins:
            holder = _procedural_holder(text, head, stand_ins)
            if holder is not _AMBIGUOUS:
                if holder is not None and not any(s < m.end() and m.start() < e for s, e in taken):
                    c.mention(c.nodes[holder], m.start(), m.end(), generic=True)
                continue
        mod_words = [w for w in m.group("mods").replace(",", " ").split() if w not in ("other",)]
        key = " ".join([*mod_words, head])
        found.append(_Found(m.start(), m.end(), key, role=role, role_span=(m.start("head"), m.end("head")) if role else None, member_words=role is not None, extra=[m.group("det").lower()]))

    # Longest description wins where two overlap; names already found win over all.
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    name_at_end = {p.end: p.node_id for p in names.mentions}
    name_at_start = {p.start: p.node_id for p in names.mentions}
    kept: list[_Found] = []
    for f in found:
        if any(s < f.end and f.start < e for s, e in taken):
            continue
        # "Sam Rivers (another EC member ...)", "Omar K, a full-timer": an appositive of a name.
        before = re.search(r"\s*[,(]\s*$", text[max(0, f.start - 4) : f.start])
        if before and (f.start - len(before.group(0))) in name_at_end:
            continue
        if before and kept and kept[-1].end == f.start - len(before.group(0)):
            kept[-1].extra.append(f"alias:{f.start}:{f.end}")  # "My district organiser, a full-timer"
            if f.role is not None and kept[-1].role is None:
                kept[-1].role, kept[-1].role_span = f.role, f.role_span
            continue
        # "my partner and comrade, Lee M": the description is the name's alias.
        after = re.match(r"(?:\s+and\s+[a-z-]+)?,?\s+", text[f.end : f.end + 30])
        if after and f.end + after.end() in name_at_start:
            person = c.nodes[name_at_start[f.end + after.end()]]
            person.add_alias(" ".join(text[f.start : f.end + after.end()].rstrip(", ").split()))
            continue
        if kept and kept[-1].end > f.start:
            continue
        if f.start >= body_end:
            continue
        kept.append(f)

    # "(name of perpetrator)" and "the perpetrator" are one person.
    result: list[Pseudonym] = []
    keys_seen: dict[str, str] = {}
    key_counts: dict[str, int] = {}
    for f in kept:
        key_counts[f.key.lower()] = key_counts.get(f.key.lower(), 0) + 1
    head_seen: dict[str, str] = {}  # head noun -> the person last picked out by a clause with it
    for f in kept:
        key = f.key.lower()
        clause = next((x.split(":") for x in f.extra if x.startswith("clause:")), None)
        if clause is not None and key_counts[key] == 1 and key not in keys_seen:
            _, det, head = clause
            earlier = head_seen.get(head)
            if earlier is not None:
                # "the comrade who'd previously threatened me" after "the comrade who recruited me": the same one.
                c.mention(c.nodes[earlier], f.start, f.end)
                result.append(Pseudonym(earlier, f.start, f.end, text[f.start : f.end], key, None, None, None, f.member_words))
                continue
            if det == "the" and head in _BARE_HEADS and _refers_back(c, f, names, result, body_end):
                continue
        unit_extra = next((x[len("unit:") :] for x in f.extra if x.startswith("unit:")), None)
        if key not in keys_seen and f.role is not None and f.extra == ["the"]:
            # "He forwarded this to Dana Whitlock. ... the regional full-timer": the named person just before.
            previous = c.sentence_at(max(0, c.sentence_at(f.start).start - 2))
            recent = [p for p in names.mentions if previous.start <= p.start < f.start]
            if recent:
                person = c.nodes[recent[-1].node_id]
                c.mention(person, f.start, f.end)
                result.append(Pseudonym(person.id, f.start, f.end, text[f.start : f.end], key, f.role, f.role_span, f.in_org, True))
                continue
        if key in keys_seen:
            node_id = keys_seen[key]
        else:
            node_id = make_id("Person", c.account_id, key)
            keys_seen[key] = node_id
        surface = " ".join(text[f.start : f.end].split())
        draft = c.node(node_id, "Person", surface, {"identity": "pseudonym"})
        c.mention(draft, f.start, f.end)
        for extra in f.extra:
            if extra.startswith("alias:"):
                _, a_start, a_end = extra.split(":")
                c.mention(draft, int(a_start), int(a_end))
                result.append(Pseudonym(node_id, int(a_start), int(a_end), text[int(a_start) : int(a_end)], key, None, None, None, True))
        result.append(Pseudonym(node_id, f.start, f.end, surface, key, f.role, f.role_span, f.in_org, f.member_words, unit_extra))
        if clause is not None:
            head_seen[clause[2]] = node_id
    return result
