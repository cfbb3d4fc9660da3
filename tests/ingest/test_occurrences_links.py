"""LED_TO along the chains accounts tell, by the types of the steps (hand-written passages)."""

from __future__ import annotations

from test_occurrences_support import run

ORG = ("Organization", ["the Workers League", "the League"])
BODY = ("LeadershipBody", ["the steering committee", "The steering committee"])


def test_a_disclosure_leads_to_the_complaint_written_next() -> None:
    p = run(
        "In March 2021 I spoke to Mia Lund about the branch. A week later I wrote to the steering committee.",
        {"mia": ("Person", ["Mia Lund"]), "sc": BODY, "org": ORG},
        primary="org",
    )
    talk = p.node("Event", "conversation")
    letter = p.node("Event", "correspondence")
    assert (talk.id, letter.id) in p.rels("LED_TO")


def test_the_last_response_before_the_narrator_resigns_leads_to_it() -> None:
    p = run(
        "In May 2021 the steering committee suspended me for six months. In June 2021 I resigned from the League.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    suspension = p.node("Response", "suspension")
    resignation = p.node("Event", "resigned")
    assert (suspension.id, resignation.id) in p.rels("LED_TO")
