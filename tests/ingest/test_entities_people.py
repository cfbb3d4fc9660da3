"""People: the recogniser and the dictionary of given names beside the capitalisation rules.

Hand-written passages (no sample or dev account): firms and places written like
names are no one, list verbs are not first names, lone first names are people.
"""

from __future__ import annotations

import pytest

from graph.model import AccountRecord
from ingest.extract.entities import extract_entities
from ingest.extract.entities.given_names import is_given_name
from ingest.extract.entities.recognised import Recognised
from ingest.extract.text import sentences
from ingest.extract.types import EntityResult
from ingest.lexicon import load_lexicon

OPENING = "I joined the Workers Liberty League in 2015 and left in 2021.\n\n"


def _people(text: str) -> dict[str, str]:
    result: EntityResult = extract_entities(AccountRecord.from_text("t1", OPENING + text), load_lexicon())
    return {n.name: n.properties.get("identity", "") for n in result.nodes if n.label == "Person"}


def test_given_names_fold_accents_and_case() -> None:
    assert is_given_name("Siobhán") and is_given_name("siobhan") and is_given_name("Priya")
    assert not is_given_name("Riverside") and not is_given_name("Delete")


def test_an_employer_written_like_a_name_is_no_one() -> None:
    people = _people("Later I worked at Ashgrove Logistics while Hamid Qureshi organised the drivers at Ashgrove Logistics.")
    assert "Hamid Qureshi" in people
    assert "Ashgrove Logistics" not in people


def test_a_verb_opening_a_list_item_is_not_a_first_name() -> None:
    people = _people("Our demands were simple:\n- Remove Oliver Brandt from the national committee.\n- Apologise to the members he hurt.")
    assert "Oliver Brandt" in people
    assert not any(name.startswith("Remove") for name in people)


def test_a_lone_first_name_inside_a_sentence_is_a_person_of_the_account() -> None:
    people = _people("At the congress I spoke to Niamh about what had happened. She said nothing would change.")
    assert people.get("Niamh") == "partial"


def test_a_lone_capitalised_word_that_is_no_given_name_is_no_one() -> None:
    people = _people("The meeting moved to Thornbury after the vote, and Thornbury was cold.")
    assert "Thornbury" not in people


def test_the_recogniser_is_asked_only_about_the_sentences_in_question() -> None:
    text = "We met twice. Then Maria Lopez chaired the meeting at Ashgrove Logistics. I agreed."
    found = Recognised(sentences(text))
    assert found.is_other(text.index("Ashgrove"), text.index("Ashgrove") + 18)
    assert not found.is_other(text.index("Maria"), text.index("Maria") + 11)
    assert found.entities_at(0, 5) == []  # the first sentence has no entity
    assert len(found._read) == 2  # the third sentence was never read


def test_a_title_and_a_surname_of_one_full_name_is_that_person() -> None:
    text = ("I joined in 2015. Neil Brannan was the regional full-timer. The committee found that "
            "Comrade Brannan behaved inappropriately. Comrade Okafor, whom nobody had named before, chaired.")
    people = _people(text)
    assert "Comrade Brannan" not in people and "Neil Brannan" in people
    assert "Comrade Okafor" in people


def test_a_place_after_in_and_a_name_after_the_are_no_one() -> None:
    people = _people(
        "The regional secretary, Tomás Ferrer, called a meeting in Villa Quebrada on 18 May. "
        "Before that I had joined the Frente Obrero Popular, which Inés Durán led."
    )
    assert "Tomás Ferrer" in people and "Inés Durán" in people
    assert "Villa Quebrada" not in people and "Frente Obrero Popular" not in people


def test_a_short_month_beside_a_day_is_no_first_name() -> None:
    people = _people("Published Mar 5, 2024\n\nLater Imogen Clarke phoned. I spoke to Niamh at the stall and Niamh told me about the 12 Mar 2023 meeting.")
    assert "Imogen Clarke" in people and "Niamh" in people and "Mar" not in people


def test_things_and_units_named_like_people_are_no_one() -> None:
    people = _people("Under Rule 27 of the Union Rule Book I complained, and the Compliance Unit sat on it. Jules Park saw it all.")
    assert "Jules Park" in people
    assert not any(name.endswith(("Book", "Unit")) for name in people)


def test_a_post_written_in_title_case_is_not_a_persons_name() -> None:
    text = "I joined the Socialist Party in 2015. I raised it with the General Secretary, Jo Pettigrew, in May."
    result = extract_entities(AccountRecord.from_text("p_post", text), load_lexicon())
    people = {n.name for n in result.nodes if n.label == "Person"}
    assert "General Secretary" not in people and "Jo Pettigrew" in people


@pytest.mark.parametrize("place", ["São Paulo", "Puerto Madero", "Parco Nord"])
def test_a_place_with_a_romance_place_word_first_is_not_a_person(place: str) -> None:
    text = f"I joined the party in 2012. We held the rally in {place} and later in {place} again. {place} was cold."
    result = extract_entities(AccountRecord.from_text("p_place", text), load_lexicon())
    assert place not in {n.name for n in result.nodes if n.label == "Person"}


def test_a_bracketed_word_and_letter_is_a_stand_in_name_whatever_the_word() -> None:
    text = "I joined the party in 2019. In 2021 [Organiser A] harassed a comrade. Later [Organiser A] denied it. [Section 4] of the rules says nothing."
    result = extract_entities(AccountRecord.from_text("p_bracket", text), load_lexicon())
    people = {n.name: n for n in result.nodes if n.label == "Person"}
    assert "[Organiser A]" in people and people["[Organiser A]"].properties["identity"] == "pseudonym"
    assert "[Section 4]" not in people


def test_initials_before_a_surname_name_a_person_and_join_the_full_name() -> None:
    people = _people("The grievance went to Mr K. Osei, the regional secretary. Mr Osei never replied. "
                     "Orla Hensey chaired the panel; the minutes call her O. Hensey. "
                     "The state secretary, Com. B. N. Rao, spoke first. So was I. Mira came later. "
                     "The chronology is by Morag McK., a former secretary.")
    assert people.get("K. Osei") == "partial" and "Mr Osei" not in people
    assert "Orla Hensey" in people and "O. Hensey" not in people
    assert "B. N. Rao" in people and "I. Mira" not in people
    assert "Morag McK" in people


def test_first_names_in_a_post_written_in_lower_case_are_people() -> None:
    post = ("long post, sorry. i joined the league last year. it was fine at first. "
            "then a guy started turning up. he said stuff about me. i told nadia about it. "
            "nadia said she would deal with it. she didn't. jonah said both sides were to blame. "
            "i asked jonah why. nobody answered. i left in june. i'm still angry.")
    people = _people(post)
    assert {"nadia", "jonah"} <= set(people)
    assert not {"long", "june", "fine"} & set(people)


def test_two_capitalised_words_with_no_first_name_and_no_person_seen_are_no_one() -> None:
    people = _people("The fund raised Eleven Million naira. I wrote to the Assistant Secretary about it. "
                     "Later Ruth Baker wrote back.")
    assert "Ruth Baker" in people
    assert not {"Eleven Million", "Assistant Secretary"} & set(people)


def test_a_name_outside_the_dictionary_told_speaking_is_a_person() -> None:
    people = _people(
        "In March 2019 Zodwa told me that the treasurer had been shouting at new members. A week later Zodwa said "
        "that nobody had done anything. I asked Zodwa whether Zodwa wanted to make a complaint."
    )
    assert people.get("Zodwa") == "partial"


def test_a_given_name_told_speaking_is_a_person_though_read_as_a_place() -> None:
    people = _people(
        "Why Paola was thrown out\n\nThe next morning Paola told me what had happened. "
        "At the assembly Paola raised it, and later Paola was expelled."
    )
    assert people.get("Paola") == "partial"


def test_a_nickname_made_from_a_known_surname_is_no_new_person() -> None:
    people = _people(
        "In March 2019 Gary Dube shouted at me in front of the branch. A week later Dubey told me that nobody had "
        "complained. I asked Dubey whether Dubey wanted to make a complaint, and Dubey said no."
    )
    assert "Gary Dube" in people
    assert "Dubey" not in people


def test_the_senders_in_an_exported_group_chat_are_people() -> None:
    people = _people(
        "Below is the export of the branch group.\n\n"
        "[11/03/2023, 23:52] Olek P: is everyone ok? anyone with her?\n"
        "[11/03/2023, 23:58] Borys: what happened? where are you borys\n"
        "[12/03/2023, 09:41] Olek P: he went for her outside the pub\n"
        "[12/03/2023, 10:15] Zuzanna (Sec): The committee will meet tonight.\n"
    )
    assert {"Olek P", "Borys", "Zuzanna"} <= set(people)
    assert people["Borys"] == "partial"


def test_a_first_name_and_initial_is_the_one_person_whose_surname_it_opens() -> None:
    text = (
        "In March 2021 Ottilie Vasquez-Holm shouted at me after the meeting. "
        "A week later Ottilie V told the committee that nothing had happened."
    )
    result = extract_entities(AccountRecord.from_text("t1", OPENING + text), load_lexicon())
    people = [n for n in result.nodes if n.label == "Person" and n.name.startswith("Ottilie")]
    assert len(people) == 1
    assert "Ottilie V" in people[0].aliases or people[0].name == "Ottilie V"


def test_theorists_cited_in_passing_are_no_people_of_the_account() -> None:
    people = _people("In the reading group Ottilie Brandt made us read Lenin and Rosa Luxemburg every week. Lenin was her answer to everything.")
    assert "Ottilie Brandt" in people
    assert not any(name in people for name in ("Lenin", "Rosa Luxemburg", "Luxemburg"))
