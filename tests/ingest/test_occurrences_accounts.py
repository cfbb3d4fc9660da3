"""The occurrence rules on short accounts written for these tests (other
organisations, other kinds of incident and response than the seeds), each
with the items a careful reader would annotate."""

from __future__ import annotations

import pytest
from test_occurrences_support import Passage, run

ALLIANCE = """Why I left the Socialist Alliance

I joined the Socialist Alliance in the autumn of 2015 and became treasurer of the Bristol branch a year later.

In March 2019, the branch organiser, Mark Dunn, sexually assaulted a young member at a party after a branch meeting. She told me what happened the next morning. I reported the assault to the National Committee the same week.

The National Committee dismissed my complaint as a personal dispute. When I pressed them, they told me that Mark Dunn had denied everything and that no action would be taken. Two months later, after a second member came forward, the National Committee opened an investigation. The disputes committee found Mark Dunn guilty of sexual assault, and he was expelled in September 2019.

As a result of my complaint, I was isolated and frozen out of the branch. I resigned from the Socialist Alliance in January 2020.
"""

GREEN_LEFT = """Leaving the Green Left Party

Late last year, Paul Grey made racist remarks about migrant workers at our regional conference. Several members witnessed it. I wrote a letter to the Disciplinary Panel the following week.

The Disciplinary Panel proposed mediation between Paul Grey and me instead of an investigation. I refused. Paul Grey then harassed me online for weeks.

In February, the Disciplinary Panel suspended Paul Grey for three months. He was also banned from standing for office. The party secretary, Nina Holt, promised me that the regional committee would review its procedures. Nothing changed.

I left the Green Left Party in April.
"""


@pytest.fixture(scope="module")
def alliance() -> Passage:
    return run(
        ALLIANCE,
        {
            "sa": ("Organization", ["the Socialist Alliance"]),
            "bristol": ("Branch", ["the Bristol branch", "the branch"]),
            "mark": ("Person", ["Mark Dunn"]),
            "member": ("Person", ["a young member"]),
            "nc": ("LeadershipBody", ["the National Committee", "The National Committee"]),
            "dc": ("LeadershipBody", ["The disputes committee"]),
        },
        primary="sa",
        published="2020-05-01",
        account_id="alliance",
    )


@pytest.fixture(scope="module")
def green_left() -> Passage:
    return run(
        GREEN_LEFT,
        {
            "glp": ("Organization", ["the Green Left Party"]),
            "paul": ("Person", ["Paul Grey"]),
            "nina": ("Person", ["Nina Holt"]),
            "panel": ("LeadershipBody", ["the Disciplinary Panel", "The Disciplinary Panel"]),
        },
        primary="glp",
        published="2021-06-30",
        account_id="greenleft",
    )


# ------------------------------------------------------------------- the Alliance

def test_alliance_nodes(alliance: Passage) -> None:
    assert len(alliance.nodes("Incident")) == 1
    assault = alliance.node("Incident", "sexual_assault")
    assert assault.properties["date"] == "2019-03"
    for kind in ("dismissal", "investigation", "expulsion", "isolation"):
        assert len(alliance.nodes("Response", kind)) == 1, kind
    assert alliance.node("Event", "joined").properties["date"] == "2015"
    assert alliance.node("Event", "resigned").properties["date"] == "2020-01"


def test_alliance_incident_ties(alliance: Passage) -> None:
    assault = alliance.node("Incident", "sexual_assault")
    assert {"alleged", "found"} <= alliance.statuses("ACCUSED_IN", "mark", assault.id)
    assert alliance.statuses("TARGET_OF", "member", assault.id) == {"alleged"}
    assert ("narrator", assault.id) in alliance.rels("REPORTED")
    assert (assault.id, "nc") in alliance.rels("REPORTED_TO")
    assert (assault.id, "mark") not in alliance.rels("REPORTED_TO")
    assert {(assault.id, "sa"), (assault.id, "bristol")} <= alliance.rels("OCCURRED_IN")


def test_alliance_responses(alliance: Passage) -> None:
    assault = alliance.node("Incident", "sexual_assault")
    dismissal = alliance.node("Response", "dismissal")
    investigation = alliance.node("Response", "investigation")
    expulsion = alliance.node("Response", "expulsion")
    isolation = alliance.node("Response", "isolation")
    assert (dismissal.id, "nc") in alliance.rels("TAKEN_BY")
    assert (investigation.id, "nc") in alliance.rels("TAKEN_BY")
    assert (expulsion.id, "mark") in alliance.rels("AFFECTS")
    assert (isolation.id, "narrator") in alliance.rels("AFFECTS")
    for response in (dismissal, investigation, expulsion):
        assert (response.id, assault.id) in alliance.rels("RESPONDS_TO")


def test_alliance_membership(alliance: Passage) -> None:
    assert alliance.rel("JOINED", "narrator", "sa").properties == {"date": "2015"}
    assert alliance.rel("LEFT", "narrator", "sa").properties == {"how": "resigned"}
    assert alliance.rel("LEFT", "mark", "sa").properties == {"how": "expelled"}


# ----------------------------------------------------------------- the Green Left

def test_green_left_nodes(green_left: Passage) -> None:
    bigotry = green_left.node("Incident", "bigotry")
    # "Late last year" in an account of June 2021.
    assert (bigotry.properties["date"], bigotry.properties["date_text"]) == ("2020", "Late last year")
    assert green_left.node("Incident", "harassment")
    for kind in ("mediation", "suspension", "ban", "promise"):
        assert len(green_left.nodes("Response", kind)) == 1, kind
    assert green_left.node("Event", "correspondence")
    assert green_left.node("Event", "resigned").properties["date"] == "2021-04"


def test_green_left_ties(green_left: Passage) -> None:
    bigotry = green_left.node("Incident", "bigotry")
    harassment = green_left.node("Incident", "harassment")
    assert ("paul", bigotry.id) in green_left.rels("ACCUSED_IN")
    assert green_left.statuses("TARGET_OF", "narrator", harassment.id) == {"stated"}
    letter = green_left.node("Event", "correspondence")
    assert {("narrator", letter.id), ("panel", letter.id)} <= green_left.rels("PARTICIPATED_IN")
    suspension = green_left.node("Response", "suspension")
    ban = green_left.node("Response", "ban")
    promise = green_left.node("Response", "promise")
    assert (suspension.id, "panel") in green_left.rels("TAKEN_BY")
    assert (suspension.id, "paul") in green_left.rels("AFFECTS")
    # "He was also banned": a passive, so he undergoes it and the panel is the likeliest actor.
    assert (ban.id, "paul") in green_left.rels("AFFECTS")
    assert (ban.id, "paul") not in green_left.rels("TAKEN_BY")
    assert (promise.id, "nina") in green_left.rels("TAKEN_BY")
    assert green_left.rel("LEFT", "narrator", "glp").properties == {"how": "resigned"}
