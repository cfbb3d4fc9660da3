"""Who did what to whom, read from spaCy's dependency parse of one sentence.

A token of the parse stands for someone by the entity mention it falls in (or
the person a pronoun refers back to, or a word such as "the committee"), and
has a *standing*: the narrator, a person, an official (someone holding a post
or sitting on a body), a body or organisation, or a thing a member raised (a
complaint, an appeal). :func:`actor_of` and :func:`patient_of` read the doer
and the undergoer of the verb that governs a hit's trigger.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.extract.occurrences.context import Mentions
from ingest.extract.occurrences.scan import Hit
from ingest.extract.occurrences.verbs import ActionClasses, lemma
from ingest.extract.types import Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["BODY", "NARRATOR", "OFFICIAL", "PERSON", "RAISED", "UNTIED", "Reader", "Side", "actor_of", "is_negated",
           "is_past", "parseable", "patient_of", "verb_agent", "verb_patients", "verb_subject"]

# Standing of one side of a verb.
NARRATOR, PERSON, OFFICIAL, BODY, RAISED = "narrator", "person", "official", "body", "raised"
# How far back "they" looks for the body it stands for.
_BODY_REACH = 400
_SUBJECTS = ("nsubj", "csubj")
_OBJECTS = ("dobj", "dative", "iobj", "attr", "oprd")
_PREPOSITIONS = frozenset({"to", "with", "at", "against", "on", "over", "from", "about", "towards", "toward", "into"})


# What actor_of gives for a doer the parse names but no entity stands for ("her partner").
UNTIED = Mention("", "", -1, -1, "")


@dataclass(frozen=True)
class Side:
    """One side of a verb: its standing and the entity mention standing for it, if any."""

    standing: str
    mention: Mention | None = None


class Reader:
    """Maps parse tokens of one sentence to the standing of what they refer to."""

    def __init__(self, offset: int, mentions: Mentions, officials: set[str], classes: ActionClasses) -> None:
        self.offset = offset
        self.mentions = mentions
        self.officials = officials
        self.classes = classes

    def side(self, token: "Token") -> Side | None:
        """The standing of the phrase headed by ``token`` (None when it is no one)."""
        word = token.text.lower()
        if word in ("i", "me", "we", "us", "myself"):
            return Side(NARRATOR)
        start = self.offset + token.left_edge.idx
        end = self.offset + token.right_edge.idx + len(token.right_edge.text)
        head_start = self.offset + token.idx
        inside = [m for m in self.mentions.within(start, end) if m.node_id != self.mentions.narrator]
        # The mention holding the head word, else the first person, body or post
        # in the phrase ("the branch organiser, Mark Dunn": Mark Dunn, not the branch).
        holding = [m for m in inside if m.start <= head_start < m.end] or \
            [m for m in inside if m.label in ("Person", "LeadershipBody", "Organization", "Role")][:1]
        if holding:
            return self._standing(holding[0])
        if word in ("he", "she", "him", "her", "his"):
            person = self.mentions.latest_person_before(head_start, set())
            return self._standing(person) if person is not None else Side(PERSON)
        if word in ("they", "them"):
            body = self.mentions.latest_before(head_start, ("LeadershipBody",), _BODY_REACH)
            return Side(BODY, body) if body is not None else None
        if word in self.classes.official_nouns and token.tag_ in ("NN", "NNS", "NNP"):
            return Side(BODY)
        if word in self.classes.raised_things:
            return Side(RAISED)
        if any(child.text.lower() in ("my", "our") for child in token.children) and token.tag_ in ("NN", "NNS"):
            return Side(RAISED)  # "my status", "my role": the member's own things
        return None

    def _standing(self, mention: Mention) -> Side:
        if mention.label in ("LeadershipBody", "Organization"):
            return Side(BODY, mention)
        if mention.label == "Role":
            return Side(OFFICIAL, mention)
        if mention.label == "Person":
            return Side(OFFICIAL if mention.node_id in self.officials else PERSON, mention)
        return Side(RAISED, mention) if mention.label in ("Branch", "Faction") else Side(PERSON, mention)


def verb_subject(verb: "Token") -> tuple["Token" | None, bool]:
    """The verb's subject and whether it is a passive one, inherited along "and"."""
    current: "Token" | None = verb
    while current is not None:
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return child, False
            if child.dep_ == "nsubjpass":
                return child, True
        if current.dep_ in ("conj", "xcomp") and current.head is not current:
            current = current.head
        else:
            return None, False
    return None, False


def verb_patients(verb: "Token", telling: bool = False) -> list["Token"]:
    """Whom or what the verb acts on. For a verb of telling, what was told about:
    the subject of the reported clause and a thing told of, never the hearer."""
    found: list["Token"] = []
    for child in verb.children:
        if telling:
            if child.dep_ == "dobj" and child.tag_.startswith("NN"):
                found.append(child)
            elif child.dep_ in ("xcomp", "ccomp"):
                found.extend(g for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
            continue
        if child.dep_ in _OBJECTS:
            found.append(child)
        elif child.dep_ == "prep" and child.text.lower() in _PREPOSITIONS:
            found.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in ("xcomp", "ccomp"):
            # "told me to drop it", "suggested I think carefully": the clause's subject.
            found.extend(g for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
    return found


def verb_agent(verb: "Token") -> "Token" | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def is_past(verb: "Token") -> bool:
    if verb.tag_ in ("VBD", "VBN"):
        return True
    # "was being removed", "had been telling": a past auxiliary.
    return any(a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBD", "VBN") for a in verb.children)


def is_negated(verb: "Token") -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


# Sentences longer than this are not parsed: the parser's cost grows with length
# and its reading of a long run-on sentence is seldom right; word order decides there.
_PARSE_WORDS = 45


def parseable(text: str) -> bool:
    """Whether a sentence is short enough to be worth the parser."""
    return len(text.split()) <= _PARSE_WORDS


def actor_of(hit: Hit, sentence: Span, mentions: Mentions, officials: set[str],
             classes: ActionClasses, through_telling: bool = True) -> Mention | None:
    """Who did what ``hit`` tells, read from the parse: the subject (or the
    passive's agent) of the verb governing the trigger, climbing out of
    reported clauses ("he told me that I had to withdraw it" -> he; "I was told
    by the executive that I was being removed" -> the executive). None when the
    parse names no person, body or organisation, :data:`UNTIED` when its subject
    is someone no entity stands for ("her partner"). A verb of telling ends
    the search unless
    ``through_telling``, a verb of telling (the teller of harm is not its doer)."""
    from ingest.extract.nlp import parse

    if not parseable(sentence.text):
        return None
    doc = parse(sentence.text)
    at = hit.trigger.start - sentence.start
    token = next((t for t in doc if t.idx <= at < t.idx + len(t.text)), None)
    if token is None:
        return None
    reader = Reader(sentence.start, mentions, officials, classes)
    current = token
    for _ in range(8):
        if current.tag_.startswith("VB"):
            subject, passive = verb_subject(current)
            candidate = verb_agent(current) if passive else subject
            side = reader.side(candidate) if candidate is not None else None
            if side is not None and side.mention is not None and side.standing in (PERSON, OFFICIAL, BODY):
                return side.mention
            if candidate is not None and not (side is not None and side.standing == NARRATOR):
                return UNTIED  # a subject the parse names but we cannot tie to anyone
        if current.dep_ == "ROOT" or current.head is current:
            return None
        if not through_telling and lemma(current.head.text, classes) in classes.communication:
            return None
        current = current.head
    return None


def patient_of(hit: Hit, sentence: Span, mentions: Mentions, officials: set[str],
               classes: ActionClasses) -> list[Side]:
    """Whom what ``hit`` tells falls on, read from the parse: the passive subject
    or the objects of the verb governing the trigger, and the owner of a thing
    acted on ("put his hand on my thigh" -> the narrator, "checked her phone" -> her)."""
    from ingest.extract.nlp import parse

    if not parseable(sentence.text):
        return []
    doc = parse(sentence.text)
    at = hit.trigger.start - sentence.start
    token = next((t for t in doc if t.idx <= at < t.idx + len(t.text)), None)
    while token is not None and not token.tag_.startswith("VB") and token.head is not token:
        token = token.head
    if token is None or not token.tag_.startswith("VB"):
        return []
    reader = Reader(sentence.start, mentions, officials, classes)
    subject, passive = verb_subject(token)
    heads = [subject] if passive and subject is not None else verb_patients(token)
    found: list[Side] = []
    for head in heads:
        side = reader.side(head)
        if side is not None and side.standing in (NARRATOR, PERSON, OFFICIAL):
            found.append(side)
            continue
        for owner in head.children:
            if owner.dep_ == "poss":
                side = reader.side(owner) if owner.text.lower() not in ("my", "our") else Side(NARRATOR)
                if side is not None and side.standing in (NARRATOR, PERSON, OFFICIAL):
                    found.append(side)
    return found
