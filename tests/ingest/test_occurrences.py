"""The occurrence stage on small hand-written passages: one per label, kind family
and relationship type, each with the items a careful reader expects."""

from __future__ import annotations

import pytest

from test_occurrences_support import run

ORG = ("Organization", ["the Workers League", "the League"])


# ---------------------------------------------------------------- labels and kinds

def test_incident_sexual_harassment_with_accused_target_and_date() -> None:
    p = run(
        "In March 2019, I was sexually harassed by Tom Reed at the summer camp.",
        {"org": ORG, "tom": ("Person", ["Tom Reed"])},
        primary="org",
    )
    incident = p.node("Incident", "sexual_harassment")
    assert incident.properties["date"] == "2019-03"
    assert incident.properties["date_text"] == "March 2019"
    assert p.statuses("ACCUSED_IN", "tom", incident.id) == {"alleged"}
    assert p.statuses("TARGET_OF", "narrator", incident.id) == {"stated"}
    assert ("narrator", incident.id) not in p.rels("ACCUSED_IN")


def test_incident_kinds_from_general_vocabulary() -> None:
    p = run(
        "Last spring, Dan Cole threatened to hurt me after a branch social.\n\n"
        "At the same social, Dan Cole made transphobic jokes about a new member.",
        {"dan": ("Person", ["Dan Cole"])},
    )
    assert p.nodes("Incident", "threat") and p.nodes("Incident", "bigotry")


# Harm, dissent and answers told in the words accounts use: each passage makes an
# occurrence of that label and kind.
@pytest.mark.parametrize(("passage", "label", "kind"), [
    ("In May Dan Cole sent me messages almost every night, most of them after midnight.", "Incident", "harassment"),
    ("In May I got a voice note from a number nobody knew, saying I should be careful.", "Incident", "threat"),
    ("For two nights in May a car was parked outside her house with a man sitting in it.", "Incident", "threat"),
    ("In May Dan Cole told me that people like me don't last in this organisation.", "Incident", "threat"),
    ("In May Dan Cole ordered her to stand in front of the whole branch.", "Incident", "harassment"),
    ('In May Dan Cole told me that "people from your background should be grateful".', "Incident", "bigotry"),
    ("In May Dan Cole's friends were saying in meetings that I had invented the complaint.", "Incident", "harassment"),
    ("At the May meeting I said that this was a cover-up.", "Incident", "dissent"),
    ("At the May meeting I questioned the instruction to pay.", "Incident", "dissent"),
    ("In May I learned that Dan Cole did almost exactly the same thing to another member.", "Incident", "other"),
    ("In May Dan Cole pressured her into sex at the after-party.", "Incident", "sexual_assault"),
    ("In May Dan Cole put his arm around my waist and pulled me against him.", "Incident", "sexual_harassment"),
    ("In May Dan Cole made it clear that my full membership depended on sleeping with him.", "Incident", "sexual_harassment"),
    ("In May Dan Cole pushed her out of the way with both hands.", "Incident", "physical_violence"),
    ('In May Dan Cole told her that if she "made a drama" of it she would never be on a list again.', "Incident", "threat"),
    ("In May Dan Cole stood over me at the stall and shouted.", "Incident", "harassment"),
    ("In May Dan Cole posted a screenshot that showed my home address.", "Incident", "harassment"),
    ("In May Dan Cole called me at home after 11 pm four times in one week.", "Incident", "harassment"),
    ('In May Dan Cole called my worries "petty-bourgeois sentimentality".', "Incident", "harassment"),
    ('In May I got called "a snitch" by Dan Cole.', "Incident", "harassment"),
    ('In May Dan Cole called me "a dinosaur" in front of the branch.', "Incident", "harassment"),
    ("In May twelve members, including me, sent a letter to the Central Committee.", "Incident", "dissent"),
    ("In May we organised a petition for an independent inquiry.", "Incident", "dissent"),
    ('In May I learned that Dan Cole did "pretty much the same thing" to her a year earlier.', "Incident", "other"),
    ("Since the meeting Dan Cole has been messaging her on the app, mostly after midnight.", "Incident", "sexual_harassment"),
    ("In May Dan Cole sent me a dm at 2am.", "Incident", "sexual_harassment"),
    ("In May she started receiving messages from numbers she did not know.", "Incident", "threat"),
    ('In May Dan Cole told her: "You are playing with fire."', "Incident", "threat"),
    ("In May two men came to her shop asking where Hedda was staying.", "Incident", "threat"),
    ("In May Dan Cole sent me a message urging me to withdraw my signature.", "Response", "pressure"),
    ('In May the committee wrote that the appeal was "unfounded".', "Response", "dismissal"),
    ('In May the chair said that the assembly "is not a tribunal".', "Response", "dismissal"),
    ("In May the chair told the two of us to sit down and talk it over.", "Response", "mediation"),
    ('In May the committee wrote that Dan Cole had been advised regarding appropriate boundaries.', "Response", "informal_resolution"),
    ("In May Dan Cole had her removed from all branch work.", "Response", "isolation"),
    ("In May Dan Cole told other members not to socialise with her.", "Response", "isolation"),
    ('In May the chair said she would "raise it with the General Secretary".', "Response", "promise"),
    ("In May the party told the branches that I had left for personal reasons.", "Response", "other"),
    ('In May the committee wrote that my file "could not be located".', "Response", "other"),
    ("In May Dan Cole agreed to step back from his duties while the panel met.", "Response", "other"),
    ("None of us was ever told of any outcome.", "Response", "no_action"),
    ('In May the chair told me that it was "a branch matter".', "Response", "dismissal"),
    ("In May the chair said it's not a court.", "Response", "dismissal"),
])
def test_occurrence_vocabulary_of_messages_menace_contempt_dissent_and_answers(passage: str, label: str, kind: str) -> None:
    p = run(passage, {"dan": ("Person", ["Dan Cole"])})
    assert p.nodes(label, kind)


def test_third_party_target_is_alleged() -> None:
    p = run(
        "In 2020, a well known organiser assaulted Mia Lund at a conference.",
        {"mia": ("Person", ["Mia Lund"]), "org": ORG},
        primary="org",
    )
    incident = p.node("Incident", "physical_violence")
    assert p.statuses("TARGET_OF", "mia", incident.id) == {"alleged"}
    assert p.rels("OCCURRED_IN") >= {(incident.id, "org")}


def test_response_expulsion_taken_by_body_affects_person_and_leaves() -> None:
    p = run(
        "After the hearing, the National Committee expelled Ray Park from the League.",
        {"nc": ("LeadershipBody", ["the National Committee"]), "ray": ("Person", ["Ray Park"]), "org": ORG},
        primary="org",
    )
    expulsion = p.node("Response", "expulsion")
    assert ("expulsion" == expulsion.properties["kind"])
    assert (expulsion.id, "nc") in p.rels("TAKEN_BY")
    assert (expulsion.id, "ray") in p.rels("AFFECTS")
    left = p.rel("LEFT", "ray", "org")
    assert left.properties["how"] == "expelled"


def test_response_reprimand_affects_the_narrator() -> None:
    p = run(
        "The internal discussion went ahead as planned. Sam Ortiz reprimanded me for my conduct during the discussion.",
        {"sam": ("Person", ["Sam Ortiz"])},
    )
    reprimand = p.node("Response", "reprimand")
    assert p.statuses("TAKEN_BY", reprimand.id, "sam") == {"stated"}
    assert (reprimand.id, "narrator") in p.rels("AFFECTS")
    discussion = p.node("Event", "internal_discussion")
    assert (reprimand.id, discussion.id) in p.rels("RESPONDS_TO")


def test_passive_response_falls_back_on_the_body_named_before() -> None:
    p = run(
        "I reported the assault to the Control Commission. My complaint was dismissed as gossip.",
        {"cc": ("LeadershipBody", ["the Control Commission"])},
    )
    dismissal = p.node("Response", "dismissal")
    assert (dismissal.id, "cc") in p.rels("TAKEN_BY")


def test_response_kinds_no_action_isolation_promise_membership() -> None:
    p = run(
        "The secretary told me that no action was taken against him.\n\n"
        "Since then I have been isolated and iced out of the branch.\n\n"
        "The organiser promised to look into it, but never did.\n\n"
        "In May 2020, the treasurer questioned my status as a member in good standing.",
        {},
    )
    for kind in ("no_action", "isolation", "promise", "membership_challenge"):
        assert p.nodes("Response", kind), kind


def test_event_meeting_with_participants_and_branch() -> None:
    p = run(
        "In June 2021, I met Lee Chan at a meeting of the Leeds branch.",
        {"lee": ("Person", ["Lee Chan"]), "leeds": ("Branch", ["the Leeds branch"]), "org": ORG},
        primary="org",
    )
    meeting = p.node("Event", "meeting")
    assert meeting.properties["date"] == "2021-06"
    assert {("narrator", meeting.id), ("lee", meeting.id)} <= p.rels("PARTICIPATED_IN")
    assert {(meeting.id, "leeds"), (meeting.id, "org")} <= p.rels("OCCURRED_IN")


def test_event_correspondence_and_publication() -> None:
    p = run(
        "On 3 May 2022 I received an email from Ana Ruiz about the conference.\n\n"
        "A week later I published an article criticising the leadership.",
        {"ana": ("Person", ["Ana Ruiz"])},
    )
    email = p.node("Event", "correspondence")
    assert email.properties["date"] == "2022-05-03"
    assert ("ana", email.id) in p.rels("PARTICIPATED_IN")
    assert p.nodes("Event", "publication")


def test_joined_with_date_and_left_resigned() -> None:
    p = run(
        "I joined the Workers League in early 2016. I resigned from the League in 2020.",
        {"org": ORG},
        primary="org",
    )
    joined = p.node("Event", "joined")
    assert joined.properties["date"] == "2016"
    assert p.rel("JOINED", "narrator", "org").properties == {"date": "2016"}
    assert p.rel("LEFT", "narrator", "org").properties == {"how": "resigned"}
    resigned = p.node("Event", "resigned")
    assert ("narrator", resigned.id) in p.rels("PARTICIPATED_IN")


def test_joining_a_faction_is_dissent_and_joined() -> None:
    p = run(
        "Late last year I made the decision to join the Unity Faction.",
        {"faction": ("Faction", ["the Unity Faction"]), "org": ORG},
        primary="org",
        published="2020-04-01",
    )
    dissent = p.node("Incident", "dissent")
    assert dissent.properties["date"] == "2019"
    assert ("narrator", dissent.id) in p.rels("REPORTED")
    assert ("narrator", "faction") in p.rels("JOINED")
    assert not p.nodes("Event", "joined")


# ------------------------------------------------------------ reporting and witnesses

def test_reported_and_reported_to() -> None:
    p = run(
        "At a party in 2019, Carl Voss groped me in front of other members. "
        "A week later I told my branch chair what happened.",
        {"carl": ("Person", ["Carl Voss"]), "chair": ("Person", ["my branch chair"])},
    )
    incident = p.node("Incident", "sexual_harassment")
    assert ("narrator", incident.id) in p.rels("REPORTED")
    assert (incident.id, "chair") in p.rels("REPORTED_TO")


def test_witnessed() -> None:
    p = run(
        "I directly witnessed racism from Carl Voss at several meetings.",
        {"carl": ("Person", ["Carl Voss"])},
    )
    incident = p.node("Incident", "bigotry")
    assert ("narrator", incident.id) in p.rels("WITNESSED")
    assert ("carl", incident.id) in p.rels("ACCUSED_IN")


# ------------------------------------------------------------ statuses on relationships

def test_admitted_and_found_statuses_on_accused_in() -> None:
    p = run(
        "In 2021, Max Hale sexually assaulted my friend. He later admitted it.\n\n"
        "Years on, Kim Roy was accused of sexual assault by a member. "
        "The commission found Kim Roy guilty of sexual assault.",
        {"max": ("Person", ["Max Hale"]), "kim": ("Person", ["Kim Roy"]), "friend": ("Person", ["my friend"])},
    )
    assault = p.node("Incident", "sexual_assault", containing="Max Hale")
    assert "admitted" in p.statuses("ACCUSED_IN", "max", assault.id)
    assert p.statuses("TARGET_OF", "friend", assault.id) == {"alleged"}


def test_hearsay_response_is_reported() -> None:
    p = run(
        "One source tells me that Jo Bell was expelled for talking to the dissidents.",
        {"jo": ("Person", ["Jo Bell"]), "org": ORG},
        primary="org",
    )
    expulsion = p.node("Response", "expulsion")
    assert p.statuses("TAKEN_BY", expulsion.id, "org") == {"reported"}
    assert (expulsion.id, "jo") in p.rels("AFFECTS") or ("jo", "org") in p.rels("LEFT")


def test_believed_response() -> None:
    p = run(
        "I believe the organiser was protected by the Executive Committee after the assault.",
        {"ec": ("LeadershipBody", ["the Executive Committee"])},
    )
    response = p.node("Response", "other")
    assert p.statuses("TAKEN_BY", response.id, "ec") == {"believed"}


# ----------------------------------------------------------- links between occurrences

def test_responds_to_the_latest_incident() -> None:
    p = run(
        "In 2018, Tom Reed harassed me at a branch social. "
        "I reported it to the Executive Committee. "
        "The Executive Committee suspended Tom Reed for six months.",
        {"tom": ("Person", ["Tom Reed"]), "ec": ("LeadershipBody", ["the Executive Committee"])},
    )
    incident = p.node("Incident", "harassment")
    suspension = p.node("Response", "suspension")
    assert (suspension.id, incident.id) in p.rels("RESPONDS_TO")
    assert (suspension.id, "ec") in p.rels("TAKEN_BY")
    assert (suspension.id, "tom") in p.rels("AFFECTS")
    assert (incident.id, "ec") in p.rels("REPORTED_TO")


def test_led_to_from_a_consequence_cue() -> None:
    p = run(
        "In 2019 I publicly expressed my support for the opposition. "
        "As a result of my endorsement of the opposition, I have been isolated and iced out of the branch.",
        {},
    )
    dissent = p.node("Incident", "dissent")
    isolation = p.node("Response", "isolation")
    assert (dissent.id, isolation.id) in p.rels("LED_TO")


# ------------------------------------------------------------------ granularity

def test_returning_to_the_same_occurrence_adds_evidence_not_nodes() -> None:
    p = run(
        "In 2019 I had a private conversation with Ed Moss about my doubts. "
        "The conversation left a sour taste in my mouth. "
        "I still think about that conversation.",
        {"ed": ("Person", ["Ed Moss"])},
    )
    conversation = p.node("Event", "conversation")
    assert len(conversation.evidence) >= 2


def test_habits_and_hypotheticals_make_no_nodes() -> None:
    p = run(
        "When you raise differences, you will be expelled. "
        "If they had acted in turn, this would be grounds for their expulsion. "
        "Why was he still in the organization?",
        {},
    )
    assert p.result.nodes == []


def test_the_narrators_own_reaction_is_no_response() -> None:
    p = run("He made a strange comment, but I initially dismissed it.", {})
    assert not p.nodes("Response")


def test_comments_after_the_account_are_ignored() -> None:
    p = run(
        "I resigned from the League in 2020.\n\n3 thoughts on \u201cMy story\u201d\n\nI just joined the League in 2023.",
        {"org": ORG},
        primary="org",
    )
    assert len(p.nodes("Event")) == 1


def test_ids_are_deterministic() -> None:
    text = "In 2019, Tom Reed harassed me. The committee dismissed my complaint."
    first = run(text, {"tom": ("Person", ["Tom Reed"])})
    second = run(text, {"tom": ("Person", ["Tom Reed"])})
    assert [n.id for n in first.result.nodes] == [n.id for n in second.result.nodes]
    assert sorted(r.id for r in first.result.relationships) == sorted(r.id for r in second.result.relationships)
