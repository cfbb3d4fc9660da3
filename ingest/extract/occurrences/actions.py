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
- A person doing harm (a verb of the harm classes) to a person is an
  **Incident**.

Verbs come in broad classes from the lexicon (``actions.yaml``), never
phrases. Only sentences that name both sides are parsed (the parser is the
costly part of extraction), each through :mod:`ingest.extract.nlp`'s cache.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ingest.extract.occurrences.context import Mentions
from ingest.extract.occurrences.scan import Clause, Hit, clauses
from ingest.extract.types import Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["UNTIED", "ActionClasses", "Side", "action_classes", "actor_of", "classify_sentences", "lemma", "parseable", "patient_of"]

# Standing of one side of a verb.
NARRATOR, PERSON, OFFICIAL, BODY, RAISED = "narrator", "person", "official", "body", "raised"
_ACTING = (OFFICIAL, BODY)
_AFFECTED = (NARRATOR, PERSON, RAISED)
# A third-person pronoun in a sentence may stand for an official told before it.
_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b")
# How far back "they" looks for the body it stands for.
_BODY_REACH = 400
_SUBJECTS = ("nsubj", "csubj")
_OBJECTS = ("dobj", "dative", "iobj", "attr", "oprd")
_PREPOSITIONS = frozenset({"to", "with", "at", "against", "on", "over", "from", "about", "towards", "toward", "into"})


@dataclass(frozen=True)
class ActionClasses:
    """The lexicon's verb classes, indexed by base form."""

    response: dict[str, str]
    incident: dict[str, str]
    neutral: frozenset[str]
    irregular: dict[str, str]
    official_nouns: frozenset[str]
    raised_things: frozenset[str]
    communication: frozenset[str] = frozenset()
    event: dict[str, str] = field(default_factory=dict)
    receiving: frozenset[str] = frozenset()
    deciding: frozenset[str] = frozenset()
    stative: frozenset[str] = frozenset()

    @property
    def deed_words(self) -> "re.Pattern[str]":
        """Any inflected form of a verb that can tell an incident or a response:
        a sentence without one is not worth parsing for them."""
        return _deed_words(self)

    def known(self, base: str) -> bool:
        return base in self.response or base in self.incident or base in self.neutral \
            or base in self.event or base in self.stative


_deed_patterns: dict[tuple[int, str], "re.Pattern[str]"] = {}


def _deed_words(classes: ActionClasses) -> "re.Pattern[str]":
    return _forms_pattern(classes, "deeds", set(classes.response) | set(classes.incident) | set(classes.receiving))


def _event_words(classes: ActionClasses) -> "re.Pattern[str]":
    return _forms_pattern(classes, "events", set(classes.event))


def _forms_pattern(classes: ActionClasses, name: str, bases: set[str]) -> "re.Pattern[str]":
    """Any inflected form of ``bases``, compiled once per vocabulary."""
    key = (id(classes), name)
    found = _deed_patterns.get(key)
    if found is not None:
        return found
    forms: set[str] = set()
    for base in bases:
        forms.update({base, base + "s", base + "es", base + "d", base + "ed", base + "ing"})
        if base.endswith("e"):
            forms.add(base[:-1] + "ing")
        if base.endswith("y"):
            forms.update({base[:-1] + "ied", base[:-1] + "ies"})
        forms.update({base + base[-1] + "ed", base + base[-1] + "ing"})
    forms.update(form for form, base in classes.irregular.items() if base in bases)
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b", re.IGNORECASE)
    _deed_patterns[key] = pattern
    return pattern


def action_classes(lexicon: Mapping[str, Any]) -> ActionClasses:
    """The verb classes of ``lexicon`` (section ``actions``), compiled once per content."""
    section = lexicon.get("actions") or {}
    return _compile(repr(sorted(section.items(), key=lambda kv: kv[0])) if section else "", section)


_compiled: dict[str, ActionClasses] = {}


def _compile(key: str, section: Mapping[str, Any]) -> ActionClasses:
    found = _compiled.get(key)
    if found is not None:
        return found

    def by_kind(group: Mapping[str, Any] | None) -> dict[str, str]:
        index: dict[str, str] = {}
        for kind, words in (group or {}).items():
            for word in words or ():
                index.setdefault(str(word).lower(), str(kind))
        return index

    classes = ActionClasses(
        response=by_kind(section.get("response")),
        incident=by_kind(section.get("incident")),
        neutral=frozenset(str(w).lower() for w in section.get("neutral") or ()),
        irregular={str(k).lower(): str(v).lower() for k, v in (section.get("irregular") or {}).items()},
        official_nouns=frozenset(str(w).lower() for w in section.get("official_nouns") or ()),
        raised_things=frozenset(str(w).lower() for w in section.get("raised_things") or ()),
        communication=frozenset(str(w).lower() for w in section.get("communication") or ()),
        event=by_kind(section.get("event")),
        receiving=frozenset(str(w).lower() for w in section.get("receiving") or ()),
        deciding=frozenset(str(w).lower() for w in section.get("deciding") or ()),
        stative=frozenset(str(w).lower() for w in section.get("stative") or ()),
    )
    _compiled[key] = classes
    return classes


def lemma(word: str, classes: ActionClasses) -> str:
    """The base form of a verb form, by the irregular list or regular inflection.

    >>> c = ActionClasses({"remove": "other", "bar": "ban", "deny": "dismissal"}, {}, frozenset({"be"}),
    ...                   {"was": "be"}, frozenset(), frozenset())
    >>> [lemma(w, c) for w in ("removed", "barred", "denied", "was", "removing", "unknown")]
    ['remove', 'bar', 'deny', 'be', 'remove', 'unknown']
    """
    word = word.lower().replace("’", "'")
    if word in classes.irregular:
        return classes.irregular[word]
    if classes.known(word):
        return word
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            candidates = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # barred -> bar
            if stem.endswith("i"):
                candidates.append(stem[:-1] + "y")  # denied -> deny
            for candidate in candidates:
                if classes.known(candidate):
                    return candidate
    return word


# What actor_of gives for a doer the parse names but no entity stands for ("her partner").
UNTIED = Mention("", "", -1, -1, "")


@dataclass(frozen=True)
class Side:
    """One side of a verb: its standing and the entity mention standing for it, if any."""

    standing: str
    mention: Mention | None = None


class _Reader:
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


def _verbs(doc: "Doc") -> Iterable["Token"]:
    """Verbs that tell a deed: the root, verbs joined to it, and verbs of a clause
    opened by a conjunction or a relative pronoun; past forms only."""
    for token in doc:
        if not token.tag_.startswith("VB"):
            continue
        if token.dep_ not in ("ROOT", "conj", "advcl", "relcl", "ccomp", "xcomp"):
            continue
        yield token


def _subject(verb: "Token") -> tuple["Token" | None, bool]:
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


def _patients(verb: "Token", telling: bool = False) -> list["Token"]:
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


def _agent(verb: "Token") -> "Token" | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _past(verb: "Token") -> bool:
    if verb.tag_ in ("VBD", "VBN"):
        return True
    # "was being removed", "had been telling": a past auxiliary.
    return any(a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBD", "VBN") for a in verb.children)


def _negated(verb: "Token") -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def classify_sentences(text: str, sentences: list[Span], candidates: list[int], mentions: Mentions,
                       officials: set[str], classes: ActionClasses, dated: frozenset[int] = frozenset(),
                       bare: frozenset[int] = frozenset()) -> list[Hit]:
    """Incident and Response hits in the ``candidates`` sentences (indexes into
    ``sentences``), one per sentence at most, in text order; in the ``dated``
    ones (sentences with a date and no trigger at all), an Event when no
    incident or response is read there."""
    deeds = classes.deed_words
    events = _event_words(classes)
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
        hit = _classify(doc, index, sentences[index], mentions, officials, classes)
        if hit is None and index in dated:
            hit = _dated_event(doc, index, sentences[index], mentions, officials, classes)
        elif hit is None and index in told_deeds:
            hit = _dated_event(doc, index, sentences[index], mentions, officials, classes, narrator_only=True)
        if hit is not None:
            hits.append(hit)
    return hits


def _dated_event(doc: "Doc", index: int, sentence: Span, mentions: Mentions, officials: set[str],
                 classes: ActionClasses, narrator_only: bool = False) -> Hit | None:
    """A dated deed by someone ("In May 2019 the branch split", "On 3 June I
    put in a formal complaint"): an Event whose kind is its verb's class.
    ``narrator_only``: an undated one, kept only when the narrator does a deed
    of a known event class."""
    reader = _Reader(sentence.start, mentions, officials, classes)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not root.tag_.startswith("VB") or not _past(root) or _negated(root):
        return None
    base = lemma(root.text, classes)
    if base in classes.stative:
        return None
    subject, passive = _subject(root)
    if subject is None:
        return None
    side = reader.side(subject)
    if side is None or side.standing == RAISED:
        return None
    if narrator_only and (side.standing != NARRATOR or base not in classes.event or passive
                          or root.tag_ != "VBD" or not any(c.dep_ in ("dobj", "prep", "prt") for c in root.children)):
        # Undated, only a plain past deed of the narrator's with something done
        # to or with ("I put in a complaint", "I wrote to the EC"), not "I left early".
        return None
    start = sentence.start + root.idx
    trigger = Span(start, start + len(root.text), root.text)
    return Hit("Event", classes.event.get(base, "other"), index, _clause_of(sentence, index, start), trigger)


# Sentences longer than this are not parsed: the parser's cost grows with length
# and its reading of a long run-on sentence is seldom right; word order decides there.
_PARSE_WORDS = 45


def parseable(text: str) -> bool:
    """Whether a sentence is short enough to be worth the parser."""
    return len(text.split()) <= _PARSE_WORDS


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
              classes: ActionClasses) -> Hit | None:
    reader = _Reader(sentence.start, mentions, officials, classes)
    for verb in _verbs(doc):
        if not _past(verb):
            continue
        base = lemma(verb.text, classes)
        if base in classes.neutral and base not in ("say", "tell"):
            continue
        subject, passive = _subject(verb)
        found = _label(verb, base, subject, passive, reader, classes)
        if found is None:
            continue
        label, kind, word = found
        start = sentence.start + word.idx
        trigger = Span(start, start + len(word.text), word.text)
        clause = _clause_of(sentence, index, trigger.start)
        return Hit(label, kind, index, clause, trigger)
    return None


def _label(verb: "Token", base: str, subject: "Token" | None, passive: bool, reader: _Reader,
           classes: ActionClasses) -> tuple[str, str, "Token"] | None:
    """The label and kind ``verb`` tells, and the word that tells it, if any."""
    found = _label_kind(verb, base, subject, passive, reader, classes)
    if found is None or len(found) == 3:
        return found  # type: ignore[return-value]
    return found[0], found[1], verb


def _label_kind(verb: "Token", base: str, subject: "Token" | None, passive: bool, reader: _Reader,
                classes: ActionClasses) -> tuple[str, ...] | None:
    actor = reader.side(subject) if subject is not None and not passive else None
    if passive:
        agent = _agent(verb)
        actor = reader.side(agent) if agent is not None else None
        patient = reader.side(subject) if subject is not None else None
        patients = [patient] if patient is not None else []
    else:
        telling = base in classes.communication
        patients = [p for p in (reader.side(t) for t in _patients(verb, telling)) if p is not None]
        if telling:
            patients = [p for p in patients if p.standing in (NARRATOR, RAISED)]
    if actor is not None and actor.standing == NARRATOR:
        if base in classes.receiving:
            return _received(verb, reader, classes)
        return None  # the narrator's own deeds are told by the scan (complaints, appeals ...)
    harm = classes.incident.get(base)
    if harm is not None and any(p.standing in (NARRATOR, PERSON, OFFICIAL) for p in patients) \
            and (actor is None or actor.standing in (PERSON, OFFICIAL)) and not _negated(verb):
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
    if _negated(verb) and kind in ("other", "investigation"):
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


def _received(verb: "Token", reader: _Reader, classes: ActionClasses) -> tuple[str, str, "Token"] | None:
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
    reader = _Reader(sentence.start, mentions, officials, classes)
    current = token
    for _ in range(8):
        if current.tag_.startswith("VB"):
            subject, passive = _subject(current)
            candidate = _agent(current) if passive else subject
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
    reader = _Reader(sentence.start, mentions, officials, classes)
    subject, passive = _subject(token)
    heads = [subject] if passive and subject is not None else _patients(token)
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
