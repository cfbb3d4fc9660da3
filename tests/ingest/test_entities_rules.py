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


# --- roles and who holds them -------------------------------------------------------


def test_title_before_a_name_and_title_of_a_named_branch(lexicon):
    text = (
        "I joined the SWP in 2005. I told Maria Lopes, the secretary of the Bristol branch, about it. "
        "A year later Maria was moved from branch secretary to membership secretary."
    )
    r = run(text, lexicon)
    maria = node(r, "Person", "Maria Lopes")
    bristol = node(r, "Branch", "Bristol branch")
    secretary = node(r, "Role", "branch secretary")
    assert has(r, "ROLE_IN", secretary, bristol)
    assert has(r, "HOLDS_ROLE", maria, secretary)
    assert has(r, "HOLDS_ROLE", maria, node(r, "Role", "membership secretary"))
    assert has(r, "MEMBER_OF", maria, bristol)
    assert len([n for n in r.nodes if n.label == "Role" and n.name == "branch secretary"]) == 1


def test_titles_with_possessive_units_and_its(lexicon):
    text = (
        "I joined the ISO in 2009 and later became a steward in CUPE Local 501. The Local's president, "
        "Hugh Barr, ignored me. My complaint went to the disputes committee. Its convenor, Nadia Roy, was kind."
    )
    r = run(text, lexicon)
    local = node(r, "Organization", "CUPE Local 501")
    president = node(r, "Role", "president")
    assert has(r, "ROLE_IN", president, local)
    assert has(r, "HOLDS_ROLE", node(r, "Person", "Hugh Barr"), president)
    assert has(r, "MEMBER_OF", node(r, "Person", "Hugh Barr"), local)
    convenor = node(r, "Role", "convenor")
    committee = node(r, "LeadershipBody", "disputes committee")
    assert has(r, "ROLE_IN", convenor, committee)
    assert has(r, "HOLDS_ROLE", node(r, "Person", "Nadia Roy"), convenor)
    assert has(r, "HOLDS_ROLE", r.narrator_id, node(r, "Role", "shop steward"))


def test_plural_title_with_one_named_holder(lexicon):
    text = "I joined DSA in 2019. One of the co-chairs, Imani Brooks, ran the meeting. The co-chairs never answered."
    r = run(text, lexicon)
    assert has(r, "HOLDS_ROLE", node(r, "Person", "Imani Brooks"), node(r, "Role", "co-chair"))
    assert len([n for n in r.nodes if n.label == "Role"]) == 1


def test_role_verbs_give_the_holder(lexicon):
    text = (
        "I joined the Socialist Party in 2010. Colin Baptiste resigned as treasurer in 2014. "
        "Last year I learned that Colin Baptiste had been appointed to a new post as the party's youth organiser. "
        "He remained the district organiser for Tyneside. The committee removed me as press officer."
    )
    r = run(text, lexicon)
    colin = node(r, "Person", "Colin Baptiste")
    for title in ("Treasurer", "youth organiser", "district organiser"):
        assert has(r, "HOLDS_ROLE", colin, node(r, "Role", title)), title
    assert has(r, "HOLDS_ROLE", r.narrator_id, node(r, "Role", "press officer"))
    # "for Tyneside" says where the organiser works; the post is the party's.
    assert has(r, "ROLE_IN", node(r, "Role", "district organiser"), node(r, "Organization", "Socialist Party"))


def test_title_is_name_and_name_as_title(lexicon):
    text = (
        "I joined the ISO in 2001. At the union election the candidate for vice-president was Pat Moy. "
        "The letter was signed by Lena Ortiz as chair."
    )
    r = run(text, lexicon)
    assert has(r, "HOLDS_ROLE", node(r, "Person", "Pat Moy"), node(r, "Role", "vice-president"))
    assert has(r, "HOLDS_ROLE", node(r, "Person", "Lena Ortiz"), node(r, "Role", "chair"))


def test_chapter_story_puts_posts_in_the_chapter(lexicon):
    text = (
        "I joined Ridgeway DSA in 2018. The chapter was my life. The chapter treasurer, Omar Haddad, chased my dues, "
        "and the chapter's co-chair, Bea Lund, ignored my email. The chapter never apologised."
    )
    r = run(text, lexicon)
    chapter = node(r, "Branch", "Ridgeway DSA")
    assert has(r, "ROLE_IN", node(r, "Role", "Treasurer"), chapter)
    assert has(r, "ROLE_IN", node(r, "Role", "co-chair"), chapter)
    assert has(r, "MEMBER_OF", node(r, "Person", "Omar Haddad"), chapter)


def test_founder_of_a_faction_is_no_post(lexicon):
    text = "I joined DSA in 2016 and was one of the founders of the Green Shoots Caucus."
    assert not names(run(text, lexicon), "Role")


# --- the narrator and commenters ------------------------------------------------------


def test_my_name_is_names_the_narrator(lexicon):
    text = "Statement on my suspension\n\nMy name is Odile Marchand. I joined the ISO in 2012 and was its treasurer."
    r = run(text, lexicon)
    assert r.narrator_id == "person:odile-marchand"
    assert has(r, "AUTHORED", r.narrator_id, "t1")
    assert has(r, "HOLDS_ROLE", r.narrator_id, node(r, "Role", "Treasurer"))


def test_signed_comments_are_people_and_anonymous_ones_are_not(lexicon):
    text = (
        "Why I left DSA\n\nPosted on May 2, 2022 by leftbehind_77\n\nI joined DSA in 2018 and left this year.\n\n"
        "3 comments\n\n"
        "Gwen R. says:\nMay 2, 2022 at 9:00 pm\nI was on the steering committee then. This matches what I saw.\n\n"
        "anon says:\nMay 3, 2022 at 8:00 am\nSame in my chapter.\n\n"
        "oldtrot says:\nMay 3, 2022 at 10:00 am\nI left the SWP in 2013 and joined DSA later.\n\n"
        "leftbehind_77 says:\nMay 3, 2022 at 11:00 am\nGwen, thank you.\n"
    )
    r = run(text, lexicon)
    people = names(r, "Person")
    assert {"Gwen R", "oldtrot", "the author"} <= people
    assert not people & {"anon", "leftbehind_77"}
    assert "leftbehind_77" in node(r, "Person", "the author").aliases
    gwen = node(r, "Person", "Gwen R")
    assert has(r, "MEMBER_OF", gwen, node(r, "LeadershipBody", "steering committee"))
    oldtrot = node(r, "Person", "oldtrot")
    assert oldtrot.properties["identity"] == "pseudonym" and "t1" in oldtrot.id
    assert has(r, "MEMBER_OF", oldtrot, "organization:democratic-socialists-of-america")


# --- descriptions of people -------------------------------------------------------------


def test_a_man_said_once_by_what_he_did_is_someone_told_before(lexicon):
    text = (
        "I joined the SWP in 2008. Dan Hale, our organiser, shouted at me in a meeting. "
        "The party later promoted the man who shouted at me. The person who complains is always the problem."
    )
    people = names(run(text, lexicon), "Person")
    assert "Dan Hale" in people
    assert not any(p.startswith(("the man who", "the person who")) for p in people)


def test_a_repeated_clause_description_is_one_person(lexicon):
    text = (
        "I joined the IMT in 2015. The comrade who recruited me was kind at first. "
        "Later the comrade who recruited me started to follow me home, and the comrade who'd followed me home was never disciplined."
    )
    people = [n for n in run(text, lexicon).nodes if n.label == "Person" and n.name != "the author"]
    assert len(people) == 1 and people[0].name.lower() == "the comrade who recruited me"


def test_generic_and_self_descriptions_make_no_person(lexicon):
    text = (
        "I joined DSA in 2019 and I filed a grievance in 2021. The committee asked whether I knew how serious "
        "it was to complain against a full-timer. It closed the case 'at the complainant's request'. "
        "If you are a member of Brookfield DSA, ask to see the file."
    )
    assert names(run(text, lexicon), "Person") == {"the author"}


def test_a_post_holder_at_a_body(lexicon):
    text = "I joined the Socialist Party in 2011 and resigned in 2020. A full-timer at the national office asked me to return my card."
    r = run(text, lexicon)
    person = node(r, "Person", "A full-timer at the national office")
    assert has(r, "HOLDS_ROLE", person, node(r, "Role", "full-timer"))
    assert has(r, "MEMBER_OF", person, node(r, "LeadershipBody", "National Office"))
    assert has(r, "MEMBER_OF", person, node(r, "Organization", "Socialist Party"))


# --- memberships ------------------------------------------------------------------------


def test_who_sits_on_a_body_and_one_of_a_group(lexicon):
    text = (
        "I joined the Socialist Party in 2012 and in 2018 I was elected to the Wessex regional committee. "
        "Nell Shaw, who sits on the National Committee, phoned me. I was interviewed by two members of the "
        "disputes committee, one of whom, Ravi Mehta, did the talking. Two comrades, one of them Jules Park, left."
    )
    r = run(text, lexicon)
    sp = node(r, "Organization", "Socialist Party")
    assert has(r, "MEMBER_OF", r.narrator_id, node(r, "LeadershipBody", "regional committee"))
    assert not names(r, "Branch")  # "Wessex" only names the committee
    nell, ravi, jules = (node(r, "Person", n) for n in ("Nell Shaw", "Ravi Mehta", "Jules Park"))
    assert has(r, "MEMBER_OF", nell, node(r, "LeadershipBody", "National Committee")) and has(r, "MEMBER_OF", nell, sp)
    assert has(r, "MEMBER_OF", ravi, node(r, "LeadershipBody", "Disputes Committee")) and has(r, "MEMBER_OF", ravi, sp)
    assert has(r, "MEMBER_OF", jules, sp)


def test_led_by_called_stand_in_and_leaving(lexicon):
    text = (
        "I joined the ISO in 2010. Our union, CUPE Local 12, had an executive board, now chaired by Greta Lind. "
        "A member I'm going to call “the organiser” threatened me. A young member, whose name was given as [Member C], "
        "complained too. Hal Brun has since left Local 12."
    )
    r = run(text, lexicon)
    local = node(r, "Organization", "CUPE Local 12")
    assert has(r, "MEMBER_OF", node(r, "Person", "Greta Lind"), node(r, "LeadershipBody", "executive board"))
    assert has(r, "MEMBER_OF", node(r, "Person", "Greta Lind"), local)
    assert r.primary_organization_id is not None
    assert has(r, "MEMBER_OF", node(r, "Person", "[Member C]"), r.primary_organization_id)
    assert has(r, "MEMBER_OF", node(r, "Person", "Hal Brun"), local)


def test_members_of_a_chapter_story_belong_to_the_chapter(lexicon):
    text = (
        "I joined Pinecrest DSA in 2019. The chapter was small. The chapter met monthly and the chapter had "
        "two grievance officers. One of them, Ines Soto, took my complaint. The chapter ignored her."
    )
    r = run(text, lexicon)
    ines = node(r, "Person", "Ines Soto")
    assert has(r, "MEMBER_OF", ines, node(r, "LeadershipBody", "harassment grievance officers"))
    assert has(r, "MEMBER_OF", ines, node(r, "Branch", "Pinecrest DSA"))
    assert has(r, "MEMBER_OF", ines, "organization:democratic-socialists-of-america")


def test_a_branch_named_through_its_committee_or_a_possessor(lexicon):
    text = ("I joined the ISO in 2009. By 2011 I was on the Milwaukee branch committee. "
            "Later I did mass work for the ISO's Oakland branch.")
    r = run(text, lexicon)
    assert {"Milwaukee branch", "Oakland branch"} <= names(r, "Branch")
    assert "branch committee" in {n.name.lower() for n in r.nodes if n.label == "LeadershipBody"}
