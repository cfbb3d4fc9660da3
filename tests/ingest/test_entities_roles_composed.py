"""Titles composed of modifiers and a head are roles without being listed one by one."""

from __future__ import annotations

from graph.model import AccountRecord
from ingest.extract.entities import extract_entities
from ingest.extract.entities.vocabulary import vocabulary
from ingest.lexicon import load_lexicon


def test_composed_titles_are_recognised_with_a_scope() -> None:
    vocab = vocabulary(load_lexicon())
    text = "She became deputy regional organiser, then Equalities Officer and vice-chair of the branch."
    found = {m.group(0): vocab.role_of_form[m.group(0)] for m in vocab.role_pattern.finditer(text)}
    assert set(found) == {"deputy regional organiser", "Equalities Officer", "vice-chair"}
    assert found["Equalities Officer"].title == "equalities officer"


def test_a_listed_title_wins_over_a_composed_one() -> None:
    vocab = vocabulary(load_lexicon())
    assert vocab.role_of_form["branch secretary"].scope == "branch"
    assert "deputy regional organiser" not in list(vocab.role_of_form)  # made on demand, never stored


def test_a_composed_title_held_by_a_named_person_is_a_role() -> None:
    text = (
        "I joined the Workers Liberty League in 2015.\n\n"
        "Our women's officer, Bronwen Tait, refused to pass my complaint on."
    )
    result = extract_entities(AccountRecord.from_text("t1", text), load_lexicon())
    roles = {n.id: n.name for n in result.nodes if n.label == "Role"}
    people = {n.id: n.name for n in result.nodes if n.label == "Person"}
    held = {(people.get(r.source), roles.get(r.target)) for r in result.relationships if r.type == "HOLDS_ROLE"}
    assert ("Bronwen Tait", "women's officer") in held


def test_titles_joined_by_and_and_liaison_or_complaints_officers_are_composed() -> None:
    vocab = vocabulary(load_lexicon())
    text = "Maria (Women's and Equalities Officer), Tariq (Trade Union Liaison Officer) and the Complaints Officer."
    found = {m.group(0) for m in vocab.role_pattern.finditer(text)}
    assert {"Women's and Equalities Officer", "Trade Union Liaison Officer", "Complaints Officer"} <= found


def test_a_title_held_by_a_comrade_named_after_it_or_by_the_elected_narrator() -> None:
    text = (
        "Author: Dana Orr\n\n"
        "I joined the Workers Liberty League in 2015. In 2019 I am elected to the National Board as youth secretary.\n\n"
        "The cell secretary, comrade Julio Benn, did not intervene."
    )
    result = extract_entities(AccountRecord.from_text("t1", text), load_lexicon())
    roles = {n.id: n.name for n in result.nodes if n.label == "Role"}
    people = {n.id: n.name for n in result.nodes if n.label == "Person"}
    held = {(people.get(r.source), roles.get(r.target)) for r in result.relationships if r.type == "HOLDS_ROLE"}
    assert ("Julio Benn", "cell secretary") in held
    assert ("Dana Orr", "youth secretary") in held
