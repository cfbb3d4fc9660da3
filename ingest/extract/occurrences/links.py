"""Ties between occurrences: what a response answers, and what led to what.

RESPONDS_TO follows the thread of the story: a response answers what its own
sentence names again (a complaint, appeal or post told before: "rejected my
appeal"), or the narrator's act told just before it in that sentence; never
the meeting or call it was delivered in. Else a sanction on someone accused
answers that person's harm; a response that falls on the narrator (and is
not one that handles harm as such: investigation, no action, mediation ...)
answers the narrator's latest act (a complaint, appeal, post or dissent);
else the storyline's incident (harm before dissent) with the same accused's
other harm to the same person; else the latest event told before it.

LED_TO, by the types of the steps of the chain such accounts tell: a
conversation leads to the complaint written next, an investigation to the
decision that follows it, and the last harm or response told before the
narrator resigns to the resignation. Also, where a sentence draws a consequence ("as a result of", "this led
to", "prompted", "after this"), the occurrence told after the cue follows from
the one told before it in the same sentence, or from the latest one told
before the sentence.
"""

from __future__ import annotations

from ingest.extract.occurrences.edges import Edge, EdgeSet
from ingest.extract.occurrences.grouping import Occurrence
from ingest.extract.occurrences.participants import Scene

__all__ = ["tie_responses", "tie_consequences", "tie_parties"]

# A response answers something told at most this many sentences before it.
_RESPONSE_REACH = 40


def tie_responses(occurrences: list[Occurrence], scene: Scene, edges: EdgeSet) -> None:
    narrator = scene.mentions.narrator
    for occ in occurrences:
        if occ.label != "Response":
            continue
        hit = occ.first
        node = scene.node_ids[id(occ)]
        status = scene.status(hit, "telling")
        for target in _answered(occ, occurrences, scene, edges, narrator):
            edges.add(Edge("RESPONDS_TO", node, scene.node_ids[id(target)], hit.clause.start, hit.clause.end, status))


def _answered(occ: Occurrence, occurrences: list[Occurrence], scene: Scene, edges: EdgeSet,
              narrator: str | None) -> list[Occurrence]:
    """What a response answers, by the thread of the story it belongs to.

    First what its own sentence names again: a complaint, appeal or post told
    before ("discussed my complaint"), or the narrator's letter told in the same
    breath. Then whom it falls on: a sanction on someone accused answers that
    person's harm; one on the narrator (not one that handles harm as such)
    answers the narrator's latest act. Otherwise it handles the storyline's
    harm; failing all, the latest event told before it."""
    node = scene.node_ids[id(occ)]
    named = _named_here(occ, occurrences, scene, edges, narrator)
    if named:
        return named
    patients = edges.targets("AFFECTS", node)
    accused_harm = [o for o in _before(occ, occurrences) if o.label == "Incident" and o.kind != "dissent"
                    and patients & edges.sources("ACCUSED_IN", scene.node_ids[id(o)])]
    if accused_harm:
        latest = max(accused_harm, key=lambda o: o.last_sentence)
        return [latest] + _same_accused(latest, occ, occurrences, scene, edges)
    if narrator and occ.kind not in _HANDLING and narrator in patients:
        # A response that falls on the narrator answers what the narrator last
        # did: raised, wrote, appealed, published or argued.
        act = _latest_act(occ, occurrences, scene, edges, narrator)
        if act is not None:
            return [act]
    incident = _storyline_incident(occ, occurrences, scene, edges)
    if incident is not None:
        return [incident] + _same_accused(incident, occ, occurrences, scene, edges)
    event = next((o for o in reversed(_before(occ, occurrences)) if o.label == "Event"), None)
    return [event] if event is not None else []


# Events a response may be delivered in: going on in its sentence, they are its
# setting, not what it answers.
_VEHICLES = frozenset({"conversation", "meeting"})


def _named_here(occ: Occurrence, occurrences: list[Occurrence], scene: Scene, edges: EdgeSet,
                narrator: str | None) -> list[Occurrence]:
    """What the response's own sentence names: an occurrence told before and told
    again there ("rejected my appeal"), or the narrator's act told just before it
    in the same sentence ("I wrote to the committee and they ignored it") --
    never the meeting or call the response itself was given in."""
    index = occ.first.sentence
    found: list[Occurrence] = []
    for o in occurrences:
        if o is occ or index not in o.sentences or o.first.sentence > index:
            continue
        if o.first.sentence < index:
            if not (o.label == "Event" and o.kind in _VEHICLES):
                found.append(o)
        elif o.label == "Event" and o.first.trigger.start < occ.first.trigger.start and narrator \
                and o.kind in _ACTS and edges.has("PARTICIPATED_IN", narrator, scene.node_ids[id(o)]):
            found.append(o)
    return found


# Responses that deal with harm as such (they answer the incident, not the complaint).
_HANDLING = frozenset({"investigation", "no_action", "mediation", "informal_resolution", "reprimand"})
# Events by which the narrator raises or presses something.
_ACTS = frozenset({"correspondence", "publication", "other"})


def _before(occ: Occurrence, occurrences: list[Occurrence]) -> list[Occurrence]:
    hit = occ.first
    return [o for o in occurrences if o is not occ and o.first.sentence < hit.sentence
            and hit.sentence - o.last_sentence <= _RESPONSE_REACH]


def _latest_act(occ: Occurrence, occurrences: list[Occurrence], scene: Scene, edges: EdgeSet,
                narrator: str) -> Occurrence | None:
    """The narrator's latest act told before the response (before its last telling
    when nothing comes before its first: a letter that opens with its outcome)."""
    for anchor in (occ.first, occ.hits[-1]):
        acts = [o for o in occurrences if o is not occ and o.first.sentence < anchor.sentence
                and anchor.sentence - o.first.sentence <= _RESPONSE_REACH and _is_act(o, scene, edges, narrator)]
        if acts:
            return max(acts, key=lambda o: o.first.sentence)
    return None


def _is_act(occ: Occurrence, scene: Scene, edges: EdgeSet, narrator: str) -> bool:
    node = scene.node_ids[id(occ)]
    if occ.label == "Incident":
        return occ.kind == "dissent" and edges.has("REPORTED", narrator, node)
    return occ.label == "Event" and occ.kind in _ACTS and edges.has("PARTICIPATED_IN", narrator, node)


def _storyline_incident(occ: Occurrence, occurrences: list[Occurrence], scene: Scene,
                        edges: EdgeSet) -> Occurrence | None:
    """The incident a response answers is one the account tells with its people
    (someone accused, harmed or reporting), not a passing mention. Among those,
    the most told (the storyline's incident), the latest on a tie; harm before dissent."""
    incidents = [o for o in _before(occ, occurrences) if o.label == "Incident"]
    harm = [o for o in incidents if o.kind != "dissent"]
    incidents = harm or incidents
    ranked = sorted(enumerate(incidents), key=lambda pair: (_salience(pair[1], scene, edges), pair[0]))
    return ranked[-1][1] if ranked else None


def _same_accused(incident: Occurrence, occ: Occurrence, occurrences: list[Occurrence], scene: Scene,
                  edges: EdgeSet) -> list[Occurrence]:
    """Other harm by the same accused to the same person, told before the response:
    handled together."""
    node = scene.node_ids[id(incident)]
    accused = edges.sources("ACCUSED_IN", node)
    targets = edges.sources("TARGET_OF", node)
    if not accused or not targets:
        return []
    return [o for o in _before(occ, occurrences) if o.label == "Incident" and o is not incident
            and o.kind != "dissent" and accused & edges.sources("ACCUSED_IN", scene.node_ids[id(o)])
            and targets & edges.sources("TARGET_OF", scene.node_ids[id(o)])]


def _salience(incident: Occurrence, scene: Scene, edges: EdgeSet) -> int:
    """How much the account makes of an incident: its tellings, and whether it is
    told with its people (accused, harmed, reporting) and with a date of its own."""
    node = scene.node_ids[id(incident)]
    grounded = edges.touches(node, ("ACCUSED_IN", "TARGET_OF", "REPORTED"))
    dated = incident.date is not None
    # A testimony is the narrator's own story: harm done to the narrator weighs most.
    narrator = scene.mentions.narrator
    own = narrator is not None and edges.has("TARGET_OF", narrator, node)
    return len(incident.hits) + 2 * grounded + 2 * dated + 3 * own


def tie_parties(occurrences: list[Occurrence], scene: Scene, edges: EdgeSet) -> None:
    """Who took a response and whom it fell on, where none of its tellings says:
    run after tie_responses, since the thread it belongs to decides.

    TAKEN_BY: a response no telling names a doer for ("I was suspended") gets
    one fallback, the body named last before it (else the primary
    organisation), never a second guess beside a doer another telling names.
    AFFECTS: an answer that names no one it falls on (a dismissal, a promise,
    pressure) falls on whoever was harmed by the incident it answers, else
    whoever raised it. Sanctions and the handling of harm as such
    (investigation, no action, mediation) are left to their tellings: measured,
    guessing their patients from the thread cost more precision than it gained."""
    for occ in occurrences:
        if occ.label != "Response":
            continue
        node = scene.node_ids[id(occ)]
        fallback = scene.unattributed.get(node)
        if fallback is not None and not edges.targets("TAKEN_BY", node):
            edges.add(fallback)
        if not edges.targets("AFFECTS", node) and occ.kind not in _SANCTIONS | _HANDLING:
            hit = occ.first
            status = scene.status(hit, "telling")
            for patient in _harmed(occ, scene, edges):
                edges.add(Edge("AFFECTS", node, patient, hit.clause.start, hit.clause.end, status))


# Responses that fall on the one they punish, told as such.
_SANCTIONS = frozenset({"suspension", "expulsion", "ban", "reprimand"})


def _harmed(occ: Occurrence, scene: Scene, edges: EdgeSet) -> list[str]:
    """Who was harmed by (else who raised) the incidents a response answers,
    other than whoever took the response."""
    node = scene.node_ids[id(occ)]
    actors = edges.targets("TAKEN_BY", node)
    found: list[str] = []
    for target in sorted(edges.targets("RESPONDS_TO", node)):
        if edges.labels.get(target) == "Incident":
            found.extend(sorted(edges.sources("TARGET_OF", target) or edges.sources("REPORTED", target)))
    return [p for p in dict.fromkeys(found) if p not in actors]


def tie_consequences(occurrences: list[Occurrence], scene: Scene, edges: EdgeSet) -> None:
    _tie_sequences(occurrences, scene, edges)
    for index, sentence in enumerate(scene.sentences):
        told = sorted(((h.trigger.start, o) for o in occurrences for h in o.hits if h.sentence == index),
                      key=lambda pair: pair[0])
        if not told:
            continue
        pair = _cause_and_effect(index, sentence.start, sentence.text, told, occurrences, scene)
        if pair is None:
            continue
        cause, effect = pair
        if cause is effect:
            continue
        edges.add(Edge("LED_TO", scene.node_ids[id(cause)], scene.node_ids[id(effect)],
                       sentence.start, sentence.end, scene.status(effect.first, "telling")))


# How many occurrences on a chain step may follow its cause (text order).
_CHAIN_STEP = 2


def _tie_sequences(occurrences: list[Occurrence], scene: Scene, edges: EdgeSet) -> None:
    """LED_TO along the chains every such account tells, by the types of the
    steps, not their words: a disclosure leads to the complaint written next;
    an investigation to the decision that follows it; the last harm or
    response told before the narrator resigns to the resignation."""
    ordered = sorted(occurrences, key=lambda o: o.first.trigger.start)
    narrator = scene.mentions.narrator
    for i, occ in enumerate(ordered):
        following = ordered[i + 1:i + 1 + _CHAIN_STEP]
        effect: Occurrence | None = None
        if occ.label == "Event" and occ.kind == "conversation":
            effect = next((o for o in following if o.label == "Event" and o.kind == "correspondence"), None)
        elif occ.label == "Response" and occ.kind == "investigation":
            effect = next((o for o in following if o.label == "Response" and o.kind != "investigation"), None)
        if effect is not None:
            _lead(occ, effect, scene, edges)
        if occ.label == "Event" and occ.kind == "resigned" and i > 0 and narrator \
                and edges.has("PARTICIPATED_IN", narrator, scene.node_ids[id(occ)]):
            cause = ordered[i - 1]
            if cause.label in ("Response", "Incident"):
                _lead(cause, occ, scene, edges)


def _lead(cause: Occurrence, effect: Occurrence, scene: Scene, edges: EdgeSet) -> None:
    hit = effect.first
    edges.add(Edge("LED_TO", scene.node_ids[id(cause)], scene.node_ids[id(effect)], hit.clause.start,
                   hit.clause.end, scene.status(hit, "telling")))


def _cause_and_effect(index: int, offset: int, sentence: str, told: list[tuple[int, Occurrence]],
                      occurrences: list[Occurrence], scene: Scene) -> tuple[Occurrence, Occurrence] | None:
    vocab = scene.vocab
    reverse = vocab.cause_follows.search(sentence) if vocab.cause_follows is not None else None
    if reverse is not None:
        at = offset + reverse.start()
        after = [o for start, o in told if start >= at]
        before = [o for start, o in told if start < at]
        if not after:
            return None
        cause = after[0]
        rest = [o for o in after[1:] if o is not cause]
        effect = before[-1] if before else (rest[0] if rest else None)
        return (cause, effect) if effect is not None else None
    forward = vocab.consequence.search(sentence) if vocab.consequence is not None else None
    if forward is None:
        return None
    at = offset + forward.start()
    after = [o for start, o in told if start >= at]
    before = [o for start, o in told if start < at]
    if after and before:
        return before[-1], after[0]
    effect = (after or before)[0]
    earlier = [o for o in occurrences if o.last_sentence < index and o is not effect]
    if not earlier:
        return None
    return max(earlier, key=lambda o: o.last_sentence), effect

