"""Ties between occurrences and the people, bodies and organisations around them.

For each clause that tells an occurrence:

- Incident: the agent or subject is ACCUSED_IN it (status from the words:
  alleged unless admitted, denied or found); the narrator as object ("harassed
  me", "I was assaulted") or a person on the object side is its TARGET_OF;
  the narrator WITNESSED it on a witnessing cue.
- Response: the agent or subject (a person, body or organisation, never a
  possessor: "one of Jo's friends") is who it was TAKEN_BY; when no telling
  names one, the body last named, then the primary organisation
  (:func:`ingest.extract.occurrences.links.tie_parties`). The narrator, the
  passive subject ("was not invited"), the owner of a nominal trigger ("his
  expulsion") or the person on the object side is whom it AFFECTS.
- Event: the narrator (first person) and the people named in the clause
  PARTICIPATED_IN it; so do bodies written to or met.
- All: OCCURRED_IN the account's home unit or another organisation the
  sentence names, and any branch the clause names (:mod:`.setting`).

Separately, sentences that raise something ("I told my branch chair", "came
forward to the EC") make their teller REPORTED the incident told last and the
incident REPORTED_TO the people and bodies they name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Callable, Mapping

from ingest.extract.occurrences.context import Mentions, read_clause
from ingest.extract.occurrences.edges import Edge, EdgeSet
from ingest.extract.occurrences.grouping import Occurrence
from ingest.extract.occurrences.scan import Hit
from ingest.extract.occurrences.setting import Setting
from ingest.extract.occurrences.vocabulary import Vocabulary
from ingest.extract.status import Role, evidence_status
from ingest.extract.types import Mention, Span

__all__ = ["Scene", "tie_participants", "tie_reports"]

_ACTORS = ("Person", "LeadershipBody", "Organization")
_CONTEXTS = ("Organization", "Branch")
# A body named this close before a passive response is the likeliest actor:
# a complaint's handling is often told paragraphs after the body is named
# (measured on the dev accounts: 2,000 characters beat 500 on five of eight sets,
# lost 0.001 on one).
_BODY_REACH = 2000


class Scene:
    """Everything the participant rules read: text, sentences, mentions, vocabulary."""

    def __init__(self, text: str, sentences: list[Span], mentions: Mentions, vocab: Vocabulary,
                 lexicon: Mapping[str, Any], primary: str | None, node_ids: dict[int, str]) -> None:
        self.text = text
        self.sentences = sentences
        self.mentions = mentions
        self.vocab = vocab
        self.lexicon = lexicon
        self.primary = primary
        self.node_ids = node_ids  # id(occurrence) -> node id
        self.setting: Setting | None = None  # organisational context, when the caller knows the structure
        # Who did what a hit tells, read from the parse (None when the parse names no one).
        self.actor_of: Callable[[Hit], Mention | None] | None = None
        # Whom a hit falls on, read from the parse: mentions, or None for the narrator.
        self.patients_of: Callable[[Hit], list[Mention | None]] | None = None
        # Responses told with no doer: response node -> the fallback TAKEN_BY
        # (the body named last, else the primary organisation), for links.tie_parties.
        self.unattributed: dict[str, Edge] = {}
        self._sentence_starts: list[int] | None = None

    def sentence_at(self, position: int) -> Span | None:
        """The sentence holding ``position``, if any."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start for s in self.sentences]
        index = bisect_right(self._sentence_starts, position) - 1
        return self.sentences[index] if index >= 0 and position < self.sentences[index].end else None

    def status(self, hit: Hit, role: Role) -> str:
        i = hit.sentence
        before = self.sentences[i - 1].text if i > 0 else ""
        after = self.sentences[i + 1].text if i + 1 < len(self.sentences) else ""
        return evidence_status(self.sentences[i].text, before, after, role=role, lexicon=self.lexicon)


def _edge(rel_type: str, source: str, target: str, hit: Hit, status: str = "stated", **props: Any) -> Edge:
    return Edge(rel_type, source, target, hit.clause.start, hit.clause.end, status, tuple(props.items()))


def tie_participants(occ: Occurrence, scene: Scene, edges: EdgeSet) -> None:
    node = scene.node_ids[id(occ)]
    narrator = scene.mentions.narrator
    for hit in occ.hits:
        ctx = read_clause(hit, scene.text, scene.vocab, scene.mentions)
        # Organisational context: the home unit or another organisation named here,
        # and branches named in the clause.
        if scene.setting is not None:
            sentence = scene.sentences[hit.sentence]
            here = scene.mentions.within(sentence.start, sentence.end)
            for unit in scene.setting.contexts(here, ctx.subject + ctx.objects):
                edges.add(_edge("OCCURRED_IN", node, unit, hit))
        elif scene.primary:
            edges.add(_edge("OCCURRED_IN", node, scene.primary, hit))
        if occ.label == "Incident":
            _incident(node, occ, hit, ctx, scene, edges, narrator)
        elif occ.label == "Response":
            _response(node, hit, ctx, scene, edges, narrator)
        else:
            _event(node, occ, hit, ctx, scene, edges, narrator)


def _incident(node: str, occ: Occurrence, hit: Hit, ctx: Any, scene: Scene, edges: EdgeSet,
              narrator: str | None) -> None:
    accused = ctx.agent if ctx.agent is not None and ctx.agent.label == "Person" else None
    subject = ctx.subject_of(("Person",)) or (None if ctx.narrator_subject else ctx.pronoun_subject)
    if accused is None and not ctx.passive and not ctx.narrator_subject:
        accused = subject
    if occ.kind != "dissent" and scene.actor_of is not None and _uncertain(accused, hit, scene.text):
        parsed = scene.actor_of(hit)
        if parsed is not None and parsed.label == "Person" and parsed.node_id != narrator:
            accused = parsed
        elif parsed is not None and not parsed.node_id:
            accused = None  # the parse's doer is someone no entity stands for ("her partner")
    if occ.kind == "dissent":
        # Dissent is raised, not inflicted: its subject is who raised it.
        teller = narrator if ctx.narrator_subject or (subject is None and ctx.first_person) else (subject.node_id if subject else None)
        if teller:
            edges.add(_edge("REPORTED", teller, node, hit, scene.status(hit, "telling")))
        return
    if accused is not None:
        edges.add(_edge("ACCUSED_IN", accused.node_id, node, hit, scene.status(hit, "accusation")))
    accused_id = accused.node_id if accused is not None else None
    narrator_target = bool(narrator and (ctx.narrator_object or (ctx.passive and ctx.narrator_subject)))
    parsed_targets = scene.patients_of(hit) if scene.patients_of is not None and not narrator_target \
        and _uncertain(accused, hit, scene.text) else []
    if narrator_target:
        edges.add(_edge("TARGET_OF", narrator, node, hit, scene.status(hit, "experience")))
    elif parsed_targets:
        # The parse's object (or passive subject, or the owner of what was acted on).
        target = parsed_targets[0]
        if target is None and narrator:
            edges.add(_edge("TARGET_OF", narrator, node, hit, scene.status(hit, "experience")))
        elif target is not None and target.node_id != accused_id:
            edges.add(_edge("TARGET_OF", target.node_id, node, hit, scene.status(hit, "target")))
    else:
        # "Jo was assaulted" (passive subject), "assaulted Mia" (object).
        candidates = ([subject] if ctx.passive and subject is not None else []) + ctx.objects_of(("Person",))
        if not candidates:
            # "sending her messages": the trigger holds its object, a pronoun for someone told before.
            held = _HELD_OBJECT.search(hit.trigger.text, len(hit.trigger.text.split()[0]) if hit.trigger.text.split() else 0)
            if held is not None:
                person = scene.mentions.latest_person_before(hit.trigger.start, {accused_id} if accused_id else set())
                if person is not None:
                    candidates = [person]
        for m in candidates:
            if m.node_id != accused_id and m is not ctx.agent:
                edges.add(_edge("TARGET_OF", m.node_id, node, hit, scene.status(hit, "target")))
                break
    sentence = scene.sentences[hit.sentence].text
    if narrator and scene.vocab.witnessing is not None and scene.vocab.witnessing.search(sentence) and ctx.first_person:
        edges.add(_edge("WITNESSED", narrator, node, hit))


_HELD_OBJECT = re.compile(r"\b(?:her|him)\b", re.IGNORECASE)


# Words between a doer and the deed that may put another clause between them.
_CLAUSE_WORDS = re.compile(r"\b(?:that|who|whom|which|whose|when|after|before|because|told|said|asked)\b|[,;:]",
                           re.IGNORECASE)


def _uncertain(found: Mention | None, hit: Hit, text: str) -> bool:
    """Whether word order may have the wrong doer for what a hit tells: a clause
    boundary or a verb of telling stands between the doer it found and the deed
    ("Mia told me that he ..."). Only then is the parse asked (it is the costly
    part; where word order found no doer the parse seldom finds one either)."""
    if found is None:
        return False
    return bool(_CLAUSE_WORDS.search(text[found.end:hit.trigger.start]))


def _response(node: str, hit: Hit, ctx: Any, scene: Scene, edges: EdgeSet, narrator: str | None) -> None:
    owner = _owner(hit, scene)
    passive = ctx.passive or _PASSIVE_TRIGGER.match(hit.trigger.text) is not None
    # A possessor is never the doer: "Ana's suspension", "one of Jo's friends moved ...".
    subject = _subject(ctx, scene.text)
    # A body the trigger itself names acts ("a control commission was called",
    # "the disputes committee's hearing"), whoever the sentence's subject is:
    # then the parse need not be asked.
    named = [m for m in scene.mentions.within(hit.trigger.start, hit.trigger.end) if m.label == "LeadershipBody"]
    actor = named[0] if named else (ctx.agent if ctx.agent is not None and ctx.agent.label in _ACTORS else None)
    if not named and scene.actor_of is not None and (owner is not None or _uncertain(actor or subject, hit, scene.text)):
        # The parse's subject or agent of the governing verb beats word order.
        parsed = scene.actor_of(hit)
        if parsed is not None and parsed.node_id and parsed.label in _ACTORS:
            actor = parsed
    patient = None
    if owner is not None:
        # "his expulsion", "Ana's suspension", "my expulsion": the owner undergoes it,
        # and the words before it (another clause) name no doer.
        patient = owner
    elif passive:
        # "Jo was expelled": the subject undergoes the response.
        patient = ctx.subject_of(("Person", "Organization")) or ctx.pronoun_subject
    elif actor is None:
        actor = subject
        if actor is None and not ctx.narrator_subject:
            actor = ctx.pronoun_subject
    if actor is not None and patient is not None and actor.node_id == patient.node_id:
        actor = None
    status = scene.status(hit, "telling")
    if actor is not None:
        edges.add(_edge("TAKEN_BY", node, actor.node_id, hit, status))
    elif owner is not None or not (ctx.narrator_subject and not passive):
        # No doer told: links.tie_parties adds this fallback once all tellings are read,
        # and only if none of them names a doer.
        body = scene.mentions.latest_before(hit.clause.start, ("LeadershipBody",), _BODY_REACH)
        fallback = body.node_id if body is not None else scene.primary
        if fallback:
            scene.unattributed.setdefault(node, _edge("TAKEN_BY", node, fallback, hit, status))
    actor_id = actor.node_id if actor is not None else None
    if owner == NARRATOR_OWNER or (narrator and owner is None and (
            ctx.narrator_object or (passive and ctx.narrator_subject and patient is None))):
        if narrator:
            edges.add(_edge("AFFECTS", node, narrator, hit, status))
        return
    candidates = ([patient] if patient is not None else []) + ctx.objects_of(("Person",))
    if ctx.pronoun_object is not None and owner is None:
        candidates.append(ctx.pronoun_object)
    for m in candidates:
        if m.node_id != actor_id:
            edges.add(_edge("AFFECTS", node, m.node_id, hit, status))
            return


# A trigger that holds its own passive auxiliary: "was not invited", "was interviewed".
_PASSIVE_TRIGGER = re.compile(r"(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+|not\s+|never\s+)?\w+(?:ed|en)\b",
                              re.IGNORECASE)
# The owner of a nominal trigger: "his expulsion", "Ana's suspension".
_OWNER_PRONOUN = re.compile(r"\b(my|our|his|her|their)\s+(?:\w+\s+)?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^['’]s\s+(?:\w+\s+)?$")
# Stands for the narrator as the owner of a nominal trigger ("my expulsion").
NARRATOR_OWNER = Mention("narrator", "Person", -1, -1, "my")


def _owner(hit: Hit, scene: Scene) -> Mention | None:
    """Whose a nominal trigger is ("his expulsion", "Ana's suspension", "my
    expulsion"): the one it falls on. None when the trigger is a verb or has no owner."""
    trigger = hit.trigger.text.split()
    if len(trigger) != 1 or not trigger[0].lower().endswith(("ion", "ment", "ban", "ure", "al")):
        return None
    before = scene.text[max(hit.clause.start, hit.trigger.start - 60):hit.trigger.start]
    pronoun = _OWNER_PRONOUN.search(before)
    if pronoun is not None:
        word = pronoun.group(1).lower()
        if word in ("my", "our"):
            return NARRATOR_OWNER
        if word == "their":
            return None
        return scene.mentions.latest_person_before(hit.trigger.start - len(pronoun.group(0)), set())
    for m in reversed(scene.mentions.within(hit.clause.start, hit.trigger.start)):
        if m.label == "Person" and _POSSESSIVE.match(scene.text[m.end:hit.trigger.start]):
            return m
        break
    return None


def _subject(ctx: Any, text: str) -> Mention | None:
    """The nearest subject-side actor that is not a possessor ("one of Jo's friends")."""
    for m in reversed(ctx.subject):
        if m.label in _ACTORS and not text.startswith(("'s", "’s"), m.end):
            return m
    return None


def _event(node: str, occ: Occurrence, hit: Hit, ctx: Any, scene: Scene, edges: EdgeSet,
           narrator: str | None) -> None:
    status = scene.status(hit, "telling")
    if narrator and ctx.first_person:
        edges.add(_edge("PARTICIPATED_IN", narrator, node, hit, status))
    for m in ctx.subject + ctx.objects:
        if m.label == "Person":
            edges.add(_edge("PARTICIPATED_IN", m.node_id, node, hit, status))
        elif m.label == "LeadershipBody" and occ.kind in ("correspondence", "meeting", "conversation", "vote"):
            edges.add(_edge("PARTICIPATED_IN", m.node_id, node, hit, status))
    if not ctx.subject and ctx.pronoun_subject is not None and occ.kind in ("conversation", "correspondence", "meeting"):
        edges.add(_edge("PARTICIPATED_IN", ctx.pronoun_subject.node_id, node, hit, status))
    if occ.kind == "meeting":
        # Whoever acts in a sentence set at the meeting ("at the January meeting he
        # shouted at me ... until Sam asked him to stop") took part in it.
        sentence = scene.sentences[hit.sentence]
        for m in scene.mentions.within(sentence.start, sentence.end):
            if m.label == "Person" and m.node_id != narrator:
                edges.add(Edge("PARTICIPATED_IN", m.node_id, node, sentence.start, sentence.end, status))


def tie_reports(occurrences: list[Occurrence], scene: Scene, edges: EdgeSet) -> None:
    """REPORTED and REPORTED_TO from sentences that raise an incident told shortly before."""
    cue = scene.vocab.reporting
    if cue is None:
        return
    incidents = [o for o in occurrences if o.label == "Incident"]
    if not incidents:
        return
    narrator = scene.mentions.narrator
    for index, sentence in enumerate(scene.sentences):
        told = _raised(index, incidents)
        if not told:
            continue
        disclosed = index in told[0].sentences
        match = next((m for m in cue.finditer(sentence.text) if _raises(sentence.text, m, disclosed)), None)
        if match is None:
            continue
        cue_at = sentence.start + match.start()
        cue_end = cue_at + len(match.group(0))
        before = scene.text[sentence.start:cue_at]
        mentions = [m for m in scene.mentions.within(sentence.start, sentence.end) if m.node_id != narrator]
        tellers = [m for m in mentions if m.end <= cue_at and m.label == "Person"]
        first_person_teller = any(w in ("I", "we", "We") for w in before.split())
        teller = narrator if first_person_teller else (tellers[-1].node_id if tellers else None)
        if teller is None and not first_person_teller:
            pron = scene.mentions.latest_person_before(cue_at, set()) if before.strip().lower().startswith(("she", "he", "they")) else None
            teller = pron.node_id if pron else None
        status = evidence_status(sentence.text, role="telling", lexicon=scene.lexicon)
        recipients = [m.node_id for m in _recipients(scene.text, cue_end, mentions)]
        after = scene.text[cue_end:sentence.end].split()[:1]
        if narrator and teller != narrator and after and after[0].strip(",.;:") in ("me", "us"):
            recipients.append(narrator)  # "she told me that ..."
        elif after and after[0].strip(",.;:").lower() in ("them", "it") and index > 0:
            # "She wrote to them": the body named in the sentence before.
            previous = scene.sentences[index - 1]
            body = scene.mentions.latest_before(previous.end, ("LeadershipBody",), previous.end - previous.start)
            if body is not None:
                recipients.append(body.node_id)
        for incident in told:
            node = scene.node_ids[id(incident)]
            if teller and teller in edges.sources("ACCUSED_IN", node):
                continue  # the accused telling their side raises nothing
            if teller:
                edges.add(Edge("REPORTED", teller, node, sentence.start, sentence.end, status))
            for recipient in recipients:
                if recipient != teller:
                    edges.add(Edge("REPORTED_TO", node, recipient, sentence.start, sentence.end, status))


def _raises(sentence: str, match: "re.Match[str]", disclosed: bool) -> bool:
    """Whether a reporting cue raises something rather than passing news on: "I was
    told" hears, and "X told me" about harm told earlier is news, not a report
    (unless the harm is told in the same sentence: a disclosure)."""
    before = sentence[:match.start()].lower().split()[-2:]
    if any(w in ("was", "were", "been", "being") for w in before):
        return False
    after = sentence[match.end():].split()[:1]
    return disclosed or not (after and after[0].strip(",.;:") in ("me", "us"))


# How many sentences back an incident may be told and still be what a sentence raises.
_RAISED_REACH = 12


def _raised(index: int, incidents: list[Occurrence]) -> list[Occurrence]:
    """The incidents a raising sentence raises: the one told in it, else every harm
    told in the few sentences before (a complaint takes in all of it)."""
    here = [o for o in incidents if index in o.sentences]
    if here:
        return here[:1]
    earlier = [o for o in incidents if o.first.sentence < index
               and index - max(i for i in o.sentences if i < index) <= _RAISED_REACH]
    harm = [o for o in earlier if o.kind != "dissent"]
    return harm or earlier[-1:]


def _recipients(text: str, cue_end: int, mentions: list) -> list:
    """Whom something was raised with: the person or body right after "told"
    ("I told my branch chair"), or after "to"/"with" a few words on ("reported it
    to the EC", "came forward to the committee")."""
    found = []
    for m in mentions:
        if m.start < cue_end or m.label not in ("Person", "LeadershipBody"):
            continue
        words = text[cue_end:m.start].lower().split()
        if len(words) > 8:
            break
        # "with the chapter's officers": a possessive stands where a determiner would.
        meaningful = [w for w in words if w not in ("the", "a", "an", "my", "our", "his", "her", "their")
                      and not w.endswith(("'s", "’s", "s'", "s’"))]
        # "raised it at the National Committee": a body is raised with where it sits.
        if not meaningful or meaningful[-1] in ("to", "with", "before") \
                or (meaningful[-1] == "at" and m.label == "LeadershipBody"):
            found.append(m)
    return found
