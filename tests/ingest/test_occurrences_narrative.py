"""Which sentences narrate: a hypothesis cue after the sentence has told a deed
is reported talk, not a hypothesis of the narrator's (hand-written passages)."""

from __future__ import annotations

from test_occurrences_support import run

from ingest.extract.occurrences.scan import dated_entries
from ingest.extract.occurrences.vocabulary import vocabulary
from ingest.lexicon import load_lexicon

ORG = ("Organization", ["the Workers League", "the League"])


def test_a_deed_told_before_a_whether_clause_is_narrated() -> None:
    p = run(
        "On 2 May 2020 I emailed the draft to nine comrades, asking whether they would sign it.",
        {"org": ORG},
        primary="org",
    )
    assert p.nodes("Event", "correspondence")


def test_a_hypothesis_told_before_any_deed_is_not() -> None:
    p = run("If the committee expelled every critic, nobody would be left in the League.", {"org": ORG}, primary="org")
    assert not p.nodes("Response")


def test_talk_to_the_reader_is_never_narrated() -> None:
    p = run("Once you have joined, you will be expelled for asking questions.", {"org": ORG}, primary="org")
    assert not p.nodes("Response") and not p.nodes("Event")


def test_the_same_kind_of_event_by_other_people_is_another_event() -> None:
    p = run(
        "Ann Lee resigned from the League over the report. A week later I resigned from the League as well.",
        {"org": ORG, "ann": ("Person", ["Ann Lee"])},
        primary="org",
    )
    assert len(p.nodes("Event", "resigned")) == 2


def test_harm_told_with_a_time_of_its_own_is_another_incident() -> None:
    p = run(
        "She told me that in the January Dan Cole had smashed the kitchen door during a row, "
        "and that in the February he had pushed her down the stairs.",
        {"org": ORG, "dan": ("Person", ["Dan Cole"])},
        primary="org",
    )
    assert len(p.nodes("Incident")) == 2


def test_a_gathering_named_to_date_something_else_is_no_event() -> None:
    p = run(
        "Two weeks before the national convention, I was sent the new rota. "
        "In the pre-conference period I wrote a short piece.",
        {"org": ORG},
        primary="org",
    )
    assert not p.nodes("Event", "meeting")


def test_a_gathering_where_something_happened_is_an_event() -> None:
    p = run("At the branch meeting on 3 May 2019, I argued against the motion.", {"org": ORG}, primary="org")
    assert p.nodes("Event", "meeting")


def test_an_occurrence_is_evidenced_by_the_sentence_that_tells_it() -> None:
    text = ("In May 2019, after a long evening of arguments about the rota that nobody enjoyed, "
            "the steering committee suspended Ann Lee.")
    p = run(text, {"org": ORG, "ann": ("Person", ["Ann Lee"]),
                   "sc": ("LeadershipBody", ["the steering committee"])}, primary="org")
    suspension = p.node("Response", "suspension")
    assert suspension.evidence[0].quote == text


def test_the_narrator_speaking_now_tells_no_occurrence() -> None:
    p = run(
        "I am writing this because the man who harassed me was never suspended.",
        {"org": ORG},
        primary="org",
    )
    assert not p.nodes("Incident") and not p.nodes("Response")


def test_a_comment_header_line_is_not_part_of_the_comment() -> None:
    text = ("I left the League in 2020.\n\nJo Park says:\nMay 2, 2021 at 9:40 pm\n"
            "I was expelled from the League in 2019 for asking questions.")
    p = run(text, {"org": ORG}, primary="org")
    expulsion = p.node("Response", "expulsion")
    assert all("says:" not in e.quote for e in expulsion.evidence)


def test_a_trigger_reaches_across_an_apposition() -> None:
    p = run(
        "In May 2021 I asked the chair, Ann Lee, whether the steering committee had decided this.",
        {"org": ORG, "ann": ("Person", ["Ann Lee"])},
        primary="org",
    )
    assert p.nodes("Event", "conversation")


def test_no_reply_is_no_action() -> None:
    p = run("I appealed to the League in May 2021. I have had no acknowledgement at all.", {"org": ORG},
            primary="org")
    assert p.nodes("Response", "no_action")


def test_the_narrator_questioning_a_decision_is_dissent() -> None:
    p = run("In October 2022 I questioned the decision at the branch committee.", {"org": ORG}, primary="org")
    assert p.nodes("Incident", "dissent")


def test_an_event_told_as_an_intention_is_no_event() -> None:
    p = run("By the spring of 2020 I was readying myself to quit the League.", {"org": ORG}, primary="org")
    assert not p.nodes("Event", "resigned")


def test_a_decision_to_leave_is_the_leaving() -> None:
    p = run("In May 2020 I decided to leave the League.", {"org": ORG}, primary="org")
    assert p.nodes("Event", "resigned")


TIMELINE = (
    "Timeline\n\n"
    "- 4 March 2016. I join the League at a stall.\n"
    "- 23 July 2016. Dan Cole shoves Ann Lee against a wall at the social.\n"
    "- 9 August 2016. The committee expels Ann Lee from the League.\n"
)


def test_a_timeline_entry_narrates_in_the_present() -> None:
    p = run(TIMELINE, {"org": ORG, "dan": ("Person", ["Dan Cole"]), "ann": ("Person", ["Ann Lee"]),
                       "com": ("LeadershipBody", ["the committee"])}, primary="org")
    assert p.nodes("Incident") and p.nodes("Response", "expulsion")


def test_the_present_outside_a_dated_entry_tells_a_habit() -> None:
    p = run("The committee expels anyone who disagrees with it.", {"org": ORG,
            "com": ("LeadershipBody", ["the committee"])}, primary="org")
    assert not p.nodes("Response")


def test_a_diary_heading_dates_the_entries_below_it() -> None:
    text = "3 March\n\nThe secretary messages her again.\n\n10 March\n\nShe shows me.\n\n14 March\n\nI complain."
    entries = [text[a:b] for a, b in dated_entries(text, vocabulary(load_lexicon()))]
    assert entries == ["The secretary messages her again.", "She shows me.", "I complain."]


def test_one_date_line_heading_a_letter_makes_no_diary() -> None:
    assert dated_entries("12 May 2021\n\nDear comrades,\n\nThe committee expels critics.", vocabulary(load_lexicon())) == []


def test_an_undated_event_nobody_takes_part_in_is_background() -> None:
    p = run("I joined the League in 2015. The motion passed 41 to 29. On 3 May 2016 I resigned from the League.",
            {"org": ORG}, primary="org")
    assert not p.nodes("Event", "vote")
    assert p.nodes("Event", "resigned")


def test_a_timeline_entry_opening_with_i_am_still_narrates() -> None:
    text = ("Timeline\n\n2019-03-02: I join the League.\n\n2019-05-04: The committee meets.\n\n"
            "2021-03-02: The committee writes. I am suspended pending an appeal.\n")
    p = run(text, {"org": ORG, "com": ("LeadershipBody", ["the committee"])}, primary="org")
    assert p.node("Response", "suspension", containing="I am suspended")


def test_seasons_bare_years_and_marked_up_headings_open_entries() -> None:
    vocab = vocabulary(load_lexicon())
    text = ("Autumn 2017 — Ann joins the branch.\n2019 (most of it) — Ann comes to every meeting.\n"
            "2018 was a long year.\n")
    assert [text[a:b].split(" —")[0] for a, b in dated_entries(text, vocab)] == ["Autumn 2017", "2019 (most of it)"]
    diary = "## Monday 3 June\n\nThe secretary rings her.\n\n**Tuesday 4 June**\n\nShe tells me.\n\n## Friday 7 June\n\nI complain."
    assert [diary[a:b] for a, b in dated_entries(diary, vocab)] == ["The secretary rings her.", "She tells me.", "I complain."]


def test_an_undated_conversation_with_nobody_else_named_is_background() -> None:
    p = run("I joined the League in 2015. Afterwards I had long conversations about it, mostly late at night. "
            "Then I spoke to Ann Lee about the secretary.", {"org": ORG, "ann": ("Person", ["Ann Lee"])}, primary="org")
    talks = p.nodes("Event", "conversation")
    assert len(talks) == 1 and "Ann Lee" in talks[0].evidence[0].quote
