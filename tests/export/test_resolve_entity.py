"""Exports accept a name or alias where they take an entity, as saved queries do."""

import pytest

from graph.errors import InputError
from graph.export.selection import resolve_entity
from graph.store import GraphStore


def test_an_id_is_taken_as_it_is(gold_store: GraphStore) -> None:
    assert resolve_entity(gold_store, "imt") == "imt"


def test_a_name_or_alias_finds_the_one_entity(gold_store: GraphStore) -> None:
    assert resolve_entity(gold_store, "IMT", "Organization") == "imt"
    assert resolve_entity(gold_store, "the International Socialist Organization", "Organization") == "iso"


def test_an_unknown_name_says_what_to_do(gold_store: GraphStore) -> None:
    with pytest.raises(InputError, match="no node with this id, name or alias"):
        resolve_entity(gold_store, "Party Nobody Founded")
