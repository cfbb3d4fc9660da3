"""JOINED and LEFT: who came into and went out of which organisation.

A ``joined`` event (or dissent told as joining a faction) makes its subject
JOINED the organisation, branch or faction named after the trigger, with the
event's date; a ``resigned`` event makes its subject LEFT it (``how:
resigned``); an expulsion makes the person it falls on LEFT (``how:
expelled``). With no unit named, the primary organisation is meant.
"""

from __future__ import annotations

from ingest.extract.occurrences.context import read_clause
from ingest.extract.occurrences.edges import Edge, EdgeSet
from ingest.extract.occurrences.grouping import Occurrence
from ingest.extract.occurrences.participants import Scene

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
            status = scene.status(hit, "telling")
            if expelled:
                person = ctx.subject_of(("Person",)) or ctx.pronoun_subject if ctx.passive else None
                if person is None and ctx.objects_of(("Person",)):
                    person = ctx.objects_of(("Person",))[0]
                if person is not None:
                    unit = next((m.node_id for m in ctx.subject + ctx.objects
                                 if m.label in _UNITS and m.node_id != person.node_id), scene.primary)
                    if unit:
                        edges.add(Edge("LEFT", person.node_id, unit, hit.clause.start, hit.clause.end,
                                       status, (("how", "expelled"),)))
                continue
            person_id = narrator if (ctx.narrator_subject or ctx.first_person) else None
            if person_id is None:
                subject = ctx.subject_of(("Person",)) or ctx.pronoun_subject
                person_id = subject.node_id if subject is not None else None
            if person_id is None:
                continue
            if leaving:
                edges.add(Edge("LEFT", person_id, unit, hit.clause.start, hit.clause.end, status,
                               (("how", "resigned"),)))
            else:
                props = (("date", occ.date.iso),) if joining and occ.date is not None and occ.date.iso else ()
                edges.add(Edge("JOINED", person_id, unit, hit.clause.start, hit.clause.end, status, props))
