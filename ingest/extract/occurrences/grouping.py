"""One node per occurrence: hits that tell the same happening are grouped.

A hit joins an earlier occurrence of the same label and kind when the text is
plainly still telling it (within a few sentences), or when it refers back with
a determiner ("the incident", "this meeting", "said discussion") to one told
not too long before. Everything else starts a new occurrence. Each occurrence
then gets its date: the first resolvable date in the sentences that tell it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from ingest.extract.dates import DateMention, first_date
from ingest.extract.occurrences.scan import Hit
from ingest.extract.occurrences.vocabulary import Vocabulary
from ingest.extract.types import Span

__all__ = ["NARRATOR", "Occurrence", "group_hits", "date_occurrences"]

NARRATOR = "narrator"  # how participants() names the first person

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
    # "my attempt to report sexual harassment": raising harm refers to harm already told.
    return vocab.reporting is not None and bool(vocab.reporting.search(" ".join(before[-3:])))


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
    for hit in hits:
        mine = set(participants(hit)) - {NARRATOR}
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
            # is one incident ("harassed me ... threatened to spread rumours").
            family = _FAMILY.get(hit.kind)
            kin = next((o for o in reversed(occurrences) if o.label == "Incident" and family is not None
                        and _FAMILY.get(o.kind) == family and mine & involved[id(o)]
                        and hit.sentence - o.last_sentence <= _CONTINUATION), None)
            if kin is not None and (latest is None or kin.last_sentence >= latest.last_sentence):
                latest = kin
        if latest is not None:
            gap = hit.sentence - latest.last_sentence
            theirs = involved[id(latest)]
            same_words = any(h.trigger.text.lower() == hit.trigger.text.lower() for h in latest.hits)
            if anaphoric and gap <= _ANAPHORA:
                target = latest
            elif same_words and gap <= _CONTINUATION:
                target = latest  # the same words again, while the telling goes on
            elif hit.kind == "dissent" and NARRATOR in participants(hit) and gap <= _ANAPHORA:
                target = latest  # the narrator's differences are one storyline
            elif hit.kind == "other":
                target = None
            elif not mine and (gap <= _CONTINUATION or (hit.label == "Incident" and gap <= _ANAPHORA)):
                target = latest
            elif mine & theirs and (gap <= _CONTINUATION or hit.label == "Incident" and gap <= _SAME_PEOPLE):
                target = latest
        if target is None:
            target = Occurrence(hit.label, hit.kind, [hit])
            occurrences.append(target)
            involved[id(target)] = set(mine)
        elif all(h.clause != hit.clause for h in target.hits):
            target.hits.append(hit)
            involved[id(target)] |= mine
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
