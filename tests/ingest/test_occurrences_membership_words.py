"""JOINED and LEFT read from the words, on passages written for these tests:
"I joined X", "and joined X" after a sentence opened by "I", "Y resigned from X",
and units coordinated with the one named ("my membership in X and Z")."""

from __future__ import annotations

import pytest
from test_occurrences_support import run

ENTITIES = {
    "org:party": ("Organization", ["Workers Unity League"]),
    "org:youth": ("Organization", ["Young Workers"]),
    "org:old": ("Organization", ["Progressive Front"]),
    "branch:harbour": ("Branch", ["Harbour branch"]),
    "person:tove": ("Person", ["Tove Lindahl"]),
}


def test_narrator_joining_and_leaving_told_in_words() -> None:
    text = (
        "I left the Progressive Front in 2012, when it had stopped fighting, and joined the Workers Unity League that winter. "
        "Today I am ending my membership in Young Workers and the Workers Unity League."
    )
    passage = run(text, ENTITIES, primary="org:party")
    assert ("narrator", "org:old") in passage.rels("LEFT")
    assert ("narrator", "org:party") in passage.rels("JOINED")
    assert ("narrator", "org:youth") in passage.rels("LEFT")
    assert ("narrator", "org:party") in passage.rels("LEFT")


def test_someone_named_resigning_from_a_unit() -> None:
    text = "The meeting went badly. Afterwards Tove Lindahl resigned from the Harbour branch, and nobody asked why."
    passage = run(text, ENTITIES, primary="org:party")
    assert ("person:tove", "branch:harbour") in passage.rels("LEFT")
    assert ("narrator", "branch:harbour") not in passage.rels("LEFT")


def test_everyone_an_expulsion_falls_on_left_the_organisation() -> None:
    p = run(
        "I joined the Workers League in 2015. On 11 March 2019 the executive expelled Dave Sims, Amira Khan and Joe Lee.",
        {"org": ("Organization", ["the Workers League"]), "ex": ("LeadershipBody", ["the executive"]),
         "dave": ("Person", ["Dave Sims"]), "amira": ("Person", ["Amira Khan"]), "joe": ("Person", ["Joe Lee"])},
        primary="org",
    )
    left = p.rels("LEFT")
    assert {("dave", "org"), ("amira", "org"), ("joe", "org")} <= left


def test_a_narrator_who_says_they_left_left_the_primary_organisation() -> None:
    text = ("I spent six years organising with the Workers Unity League. "
            "By the spring my membership lapsed and I stopped going to anything at all.")
    passage = run(text, ENTITIES, primary="org:party")
    assert ("narrator", "org:party") in passage.rels("LEFT")
    assert passage.rel("LEFT", "narrator", "org:party").properties.get("how") == "lapsed"


@pytest.mark.parametrize("text", [
    "I spent six years organising with the Workers Unity League and I am still there.",
    "I spent six years organising with the Workers Unity League. I was told she left in the spring.",
])
def test_no_leaving_of_the_narrator_told_no_left(text: str) -> None:
    passage = run(text, ENTITIES, primary="org:party")
    assert ("narrator", "org:party") not in passage.rels("LEFT")


def test_leaving_a_branch_is_leaving_its_organisation() -> None:
    from graph.model import AccountRecord
    from ingest.extract import extract

    text = ("Why I left\n\nI joined the Democratic Socialists of America in 2019 and was active in the Harbour City chapter. "
            "In March I left the Harbour City chapter after the vote.")
    document = extract(AccountRecord.from_text("t-left-branch", text))
    left = {(r.source, r.target) for r in document.relationships if r.type == "LEFT"}
    names = {n.id: n.name for n in document.nodes}
    assert any(names[t] == "Democratic Socialists of America" for _, t in left)


def test_others_joining_and_leaving_with_only_a_time_after_the_verb() -> None:
    text = ("I joined the Workers Unity League in 2010. Tove Lindahl joined in 2014 and was my closest comrade. "
            "Nils Berg, a full-timer who has since left, told me the rest. Tove Lindahl left in 2019. "
            "Nils Berg left the room.")
    entities = {**ENTITIES, "person:nils": ("Person", ["Nils Berg"])}
    passage = run(text, entities, primary="org:party")
    assert ("person:tove", "org:party") in passage.rels("JOINED")
    assert ("person:tove", "org:party") in passage.rels("LEFT")
    assert ("person:nils", "org:party") in passage.rels("LEFT")
    assert len([1 for source, _ in passage.rels("LEFT") if source == "person:nils"]) == 1


def test_someone_letting_their_membership_lapse_or_drifting_away_left() -> None:
    text = ("I joined the Workers Unity League in 2010. Tove Lindahl had already drifted away by then. "
            "Nils Berg has since let his membership lapse.")
    entities = {**ENTITIES, "person:nils": ("Person", ["Nils Berg"])}
    passage = run(text, entities, primary="org:party")
    assert {("person:tove", "org:party"), ("person:nils", "org:party")} <= passage.rels("LEFT")
    assert passage.rel("LEFT", "person:nils", "org:party").properties.get("how") == "lapsed"


def test_every_signatory_of_a_joint_resignation_left() -> None:
    from graph.model import AccountRecord
    from ingest.extract import extract

    text = ("Joint resignation from the Democratic Socialists of America\n\n"
            "We joined the Democratic Socialists of America because we believed in it. The steering committee ignored "
            "three complaints of harassment. We hereby resign, effective today.\n\n"
            "Signed,\nTove Lindahl\nNils Berg\nAmira Khan\n")
    document = extract(AccountRecord.from_text("t-joint-resignation", text))
    names = {n.id: n.name for n in document.nodes}
    authors = {names[r.source] for r in document.relationships if r.type == "AUTHORED"}
    left = {names[r.source] for r in document.relationships if r.type == "LEFT"}
    assert {"Tove Lindahl", "Nils Berg", "Amira Khan"} <= authors
    assert authors <= left


def test_everyone_signed_under_the_sign_off_left_though_one_wrote_it() -> None:
    from graph.model import AccountRecord
    from ingest.extract import extract

    text = ("Why we are leaving the Democratic Socialists of America\n\n"
            "We were the elected committee of the Leeds branch. This week all four of us have resigned from "
            "the Democratic Socialists of America. The steering committee ignored three "
            "complaints of harassment.\n\nIn solidarity,\n\nOwen Harte (Chair)\nPriya Nair (Treasurer)\nAmira Khan (Youth Officer)\n"
            "and Tomasz Reilly, Secretary, who wrote this statement on behalf of the committee\n")
    document = extract(AccountRecord.from_text("t-signed-below", text))
    names = {n.id: n.name for n in document.nodes}
    left = {names[r.source] for r in document.relationships if r.type == "LEFT"}
    assert {"Owen Harte", "Priya Nair", "Amira Khan", "Tomasz Reilly"} <= left
