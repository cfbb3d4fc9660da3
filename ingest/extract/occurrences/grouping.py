"""One node per occurrence: hits that tell the same happening are grouped.

A hit joins an earlier occurrence of the same label and kind when the text is
plainly still telling it (within a few sentences), or when it refers back with
a determiner ("the incident", "this meeting", "said discussion") to one told
not too long before. Everything else starts a new occurrence. Each occurrence
then gets its date: the first resolvable date in the sentences that tell it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from ingest.extract.dates import DateMention, first_date
from ingest.extract.occurrences.scan import Hit
from ingest.extract.occurrences.vocabulary import Vocabulary
from ingest.extract.types import Span

__all__ = ["NARRATOR", "ON", "Occurrence", "group_hits", "date_occurrences"]

NARRATOR = "narrator"  # how participants() names the first person
ON = "on:"  # participants() marks whom a happening falls on: "on:narrator", "on:<node id>"

# How many sentences apart two hits of one kind may be and still tell one happening.
_CONTINUATION = 4
# How far back a definite reference ("the meeting") reaches.
_ANAPHORA = 25
# How far apart two tellings of one kind of harm by the same people may be.
_SAME_PEOPLE = 60
# Incident kinds a later reference may name with another word of the same family.
_FAMILY = {
    "sexual_assault": "violence", "domestic_violence": "violence", "physical_violence": "violence",
    "sexual_harassment": "harassment", "harassment": "harassment", "threat": "harassment",
}


# How many sentences after a response its outcome ("no action was taken") may come.
_OUTCOME = 2
# Words for someone singled out by a deed ("the man who ...").
_DOERS = frozenset({"man", "woman", "person", "member", "comrade", "one", "guy", "organiser", "organizer"})
# Responses that fall on one person: told again, they are the same response.
_SANCTIONS = frozenset({"expulsion", "suspension", "ban"})
# A clause that opens a time of its own: a new stretch of the telling.
_NEW_TIME = re.compile(
    r"^(?:\w+\s+){0,3}?(?:over|during|for|within|in|on|at|by|from|after|later|the following|the next|that)\s+"
    r"(?:the\s+)?(?:next|following|same|\d{4}|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|spring|summer|autumn|fall|winter|weeks?|months?|years?|days?|night|morning)\b",
    re.IGNORECASE,
)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _other_year(hit: Hit, occ: "Occurrence") -> bool:
    """Whether the hit's clause names a year and the occurrence's tellings name others."""
    mine = set(_YEAR.findall(hit.clause.text))
    theirs = {y for h in occ.hits for y in _YEAR.findall(h.clause.text)}
    return bool(mine and theirs and not mine & theirs)


def _apart(one: set[str], other: set[str]) -> bool:
    """Whether two tellings fall on different people (both say whom; none shared)."""
    return bool(one and other and not one & other)


def _new_time_differs(hit: Hit, occ: "Occurrence", text: str) -> bool:
    """Whether the hit's own time words differ from those of the occurrence's tellings."""
    mine = _NEW_TIME.search(hit.clause.text)
    theirs = {m.group(0).lower() for h in occ.hits if (m := _NEW_TIME.search(h.clause.text)) is not None}
    return mine is not None and mine.group(0).lower() not in theirs


def _new_time(hit: Hit, text: str) -> bool:
    return _NEW_TIME.search(hit.clause.text) is not None


@dataclass
class Occurrence:
    label: str
    kind: str
    hits: list[Hit] = field(default_factory=list)
    date: DateMention | None = None

    @property
    def first(self) -> Hit:
        return self.hits[0]

    @property
    def last_sentence(self) -> int:
        return self.hits[-1].sentence

    @property
    def sentences(self) -> list[int]:
        return sorted({h.sentence for h in self.hits})


def _anaphoric(hit: Hit, text: str, vocab: Vocabulary) -> bool:
    """Whether the trigger points back: a determiner just before it ("the", "this",
    "said"), or talk about it ("told him about the abuse")."""
    if vocab.anaphora is None:
        return False
    before = text[max(hit.clause.start, hit.trigger.start - 60):hit.trigger.start].split()
    if not before:
        return False
    if vocab.anaphora.fullmatch(before[-1]) or "about" in (w.lower() for w in before[-6:]):
        return True
    # "the man who put his hand on my leg": a relative clause names someone by a deed already told.
    if len(before) >= 2 and before[-1].lower() == "who" and before[-2].lower() in _DOERS:
        return True
    # "my attempt to report sexual harassment": raising harm refers to harm already told
    # ("complained that he pressured her" tells a new one).
    last = [w.lower() for w in before[-3:]]
    return vocab.reporting is not None and "that" not in last and bool(vocab.reporting.search(" ".join(before[-3:])))


def group_hits(hits: list[Hit], text: str, vocab: Vocabulary,
               participants: Callable[[Hit], frozenset[str]]) -> list[Occurrence]:
    """Occurrences in order of first telling, each with every hit that tells it.

    ``participants`` names who a hit's clause involves ("narrator" for the first
    person). Hits join the latest occurrence of their label and kind when they
    refer back to it, when they name no one new while the telling goes on, or
    when they share someone with it; an ``other`` kind joins only by reference.
    """
    occurrences: list[Occurrence] = []
    involved: dict[int, set[str]] = {}
    everyone_of: dict[int, set[str]] = {}  # with the narrator
    doers_of: dict[int, set[str]] = {}  # who took part, the narrator included
    for hit in hits:
        told = participants(hit)
        on = {p for p in told if p.startswith(ON)}
        mine = set(told) - {NARRATOR} - on
        target: Occurrence | None = None
        latest = next((o for o in reversed(occurrences) if o.label == hit.label and o.kind == hit.kind), None)
        anaphoric = _anaphoric(hit, text, vocab)
        if anaphoric and hit.label == "Incident":
            # "told him about the abuse": talk about harm points back to the latest
            # incident of the same family, whichever word the first telling used.
            family = _FAMILY.get(hit.kind)
            kin = next((o for o in reversed(occurrences) if o.label == "Incident" and family is not None
                        and _FAMILY.get(o.kind) == family), None)
            if kin is not None and (latest is None or kin.last_sentence > latest.last_sentence):
                latest = kin
        if hit.label == "Incident" and mine:
            # The same person doing harm of the same family, while the telling goes on,
            # is one incident ("harassed me ... threatened to spread rumours") -- unless
            # the hit opens a time of its own ("Over the next three weeks he sent ...").
            family = _FAMILY.get(hit.kind)
            kin = next((o for o in reversed(occurrences) if o.label == "Incident" and family is not None
                        and _FAMILY.get(o.kind) == family and mine & involved[id(o)]
                        and hit.sentence - o.last_sentence <= _CONTINUATION), None)
            if kin is not None and kin.kind != hit.kind and _new_time(hit, text):
                kin = None
            if kin is not None and (latest is None or kin.last_sentence >= latest.last_sentence):
                latest = kin
        everyone = on
        if hit.label == "Response" and hit.kind in _SANCTIONS:
            # A sanction told again ("until I was expelled", "after my expulsion") is the
            # one already told of the same person, however far back; of someone else it
            # is another sanction.
            same = next((o for o in reversed(occurrences) if o.label == "Response" and o.kind == hit.kind
                         and everyone & everyone_of[id(o)]), None)
            if same is not None:
                latest = same
            elif latest is not None and everyone and everyone_of[id(latest)]:
                latest = None
        if anaphoric and latest is not None and _apart(on, everyone_of[id(latest)]):
            # "the man who groped me": the one told of the same person, if any.
            latest = next((o for o in reversed(occurrences) if o.label == hit.label
                           and _FAMILY.get(o.kind, o.kind) == _FAMILY.get(hit.kind, hit.kind)
                           and on & everyone_of[id(o)]), latest)
        if latest is not None and not anaphoric and hit.label == "Incident" and _new_time_differs(hit, latest, text):
            # "in the January he smashed the door, and in the February he pushed her":
            # harm told with a time of its own is another incident.
            latest = None
        doers = set(told) - on - {"group"}
        if latest is not None and not anaphoric and hit.label == "Event" and _apart(doers, doers_of[id(latest)]):
            # "Dana resigned ... then I resigned": the same kind of event by other people is another event.
            latest = None
        if latest is not None and not anaphoric and (_apart(on, everyone_of[id(latest)]) or _other_year(hit, latest)):
            # Harm to someone else, or a year of its own, is another happening.
            latest = None
        if latest is not None:
            gap = hit.sentence - latest.last_sentence
            theirs = involved[id(latest)]
            same_words = any(h.trigger.text.lower() == hit.trigger.text.lower() for h in latest.hits)
            if hit.label == "Response" and hit.kind in _SANCTIONS and everyone & everyone_of[id(latest)]:
                target = latest
            elif anaphoric and gap <= _ANAPHORA:
                target = latest
            elif same_words and gap <= _CONTINUATION:
                target = latest  # the same words again, while the telling goes on
            elif hit.kind == "dissent" and NARRATOR in told and gap <= _ANAPHORA:
                target = latest  # the narrator's differences are one storyline
            elif hit.kind == "other":
                target = None
            elif not mine and (gap <= _CONTINUATION or (hit.label == "Incident" and gap <= _ANAPHORA)):
                target = latest
            elif mine & theirs and (gap <= _CONTINUATION or hit.label == "Incident" and gap <= _SAME_PEOPLE):
                target = latest
        if target is None and hit.label == "Response" and hit.kind == "no_action":
            # "No action was taken." / "Nobody ever contacted me." right after a
            # response tells how that response ended, not a response of its own.
            prior = next((o for o in reversed(occurrences) if o.label == "Response"), None)
            if prior is not None and 0 <= hit.sentence - prior.last_sentence <= _OUTCOME \
                    and "\n\n" not in text[prior.hits[-1].clause.end:hit.clause.start]:
                target = prior
        if target is None:
            target = Occurrence(hit.label, hit.kind, [hit])
            occurrences.append(target)
            involved[id(target)] = set(mine)
            everyone_of[id(target)] = set(everyone)
            doers_of[id(target)] = set(doers)
        elif all(h.clause != hit.clause for h in target.hits):
            target.hits.append(hit)
            involved[id(target)] |= mine
            everyone_of[id(target)] |= everyone
            doers_of[id(target)] |= doers
    return occurrences


def date_occurrences(occurrences: list[Occurrence], sentences: list[Span], anchor: str | None,
                     lexicon: Mapping[str, Any]) -> None:
    """Set each occurrence's date from its sentences; relative offsets count from the
    latest date told before it ("a year after I joined" after "In 2018, I joined")."""
    reference: str | None = None
    plain: dict[int, DateMention | None] = {}
    for occ in occurrences:
        for index in occ.sentences:
            sentence = sentences[index]
            if index not in plain:
                plain[index] = first_date(sentence.text, anchor, None, offset=sentence.start, lexicon=lexicon)
            found = plain[index]
            if found is not None and found.iso is None and reference is not None:
                # Only offsets ("a year after") read the reference: resolve those afresh.
                found = first_date(sentence.text, anchor, reference, offset=sentence.start, lexicon=lexicon)
            if found is not None and (occ.date is None or (occ.date.iso is None and found.iso)):
                occ.date = found
            if occ.date is not None and occ.date.iso:
                break
        if occ.date is not None and occ.date.iso:
            reference = occ.date.iso
