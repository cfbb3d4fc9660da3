"""The occurrence stage: what happened, told by one account.

From the account's text and the entities already found, this stage finds the
incidents, responses and events the account narrates (with kinds, dates and
the sentences that tell them) and every relationship that ties them to people,
bodies, organisations and each other. Pure and deterministic.

Two readers find occurrences. :mod:`.scan` matches the trigger vocabulary of
the lexicon (``triggers``) in the clauses of narrative sentences.
:mod:`.actions` reads the sentences the scan left without an incident or
response through spaCy's dependency parse (:mod:`ingest.extract.nlp`): an
official or body acting on a member, or on what a member raised, is a
Response; a person harming a person an Incident; a dated deed, or the
narrator's own deed of an event class, an Event -- by the standing of the
actor and the patient and by broad verb classes (lexicon ``actions``), never
by phrases. The parse also says who did what to whom where word order is
unsure (TAKEN_BY, ACCUSED_IN, TARGET_OF).

The chain, one module each: :mod:`.scan` and :mod:`.actions` (hits; :mod:`.verbs` holds the verb classes, :mod:`.roles`
reads who did what to whom from the parse),
:mod:`.grouping` (one node per occurrence, dates), :mod:`.participants`
(ties to entities), :mod:`.setting` (OCCURRED_IN), :mod:`.links`
(RESPONDS_TO, LED_TO), :mod:`.membership` (JOINED, LEFT); :mod:`.edges`
keeps every relationship inside the contract. A node's evidence is the
sentence that tells it (its clause when the sentence is a long run-on).
"""

from __future__ import annotations

import re

from graph.contract import load_contract
from graph.model import AccountRecord, Evidence, Node, Relationship, make_id
from ingest.extract.dates import find_dates, normalise_date
from ingest.extract.occurrences.actions import classify_sentences
from ingest.extract.occurrences.roles import UNTIED, actor_of, patient_of
from ingest.extract.occurrences.verbs import action_classes
from ingest.extract.occurrences.context import ClauseContext, Mentions, narrator_acts, read_clause
from ingest.extract.occurrences.edges import EdgeSet
from ingest.extract.occurrences.grouping import NARRATOR, ON, Occurrence, date_occurrences, group_hits
from ingest.extract.occurrences.links import tie_consequences, tie_parties, tie_responses
from ingest.extract.occurrences.membership import tie_membership
from ingest.extract.occurrences.participants import Scene, tie_participants, tie_reports
from ingest.extract.occurrences.scan import Hit, Scanned, scan
from ingest.extract.occurrences.setting import Setting
from ingest.extract.occurrences.vocabulary import Vocabulary, vocabulary
from ingest.extract.status import evidence_status
from ingest.extract.types import EntityResult, Mention, OccurrenceResult, Span
from ingest.lexicon import Lexicon

__all__ = ["extract_occurrences"]

_NAME_CHARS = 80
_DESCRIPTION_CHARS = 240


def extract_occurrences(account: AccountRecord, entities: EntityResult, lexicon: Lexicon) -> OccurrenceResult:
    """Incidents, responses and events ``account`` narrates, and their relationships."""
    text = account.text or ""
    vocab = vocabulary(lexicon)
    scanned = scan(text, vocab)
    sentences = scanned.sentences
    mentions = Mentions(entities)
    hits = sorted(scanned.hits + _parsed_hits(text, scanned, entities, mentions, lexicon),
                  key=lambda h: h.trigger.start)
    contexts = {hit: read_clause(hit, text, vocab, mentions) for hit in hits}
    officials, classes = _officials(entities), action_classes(lexicon)

    def acted_by(hit: Hit) -> Mention | None:
        # Harm is done by whoever the reported clause names, never by its teller.
        return actor_of(hit, sentences[hit.sentence], mentions, officials, classes,
                        through_telling=hit.label != "Incident")

    # "but I initially dismissed it": the narrator's own deed is no response, unless
    # the parse shows someone else behind it ("he told me I had to withdraw it").
    # "I got no reply" tells the absence of someone else's deed.
    hits = [h for h in hits if not (h.label == "Response" and h.kind != "no_action" and narrator_acts(h, text)
                                    and (acted_by(h) or UNTIED).node_id == "")]
    hits = _absorb_letters(hits, contexts)
    hits = _said_of_narrator(hits, contexts, sentences, text, vocab)
    occurrences = group_hits(hits, text, vocab, lambda h: _participants(h, contexts[h], vocab))
    anchor = normalise_date(account.properties.get("published"), lexicon)
    date_occurrences(occurrences, sentences, anchor, lexicon)

    nodes: list[Node] = []
    node_ids: dict[int, str] = {}
    for occ in occurrences:
        node = _node(account, occ, sentences, lexicon)
        node_ids[id(occ)] = node.id
        nodes.append(node)

    labels = dict(mentions.labels)
    labels.update({n.id: n.label for n in nodes})
    edges = EdgeSet(account.id, text, load_contract(), labels)
    scene = Scene(text, sentences, mentions, vocab, lexicon, entities.primary_organization_id, node_ids)
    scene.setting = Setting(mentions, entities.relationships, entities.primary_organization_id)
    scene.actor_of = acted_by
    scene.patients_of = lambda hit: [None if side.standing == "narrator" else side.mention for side in
                                     patient_of(hit, sentences[hit.sentence], mentions, officials, classes)
                                     if side.standing == "narrator" or side.mention is not None]
    for occ in occurrences:
        tie_participants(occ, scene, edges)
    tie_reports(occurrences, scene, edges)
    tie_responses(occurrences, scene, edges)
    tie_parties(occurrences, scene, edges)
    tie_consequences(occurrences, scene, edges)
    tie_membership(occurrences, scene, edges)
    return _without_background(nodes, edges.relationships(), entities.narrator_id)


def _without_background(nodes: list[Node], relationships: list[Relationship],
                        narrator_id: str | None = None) -> OccurrenceResult:
    """An event with no date, no one taking part and nothing answering it or
    following from it ("The motion passed 41 to 29", "there was the cell
    meeting") is background to the story, not a step of it: the node goes,
    with every relationship that touches it. An undated conversation needs
    someone besides the narrator in it ("I talked to a few friends about it"
    tells how the narrator coped, not a step of the story)."""
    taking_part = {r.target for r in relationships if r.type in ("PARTICIPATED_IN", "RESPONDS_TO", "LED_TO")}
    others_in = {r.target for r in relationships if r.type == "PARTICIPATED_IN" and r.source != narrator_id}
    background = {n.id for n in nodes
                  if n.label == "Event" and not n.properties.get("date")
                  and (n.id not in taking_part or (n.properties.get("kind") == "conversation" and n.id not in others_in))}
    return OccurrenceResult(
        nodes=[n for n in nodes if n.id not in background],
        relationships=[r for r in relationships if r.source not in background and r.target not in background])


def _parsed_hits(text: str, scanned: Scanned, entities: EntityResult, mentions: Mentions,
                 lexicon: Lexicon) -> list[Hit]:
    """Incidents and responses the clause classifier reads in narrative sentences
    the trigger scan left without one."""
    classes = action_classes(lexicon)
    sentences, hits = scanned.sentences, scanned.hits
    told = {h.sentence for h in hits if h.label in ("Incident", "Response")}
    candidates = [i for i in range(len(sentences)) if i not in told and i in scanned.narrating]
    officials = _officials(entities)
    hit_sentences = {h.sentence for h in hits}
    bare = frozenset(i for i in candidates if i not in hit_sentences)
    dated = frozenset(i for i in bare if find_dates(sentences[i].text, lexicon=lexicon))
    return classify_sentences(text, sentences, candidates, mentions, officials, classes, dated, bare, scanned.in_entry)


def _absorb_letters(hits: list[Hit], contexts: dict[Hit, ClauseContext]) -> list[Hit]:
    """A letter or call by which someone else's response reached the narrator is
    that response, not an event as well ("Pendle emailed me to say that my
    nominations were invalid"); the narrator's own letters stay events."""
    responding = {h.sentence for h in hits if h.label == "Response"}
    return [h for h in hits if not (h.label == "Event" and h.kind == "correspondence" and h.sentence in responding
                                    and not contexts[h].narrator_subject)]


# Event kinds by which someone may pass judgment on the narrator.
_TELLING_KINDS = frozenset({"correspondence", "conversation", "meeting", "other"})
# Someone else's words with the narrator as their subject or target: "saying I had
# failed to ...", "told the delegates I had left", "listed my errors", "called me a ...".
_JUDGED = re.compile(
    r"\b(?:that|saying|say|says|said|claiming|claimed|declaring|declared|told\s+(?:\w+\s+){0,3}?)\s*[\"“]?(?:I|i)\s+"
    r"(?:had|was|were|would|could|should|did|am|have|must|needed|need|wasn['’]t|hadn['’]t)\b"
    r"|\b(?:listed|read\s+out|criticised|criticized|attacked|denounced)\s+my\b"
    r"|\b(?:called|labelled|labeled|branded)\s+me\s+(?:a|an)\b|\baccused\s+me\b"
)


def _said_of_narrator(hits: list[Hit], contexts: dict[Hit, ClauseContext], sentences: list, text: str,
                      vocab: Vocabulary) -> list[Hit]:
    """A meeting, call or letter in which someone else passed judgment on the
    narrator ("the secretary emailed to say I was in arrears", "at the congress
    the leader told the delegates I had left") is how the organisation answered
    them: a Response, of the kind of the first response trigger in the sentence."""
    answering = {h.sentence for h in hits if h.label in ("Response", "Incident")}
    result: list[Hit] = []
    for hit in hits:
        ctx = contexts[hit]
        sentence = sentences[hit.sentence]
        if hit.label != "Event" or hit.kind not in _TELLING_KINDS or hit.sentence in answering \
                or ctx.narrator_subject or _JUDGED.search(text, sentence.start, sentence.end) is None:
            result.append(hit)
            continue
        kind = next((t.kind for t in vocab.triggers if t.label == "Response" and t.pattern.search(sentence.text)), "other")
        answer = Hit("Response", kind, hit.sentence, hit.clause, hit.trigger)
        contexts[answer] = ctx
        result.append(answer)
    return result


def _officials(entities: EntityResult) -> set[str]:
    """People who act for the organisation: holders of a post, members of a body."""
    labels = {n.id: n.label for n in entities.nodes}
    officials = {r.source for r in entities.relationships
                 if r.type == "HOLDS_ROLE" or (r.type == "MEMBER_OF" and labels.get(r.target) == "LeadershipBody")}
    officials.discard(entities.narrator_id or "")
    return officials


# A sentence up to this many words is one telling; a longer one (a run-on list
# of grievances) tells several things, each by its clause.
_TELLING_WORDS = 60


def _telling(hit: Hit, sentence: Span) -> tuple[int, int]:
    """The stretch that tells a hit's occurrence: its whole sentence when short
    (the clause alone often misses the words that say what happened: "he was
    suspended" after "In May the committee met"), else its clause."""
    if len(sentence.text.split()) <= _TELLING_WORDS:
        return sentence.start, sentence.end
    return hit.clause.start, hit.clause.end


def _node(account: AccountRecord, occ: Occurrence, sentences: list, lexicon: Lexicon) -> Node:
    text = account.text or ""
    first = occ.first
    description = _trim(first.clause.text, _DESCRIPTION_CHARS)
    properties: dict[str, str] = {"kind": occ.kind, "description": description}
    if occ.date is not None:
        properties["date_text"] = occ.date.text
        if occ.date.iso:
            properties["date"] = occ.date.iso
    evidence = []
    for hit in occ.hits:
        i = hit.sentence
        status = evidence_status(
            sentences[i].text,
            sentences[i - 1].text if i > 0 else "",
            sentences[i + 1].text if i + 1 < len(sentences) else "",
            role="telling",
            lexicon=lexicon,
        )
        start, end = _telling(hit, sentences[i])
        evidence.append(Evidence(account.id, start, end, text[start:end], status))
    node_id = make_id(occ.label, account.id, occ.kind, str(first.trigger.start))
    name = f"{occ.kind.replace('_', ' ')}: {_trim(first.clause.text, _NAME_CHARS)}"
    return Node(node_id, occ.label, name, (), properties, tuple(evidence))


# Groups of people a clause may involve without naming them ("other members").
_GROUP = re.compile(
    r"\b(?:other|many|several|multiple|numerous|\d+|a number of)\s+(?:\w+\s+)?"
    r"(?:people|members|comrades|others|women|men|activists|observers|victims)\b",
    re.IGNORECASE,
)


def _participants(hit: Hit, ctx: ClauseContext, vocab: Vocabulary) -> frozenset[str]:
    """Who the hit's clause involves: named entities, resolved pronouns, the narrator, a group."""
    found = {m.node_id for m in ctx.subject + ctx.objects if m.label in ("Person", "LeadershipBody")}
    for m in (ctx.pronoun_subject, ctx.pronoun_object):
        if m is not None:
            found.add(m.node_id)
    if ctx.first_person:
        found.add(NARRATOR)
    if _GROUP.search(hit.clause.text):
        found.add("group")
    # Whom the happening falls on, as a marker grouping reads: a response to one
    # person is not a response to another, harm to the narrator is not harm to her.
    if hit.label in ("Response", "Incident"):
        if ctx.narrator_object or (ctx.passive and ctx.narrator_subject):
            found.add(ON + NARRATOR)
        else:
            people = ([m for m in ctx.subject if m.label == "Person"][-1:] if ctx.passive else []) + \
                [m for m in ctx.objects if m.label == "Person"]
            if ctx.pronoun_object is not None:
                people.append(ctx.pronoun_object)
            if people:
                found.add(ON + people[0].node_id)
            elif hit.label == "Incident" and _THIRD_OBJECT.match(hit.clause.text[hit.trigger.end - hit.clause.start:]):
                found.add(ON + "other")
    return frozenset(found)


_THIRD_OBJECT = re.compile(r"\s*(?:her|him|them)\b", re.IGNORECASE)


def _trim(value: str, limit: int) -> str:
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0]
    return cut + "…"
