"""General defaults of the entity stage, on passages written for these tests."""

from __future__ import annotations

from graph.model import AccountRecord
from ingest.extract.entities import extract_entities
from ingest.extract.types import EntityResult
from ingest.lexicon import load_lexicon


def _extract(text: str) -> EntityResult:
    return extract_entities(AccountRecord.from_text("t1", text), load_lexicon())


def _person(result: EntityResult, name: str) -> str:
    return next(n.id for n in result.nodes if n.label == "Person" and n.name == name)


def test_a_named_person_told_of_belongs_to_the_main_organisation() -> None:
    text = (
        "I joined the Workers Liberty League in 2015 and stayed for six years.\n\n"
        "At a meeting in the spring, Morgan Fairbairn shouted at a young comrade until she cried. "
        "Nobody stopped him.\n\nI left the Workers Liberty League in 2021."
    )
    result = _extract(text)
    member_of = {(r.source, r.target) for r in result.relationships if r.type == "MEMBER_OF"}
    assert (_person(result, "Morgan Fairbairn"), result.primary_organization_id) in member_of


def _people(result: EntityResult) -> set[str]:
    return {n.name for n in result.nodes if n.label == "Person"}


def test_a_possessive_is_not_part_of_a_name() -> None:
    text = "I joined the Workers Liberty League in 2015.\n\nMorgan Fairbairn’s behaviour got worse. Everyone knew Ellis Varga's temper."
    people = _people(_extract(text))
    assert {"Morgan Fairbairn", "Ellis Varga"} <= people
    assert not any(name.endswith(("’s", "'s")) for name in people)


def test_names_with_accents_and_apostrophes_are_names() -> None:
    text = "I joined the Workers Liberty League in 2015.\n\nSiobhán Ní Dhuibhir and Pádraig O'Rourke ran the branch, with Zoë Marchetti."
    assert {"Siobhán Ní Dhuibhir", "Pádraig O'Rourke", "Zoë Marchetti"} <= _people(_extract(text))


def _authors(result: EntityResult) -> set[str]:
    names = {n.id: n.name for n in result.nodes}
    return {names[r.source] for r in result.relationships if r.type == "AUTHORED"}


def test_every_signatory_of_an_open_letter_wrote_it() -> None:
    text = (
        "An open letter to the Workers Liberty League\n\nWe were members of the Workers Liberty League for years. "
        "We resign today.\n\nRuth Calder, former branch secretary\nOmar Haddad, former treasurer\n"
        "Idris Okonjo (Leeds)\n\nThis letter was published at the authors' request.\n"
    )
    result = _extract(text)
    assert _authors(result) == {"Ruth Calder", "Omar Haddad", "Idris Okonjo"}
    assert result.nodes and next(n for n in result.nodes if n.id == result.narrator_id).name == "Ruth Calder"


def test_a_first_name_after_a_sign_off_is_the_narrator() -> None:
    text = "Why I left\n\nI joined the Workers Liberty League in 2015. I left in 2021.\n\nIn solidarity,\nNiamh\n"
    assert _authors(_extract(text)) == {"Niamh"}


def test_an_anonymous_author_line_names_no_one() -> None:
    text = "Title: Why I left\nAuthor: Anonymous\n\nI joined the Workers Liberty League in 2015. I left in 2021.\n"
    assert _authors(_extract(text)) == {"the author"}
