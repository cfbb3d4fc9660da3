"""The occurrence rules that make extraction generalise to unseen accounts.

Each test is a short passage written for it (no seed or evaluation account is
quoted), with the items a careful reader expects: harm told without its name,
responses told by what a body did, events told by their act, and the rules
that decide which tellings make a node and how the nodes are tied.
"""

from __future__ import annotations

import pytest

from test_occurrences_support import run

ORG = ("Organization", ["the Workers League", "the League"])


# ------------------------------------------------------ vocabulary: harm without its name

def test_touching_shouting_pushing_and_late_messages_are_incidents() -> None:
    p = run(
        "At the summer camp in 2018, Tom Reed put his hand on my knee during the film.\n\n"
        "In 2019 Dan Cole shouted at me across the room at a branch meeting.\n\n"
        "In 2020 her husband pushed her against the kitchen wall.\n\n"
        "In 2021 Lee Ward sent me a string of texts, most of them late at night.",
        {"tom": ("Person", ["Tom Reed"]), "dan": ("Person", ["Dan Cole"]), "lee": ("Person", ["Lee Ward"])},
    )
    assert p.node("Incident", "sexual_harassment", containing="hand on my knee")
    assert p.node("Incident", "harassment", containing="shouted at me")
    assert p.node("Incident", "physical_violence", containing="pushed her against")
    assert p.node("Incident", "harassment", containing="string of texts")
    knee = p.node("Incident", "sexual_harassment")
    assert ("tom", knee.id) in p.rels("ACCUSED_IN")
    assert ("narrator", knee.id) in p.rels("TARGET_OF")


def test_hands_under_clothes_late_night_messages_grips_and_tears_are_incidents() -> None:
    p = run(
        "At the 2018 conference social Tom Reed put his hand up my skirt by the bar.\n\n"
        "In 2019 Dan Cole started messaging me late at night about nothing in particular.\n\n"
        "In 2020 Lee Ward took her by the wrist and would not let go.\n\n"
        "In 2021 Dan Cole reduced a new member to tears at the stall.",
        {"tom": ("Person", ["Tom Reed"]), "dan": ("Person", ["Dan Cole"]), "lee": ("Person", ["Lee Ward"])},
    )
    assert p.node("Incident", "sexual_harassment", containing="up my skirt")
    assert p.node("Incident", "sexual_harassment", containing="late at night")
    assert p.node("Incident", "physical_violence", containing="by the wrist")
    assert p.node("Incident", "harassment", containing="to tears")


def test_a_trigger_inside_reported_speech_still_reads_through_the_quote_mark() -> None:
    p = run(
        "In 2022 Tom Reed told me I should “think about my job” if I kept talking.\n\n"
        "In 2023 Dan Cole said he would “make sure she never stood again” for the committee.",
        {"tom": ("Person", ["Tom Reed"]), "dan": ("Person", ["Dan Cole"])},
    )
    assert p.node("Incident", "threat", containing="think about my job")
    assert p.node("Incident", "threat", containing="make sure she never")


def test_jurisdiction_answers_cautions_and_unanswered_letters_are_responses() -> None:
    p = run(
        "In 2019 Tom Reed shouted at me at the branch meeting and I complained to the League.\n\n"
        "In March the national secretary replied that it was “a matter for the branch”.\n\n"
        "In April Dan Cole took me aside and said that talking about it may itself constitute a breach of discipline.\n\n"
        "I wrote to the disputes committee again in May. There was no answer.",
        {"tom": ("Person", ["Tom Reed"]), "dan": ("Person", ["Dan Cole"]), "org": ORG},
    )
    assert p.node("Response", "dismissal", containing="a matter for the branch")
    assert p.node("Response", "pressure", containing="took me aside")
    assert p.node("Response", "no_action", containing="There was no answer")


def test_name_calling_volume_doxxing_and_weapons_are_incidents() -> None:
    p = run(
        "In 2019 Dan Cole described me to the branch as unstable.\n\n"
        "In 2020 Lee Ward sent me something like sixty messages on Signal.\n\n"
        "In 2021 someone posted my full legal name and my home address on a forum.\n\n"
        "In 2022 her partner took his pistol out of the drawer during a row.\n\n"
        "In 2023 Tom Reed said he would make sure I never stood for office again.",
        {"tom": ("Person", ["Tom Reed"]), "dan": ("Person", ["Dan Cole"]), "lee": ("Person", ["Lee Ward"])},
    )
    assert p.node("Incident", "harassment", containing="as unstable")
    assert p.node("Incident", "harassment", containing="sixty messages")
    assert p.node("Incident", "harassment", containing="full legal name")
    assert p.node("Incident", "threat", containing="pistol")
    assert p.node("Incident", "threat", containing="make sure I never")


# ------------------------------------------------ vocabulary: responses by what bodies did

def test_responses_told_by_what_a_body_did() -> None:
    p = run(
        "In May 2020 the panel interviewed me about the complaint.\n\n"
        "In July 2020 the executive rejected my appeal without a hearing.\n\n"
        "By the spring of 2021 I was being left out of every campaign.\n\n"
        "In June 2021 Ana Ruiz was moved from branch secretary to a minor role.\n\n"
        "In August 2021 the committee removed me from the members' chat and barred me from meetings.",
        {"ana": ("Person", ["Ana Ruiz"])},
    )
    assert p.nodes("Response", "investigation")
    assert p.nodes("Response", "dismissal")
    assert p.nodes("Response", "isolation")
    assert p.node("Response", "other", containing="was moved from branch secretary")
    assert p.nodes("Response", "ban")


def test_events_told_by_their_act() -> None:
    p = run(
        "In March 2017 the region held an aggregate in the town hall.\n\n"
        "In 2018 I was elected to the regional committee.\n\n"
        "In April 2019 Kim Dale phoned me late in the evening.\n\n"
        "On 3 May 2019 I filed a formal complaint with the Review Board.\n\n"
        "In June 2019 I posted a short statement on my Facebook page.",
        {"kim": ("Person", ["Kim Dale"]), "board": ("LeadershipBody", ["the Review Board"])},
    )
    assert p.nodes("Event", "meeting")
    assert p.nodes("Event", "vote")
    call = p.node("Event", "conversation")
    assert {("kim", call.id), ("narrator", call.id)} <= p.rels("PARTICIPATED_IN")
    assert p.nodes("Event", "correspondence")
    assert p.nodes("Event", "publication")


# ----------------------------------------------------------- which tellings make a node

def test_quoted_words_do_not_make_a_sentence_generic() -> None:
    p = run(
        'In 2019 Dan Cole messaged me: "keep talking and you will see what happens".',
        {"dan": ("Person", ["Dan Cole"])},
    )
    assert p.nodes("Incident", "threat")


def test_wishes_negations_and_rules_make_no_node() -> None:
    p = run(
        "I want the League to publish the report it promised.\n\n"
        "In 2020 the organiser was suspended for a month. He was not expelled.\n\n"
        "In 2021 I filed a grievance under the harassment policy of the League.",
        {"org": ORG},
        primary="org",
    )
    assert not p.nodes("Response", "promise")
    assert not p.nodes("Response", "expulsion")
    assert p.nodes("Response", "suspension")
    assert not p.nodes("Incident", "harassment")


# ---------------------------------------------------------------------------- grouping

def test_a_sanction_told_again_is_one_response_of_the_same_person() -> None:
    p = run(
        "In May 2021 I was suspended by the League for writing a critical article.\n\n"
        "The summer passed. I organised a picket. I read a lot. I spoke to old friends. "
        "I went to the coast. I came back. I wrote another piece. Nobody called.\n\n"
        "I was still suspended when the League met in the autumn.\n\n"
        "In 2022 Jo Park was suspended as well.",
        {"org": ORG, "jo": ("Person", ["Jo Park"])},
        primary="org",
    )
    suspensions = p.nodes("Response", "suspension")
    assert len(suspensions) == 2
    mine = p.node("Response", "suspension", containing="I was still suspended")
    assert any("In May 2021" in e.quote for e in mine.evidence)


def test_an_outcome_right_after_a_response_joins_it() -> None:
    p = run(
        "In June 2022 the panel found that his messages were inappropriate. No action was taken.",
        {},
    )
    assert len(p.nodes("Response")) == 1


def test_a_new_time_splits_two_kinds_of_harm_by_one_person() -> None:
    p = run(
        "At the May conference Rob Hale put his hand on my thigh. I moved away.\n\n"
        "Over the next month Rob Hale sent me a stream of messages.",
        {"rob": ("Person", ["Rob Hale"])},
    )
    assert len(p.nodes("Incident")) == 2


def test_the_man_who_refers_back_and_complained_that_tells_anew() -> None:
    p = run(
        "In 2019 Rob Hale groped me at a party.\n\n"
        "I later heard that Eva Lind had complained that Rob Hale groped her at a picnic.\n\n"
        "The League has since promoted the man who groped me.",
        {"rob": ("Person", ["Rob Hale"]), "eva": ("Person", ["Eva Lind"]), "org": ORG},
        primary="org",
    )
    incidents = p.nodes("Incident", "sexual_harassment")
    assert len(incidents) == 2
    first = p.node("Incident", "sexual_harassment", containing="groped me at a party")
    assert any("the man who groped me" in e.quote for e in first.evidence)


# --------------------------------------------------------------------------- reporting

def test_a_complaint_raises_every_harm_told_before_it() -> None:
    p = run(
        "In 2020 Rob Hale put his hand on my thigh at the social. "
        "Over the next weeks Rob Hale sent me a stream of messages at night.\n\n"
        "I told Ana Ruiz, the branch secretary, in December. "
        "She wrote to them that week, and the Review Board replied.\n\n"
        "I was told later that Rob Hale had complained about me.",
        {"rob": ("Person", ["Rob Hale"]), "ana": ("Person", ["Ana Ruiz"]),
         "board": ("LeadershipBody", ["the Review Board"])},
    )
    for incident in p.nodes("Incident"):
        assert ("narrator", incident.id) in p.rels("REPORTED")
        assert (incident.id, "ana") in p.rels("REPORTED_TO")
        assert ("rob", incident.id) not in p.rels("REPORTED")


@pytest.mark.parametrize("raising", [
    "In March I filed a grievance with the chapter's Review Board.",
    "In March I raised it at the Review Board.",
    "In March we went together to the Review Board.",
    "In March I brought the matter to the Review Board.",
])
def test_the_body_an_incident_is_raised_with(raising: str) -> None:
    p = run(
        "In 2020 Nils Ekdahl put his hand on my thigh at the social.\n\n" + raising,
        {"nils": ("Person", ["Nils Ekdahl"]), "board": ("LeadershipBody", ["Review Board"])},
    )
    incident = p.node("Incident", "sexual_harassment")
    assert ("narrator", incident.id) in p.rels("REPORTED")
    assert (incident.id, "board") in p.rels("REPORTED_TO")


def test_a_disclosure_makes_the_narrator_the_recipient() -> None:
    p = run(
        "In 2021 my friend told me that her partner had been violent towards her for a year.",
        {"friend": ("Person", ["my friend"])},
    )
    incident = p.node("Incident", "domestic_violence")
    assert ("friend", incident.id) in p.rels("REPORTED")
    assert (incident.id, "narrator") in p.rels("REPORTED_TO")


# ------------------------------------------------------------------------- RESPONDS_TO

def test_a_response_falling_on_the_narrator_answers_the_narrators_latest_act() -> None:
    p = run(
        "In 2020 Rob Hale harassed me at a branch social.\n\n"
        "In January 2021 I submitted a document for the bulletin criticising the leadership.\n\n"
        "In March 2021 the executive suspended me for circulating it.",
        {"rob": ("Person", ["Rob Hale"])},
    )
    dissent = p.node("Incident", "dissent")
    suspension = p.node("Response", "suspension")
    assert (suspension.id, dissent.id) in p.rels("RESPONDS_TO")


def test_a_rejection_answers_the_appeal() -> None:
    p = run(
        "In 2020 Rob Hale harassed me at a branch social. The panel found that nothing could be proven.\n\n"
        "In 2021 I appealed to the National Council. The National Council rejected my appeal in May.",
        {"rob": ("Person", ["Rob Hale"]), "council": ("LeadershipBody", ["the National Council", "The National Council"])},
    )
    rejection = p.node("Response", "dismissal")
    appeal = p.node("Event", "other")
    assert (rejection.id, appeal.id) in p.rels("RESPONDS_TO")


def test_a_response_with_no_thread_of_its_own_answers_the_harm_done_to_the_narrator() -> None:
    p = run(
        "In 2019 Nils Ekdahl groped me at the summer school.\n\n"
        "In March 2020 Nils Ekdahl intimidated Kim Roy at a meeting. In April Nils Ekdahl intimidated Kim Roy again "
        "outside the office, and the intimidation went on.\n\n"
        "In 2021 the panel opened a formal investigation.",
        {"nils": ("Person", ["Nils Ekdahl"]), "kim": ("Person", ["Kim Roy"])},
    )
    groping = p.node("Incident", "sexual_harassment")
    investigation = p.node("Response", "investigation")
    assert {target for source, target in p.rels("RESPONDS_TO") if source == investigation.id} == {groping.id}


# ------------------------------------------------------------------------- OCCURRED_IN

def test_another_organisation_named_in_the_sentence_is_the_context() -> None:
    p = run(
        "I joined the Workers League in 2015. In 2016 the League held a conference.\n\n"
        "In 2017 the Transit Union held its general meeting in the depot.",
        {"org": ORG, "union": ("Organization", ["the Transit Union"])},
        primary="org",
    )
    union_meeting = p.node("Event", "meeting", containing="general meeting")
    assert (union_meeting.id, "union") in p.rels("OCCURRED_IN")
    assert (union_meeting.id, "org") not in p.rels("OCCURRED_IN")
    conference = p.node("Event", "meeting", containing="conference")
    assert (conference.id, "org") in p.rels("OCCURRED_IN")


def test_a_chapter_told_far_more_than_its_organisation_is_home() -> None:
    text = (
        "I joined the Workers League in 2015 and its Harbour chapter soon after.\n\n"
        "In 2016 the Harbour chapter held a social. In 2017 the Harbour chapter held a meeting on rents. "
        "In 2018 the Harbour chapter voted on a new slate. In 2019 I resigned from the Harbour chapter."
    )
    p = run(text, {"org": ORG, "harbour": ("Branch", ["the Harbour chapter", "its Harbour chapter"])}, primary="org")
    vote = p.node("Event", "vote")
    assert (vote.id, "harbour") in p.rels("OCCURRED_IN")
    assert (vote.id, "org") not in p.rels("OCCURRED_IN")


def test_a_home_chapter_of_a_named_organisation_sets_its_occurrences_in_both() -> None:
    from graph.model import AccountRecord
    from ingest.extract import extract

    text = (
        "Why I left\n\nI joined the Democratic Socialists of America in 2015 and the Harbour City chapter soon after.\n\n"
        "In 2016 the Harbour City chapter held a social. In 2017 the Harbour City chapter held a meeting on rents. "
        "In 2018 the Harbour City chapter voted on a new slate. In 2019 I resigned from the Harbour City chapter."
    )
    document = extract(AccountRecord.from_text("t-home-chapter", text))
    names = {n.id: n.name for n in document.nodes}
    vote = next(n for n in document.nodes if n.label == "Event" and n.properties.get("kind") == "vote")
    settings = {names[r.target] for r in document.relationships if r.type == "OCCURRED_IN" and r.source == vote.id}
    assert "Democratic Socialists of America" in settings
    assert any("Harbour City" in name for name in settings)


def test_a_letter_or_meeting_passing_judgment_on_the_narrator_is_a_response() -> None:
    p = run(
        "In March 2021 I joined the Workers League.\n\n"
        "In May 2021 the treasurer emailed to say I was in arrears and no longer in good standing.\n\n"
        "In June 2021 Kim Dale phoned me late in the evening.\n\n"
        "At the conference in July the secretary told the delegates I had left to join a rival group.",
        {"kim": ("Person", ["Kim Dale"]), "org": ORG},
    )
    assert p.node("Response", containing="emailed to say I was in arrears")
    assert p.node("Response", containing="told the delegates I had left")
    assert p.node("Event", "conversation", containing="phoned me late")


def test_saying_one_disagrees_is_dissent() -> None:
    p = run(
        "In March 2021 I joined the Workers League.\n\n"
        "At the aggregate in May 2021 I said I didn't think the members should pay for the new office.\n\n"
        "At the conference in July two delegates spoke against adopting the report.",
        {"org": ORG},
    )
    assert p.node("Incident", "dissent", containing="I said I didn't think")
    assert p.node("Incident", "dissent", containing="spoke against adopting")


def test_the_title_line_narrates_nothing() -> None:
    p = run(
        "I Was Expelled From The Workers League For Speaking Out. Here's What Happened.\n\n"
        "I joined the Workers League in 2015 and stayed for six years.",
        {"org": ORG},
    )
    assert not p.nodes("Response")


def test_responses_told_in_general_words_of_outcome_silence_and_exclusion() -> None:
    p = run(
        "In March 2021 I complained to the Disputes Committee about the organiser.\n\n"
        "In May 2021 my complaint was not upheld.\n\n"
        "In June 2021 I appealed to the National Council. I never heard a thing.\n\n"
        "In July 2021 I was taken out of the branch Signal group.",
        {"dc": ("LeadershipBody", ["the Disputes Committee"]), "nc": ("LeadershipBody", ["the National Council"])},
    )
    assert p.node("Response", "dismissal", containing="was not upheld")
    assert p.node("Response", "no_action", containing="never heard a thing")
    assert p.node("Response", "isolation", containing="taken out of the branch Signal group")


def test_intimidation_name_calling_and_vandalism_are_incidents() -> None:
    p = run(
        "In March 2021 Sam Holt waited for me outside the hall after the meeting.\n\n"
        "In April 2021 someone scrawled SCAB on the side of my van.\n\n"
        "In May 2021 Sam Holt put up a post calling me a traitor and a grass.",
        {"sam": ("Person", ["Sam Holt"])},
    )
    assert p.node("Incident", "threat", containing="waited for me outside")
    assert p.node("Incident", "harassment", containing="on the side of my van")
    assert p.node("Incident", "harassment", containing="calling me a traitor")


def test_a_trigger_with_an_upper_case_escape_keeps_its_class_when_lowered() -> None:
    from ingest.extract.occurrences.vocabulary import _lower_pattern

    assert _lower_pattern(r"Wrote (?:\S+ ){1,4}\W") == r"wrote (?:\S+ ){1,4}\W"


def test_a_resignation_said_in_the_present_is_the_resignation() -> None:
    for sentence in ("So this post is also my resignation.", "Effective today I am stepping down as chair of our branch.",
                     "I am resigning from the Workers League.", "I hereby resign my membership."):
        p = run("I joined the Workers League in 2015.\n\n" + sentence, {"org": ORG})
        assert p.node("Event", "resigned", containing=sentence.split()[1]), sentence


def test_the_prospect_of_leaving_is_no_resignation() -> None:
    p = run("In 2019 I began to prepare myself for the prospect of leaving the organisation.", {"org": ORG})
    assert not p.nodes("Event", "resigned")


def test_a_lower_case_i_is_the_narrator() -> None:
    p = run("in may 2021 i was suspended by the committee.\n\nin june 2021 i resigned.",
            {"c": ("LeadershipBody", ["the committee"])})
    suspension = p.node("Response", "suspension")
    assert (suspension.id, "narrator") in p.rels("AFFECTS")
    assert p.node("Event", "resigned")


def test_harm_in_general_words_of_consent_doxxing_abuse_and_money() -> None:
    p = run(
        "In March 2019 Sam Holt had sex with her without her consent.\n\n"
        "In April 2019 Sam Holt doxxed me on a public forum.\n\n"
        "In May 2019 the treasurer misappropriated the branch funds.\n\n"
        "In June 2019 Sam Holt made unwanted advances towards a new member.",
        {"sam": ("Person", ["Sam Holt"])},
    )
    assert p.node("Incident", "sexual_assault", containing="without her consent")
    assert p.node("Incident", "harassment", containing="doxxed me")
    assert p.node("Incident", "other", containing="misappropriated")
    assert p.node("Incident", "sexual_harassment", containing="unwanted advances")


def test_you_in_a_turn_of_phrase_or_a_later_clause_leaves_the_telling() -> None:
    p = run(
        "In 2006 I joined the Workers League in my first week on site, because the delegate came round "
        "with the forms and you didn't say no.\n\n"
        "In 2019, I'll be straight with you, Sam Holt threatened me in the car park.\n\n"
        "If you complain, they will expel you.",
        {"org": ORG, "sam": ("Person", ["Sam Holt"])},
    )
    assert p.node("Event", "joined")
    assert p.node("Incident", "threat", containing="threatened me")
    assert not p.nodes("Response", "expulsion")


def test_rumours_silence_and_cutting_off_in_general_words() -> None:
    p = run(
        "In March 2021 I complained to the committee about Sam Holt.\n\n"
        "In April 2021 Sam Holt was telling people I was mentally unwell.\n\n"
        "In May 2021 the committee did not act on it.\n\n"
        "In June 2021 we were instructed not to contact her.",
        {"sam": ("Person", ["Sam Holt"]), "c": ("LeadershipBody", ["the committee"])},
    )
    assert p.node("Incident", "harassment", containing="telling people I was")
    assert p.node("Response", "no_action", containing="did not act on it")
    assert p.node("Response", "isolation", containing="instructed not to contact")


def test_a_body_the_trigger_names_is_who_acted() -> None:
    p = run(
        "In March 2021 Sam Holt assaulted a member at the summer camp.\n\n"
        "After months of pressing the executive committee to act, a control commission was finally called.",
        {"sam": ("Person", ["Sam Holt"]), "ec": ("LeadershipBody", ["the executive committee"]),
         "cc": ("LeadershipBody", ["control commission"])},
    )
    investigation = p.node("Response", "investigation")
    assert (investigation.id, "cc") in p.rels("TAKEN_BY")


def test_he_after_a_setting_and_a_progressive_are_the_accused() -> None:
    p = run(
        "Sam Holt chaired the branch for years.\n\n"
        "At the branch committee meeting in May 2021, he shouted at me across the table.\n\n"
        "In June 2021 Ana Ruiz told me that Sam Holt had been sending her messages late at night.",
        {"sam": ("Person", ["Sam Holt"]), "ana": ("Person", ["Ana Ruiz"]),
         "bc": ("LeadershipBody", ["the branch committee"])},
    )
    shouting = p.node("Incident", "harassment", containing="shouted at me")
    assert ("sam", shouting.id) in p.rels("ACCUSED_IN")
    messages = p.node("Incident", "harassment", containing="sending her messages")
    assert ("sam", messages.id) in p.rels("ACCUSED_IN")


def test_a_pronoun_the_trigger_holds_is_the_target() -> None:
    p = run(
        "Ana Ruiz joined the branch in 2019.\n\n"
        "In June 2021 Sam Holt was sending her messages late at night.",
        {"sam": ("Person", ["Sam Holt"]), "ana": ("Person", ["Ana Ruiz"])},
    )
    messages = p.node("Incident", "harassment", containing="sending her messages")
    assert ("sam", messages.id) in p.rels("ACCUSED_IN") and ("ana", messages.id) in p.rels("TARGET_OF")


def test_a_rule_told_in_the_present_covers_harm_it_does_not_tell_one() -> None:
    p = run(
        "In May 2021 I told her what I knew: that our bylaws give the grievance officer responsibility for harassment.",
        {"org": ORG},
    )
    assert not p.nodes("Incident")


def test_the_compiled_vocabulary_is_built_once_per_lexicon() -> None:
    from ingest.extract.occurrences.vocabulary import vocabulary
    from ingest.lexicon import load_lexicon

    assert vocabulary(load_lexicon()) is vocabulary(load_lexicon())


def test_an_entry_reads_through_quote_marks_but_a_space_in_a_character_class_stays_a_space() -> None:
    from ingest.extract.occurrences.vocabulary import compile_entries

    pattern = compile_entries(["stern talking[- ]to", "make sure (?:I|she) never"])
    assert pattern is not None
    assert pattern.search("he was given a “stern talking-to” and left")
    assert pattern.search("he was given a stern talking to")
    assert pattern.search("said he would “make sure she never stood again”")


def test_dismissals_silences_shielding_and_exclusion_are_responses() -> None:
    p = run(
        "In March 2020 the National Committee dismissed the appeal.\n\n"
        "In April 2020 I wrote to the executive. No reply came from the executive.\n\n"
        "In May 2020 Dan Cole stopped copying me in on the branch casework.\n\n"
        "In June 2020 the complaint had been referred to the party's complaints panel.\n\n"
        "I believe the executive protected Dan Cole because he was useful to them.",
        {"org": ORG, "dan": ("Person", ["Dan Cole"]), "nc": ("LeadershipBody", ["the National Committee"]),
         "ex": ("LeadershipBody", ["the executive"])},
        primary="org",
    )
    assert p.node("Response", "dismissal", containing="dismissed the appeal")
    assert p.node("Response", "no_action", containing="No reply came")
    assert p.node("Response", "isolation", containing="stopped copying me")
    assert p.node("Response", "other", containing="referred")
    assert p.node("Response", "other", containing="protected Dan Cole")


def test_harm_verbs_the_parse_reads_without_a_trigger_phrase() -> None:
    p = run(
        "In 2019 Tom Reed pinned Ann Lee against the wall. In 2020 Dan Cole berated me in front of the branch.",
        {"tom": ("Person", ["Tom Reed"]), "ann": ("Person", ["Ann Lee"]), "dan": ("Person", ["Dan Cole"])},
    )
    assert p.node("Incident", "physical_violence", containing="pinned")
    assert p.node("Incident", "harassment", containing="berated")


def test_money_gone_earlier_complaints_and_new_factions_are_incidents() -> None:
    p = run(
        "In 2019 about £14,500 went out of the strike fund over two years.\n\n"
        "In 2020 I learned that a comrade had complained about Sam Holt's conduct at the 2016 camp.\n\n"
        "In 2021 eleven of us formed the Tendency for Democracy to fight for an elected leadership.",
        {"sam": ("Person", ["Sam Holt"])},
    )
    assert p.node("Incident", "other", containing="£14,500 went out of")
    assert p.node("Incident", "other", containing="complained about Sam Holt's conduct")
    assert p.node("Incident", "dissent", containing="formed the Tendency")


def test_gags_refusals_in_the_passive_and_returns_are_responses() -> None:
    p = run(
        "In March 2021 I complained to the committee about Sam Holt.\n\n"
        "In April 2021 I was told not to discuss the complaint with other members.\n\n"
        "In May 2021 my appeal to the committee was rejected.\n\n"
        "In June 2021 members were told, at the social and online, not to greet me.\n\n"
        "In July 2021 Sam Holt was readmitted by the committee.",
        {"sam": ("Person", ["Sam Holt"]), "c": ("LeadershipBody", ["the committee"])},
    )
    assert p.node("Response", "pressure", containing="not to discuss the complaint")
    assert p.node("Response", "dismissal", containing="appeal to the committee was rejected")
    assert p.node("Response", "isolation", containing="not to greet")
    assert p.node("Response", "other", containing="readmitted")


def test_turning_up_following_deadnaming_and_the_same_thing_again_are_incidents() -> None:
    p = run(
        "In April 2019 Sam Holt turned up at the bakery where she works and waited in the street.\n\n"
        "In May 2019 Sam Holt followed me into the lift after the meeting.\n\n"
        "In June 2019 Dan Cole used my deadname at the stall.\n\n"
        "In July 2019 a woman told me Sam Holt had done the same thing to her at a summer camp.",
        {"sam": ("Person", ["Sam Holt"]), "dan": ("Person", ["Dan Cole"])},
    )
    assert p.node("Incident", "threat", containing="turned up at the bakery")
    assert p.node("Incident", "threat", containing="followed me into the lift")
    assert p.node("Incident", "harassment", containing="used my deadname")
    assert p.node("Incident", "other", containing="done the same thing to her")


def test_members_told_the_narrator_had_left_is_the_organisations_response() -> None:
    p = run("In 2019 I resigned from the League.\n\nIn 2020 I heard that the branch was told I had resigned "
            "\"to spend time with family\".", {"org": ORG}, primary="org")
    assert p.node("Response", "other", containing="was told I had resigned")


def test_asking_someone_to_stop_coming_or_to_step_down_is_a_response() -> None:
    p = run("In July 2019 Sam Holt asked her to stop coming to the stall.\n\n"
            "In August 2019 I was asked by the secretary to step down as treasurer.",
            {"sam": ("Person", ["Sam Holt"])})
    assert p.node("Response", "isolation", containing="to stop coming")
    assert p.node("Response", "pressure", containing="to step down")


def test_quoted_name_calling_a_raised_voice_strangers_asking_where_and_a_lie_told_about_her_are_incidents() -> None:
    p = run(
        "In May 2019 Dan Cole called me \"a wrecker\" in front of the whole branch.\n\n"
        "In June 2019 Tom Reed raised his voice at me during the stall meeting.\n\n"
        "In July 2019 two men came to her workplace asking where she was staying.\n\n"
        "In August 2019 Lee Ward was telling people in the branch that she had made the whole thing up.",
        {"tom": ("Person", ["Tom Reed"]), "dan": ("Person", ["Dan Cole"]), "lee": ("Person", ["Lee Ward"])},
    )
    assert p.node("Incident", "harassment", containing="a wrecker")
    assert p.node("Incident", "harassment", containing="raised his voice at me")
    assert p.node("Incident", "threat", containing="asking where she was staying")
    assert p.node("Incident", "harassment", containing="made the whole thing up")


def test_leave_restorative_meetings_gags_rulings_out_of_order_cautions_and_rota_removals_are_responses() -> None:
    p = run(
        "In March 2020 Dan Cole was placed on paid administrative leave for a fortnight.\n\n"
        "In April 2020 the grievance officer proposed a restorative process between Dan Cole and me.\n\n"
        "In May 2020 the chair ruled my motion out of order and moved on.\n\n"
        "In June 2020 the panel recommended that both of us refrain from discussing the matter with members.\n\n"
        "In July 2020 the executive gave Dan Cole a formal caution.\n\n"
        "In August 2020 I went to pick up my shift and my name wasn't on the rota.",
        {"dan": ("Person", ["Dan Cole"])},
    )
    assert p.node("Response", "suspension", containing="administrative leave")
    assert p.node("Response", "mediation", containing="restorative process")
    assert p.node("Response", "dismissal", containing="out of order")
    assert p.node("Response", "pressure", containing="refrain from discussing")
    assert p.node("Response", "reprimand", containing="formal caution")
    assert p.node("Response", "isolation", containing="on the rota")
