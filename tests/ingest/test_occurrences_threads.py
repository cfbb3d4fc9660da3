"""RESPONDS_TO follows the thread of the story (hand-written passages, invented names)."""

from __future__ import annotations

from test_occurrences_support import run

COUNCIL = ("LeadershipBody", ["the National Council"])


def test_a_response_given_in_a_call_answers_the_appeal_not_the_call() -> None:
    p = run(
        "In March 2021 I appealed to the National Council against the ruling. "
        "In May 2021 Rob Hale phoned me. "
        "During the phone call he said that the National Council had rejected my appeal.",
        {"rob": ("Person", ["Rob Hale"]), "council": COUNCIL},
    )
    appeal = p.node("Event", "other")
    call = p.node("Event", "conversation")
    rejection = p.node("Response", "dismissal")
    assert (rejection.id, appeal.id) in p.rels("RESPONDS_TO")
    assert (rejection.id, call.id) not in p.rels("RESPONDS_TO")
