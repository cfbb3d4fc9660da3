"""General rules of the entity stage, each on a short passage written for it.

The passages are invented for these tests (no sample or evaluation account is
quoted); each test names the rule it checks and the items a reader expects.
"""

from __future__ import annotations

import pytest

from graph.model import AccountRecord, Node
from ingest.extract.entities import extract_entities
from ingest.extract.types import EntityResult
from ingest.lexicon import load_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def run(text: str, lexicon, account_id: str = "t1") -> EntityResult:
    result = extract_entities(AccountRecord.from_text(account_id, text), lexicon)
    for item in [*result.nodes, *result.relationships]:
        for ev in item.evidence:
            assert ev.quote == text[ev.start : ev.end]
    return result


def names(result: EntityResult, label: str) -> set[str]:
    return {n.name for n in result.nodes if n.label == label}


def node(result: EntityResult, label: str, name: str) -> Node:
    for n in result.nodes:
        if n.label == label and (n.name == name or name in n.aliases):
            return n
    raise AssertionError(f"no {label} {name!r} in {sorted(n.name for n in result.nodes if n.label == label)}")


def has(result: EntityResult, rel_type: str, source: Node | str, target: Node | str) -> bool:
    s = source if isinstance(source, str) else source.id
    t = target if isinstance(target, str) else target.id
    return any(r.type == rel_type and r.source == s and r.target == t for r in result.relationships)


# --- people's names -----------------------------------------------------------


def test_places_and_things_are_not_people(lexicon):
    text = (
        "I joined the SWP in 2001. The North Yorkshire region met monthly and the Upper Valley comrades came too. "
        "My article for the Internal Bulletin was refused. Priya Desai, our organiser, agreed with me."
    )
    people = names(run(text, lexicon), "Person")
    assert "Priya Desai" in people
    assert not people & {"North Yorkshire", "Upper Valley", "Internal Bulletin"}


def test_a_name_never_crosses_a_line_break(lexicon):
    text = "I resign from the SWP.\n\nIn solidarity,\n\nOwen Pritchard\nBarnsley branch\n"
    r = run(text, lexicon)
    assert "Owen Pritchard" in names(r, "Person")
    assert node(r, "Branch", "Barnsley branch").properties["city"] == "Barnsley"


def test_the_pronoun_i_is_not_an_initial(lexicon):
    text = "I left the ISO last year. Friends I had known for years stopped calling."
    assert "Friends I" not in names(run(text, lexicon), "Person")


def test_bracketed_stand_in_name_is_local_to_its_account(lexicon):
    text = "I joined the SWP in 2010. A full-timer, whom I will call [Member B], shouted at me. [Member B] later left."
    one = node(run(text, lexicon, "acc1"), "Person", "[Member B]")
    two = node(run(text, lexicon, "acc2"), "Person", "[Member B]")
    assert one.properties["identity"] == "pseudonym"
    assert one.id != two.id and "acc1" in one.id


# --- branches, regions and districts --------------------------------------------


def test_regions_and_districts_are_branch_like_units(lexicon):
    text = (
        "I joined the Socialist Party in the Hull branch. In 2015 the Yorkshire region held a day school, "
        "and the Sheffield district sent a coach. Our district organiser spoke."
    )
    r = run(text, lexicon)
    sp = node(r, "Organization", "Socialist Party")
    for name in ("Hull branch", "Yorkshire region", "Sheffield district"):
        assert has(r, "PART_OF", node(r, "Branch", name), sp)
    # "district organiser" is a title, not a district called "Our".
    assert len(names(r, "Branch")) == 3


def test_place_before_an_organisation_is_its_chapter(lexicon):
    text = (
        "I joined Cedar Plains DSA in 2019. The chapter was small but lively, and my chapter's "
        "steering committee met every week. I left Cedar Plains DSA in 2022."
    )
    r = run(text, lexicon)
    chapter = node(r, "Branch", "Cedar Plains DSA")
    assert "Cedar Plains" not in names(r, "Person")
    assert has(r, "PART_OF", chapter, "organization:democratic-socialists-of-america")
    assert len(names(r, "Branch")) == 1  # "my chapter" and "the chapter" are the same one


# --- bodies, union locals and slates --------------------------------------------


def test_general_body_vocabulary(lexicon):
    text = (
        "I joined DSA in 2018 and was elected to the steering committee. My complaint went to the safer spaces panel, "
        "then to the harassment grievance officers. The HGOs sat on it for months. The regional committee never met."
    )
    r = run(text, lexicon)
    bodies = {n.name: n.properties.get("kind") for n in r.nodes if n.label == "LeadershipBody"}
    assert bodies["steering committee"] == "executive_committee"
    assert bodies["safer spaces panel"] == "control_commission"
    assert bodies["harassment grievance officers"] == "control_commission"
    assert bodies["regional committee"] == "other"
    assert "HGOs" in node(r, "LeadershipBody", "harassment grievance officers").aliases


def test_the_centre_of_something_is_not_the_leadership(lexicon):
    text = "I joined the IMT in 2012. For years the branch was the centre of my life."
    assert "leadership" not in names(run(text, lexicon), "LeadershipBody")


def test_a_leadership_named_once_in_passing_is_no_body(lexicon):
    text = "I joined the ISO in 2012 and left in 2016. Loyalty mattered more to its leadership than the truth."
    assert not names(run(text, lexicon), "LeadershipBody")


def test_curly_apostrophe_in_an_organisation_name(lexicon):
    text = "I joined the Committee for a Workers’ International (CWI) in 2004."
    orgs = names(run(text, lexicon), "Organization")
    assert orgs == {"Committee for a Workers' International"}


def test_union_local_references_and_its_union(lexicon):
    text = (
        "I joined SEIU Local 1199 in 2015. The Local's executive board ignored my grievance, and Local 1199 "
        "never answered. I still believe in SEIU and its members."
    )
    r = run(text, lexicon)
    local = node(r, "Organization", "SEIU Local 1199")
    assert has(r, "PART_OF", local, node(r, "Organization", "Service Employees International Union"))
    board = node(r, "LeadershipBody", "executive board")
    assert has(r, "PART_OF", board, local)


def test_a_named_slate_is_a_faction_of_the_union_electing(lexicon):
    text = (
        "I joined the ISO in 2010. Our union, CUPE Local 79, held elections in 2015, and the ISO backed the "
        "“Fair Deal” slate led by the local president. I campaigned against the slate. Later Dorothy's slate lost."
    )
    r = run(text, lexicon)
    slate = node(r, "Faction", "Fair Deal slate")
    assert has(r, "PART_OF", slate, node(r, "Organization", "CUPE Local 79"))
    assert len(names(r, "Faction")) == 1
