"""People told by a description: which descriptions pick out someone, and where they end.

Hand-written passages (no sample or dev account).
"""

from __future__ import annotations

from graph.model import AccountRecord
from ingest.extract.entities import extract_entities
from ingest.extract.types import EntityResult
from ingest.lexicon import load_lexicon

OPENING = "I joined the Workers Liberty League in 2015 and left in 2021.\n\n"


def _people(text: str) -> dict[str, str]:
    result: EntityResult = extract_entities(AccountRecord.from_text("t1", OPENING + text), load_lexicon())
    return {n.name: n.properties.get("identity", "") for n in result.nodes if n.label == "Person"}


def test_a_relative_clause_ends_where_the_parse_ends_it() -> None:
    people = _people("I moved house because the man who followed me home still drives past my street every week.")
    assert "the man who followed me home" in people


def test_a_description_said_of_someone_is_no_second_person() -> None:
    people = _people("I do not think Colm is cruel. I think he is a man who has repeated that joke for years.")
    assert not any(name.startswith("a man who") for name in people)


def test_a_generic_description_names_no_one() -> None:
    people = _people(
        'The organiser told me that "a cadre who cannot give up one weekend is not a cadre". '
        "A comrade who missed a stall would be criticised for an hour."
    )
    assert not any(name.startswith(("a cadre", "A comrade")) for name in people)


def test_a_clause_on_another_noun_makes_no_person() -> None:
    people = _people("We received a complaint against another member that the branch process could not settle.")
    assert not any("another member" in name for name in people)


def test_a_specific_description_in_a_story_is_a_person() -> None:
    people = _people("In 2019 a comrade who ran the stall with me stopped coming to meetings.")
    assert people.get("a comrade who ran the stall with me") == "pseudonym"


def _person_nodes(text: str) -> dict[str, tuple[str, tuple[str, ...], int]]:
    result = extract_entities(AccountRecord.from_text("t1", OPENING + text), load_lexicon())
    return {n.name: (n.properties.get("identity", ""), n.aliases, len(n.evidence)) for n in result.nodes if n.label == "Person"}


def test_a_stand_in_name_the_narrator_gives_is_one_pseudonym_with_its_description() -> None:
    people = _person_nodes(
        "That spring the branch held a hearing for a steward I'll call R., a bus driver who had questioned the accounts. "
        "R. was not told of the charge, and R.'s sister was warned not to speak to us."
    )
    identity, aliases, evidence = people["R."]
    assert identity == "pseudonym" and "a steward" in aliases and evidence >= 3
    assert not any(name.startswith("a bus driver") for name in people)


def test_a_stand_in_given_with_a_pronoun_and_a_title() -> None:
    people = _person_nodes("One organiser warned me off. I will call her Comrade Q. Comrade Q never spoke to me again.")
    assert people["Comrade Q."][0] == "pseudonym"
    assert len(people) == 2  # and the narrator


def test_a_quoted_stand_in_is_the_person_it_is_given_to() -> None:
    people = _person_nodes('I got a message from a member I am going to call "the heckler". The heckler denied sending it.')
    identity, aliases, _ = people["the heckler"]
    assert identity == "pseudonym" and "a member" in aliases and "The heckler" in aliases


def test_calling_someone_on_the_phone_names_no_stand_in() -> None:
    people = _person_nodes("I'll call Priya tomorrow about the rota, and then I will call the office.")
    assert people["Priya"][0] == "partial"  # a first name, not a stand-in the narrator gives
    assert not any(name.startswith("the office") for name in people)


def _mentions_of(text: str) -> dict[str, list[str]]:
    result = extract_entities(AccountRecord.from_text("t1", OPENING + text), load_lexicon())
    names = {n.id: n.name for n in result.nodes if n.label == "Person"}
    found: dict[str, list[str]] = {}
    for m in result.mentions:
        if m.node_id in names:
            found.setdefault(names[m.node_id], []).append(m.text)
    return found


def test_procedural_labels_are_the_stand_ins_they_stand_for() -> None:
    mentions = _mentions_of(
        "I will write of [Person X], who made the complaint, and [Person Y], the member it was about. "
        'The office wrote: "The complainant has left. The respondent remains a member."'
    )
    assert "The complainant" in mentions["[Person X]"] and "The respondent" in mentions["[Person Y]"]
    assert not any(name.lower().startswith(("the complainant", "the respondent")) for name in mentions)


def test_a_procedural_label_no_stand_in_fits_is_no_new_person() -> None:
    mentions = _mentions_of("[Survivor 1] spoke to the panel. Later a friend of the complainant was asked to leave the room.")
    assert "[Survivor 1]" in mentions
    assert not any(name.lower().startswith("the complainant") for name in mentions)


def test_a_title_with_its_full_stop_and_a_surname_is_a_person() -> None:
    people = _person_nodes("The region sent an investigator, Ms. Varga, to interview us. Varga was thorough. Mr. Tom Reed agreed.")
    assert people["Ms. Varga"][0] == "partial" and "Varga" in people["Ms. Varga"][1]
    assert people["Tom Reed"][0] == "named"


def test_a_verb_opening_quoted_words_is_not_a_first_name() -> None:
    people = _person_nodes('A man rang and said "Tell Rory to keep his head down" before hanging up. Rory is my cousin.')
    assert not any(name.startswith("Tell") for name in people)


def test_a_family_member_is_a_person_of_the_account() -> None:
    people = _person_nodes("I missed a branch meeting to visit my grandmother in hospital, and I was criticised for it.")
    assert people["my grandmother"][0] == "pseudonym"


def test_a_comment_signed_with_a_dash_and_a_date_makes_its_commenter() -> None:
    people = _person_nodes(
        "I left the League in 2021 and I do not regret it.\n\n3 comments\n\n"
        "Pilar V. - June 4, 2023\nI left the League too, in 2019.\n\n"
        "oldhand_77 - June 5, 2023\nI was on the national committee then.\n"
    )
    assert people["Pilar V"][0] == "partial"
    assert people["oldhand_77"][0] == "pseudonym"
