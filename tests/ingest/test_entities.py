"""The entity stage on small hand-written passages: one per label and relationship.

Each test reads what a researcher would expect from the passage; none uses the
sample accounts. Every piece of evidence must be a verbatim slice of the text.
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


def run(text: str, lexicon, account_id: str = "t1", **properties) -> EntityResult:
    result = extract_entities(AccountRecord.from_text(account_id, text, **properties), lexicon)
    for node in result.nodes:
        assert node.evidence, node.id
        for ev in node.evidence:
            assert ev.quote == text[ev.start : ev.end]
    for rel in result.relationships:
        for ev in rel.evidence:
            assert ev.quote == text[ev.start : ev.end]
    for mention in result.mentions:
        assert mention.text == text[mention.start : mention.end]
    assert [m.start for m in result.mentions] == sorted(m.start for m in result.mentions)
    return result


def node(result: EntityResult, label: str, name: str) -> Node:
    wanted = name.casefold()
    for n in result.nodes:
        if n.label == label and (n.name.casefold() == wanted or wanted in (a.casefold() for a in n.aliases)):
            return n
    raise AssertionError(f"no {label} {name!r} in {[(n.label, n.name) for n in result.nodes]}")


def has(result: EntityResult, rel_type: str, source: Node, target: Node | str) -> bool:
    target_id = target if isinstance(target, str) else target.id
    return any(r.type == rel_type and r.source == source.id and r.target == target_id for r in result.relationships)


def test_organisation_from_lexicon_acronym_and_name_are_one_node(lexicon):
    r = run("I joined the International Socialist Organization in 2011. The ISO was my life.", lexicon)
    iso = node(r, "Organization", "ISO")
    assert iso.id == "organization:international-socialist-organization"
    assert iso.properties["kind"] == "party"
    assert len(iso.evidence) == 2
    assert r.primary_organization_id == iso.id


def test_section_from_adjective_is_part_of_its_international(lexicon):
    r = run("I was a member of the Canadian section of the International Marxist Tendency for three years.", lexicon)
    section = node(r, "Organization", "Canadian section")
    imt = node(r, "Organization", "IMT")
    assert section.properties == {"kind": "section", "country": "Canada"}
    assert has(r, "PART_OF", section, imt)


def test_section_named_by_its_rebrand_is_the_same_node(lexicon):
    one = run("The British section of the IMT held a congress.", lexicon, "a1")
    two = run("Socialist Appeal sold papers outside the station; it belongs to the IMT.", lexicon, "a2")
    assert node(one, "Organization", "British section").id == node(two, "Organization", "Socialist Appeal").id


def test_section_without_its_international_uses_the_account_context(lexicon):
    r = run("I left the IMT last year. A comrade from the US section told me why.", lexicon)
    us = node(r, "Organization", "US section")
    assert us.properties["country"] == "United States"
    assert has(r, "PART_OF", us, node(r, "Organization", "IMT"))


def test_ambiguous_acronym_follows_the_country_adjective(lexicon):
    r = run("A representative of the American SWP met us. Later the SWP collapsed in Britain.", lexicon)
    american = node(r, "Organization", "American SWP")
    assert american.properties["country"] == "United States"
    plain = [n for n in r.nodes if n.label == "Organization" and n.id != american.id]
    assert plain and plain[0].properties["country"] == "United Kingdom"


def test_union_local(lexicon):
    r = run("We joined the picket lines of CUPE 3903 during the strike.", lexicon)
    local = node(r, "Organization", "CUPE 3903")
    assert local.properties["kind"] == "union"


def test_unknown_organisation_introduced_with_acronym(lexicon):
    r = run("I joined the Revolutionary Workers League (RWL) in 2015. The RWL was small.", lexicon)
    rwl = node(r, "Organization", "RWL")
    assert rwl.name == "Revolutionary Workers League"
    assert len(rwl.evidence) == 2


def test_leadership_bodies_and_their_acronyms(lexicon):
    text = "I wrote to the Executive Committee (EC) of the ISO. The EC never replied, and the Central Committee backed it."
    r = run(text, lexicon)
    ec = node(r, "LeadershipBody", "EC")
    cc = node(r, "LeadershipBody", "Central Committee")
    iso = node(r, "Organization", "ISO")
    assert ec.properties["kind"] == "executive_committee" and cc.properties["kind"] == "central_committee"
    assert ec.id == "leadershipbody:international-socialist-organization:executive-committee"
    assert has(r, "PART_OF", ec, iso) and has(r, "PART_OF", cc, iso)


def test_leadership_and_control_commission(lexicon):
    text = (
        "I left Fightback. Fightback’s leadership ignored me. The complaint finally went to a control commission. "
        "The commission found him guilty."
    )
    r = run(text, lexicon)
    leadership = node(r, "LeadershipBody", "Fightback’s leadership")
    commission = node(r, "LeadershipBody", "control commission")
    assert leadership.properties["kind"] == "leadership"
    assert commission.properties["kind"] == "control_commission"
    assert len(commission.evidence) == 2  # "the commission" refers back


def test_named_branch_and_branch_alone(lexicon):
    text = "I was in the Leeds branch of Socialist Appeal for two years. Leeds comrades were kind. The branch met weekly."
    r = run(text, lexicon)
    branch = node(r, "Branch", "Leeds branch")
    assert branch.properties["city"] == "Leeds"
    narrator = next(n for n in r.nodes if n.id == r.narrator_id)
    assert has(r, "PART_OF", branch, node(r, "Organization", "Socialist Appeal"))
    assert has(r, "MEMBER_OF", narrator, branch)


def test_city_before_organisation_is_a_branch(lexicon):
    r = run("Some Glasgow DSA members walked out. I stayed in DSA.", lexicon)
    assert node(r, "Branch", "Glasgow").properties["city"] == "Glasgow"


def test_unnamed_branch_is_local_to_the_account(lexicon):
    r = run("I joined the ISO. My branch was tiny.", lexicon, "acc9")
    branch = node(r, "Branch", "my branch")
    assert "acc9" in branch.id


def test_faction_and_back_reference(lexicon):
    text = "I joined the ISO Renewal Faction last year. The Faction was attacked by the Leadership Faction."
    r = run(text, lexicon)
    renewal = node(r, "Faction", "Renewal Faction")
    loyal = node(r, "Faction", "Leadership Faction")
    iso = node(r, "Organization", "ISO")
    assert len(renewal.evidence) == 2
    assert has(r, "PART_OF", renewal, iso) and has(r, "PART_OF", loyal, iso)
    narrator = next(n for n in r.nodes if n.id == r.narrator_id)
    assert has(r, "MEMBER_OF", narrator, renewal)


def test_role_appositive_after_name(lexicon):
    text = "I joined the ISO. I got an email from Priya K, ISO Treasurer and de facto National Organizer."
    r = run(text, lexicon)
    priya = node(r, "Person", "Priya K")
    assert priya.properties["identity"] == "partial"
    treasurer = node(r, "Role", "Treasurer")
    organizer = node(r, "Role", "National Organizer")
    iso = node(r, "Organization", "ISO")
    assert has(r, "HOLDS_ROLE", priya, treasurer) and has(r, "HOLDS_ROLE", priya, organizer)
    assert has(r, "ROLE_IN", treasurer, iso)
    assert has(r, "MEMBER_OF", priya, iso)


def test_role_introduction_with_first_name(lexicon):
    r = run("I joined the IMT. I told my branch secretary, Oskar, about my doubts. Oskar listened.", lexicon)
    oskar = node(r, "Person", "Oskar")
    assert "my branch secretary" in oskar.aliases
    assert len(oskar.evidence) >= 2
    assert has(r, "HOLDS_ROLE", oskar, node(r, "Role", "branch secretary"))


def test_parenthetical_roles_and_short_form(lexicon):
    text = (
        "I joined Fightback. I met Maria Lopez (another EC member who is the founder of the organization). "
        "Maria did not listen."
    )
    r = run(text, lexicon)
    maria = node(r, "Person", "Maria Lopez")
    assert "Maria" in maria.aliases
    assert has(r, "HOLDS_ROLE", maria, node(r, "Role", "EC member"))
    assert has(r, "HOLDS_ROLE", maria, node(r, "Role", "founder"))
    assert has(r, "ROLE_IN", node(r, "Role", "EC member"), node(r, "LeadershipBody", "EC"))
    assert not [n for n in r.nodes if n.name.startswith("another EC member")]


def test_narrator_holds_a_role(lexicon):
    r = run("I joined DSA in 2017. I quickly became a branch chair.", lexicon)
    narrator = next(n for n in r.nodes if n.id == r.narrator_id)
    assert has(r, "HOLDS_ROLE", narrator, node(r, "Role", "branch chair"))


def test_definite_role_refers_to_the_person_just_named(lexicon):
    text = "I joined the IMT. He forwarded my letter to Sam Okafor. It made sense for the regional full-timer to know."
    r = run(text, lexicon)
    sam = node(r, "Person", "Sam Okafor")
    assert "the regional full-timer" in sam.aliases
    assert has(r, "HOLDS_ROLE", sam, node(r, "Role", "regional full-timer"))


def test_narrator_from_header_and_authored(lexicon):
    text = "Title: Why I left\nAuthor: Dana Reyes\n\nI joined the ISO in 2012. I left in 2019."
    r = run(text, lexicon)
    dana = node(r, "Person", "Dana Reyes")
    assert r.narrator_id == dana.id
    assert has(r, "AUTHORED", dana, "t1")
    assert has(r, "MEMBER_OF", dana, node(r, "Organization", "ISO"))
    first_person = [m for m in r.mentions if m.node_id == dana.id and m.text == "I"]
    assert len(first_person) == 3  # the title's "Why I left" is the narrator too
    assert all(ev.quote != "I" for ev in dana.evidence[1:])  # pronouns are mentions, hardly evidence


def test_narrator_from_signature(lexicon):
    text = "To all comrades:\n\nI resign from the ISO today.\n\nKim T (Denver)\n"
    r = run(text, lexicon)
    assert r.narrator_id == "person:kim-t"


def test_anonymous_narrator_is_local_pseudonym(lexicon):
    r = run("I left the IMT because of the leadership.", lexicon, "anon1")
    narrator = next(n for n in r.nodes if n.id == r.narrator_id)
    assert narrator.name == "the author" and narrator.properties["identity"] == "pseudonym"
    assert "anon1" in narrator.id


def test_pseudonyms_possessive_and_definite(lexicon):
    text = (
        "I joined the IMT. My friend was assaulted by the perpetrator. My ex-partner knew. "
        "The perpetrator denied it, and my current partner left."
    )
    r = run(text, lexicon, "p1")
    friend = node(r, "Person", "my friend")
    perpetrator = node(r, "Person", "the perpetrator")
    node(r, "Person", "my ex-partner")
    node(r, "Person", "my current partner")
    assert friend.properties["identity"] == "pseudonym" and friend.id.startswith("person:p1:")
    assert len(perpetrator.evidence) == 2


def test_relative_clause_descriptions_corefer(lexicon):
    text = (
        "I joined Fightback. I was harassed by the man who recruited me to the organization. "
        "Later the comrade that recruited me apologised. The comrade who recruited me to call me was told off."
    )
    r = run(text, lexicon)
    recruiter = node(r, "Person", "the man who recruited me to the organization")
    aliases = {a.casefold() for a in recruiter.aliases}
    assert "the comrade that recruited me" in aliases
    assert "the comrade who recruited me" in aliases
    assert has(r, "MEMBER_OF", recruiter, node(r, "Organization", "Fightback"))


def test_bracketed_pseudonym(lexicon):
    r = run('I left the IMT. He said "[Perpetrator 1] made mistakes."', lexicon)
    assert node(r, "Person", "[Perpetrator 1]").properties["identity"] == "pseudonym"


def test_pseudonym_with_place_and_role(lexicon):
    r = run("I left the IMT. One source says a prominent full-timer in the US section was expelled.", lexicon)
    person = node(r, "Person", "a prominent full-timer in the US section")
    role = node(r, "Role", "full-timer")
    us = node(r, "Organization", "US section")
    assert has(r, "HOLDS_ROLE", person, role)
    assert has(r, "ROLE_IN", role, us)
    assert has(r, "MEMBER_OF", person, us)


def test_description_before_a_name_is_its_alias(lexicon):
    r = run("I joined the ISO. An email from my partner and comrade, Jess T, said the same.", lexicon)
    jess = node(r, "Person", "Jess T")
    assert any(a.startswith("my partner") for a in jess.aliases)
    assert not [n for n in r.nodes if n.name == "my partner"]


def test_names_in_blog_comments_are_not_people(lexicon):
    text = (
        "I left the IMT after Ben Okri shouted at me.\n\n3 thoughts on “Leaving”\n\n"
        "1. Hi Red Watcher – I also love Fredrick Nietzsche and Ben Okri.\n"
    )
    r = run(text, lexicon)
    people = {n.name for n in r.nodes if n.label == "Person"}
    assert "Fredrick Nietzsche" not in people
    assert "Ben Okri" in people
    narrator = next(n for n in r.nodes if n.id == r.narrator_id)
    assert "Red Watcher" in narrator.aliases


def test_common_capitalised_phrases_are_not_people(lexicon):
    text = "I left the IMT. They talked about Gay Lib and Flower Power, and the Russian Civil War. I joined power struggles."
    r = run(text, lexicon)
    assert [n.name for n in r.nodes if n.label == "Person"] == ["the author"]


def test_mentions_cover_organisation_aliases_and_narrator(lexicon):
    r = run("I joined the IMT. The organisation lied to me.", lexicon)
    imt = node(r, "Organization", "IMT")
    texts = [(m.text, m.node_id) for m in r.mentions]
    assert ("The organisation", imt.id) in texts or ("the organisation", imt.id) in texts or any(t.lower() == "the organisation" for t, _ in texts)
    assert ("me", r.narrator_id) in texts


def test_deterministic(lexicon):
    text = "I joined the ISO. My branch secretary, Oskar, and the EC disagreed."
    one = run(text, lexicon)
    two = run(text, lexicon)
    assert [n.to_json() for n in one.nodes] == [n.to_json() for n in two.nodes]
    assert [r.to_json() for r in one.relationships] == [r.to_json() for r in two.relationships]
