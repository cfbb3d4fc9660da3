"""A clause classifier: who did what to whom, read from the dependency parse.

The trigger scan (:mod:`.scan`) finds occurrences told in words its lists
hold. Accounts by new writers tell harm and official reactions in words no
list holds ("the chair ruled me out of order", "he stood over me and jabbed
his finger"), so this module reads sentences the scan left without an
incident or response the way an annotator does: by the standing of the
actor and the patient of each verb.

- An official (a body, an organisation, a person holding a post or sitting
  on a body, or a word such as "the committee") acting on a member, or on
  what a member raised (a complaint, an appeal, a nomination), is a
  **Response**; the verb's broad class gives its kind (dismissal, pressure,
  investigation, isolation ...). A member undergoing an act in the passive
  ("I was removed as editor") is one too.
- A body or official deciding (decide, rule, recommend, vote ...) is a
  Response even with no member as object; the complement gives the kind.
  A letter received from an official telling the member something is the
  official's Response.
- A person doing harm (a verb of the harm classes) to a person is an
  **Incident**.
- A dated deed by someone, or the narrator's own plain past deed of an event
  class ("I put in a formal complaint"), is an **Event**.

Verbs come in broad classes from the lexicon (``actions.yaml``), never
phrases. Only sentences that may tell such a deed are parsed (a form of a
class verb with someone to do it, a date, or the narrator with an event verb;
at most 45 words), through :mod:`ingest.extract.nlp`'s cache: the parser is
the costly part of extraction. Verb classes live in :mod:`.verbs`; reading
who did what to whom from the parse in :mod:`.roles`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from ingest.extract.occurrences.context import Mentions
from ingest.extract.occurrences.roles import (
    BODY, NARRATOR, OFFICIAL, PERSON, RAISED, Reader, is_negated, is_past, parseable, verb_agent, verb_patients,
    verb_subject,
)
from ingest.extract.occurrences.scan import Clause, Hit, clauses
from ingest.extract.occurrences.verbs import ActionClasses, deed_words, event_words, lemma
from ingest.extract.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["classify_sentences"]

_ACTING = (OFFICIAL, BODY)
_AFFECTED = (NARRATOR, PERSON, RAISED)
# A third-person pronoun in a sentence may stand for an official told before it.
_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b")


def _verbs(doc: "Doc") -> Iterable["Token"]:
    """Verbs that tell a deed: the root, verbs joined to it, and verbs of a clause
    opened by a conjunction or a relative pronoun; past forms only."""
    for token in doc:
        if not token.tag_.startswith("VB"):
            continue
        if token.dep_ not in ("ROOT", "conj", "advcl", "relcl", "ccomp", "xcomp"):
            continue
        yield token


def classify_sentences(text: str, sentences: list[Span], candidates: list[int], mentions: Mentions,
                       officials: set[str], classes: ActionClasses, dated: frozenset[int] = frozenset(),
                       bare: frozenset[int] = frozenset(), present: frozenset[int] = frozenset()) -> list[Hit]:
    """Incident and Response hits in the ``candidates`` sentences (indexes into
    ``sentences``), one per sentence at most, in text order; in the ``dated``
    ones (sentences with a date and no trigger at all), an Event when no
    incident or response is read there. In the ``present`` ones (entries of a
    timeline or diary) the present tense narrates as the past does elsewhere."""
    deeds = deed_words(classes)
    events = event_words(classes)
    # Undated sentences with no trigger at all may still tell the narrator's own
    # deed of a known event class ("I refused ...", "I put in a formal complaint").
    told_deeds = frozenset(i for i in bare if i not in dated and events.search(sentences[i].text)
                           and _FIRST_PERSON.search(sentences[i].text))
    chosen = [i for i in candidates if parseable(sentences[i].text) and (
              i in dated or i in told_deeds
              or (deeds.search(sentences[i].text) and _worth_parsing(sentences[i], mentions, officials)))]
    if not chosen or not classes.response:
        return []
    from ingest.extract.nlp import parse_many

    docs = parse_many([sentences[i].text for i in chosen])
    hits: list[Hit] = []
    for index, doc in zip(chosen, docs):
        in_present = index in present
        hit = _classify(doc, index, sentences[index], mentions, officials, classes, in_present)
        if hit is None and index in dated:
            hit = _dated_event(doc, index, sentences[index], mentions, officials, classes, in_present=in_present)
        elif hit is None and index in told_deeds:
            hit = _dated_event(doc, index, sentences[index], mentions, officials, classes, narrator_only=True,
                               in_present=in_present)
        if hit is not None:
            hits.append(hit)
    return hits


def _dated_event(doc: "Doc", index: int, sentence: Span, mentions: Mentions, officials: set[str],
                 classes: ActionClasses, narrator_only: bool = False, in_present: bool = False) -> Hit | None:
    """A dated deed by someone ("In May 2019 the branch split", "On 3 June I
    put in a formal complaint"): an Event whose kind is its verb's class.
    ``narrator_only``: an undated one, kept only when the narrator does a deed
    of a known event class. ``in_present``: a timeline's entry, told in the present."""
    told = _told_in_present if in_present else is_past
    simple_tenses = ("VBD", "VBP", "VBZ") if in_present else ("VBD",)
    reader = Reader(sentence.start, mentions, officials, classes)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not root.tag_.startswith("VB") or not told(root) or is_negated(root):
        return None
    base = lemma(root.text, classes)
    if base in classes.stative:
        return None
    subject, passive = verb_subject(root)
    if subject is None:
        return None
    side = reader.side(subject)
    if side is None or side.standing == RAISED:
        return None
    if narrator_only and (side.standing != NARRATOR or base not in classes.event or passive
                          or root.tag_ not in simple_tenses or not any(c.dep_ in ("dobj", "prep", "prt") for c in root.children)):
        # Undated, only a plain past deed of the narrator's with something done
        # to or with ("I put in a complaint", "I wrote to the EC"), not "I left early".
        return None
    start = sentence.start + root.idx
    trigger = Span(start, start + len(root.text), root.text)
    return Hit("Event", classes.event.get(base, "other"), index, _clause_of(sentence, index, start), trigger)


def _told_in_present(verb: "Token") -> bool:
    """A deed told in a timeline's present ("NB messages Jodie") or in the past."""
    return verb.tag_ in ("VBZ", "VBP") or is_past(verb)


def _worth_parsing(sentence: Span, mentions: Mentions, officials: set[str]) -> bool:
    """Cheap test before parsing: an actor and someone acted on may both be here."""
    inside = mentions.within(sentence.start, sentence.end)
    narrator = mentions.narrator
    people = [m for m in inside if m.label == "Person" and m.node_id != narrator]
    actors = [m for m in inside if m.label in ("LeadershipBody", "Organization", "Role")
              or (m.label == "Person" and m.node_id in officials)]
    affected = bool(_FIRST_PERSON.search(sentence.text)) or len(people) >= 1
    return (bool(actors) or bool(people) or bool(_PRONOUN.search(sentence.text))) and affected


def _classify(doc: "Doc", index: int, sentence: Span, mentions: Mentions, officials: set[str],
              classes: ActionClasses, in_present: bool = False) -> Hit | None:
    reader = Reader(sentence.start, mentions, officials, classes)
    told = _told_in_present if in_present else is_past
    for verb in _verbs(doc):
        if not told(verb):
            continue
        base = lemma(verb.text, classes)
        if base in classes.neutral and base not in ("say", "tell"):
            continue
        subject, passive = verb_subject(verb)
        found = _label(verb, base, subject, passive, reader, classes)
        if found is None:
            continue
        label, kind, word = found
        start = sentence.start + word.idx
        trigger = Span(start, start + len(word.text), word.text)
        clause = _clause_of(sentence, index, trigger.start)
        return Hit(label, kind, index, clause, trigger)
    return None


def _label(verb: "Token", base: str, subject: "Token" | None, passive: bool, reader: Reader,
           classes: ActionClasses) -> tuple[str, str, "Token"] | None:
    """The label and kind ``verb`` tells, and the word that tells it, if any."""
    found = _label_kind(verb, base, subject, passive, reader, classes)
    if found is None or len(found) == 3:
        return found  # type: ignore[return-value]
    return found[0], found[1], verb


def _label_kind(verb: "Token", base: str, subject: "Token" | None, passive: bool, reader: Reader,
                classes: ActionClasses) -> tuple[str, ...] | None:
    actor = reader.side(subject) if subject is not None and not passive else None
    if passive:
        agent = verb_agent(verb)
        actor = reader.side(agent) if agent is not None else None
        patient = reader.side(subject) if subject is not None else None
        patients = [patient] if patient is not None else []
    else:
        telling = base in classes.communication
        patients = [p for p in (reader.side(t) for t in verb_patients(verb, telling)) if p is not None]
        if telling:
            patients = [p for p in patients if p.standing in (NARRATOR, RAISED)]
    if actor is not None and actor.standing == NARRATOR:
        if base in classes.receiving:
            return _received(verb, reader, classes)
        return None  # the narrator's own deeds are told by the scan (complaints, appeals ...)
    harm = classes.incident.get(base)
    if harm is not None and any(p.standing in (NARRATOR, PERSON, OFFICIAL) for p in patients) \
            and (actor is None or actor.standing in (PERSON, OFFICIAL)) and not is_negated(verb):
        if actor is None and not passive:
            return None
        if actor is not None and actor.standing == OFFICIAL and base in classes.response:
            return "Response", classes.response[base]
        return "Incident", harm
    kind = classes.response.get(base)
    if kind is None:
        return None
    on_member = any(p.standing in _AFFECTED for p in patients)
    if passive:
        # "I was removed as editor", "he was moved to the national office": an act
        # on a member by an unnamed or official hand. Being told or asked is hearing.
        if not any(p.standing in (NARRATOR, PERSON) for p in patients) or base in classes.communication or base == "ask":
            return None
        if actor is not None and actor.standing not in _ACTING:
            return None
        return "Response", kind
    if actor is not None and actor.standing in _ACTING and not on_member and base in classes.deciding \
            and (actor.standing == BODY or base not in ("refuse", "decline")):
        # "The committee decided that no further action was required", "the EC
        # voted to suspend him": a body deciding is a response; what it decided
        # (the verb of its complement) says which. A person "refusing" alone is not.
        return "Response", _decided_kind(verb, classes) or kind
    if actor is None or actor.standing not in _ACTING or not on_member:
        return None
    if is_negated(verb) and kind in ("other", "investigation"):
        return "Response", "no_action"
    return "Response", kind


_NOTHING = frozenset({"no", "nothing", "not", "never", "none"})


def _decided_kind(verb: "Token", classes: ActionClasses) -> str | None:
    """The kind of what a decision decided: no action when its complement is
    negated ("that no further action was required"), else the class of the
    complement's verb ("to suspend him")."""
    for child in verb.children:
        if child.dep_ not in ("ccomp", "xcomp"):
            continue
        if any(t.text.lower() in _NOTHING for t in child.subtree):
            return "no_action"
        kind = classes.response.get(lemma(child.text, classes))
        if kind is not None and lemma(child.text, classes) not in classes.communication:
            return kind
    return None


def _received(verb: "Token", reader: Reader, classes: ActionClasses) -> tuple[str, str, "Token"] | None:
    """"I received a letter from the commission informing me that ...": a thing
    sent by an official that tells the member something is the official's act."""
    for thing in verb.children:
        if thing.dep_ != "dobj":
            continue
        senders = [g for p in thing.children if p.dep_ == "prep" and p.text.lower() == "from"
                   for g in p.children if g.dep_ == "pobj"]
        senders += [g for p in verb.children if p.dep_ == "prep" and p.text.lower() == "from"
                    for g in p.children if g.dep_ == "pobj"]
        telling = [c for c in thing.children if c.dep_ in ("acl", "relcl") and c.tag_.startswith("VB")]
        if not telling or not any((side := reader.side(s)) is not None and side.standing in _ACTING for s in senders):
            continue
        base = lemma(telling[0].text, classes)
        kind = classes.response.get(base, "other")
        # The telling word is the trigger: the narrator's "received" is not the deed.
        return "Response", ("other" if base in classes.communication else kind), telling[0]
    return None


def _clause_of(sentence: Span, index: int, position: int) -> Clause:
    for clause in clauses(sentence, index):
        if clause.start <= position < clause.end:
            return clause
    return Clause(index, sentence.start, sentence.end, sentence.text)
