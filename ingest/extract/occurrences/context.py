"""Who is where around a trigger: the entities, the narrator and pronouns of a clause.

Roles are read from word order, which is crude but predictable: mentions
before the trigger are the subject side, mentions after it the object side,
and a mention right after "by" or "from" is the agent of a passive ("was
banned by the union", "an email from the treasurer"). First-person words
stand for the narrator; "he", "she" and "they" stand for the latest other
person mentioned shortly before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ingest.extract.occurrences.scan import Hit
from ingest.extract.occurrences.vocabulary import Vocabulary
from ingest.extract.types import EntityResult, Mention

__all__ = ["Mentions", "ClauseContext", "read_clause", "narrator_acts"]

# How far back (in characters) a pronoun looks for the person it stands for.
_PRONOUN_REACH = 1000
# "was expelled", "had been quietly suspended": the subject undergoes the act.
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|be|is|are|got|get|gets)\s+"
    r"(?:(?:\w+ly|also|then|later|finally|eventually|not|never|just|soon|even|still|since|all|both)\s+){0,3}$",
    re.IGNORECASE,
)
_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "his", "her", "their", "its"})


class Mentions:
    """The entity stage's mentions, searchable by offset."""

    def __init__(self, entities: EntityResult) -> None:
        self.narrator = entities.narrator_id
        # Everyone the account is signed by: a joint statement's signatories.
        self.authors = sorted({r.source for r in entities.relationships if r.type == "AUTHORED"})
        self.items = sorted(entities.mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.items]
        self.labels: dict[str, str] = {m.node_id: m.label for m in self.items}
        for node in entities.nodes:
            self.labels.setdefault(node.id, node.label)

    def within(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.items[lo:hi] if m.end <= end]

    def latest_person_before(self, position: int, exclude: set[str]) -> Mention | None:
        hi = bisect.bisect_left(self.starts, position)
        for m in reversed(self.items[:hi]):
            if m.start < position - _PRONOUN_REACH:
                return None
            if m.label == "Person" and m.node_id != self.narrator and m.node_id not in exclude:
                return m
        return None

    def latest_before(self, position: int, labels: tuple[str, ...], reach: int) -> Mention | None:
        hi = bisect.bisect_left(self.starts, position)
        for m in reversed(self.items[:hi]):
            if m.start < position - reach:
                return None
            if m.label in labels:
                return m
        return None


@dataclass
class ClauseContext:
    """What one clause says about the happening its trigger names."""

    subject: list[Mention]
    objects: list[Mention]
    agent: Mention | None
    passive: bool
    narrator_subject: bool
    narrator_object: bool
    first_person: bool
    pronoun_subject: Mention | None
    pronoun_object: Mention | None

    def subject_of(self, labels: tuple[str, ...]) -> Mention | None:
        """The nearest subject-side mention of one of ``labels``."""
        for m in reversed(self.subject):
            if m.label in labels:
                return m
        return None

    def objects_of(self, labels: tuple[str, ...]) -> list[Mention]:
        return [m for m in self.objects if m.label in labels]


def _resolve_pronoun(text: str, start: int, end: int, vocab: Vocabulary, mentions: Mentions,
                     exclude: set[str]) -> Mention | None:
    for _gender, pattern in vocab.pronouns:
        if pattern.search(text[start:end]):
            return mentions.latest_person_before(start, exclude)
    return None


def read_clause(hit: Hit, text: str, vocab: Vocabulary, mentions: Mentions) -> ClauseContext:
    """The entities, narrator and pronouns around ``hit`` within its clause."""
    clause = hit.clause
    narrator = mentions.narrator
    inside = [m for m in mentions.within(clause.start, clause.end) if m.node_id != narrator]
    subject = [m for m in inside if m.end <= hit.trigger.start]
    # A mention inside the trigger ("join the X Faction") is on the object side.
    objects = [m for m in inside if m.end > hit.trigger.start]
    agent = None
    if vocab.agent is not None and objects and objects[0].start >= hit.trigger.end:
        # "by the EC", "an email from Omar K", "protected by the EC": the agent word
        # sits just before the first mention after the trigger, or ends the trigger.
        first = objects[0]
        gap = [w for w in text[hit.trigger.end:first.start].lower().split() if w not in _DETERMINERS]
        last = gap[-1] if gap else hit.trigger.text.lower().split()[-1]
        if len(gap) <= 3 and vocab.agent.fullmatch(last):
            agent = first
    # First-person words inside a mention ("my friend") are that person, not the narrator.
    # Read the object side from the trigger's second word: a long trigger may hold
    # its object ("put his hand on my knee", "sent me a stream of").
    first_word = hit.trigger.text.split()[0] if hit.trigger.text.split() else ""
    after = _blank(text, hit.trigger.start + len(first_word), clause.end, objects)
    before_text = text[clause.start:hit.trigger.start]
    # "had been sending her messages" is progressive, not passive.
    passive = _PASSIVE.search(before_text) is not None and not first_word.lower().endswith("ing")
    first_person = bool(vocab.first_person and vocab.first_person.search(clause.text))
    narrator_subject = _subject_first_person(_blank(text, clause.start, hit.trigger.start, subject))
    narrator_object = bool(
        vocab.first_person_object
        and (vocab.first_person_object.search(after) or _passive_first_person(before_text))
    )
    exclude = {m.node_id for m in inside}
    pronoun_subject = None
    # "At the committee meeting he shouted at me": a body or place before the deed is no doer.
    if not any(m.label == "Person" for m in subject):
        pronoun_subject = _resolve_pronoun(text, clause.start, hit.trigger.start, vocab, mentions, set())
    pronoun_object = None
    if not objects and agent is None:
        pronoun_object = _resolve_pronoun(text, hit.trigger.end, clause.end, vocab, mentions, exclude)
    return ClauseContext(subject, objects, agent, passive, narrator_subject, narrator_object, first_person,
                         pronoun_subject, pronoun_object)


def _subject_first_person(before: str) -> bool:
    words = before.replace("’", "'").split()
    # Lower-case "i" too: zines and threads are often written without capitals.
    return any(w.strip(",.;:\"“”") in ("I", "We", "we", "I'm", "I've", "I'd", "i", "i'm", "i've", "i'd") for w in words)


def _blank(text: str, start: int, end: int, mentions: list[Mention]) -> str:
    """``text[start:end]`` with the mentions in it blanked out (offsets kept)."""
    piece = list(text[start:end])
    for m in mentions:
        for i in range(max(m.start, start), min(m.end, end)):
            piece[i - start] = " "
    return "".join(piece)


# "I am suspended", "I'm removed": in a timeline's present, done to the narrator.
_PRESENT_PASSIVE = re.compile(r"(?:\bam|['’]m)\s+$", re.IGNORECASE)


def narrator_acts(hit: Hit, text: str) -> bool:
    """Whether the narrator is the doer of the trigger ("but I initially dismissed it")."""
    # "I dismissed", "I initially dismissed": the narrator right before the verb.
    words = text[hit.clause.start:hit.trigger.start].replace("’", "'").split()[-2:]
    if not any(w in ("I", "we", "We", "i") for w in words):
        return False
    joined = " ".join(words) + " "
    return _PASSIVE.search(joined) is None and _PRESENT_PASSIVE.search(joined) is None


def _passive_first_person(before: str) -> bool:
    folded = before.replace("’", "'")
    return any(cue in folded for cue in ("I was ", "I've been", "I have been", "I had been", "we were ", "We were ",
                                         "i was ", "i've been", "i have been", "i had been"))
