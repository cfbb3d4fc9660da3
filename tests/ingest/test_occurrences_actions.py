"""The clause classifier (ingest/extract/occurrences/actions.py, roles.py, verbs.py) on hand-written
passages whose verbs no trigger list holds: who did what to whom decides."""

from __future__ import annotations

from test_occurrences_support import run

from ingest.extract.occurrences.verbs import action_classes, lemma
from ingest.lexicon import load_lexicon

ORG = ("Organization", ["the Workers League", "the League"])
BODY = ("LeadershipBody", ["the steering committee"])


def test_body_acting_on_what_a_member_raised_is_a_response() -> None:
    p = run(
        "In May 2021 the steering committee overruled my objection without a word of explanation.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    response = p.node("Response", "dismissal")
    assert "overruled my objection" in response.evidence[0].quote
    assert (response.id, "sc") in p.rels("TAKEN_BY")


def test_member_undergoing_an_act_in_the_passive_is_a_response() -> None:
    p = run(
        "Two weeks later I was stripped of my post by the steering committee.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    response = p.node("Response")
    assert (response.id, "sc") in p.rels("TAKEN_BY")
    assert (response.id, "narrator") in p.rels("AFFECTS")


def test_person_harming_a_person_is_an_incident() -> None:
    p = run(
        "At the winter social, Tom Reed kicked Anna Berg in the shin.",
        {"tom": ("Person", ["Tom Reed"]), "anna": ("Person", ["Anna Berg"]), "org": ORG},
        primary="org",
    )
    incident = p.node("Incident", "physical_violence")
    assert ("tom", incident.id) in p.rels("ACCUSED_IN")
    assert ("anna", incident.id) in p.rels("TARGET_OF")


def test_an_official_passing_news_on_is_no_response() -> None:
    p = run(
        "The branch secretary told me that Tom Reed had moved to Leeds.",
        {"sec": ("Role", ["branch secretary"]), "tom": ("Person", ["Tom Reed"]), "org": ORG},
        primary="org",
    )
    assert not p.nodes("Response")


def test_an_official_telling_the_member_what_to_do_is_a_response() -> None:
    p = run(
        "In March the steering committee informed me that my nomination was void.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    assert p.nodes("Response")


def test_the_narrators_own_deeds_are_not_responses() -> None:
    p = run(
        "In March I overruled the steering committee on the rota.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    assert not p.nodes("Response")


def test_verb_forms_find_their_class() -> None:
    classes = action_classes(load_lexicon())
    assert [lemma(w, classes) for w in ("overruled", "barred", "denied", "told", "stripping")] == [
        "overrule", "bar", "deny", "tell", "strip"]


def test_a_dated_deed_with_no_trigger_is_an_event() -> None:
    p = run(
        "In the spring of 2018, Ann Lee became our district treasurer.",
        {"ann": ("Person", ["Ann Lee"]), "org": ORG},
        primary="org",
    )
    event = p.node("Event", "other")
    assert "became" in event.evidence[0].quote


def test_an_undated_state_of_mind_is_no_event() -> None:
    p = run("In 2018 I believed every word the leadership said.", {"org": ORG}, primary="org")
    assert not p.nodes("Event")


def test_a_letter_from_a_body_telling_the_member_something_is_its_response() -> None:
    p = run(
        "In June I received a letter from the steering committee informing me that a charge had been laid.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    assert p.nodes("Response")


def test_being_asked_a_question_is_no_response() -> None:
    p = run(
        "At my first meeting I was asked by the steering committee whether I agreed with the line.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    assert not p.nodes("Response")


def test_who_took_a_response_is_read_out_of_a_reported_clause() -> None:
    p = run(
        "In March 2020 Ann Lee told me that I had to withdraw the complaint.",
        {"ann": ("Person", ["Ann Lee"]), "sc": BODY, "org": ORG},
        primary="org",
    )
    response = p.node("Response", "pressure")
    assert (response.id, "ann") in p.rels("TAKEN_BY")


def test_accused_and_target_are_read_from_the_parse() -> None:
    p = run(
        "After the branch social in 2020, Dan Cole slapped my friend Mia Lund across the face.",
        {"dan": ("Person", ["Dan Cole"]), "mia": ("Person", ["my friend Mia Lund"]), "org": ORG},
        primary="org",
    )
    incident = p.node("Incident", "physical_violence")
    assert ("dan", incident.id) in p.rels("ACCUSED_IN")
    assert ("mia", incident.id) in p.rels("TARGET_OF")


def test_the_teller_of_harm_is_not_accused_of_it() -> None:
    p = run(
        "In 2021 Mia Lund told me that her husband had slapped her in the kitchen.",
        {"mia": ("Person", ["Mia Lund"]), "org": ORG},
        primary="org",
    )
    for incident in p.nodes("Incident"):
        assert ("mia", incident.id) not in p.rels("ACCUSED_IN")


def test_a_letter_carrying_an_officials_response_is_that_response() -> None:
    p = run(
        "On 5 March 2021 the steering committee emailed me to say that my membership was suspended.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    assert p.nodes("Response", "suspension")
    assert not p.nodes("Event", "correspondence")


def test_the_narrators_own_letter_stays_an_event() -> None:
    p = run(
        "On 5 March 2021 I emailed the steering committee, and a week later they suspended me.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    assert p.nodes("Event", "correspondence")


def test_the_narrators_own_undated_deed_of_an_event_class_is_an_event() -> None:
    p = run("After that I put in a formal complaint to the steering committee.", {"sc": BODY, "org": ORG},
            primary="org")
    assert p.nodes("Event", "correspondence")


def test_the_narrator_leaving_a_room_is_no_event() -> None:
    p = run("I left early and went home on my own.", {"org": ORG}, primary="org")
    assert not p.nodes("Event")


def test_a_body_deciding_is_a_response_of_the_kind_it_decided() -> None:
    p = run(
        "In June 2021 the steering committee decided that no further action was required.",
        {"sc": BODY, "org": ORG},
        primary="org",
    )
    response = p.node("Response", "no_action")
    assert (response.id, "sc") in p.rels("TAKEN_BY")


def test_a_member_refusing_is_no_response() -> None:
    p = run("In June 2021 Mia Lund refused.", {"mia": ("Person", ["Mia Lund"]), "org": ORG}, primary="org")
    assert not p.nodes("Response")
