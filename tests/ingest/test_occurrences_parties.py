"""Who took a response and whom it fell on (hand-written passages, invented names)."""

from __future__ import annotations

from test_occurrences_support import run

ORG = ("Organization", ["the Workers League", "the League"])
BODY = ("LeadershipBody", ["the steering committee", "The steering committee"])


def test_the_owner_of_a_sanction_undergoes_it_and_is_not_its_doer() -> None:
    p = run(
        "In May 2021 the steering committee met. In June 2021 the panel recommended Tom Reyes's expulsion.",
        {"tom": ("Person", ["Tom Reyes"]), "sc": BODY, "org": ORG},
        primary="org",
    )
    expulsion = p.node("Response", "expulsion")
    assert (expulsion.id, "tom") not in p.rels("TAKEN_BY")
    assert (expulsion.id, "tom") in p.rels("AFFECTS")


def test_a_possessor_in_the_subject_is_not_the_doer() -> None:
    p = run(
        "In May 2021 Dana Holt, who is one of Tom Reyes's oldest friends, suspended me from the League.",
        {"tom": ("Person", ["Tom Reyes"]), "dana": ("Person", ["Dana Holt"]), "org": ORG},
        primary="org",
    )
    suspension = p.node("Response", "suspension")
    assert (suspension.id, "tom") not in p.rels("TAKEN_BY")


def test_a_trigger_holding_its_own_passive_makes_its_subject_the_patient() -> None:
    p = run(
        "At the meeting in May 2021 the steering committee heard the case. "
        "Mia Lund was not invited to speak.",
        {"mia": ("Person", ["Mia Lund"]), "sc": BODY, "org": ORG},
        primary="org",
    )
    taken = {target for source, target in p.rels("TAKEN_BY")}
    assert "mia" not in taken


def test_an_undone_response_is_credited_once_not_beside_a_named_doer() -> None:
    p = run(
        "In May 2021 the steering committee suspended me for six months. "
        "I was suspended without a hearing.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    suspension = p.node("Response", "suspension")
    assert {t for s, t in p.rels("TAKEN_BY") if s == suspension.id} == {"sc"}


def test_an_answer_that_names_no_one_falls_on_whoever_was_harmed() -> None:
    p = run(
        "In March 2021 Dan Cole groped Mia Lund at a party. "
        "She reported it to the steering committee. "
        "In May 2021 the steering committee dismissed the complaint.",
        {"dan": ("Person", ["Dan Cole"]), "mia": ("Person", ["Mia Lund"]), "sc": BODY, "org": ORG},
        primary="org",
    )
    dismissal = p.node("Response", "dismissal")
    assert (dismissal.id, "mia") in p.rels("AFFECTS")
    assert (dismissal.id, "dan") not in p.rels("AFFECTS")
