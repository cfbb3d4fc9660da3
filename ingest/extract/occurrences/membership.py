"""JOINED and LEFT: who came into and went out of which organisation.

A ``joined`` event (or dissent told as joining a faction) makes its subject
JOINED the organisation, branch or faction named after the trigger, with the
event's date; a ``resigned`` event makes its subject LEFT it (``how:
resigned``); an expulsion makes the person it falls on LEFT (``how:
expelled``). With no unit named, the primary organisation is meant. Units coordinated
with the one named ("my membership in the youth wing and the party") are
left or joined too.

Joining and leaving are also read from the words themselves, whether or not
an event was found there: "I joined <unit>", "I am resigning from <unit>",
"X resigned from <unit>", "ending my membership in <unit> and <unit>".
"""

from __future__ import annotations

import re

from ingest.extract.entities.narrator import SIGN_OFF
from ingest.extract.occurrences.context import Mentions, read_clause
from ingest.extract.occurrences.edges import Edge, EdgeSet
from ingest.extract.occurrences.grouping import Occurrence
from ingest.extract.occurrences.participants import Scene
from ingest.extract.types import Mention

__all__ = ["tie_membership"]

_UNITS = ("Organization", "Branch", "Faction")


def tie_membership(occurrences: list[Occurrence], scene: Scene, edges: EdgeSet) -> None:
    narrator = scene.mentions.narrator
    for occ in occurrences:
        joining = occ.label == "Event" and occ.kind == "joined"
        faction = occ.label == "Incident" and occ.kind == "dissent"
        leaving = occ.label == "Event" and occ.kind == "resigned"
        expelled = occ.label == "Response" and occ.kind == "expulsion"
        if not (joining or faction or leaving or expelled):
            continue
        for hit in occ.hits:
            ctx = read_clause(hit, scene.text, scene.vocab, scene.mentions)
            units = ctx.objects_of(_UNITS)
            if faction:
                units = [m for m in units if m.label == "Faction"]
                if not units or "join" not in hit.trigger.text.lower():
                    continue
            unit = units[0].node_id if units else scene.primary
            if unit is None:
                continue
            also = [m.node_id for m in _coordinated(units[0], scene.text, scene.mentions)] if units and not expelled else []
            status = scene.status(hit, "telling")
            if expelled:
                # Everyone it falls on: "expelled Dave S., Amira K. and Joe Leckie", "we were expelled".
                if ctx.passive:
                    subject = ctx.subject_of(("Person",)) or ctx.pronoun_subject
                    people = [m.node_id for m in ctx.subject if m.label == "Person"] or ([subject.node_id] if subject else [])
                    if ctx.narrator_subject and narrator:
                        people.append(narrator)
                else:
                    people = [m.node_id for m in ctx.objects_of(("Person",))]
                unit = next((m.node_id for m in ctx.subject + ctx.objects
                             if m.label in _UNITS), scene.primary)
                for person_id in dict.fromkeys(people):
                    if unit:
                        edges.add(Edge("LEFT", person_id, unit, hit.clause.start, hit.clause.end,
                                       status, (("how", "expelled"),)))
                continue
            people = [narrator] if narrator and (ctx.narrator_subject or ctx.first_person) else []
            if not people:
                # "Fiona, Ravi and Niall resigned": each person the clause's subject names.
                subject = ctx.subject_of(("Person",)) or ctx.pronoun_subject
                people = [m.node_id for m in ctx.subject if m.label == "Person"] or ([subject.node_id] if subject else [])
            for person_id in dict.fromkeys(people):
                for target in (unit, *also):
                    if leaving:
                        edges.add(Edge("LEFT", person_id, target, hit.clause.start, hit.clause.end, status,
                                       (("how", "resigned"),)))
                    else:
                        props = (("date", occ.date.iso),) if joining and occ.date is not None and occ.date.iso else ()
                        edges.add(Edge("JOINED", person_id, target, hit.clause.start, hit.clause.end, status, props))
    _told_in_words(scene, edges)
    _told_without_object(scene, edges)
    _narrator_left(scene, edges)
    _signatories_left(scene, edges)


# A verb of joining or leaving with its object next: the unit mention must start
# where the match ends. "I" or a person named just before is its subject.
_JOIN_OR_LEAVE = re.compile(
    r"(?<![\w’'-])(?P<verb>"
    r"(?P<join>joined|became\s+a\s+member\s+of|signed\s+up\s+(?:to|with|for)|was\s+recruited\s+(?:to|into))"
    r"|(?P<leave>(?:left|quit|resigned\s+from|resigning\s+from|am\s+leaving|was\s+leaving|will\s+leave|(?:am\s+)?ending\s+my\s+membership\s+(?:in|of|with)|(?:cancell?ed|ended|let\s+lapse)\s+my\s+membership\s+(?:in|of|with)|resigned\s+my\s+membership\s+(?:in|of)))"
    r")\s+(?:the\s+|my\s+|our\s+)?(?=\S)"
)
# Words that may stand between "I" and a verb of joining or leaving ("I then quietly left").
_ASIDE = r"then|also|finally|eventually|later|quietly|formally|just|officially|had|have"
_NARRATOR_BEFORE = re.compile(rf"(?<![\w’'-])I\s+(?:(?:{_ASIDE}|first|am)\s+){{0,2}}$")
_NARRATOR_GOES_ON = re.compile(r"^I\s[^.;:!?]*\band\s+(?:then\s+|later\s+|finally\s+|eventually\s+)?$")
_PERSON_GAP = re.compile(r"^,?\s+(?:(?:has|had|have|later|then|also|since|quietly|both|all)\s+){0,3}$")
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+|its\s+|my\s+|our\s+)?$")


def _coordinated(first: Mention, text: str, mentions: Mentions) -> list[Mention]:
    """Unit mentions joined to ``first`` by "and" or a comma: "YDSA and DSA"."""
    found: list[Mention] = []
    last = first
    for m in mentions.within(first.end, min(len(text), first.end + 200)):
        if m.start < last.end:
            continue
        if m.label not in _UNITS or not _COORDINATION.match(text[last.end : m.start]):
            break
        if m.node_id != first.node_id:
            found.append(m)
        last = m
    return found


def _telling(scene: Scene, match: "re.Match[str]") -> tuple[int, int]:
    """Where a membership told by ``match`` is evidenced: its sentence, else the words themselves."""
    sentence = scene.sentence_at(match.start())
    return (sentence.start, sentence.end) if sentence is not None else (match.start(), match.end())


def _told_in_words(scene: Scene, edges: EdgeSet) -> None:
    """JOINED and LEFT from "I joined X", "Y resigned from X" wherever they are written."""
    text, mentions, narrator = scene.text, scene.mentions, scene.mentions.narrator
    for m in _JOIN_OR_LEAVE.finditer(text):
        unit = next((u for u in mentions.within(m.end(), m.end() + 80) if u.start == m.end()), None)
        if unit is None or unit.label not in _UNITS:
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        person: str | None = None
        sentence = scene.sentence_at(m.start())
        if narrator is not None and _NARRATOR_BEFORE.search(before):
            person = narrator
        elif narrator is not None and sentence is not None and _NARRATOR_GOES_ON.search(text[sentence.start : m.start()]) \
                and not any(p.label == "Person" and p.node_id != narrator for p in mentions.within(sentence.start, m.start())):
            person = narrator  # "I had stopped going to meetings and joined the party that autumn"
        else:
            people = [p for p in mentions.within(max(0, m.start() - 60), m.start()) if p.label == "Person" and p.node_id != narrator]
            if people and _PERSON_GAP.match(text[people[-1].end : m.start()]):
                person = people[-1].node_id
        if person is None:
            continue
        start, end = (sentence.start, sentence.end) if sentence is not None else (m.start(), unit.end)
        rel_type = "JOINED" if m.group("join") else "LEFT"
        for target in (unit, *_coordinated(unit, text, mentions)):
            if edges.has(rel_type, person, target.node_id):
                continue
            props = (("how", "resigned"),) if rel_type == "LEFT" and "resign" in m.group("verb") else ()
            edges.add(Edge(rel_type, person, target.node_id, start, end, "stated", props))


# The narrator telling that they are out: "why I left", "I resigned", "my membership lapsed",
# "I stopped going", "I was expelled", "as a former member". Only adverbs may stand between
# the subject and the verb: "I was told Dana left" is someone else leaving.
_NARRATOR_OUT = re.compile(
    rf"(?<![\w’'-])(?:I|I['’]ve|I\s+have|I\s+had|we)\s+(?:(?:{_ASIDE}|simply|both|all)\s+){{0,3}}(?P<verb>left|quit|resigned|resign|walked\s+(?:out|away)|stopped\s+(?:going|attending|paying)|"
    r"let\s+(?:my|it)\s+\w*\s*lapse|drifted\s+away|was\s+expelled|were\s+expelled|was\s+(?:thrown|kicked|pushed|forced)\s+out|am\s+leaving|am\s+resigning)(?![\w-])"
    r"|(?<![\w’'-])(?:my|our)\s+(?P<noun>resignation|expulsion|departure|membership\s+(?:lapsed|ended|ran\s+out))(?![\w-])"
    r"|(?<![\w’'-])(?:a|as\s+a)\s+(?P<former>former|ex-)\s*(?:member|cadre|comrade|militant)",
    re.IGNORECASE,
)
_HOW_LEFT = (("expel", "expelled"), ("thrown", "expelled"), ("kicked", "expelled"), ("resign", "resigned"),
             ("lapse", "lapsed"), ("stopped", "lapsed"), ("drifted", "lapsed"))


def _narrator_left(scene: Scene, edges: EdgeSet) -> None:
    """A first-person account of leaving: the narrator LEFT the primary organisation,
    however the text says it, and LEFT the organisation of any branch they left."""
    narrator, primary = scene.mentions.narrator, scene.primary
    if narrator is None:
        return
    parent = scene.setting.parent if scene.setting is not None else {}
    for target in sorted(edges.targets("LEFT", narrator)):
        above = parent.get(target) if scene.mentions.labels.get(target) == "Branch" else None
        if above is not None and scene.mentions.labels.get(above) == "Organization" and not edges.has("LEFT", narrator, above):
            first = edges.told("LEFT", narrator, target)[0]
            edges.add(Edge("LEFT", narrator, above, first.start, first.end, first.status, first.properties))
    left_units = edges.targets("LEFT", narrator)
    if primary is None or any(scene.mentions.labels.get(t) == "Organization" for t in left_units):
        return
    m = _NARRATOR_OUT.search(scene.text)
    if m is None:
        return
    said = m.group(0).lower()
    how = next((value for cue, value in _HOW_LEFT if cue in said), None)
    start, end = _telling(scene, m)
    edges.add(Edge("LEFT", narrator, primary, start, end, "stated", (("how", how),) if how else ()))


# Someone else joining or leaving with nothing after the verb but a time or the end of
# the clause: "Tess left.", "Hollis left in 2018", "a full-timer who has since left",
# "Jess joined in 2017", "Maya joined at 22"; or letting it lapse: "has since let his
# membership lapse", "had drifted away". The account's organisation is meant.
_BARE_JOIN_OR_LEAVE = re.compile(
    r"(?<![\w’'-])(?P<who>who\s+)?(?:(?:has|had|have|later|then|also|since|quietly|eventually|both|all|finally|already|simply)\s+){0,3}"
    r"(?:(?P<verb>left|quit|resigned|joined)"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|at|after|before|soon|too|as\s+well|over|because|when|within|last|that|and|but|politics|altogether|shortly|the\s+following|the\s+same|a\s+(?:year|month|week|few))\b)"
    r"|(?P<lapsed>let\s+(?:his|her|their)\s+membership\s+lapse|drifted\s+away|stopped\s+paying\s+(?:dues|subs))\b)"
)


def _told_without_object(scene: Scene, edges: EdgeSet) -> None:
    """JOINED and LEFT of someone named just before a bare verb of joining or leaving."""
    primary, narrator = scene.primary, scene.mentions.narrator
    if primary is None:
        return
    text = scene.text
    for m in _BARE_JOIN_OR_LEAVE.finditer(text):
        sentence = scene.sentence_at(m.start())
        if sentence is None:
            continue
        people = [p for p in scene.mentions.within(sentence.start, m.start()) if p.label == "Person"]
        if not people:
            continue
        last = people[-1]
        gap = text[last.end : m.start()]
        if m.group("who"):
            # "Seán, a full-timer who has since left": the person the relative clause hangs on.
            if not re.fullmatch(r",?\s+(?:(?:an?|the|our|my)\s+)?(?:[\w’'-]+\s+){0,3}?", gap):
                continue
        elif not re.fullmatch(r"\s*", gap) and not _PERSON_GAP.match(gap):
            continue
        if last.node_id == narrator:
            continue
        rel_type = "JOINED" if m.group("verb") == "joined" else "LEFT"
        if any(scene.mentions.labels.get(t) in ("Organization", "Branch") for t in edges.targets(rel_type, last.node_id)):
            continue
        props = (("how", "resigned"),) if m.group("verb") == "resigned" else (("how", "lapsed"),) if m.group("lapsed") else ()
        edges.add(Edge(rel_type, last.node_id, primary, sentence.start, sentence.end, "stated", props))


# A statement its signatories make together: "we resign", "we have left", "our resignation".
_WE_LEAVE = re.compile(
    r"(?<![\w’'-])(?:[Ww]e|[Ww]e\s+(?:have|are|hereby|now|today|all|each|both|therefore|have\s+now|have\s+today)(?:\s+(?:hereby|now|today|all|each))?)\s+"
    r"(?:resign|resigned|resigning|leave|leaving|left|quit|quitting)\b"
    r"|(?<![\w’'-])[Oo]ur\s+(?:collective\s+|joint\s+|immediate\s+)?resignations?\b"
    # "all five of us are resigning", "the three of us have left"
    r"|(?<![\w’'-])(?:[Aa]ll|[Tt]he|[Ee]ach)\s+(?:\w+\s+)?of\s+us\s+(?:(?:are|have|were|had|now|today|hereby)\s+){0,2}"
    r"(?:resign|resigned|resigning|leave|leaving|left|quit|quitting)\b"
)


# How far from the end a sign-off may stand and still close the statement.
_SIGNED_BLOCK_CHARS = 800


def _signed_below(scene: Scene) -> list[str]:
    """People named below the last sign-off, when it closes the text."""
    sign_offs = list(SIGN_OFF.finditer(scene.text))
    last = sign_offs[-1] if sign_offs else None
    if last is None or len(scene.text) - last.end() > _SIGNED_BLOCK_CHARS:
        return []
    found = [m.node_id for m in scene.mentions.within(last.end(), len(scene.text)) if m.label == "Person"]
    return list(dict.fromkeys(found))


def _signatories_left(scene: Scene, edges: EdgeSet) -> None:
    """In a joint resignation every signatory LEFT the organisation, as the narrator did:
    the authors, and the people named under the closing sign-off ("In solidarity,")."""
    primary, narrator = scene.primary, scene.mentions.narrator
    m = _WE_LEAVE.search(scene.text) if primary is not None else None
    if m is None:
        return
    authors = [a for a in scene.mentions.authors if a != narrator]
    authors += [p for p in _signed_below(scene) if p != narrator and p not in authors]
    if not authors:
        return
    start, end = _telling(scene, m)
    for person in (narrator, *authors):
        if person is not None and not edges.has("LEFT", person, primary):
            edges.add(Edge("LEFT", person, primary, start, end, "stated", (("how", "resigned"),)))

