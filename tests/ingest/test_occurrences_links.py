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


def test_whoever_acts_in_a_sentence_set_at_a_meeting_took_part_in_it() -> None:
    p = run(
        "At the branch meeting on 3 May 2021, Dan Cole shouted at me until Mia Lund asked him to stop.",
        {"dan": ("Person", ["Dan Cole"]), "mia": ("Person", ["Mia Lund"]), "org": ORG},
        primary="org",
    )
    meeting = p.node("Event", "meeting")
    assert {("dan", meeting.id), ("mia", meeting.id), ("narrator", meeting.id)} <= p.rels("PARTICIPATED_IN")
