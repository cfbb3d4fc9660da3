"""Membership told in so many words, on passages written for these tests.

"X, a member of the Y", "X and Z, both members of the Y", "X from the Y
branch", a signature line "X, former treasurer, Y branch", and the one-branch
default (an account told from a single branch places the comrades it names in
that branch).
"""

from __future__ import annotations

from graph.model import AccountRecord
from ingest.extract.entities import extract_entities
from ingest.extract.types import EntityResult
from ingest.lexicon import load_lexicon

TWO_BRANCHES = """Why we left the Socialist Workers Party

We were members of the Socialist Workers Party for many years. Our complaint went first to Petra Lindqvist, a long-standing member of the Central Committee. Later we spoke to Osman Farouk from the Norwich branch and to Ines Barrow and Kofi Mensah, both members of the Disputes Committee. Hal Dunmore was also a member of the Exeter branch until last year.

Nobody answered us.

Rhiannon Teague, former treasurer, Exeter branch
"""

ONE_BRANCH = """Leaving the Socialist Party

I joined the Socialist Party in 2015 and my branch was the Hull branch. In 2020 Bernard Okoye, who everyone liked, began shouting at newer comrades. Greta Sorensen asked him to stop. I resigned in 2022.
"""


def _members(result: EntityResult) -> set[tuple[str, str]]:
    names = {n.id: n.name for n in result.nodes}
    return {(names[r.source], names[r.target]) for r in result.relationships if r.type == "MEMBER_OF"}


def _extract(account_id: str, text: str) -> EntityResult:
    return extract_entities(AccountRecord.from_text(account_id, text), load_lexicon())


def test_member_of_phrases_place_people_in_their_units() -> None:
    members = _members(_extract("t-phrases", TWO_BRANCHES))
    assert ("Petra Lindqvist", "Central Committee") in members
    assert ("Osman Farouk", "Norwich branch") in members
    assert ("Ines Barrow", "Disputes Committee") in members or ("Ines Barrow", "control commission") in members
    assert ("Kofi Mensah", "Disputes Committee") in members or ("Kofi Mensah", "control commission") in members
    assert ("Hal Dunmore", "Exeter branch") in members
    assert ("Rhiannon Teague", "Exeter branch") in members
    # With two branches named, nobody is placed in one without words saying so.
    assert ("Petra Lindqvist", "Norwich branch") not in members
    assert ("Petra Lindqvist", "Exeter branch") not in members


def test_one_branch_account_places_named_comrades_in_it() -> None:
    members = _members(_extract("t-one-branch", ONE_BRANCH))
    branch = next(target for source, target in members if target.startswith("Hull"))
    assert ("Bernard Okoye", branch) in members
    assert ("Greta Sorensen", branch) in members


SECTION = """Why I left the Workers Liberation Front

The Workers Liberation Front (WLF) is the Danish section of the International Communist Current Tendency, and like its sister groups it is run from above. Lene Holm, who was treasurer for six years, told me the accounts were never shown to members.
"""


def test_told_section_is_part_of_its_international_and_who_was_gives_a_post() -> None:
    result = _extract("t-section", SECTION)
    names = {n.id: n.name for n in result.nodes}
    part_of = {(names[r.source], names[r.target]) for r in result.relationships if r.type == "PART_OF"}
    assert ("Workers Liberation Front", "International Communist Current Tendency") in part_of
    kinds = {n.name: n.properties.get("kind") for n in result.nodes if n.label == "Organization"}
    assert kinds["International Communist Current Tendency"] == "international"
    holds = {(names[r.source], names[r.target]) for r in result.relationships if r.type == "HOLDS_ROLE"}
    assert ("Lene Holm", "Treasurer") in holds


APPOSITIONS = """Leaving the Socialist Party

I joined the Socialist Party in 2010. The mediation was run by a member of the National Committee, Ruth Okafor. Two days later a branch committee member, Sean Pryce, phoned me. Alan Reyes, a steering committee member I had met twice, called as well. In January there was a meeting of the finance subcommittee (Jo Pettifer, Kim Rao and myself).
"""


def test_membership_told_in_an_apposition_or_a_bracketed_list_of_members() -> None:
    members = _members(_extract("m_apposition", APPOSITIONS))
    assert {
        ("Ruth Okafor", "National Committee"),
        ("Sean Pryce", "branch committee"),
        ("Alan Reyes", "steering committee"),
        ("Jo Pettifer", "finance subcommittee"),
        ("Kim Rao", "finance subcommittee"),
        ("the author", "finance subcommittee"),
    } <= members
