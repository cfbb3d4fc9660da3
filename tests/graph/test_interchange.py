"""The interchange JSON document: round trip, refusals naming the file, merging."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import InputError, ValidationError
from graph.interchange import document_from_json, document_to_json, merge_documents, read_document, write_document
from graph.model import GraphDocument
from handmade_docs import FIRST_ID, LEAGUE, SAM, SECOND_ID, first_document, second_document


def test_round_trip_keeps_everything(tmp_path: Path, first: GraphDocument) -> None:
    path = tmp_path / "doc.json"
    write_document(first, path)
    assert read_document(path) == first


def test_round_trip_without_texts(tmp_path: Path, first: GraphDocument) -> None:
    path = tmp_path / "doc.json"
    write_document(first, path, include_texts=False)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "text" not in data["accounts"][0]
    back = read_document(path)
    assert back.accounts[0].text is None and back.accounts[0].sha256 == first.accounts[0].sha256
    assert back.nodes == first.nodes and back.relationships == first.relationships


def test_shape_follows_schema_md(first: GraphDocument) -> None:
    data = document_to_json(first)
    assert set(data) == {"accounts", "nodes", "relationships"}
    node = data["nodes"][0]
    assert set(node) == {"id", "label", "name", "aliases", "properties", "evidence"}
    assert set(node["evidence"][0]) == {"account", "start", "end", "quote", "status"}
    assert set(data["relationships"][0]) == {"type", "source", "target", "properties", "evidence"}


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path: Path, first: GraphDocument) -> None:
    path = tmp_path / "out" / "doc.json"
    write_document(first, path)
    write_document(first, path)
    assert [p.name for p in path.parent.iterdir()] == ["doc.json"]


def test_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.where == str(path) and "no such file" in str(caught.value)


def test_invalid_json_is_named_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"accounts": [', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.where == str(path) and "line 1" in caught.value.message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"accounts": [], "nodes": [{"name": "Jos\xe9"}]}'.encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert "UTF-8" in caught.value.message


@pytest.mark.parametrize(
    "data, words",
    [
        ([], "JSON object"),
        ({"nodes": {}}, "'nodes' must be a list"),
        ({"nodes": [{"id": "x", "label": "Person"}]}, "required field"),
        ({"relationships": [{"type": "MEMBER_OF"}]}, "required field"),
    ],
)
def test_wrong_shapes_are_refused(data, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        document_from_json(data)
    assert words in caught.value.message


def test_validation_error_names_the_file(tmp_path: Path, first: GraphDocument) -> None:
    data = document_to_json(first)
    data["nodes"][0]["label"] = "Comrade"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        read_document(path)
    assert caught.value.where == str(path) and "Comrade" in caught.value.message


# -- merging -------------------------------------------------------------------------


def _node(document: GraphDocument, node_id: str):
    return document.node_index()[node_id]


def test_merge_unions_evidence_across_accounts(first: GraphDocument, second: GraphDocument) -> None:
    merged = merge_documents(first, second)
    sam = _node(merged, SAM)
    assert sam.accounts == (FIRST_ID, SECOND_ID)
    assert len(sam.evidence) == 2
    member_of = {r.id: r for r in merged.relationships}[
        next(r.id for r in second.relationships if r.type == "MEMBER_OF")
    ]
    assert member_of.accounts == (FIRST_ID, SECOND_ID)


def test_merge_has_no_duplicate_for_the_same_span(first: GraphDocument, second: GraphDocument) -> None:
    merged = merge_documents(first, second, first, second_document())
    for item in (*merged.nodes, *merged.relationships):
        keys = [e.key for e in item.evidence]
        assert len(keys) == len(set(keys)), item
    assert merged == merge_documents(first, second)


def test_same_span_with_another_status_is_still_one_piece(first: GraphDocument) -> None:
    from dataclasses import replace

    from handmade_docs import with_node

    original = _node(first, SAM).evidence[0]
    restated = with_node(first, 1, evidence=(replace(original, status="believed"),))
    merged = merge_documents(first, restated)
    assert _node(merged, SAM).evidence == (original,)  # the first status seen is kept


def test_merge_keeps_ids_stable(first: GraphDocument, second: GraphDocument) -> None:
    merged = merge_documents(first, second)
    ids_before = {n.id for n in first.nodes} | {n.id for n in second.nodes}
    assert {n.id for n in merged.nodes} == ids_before
    rel_ids = {r.id for r in first.relationships} | {r.id for r in second.relationships}
    assert {r.id for r in merged.relationships} == rel_ids
    assert {a.id for a in merged.accounts} == {FIRST_ID, SECOND_ID}
    # The first document's name stays; the other's becomes an alias.
    league = _node(merged, LEAGUE)
    assert league.id == LEAGUE and league.name == "Workers League" and "the Workers League" in league.aliases
    assert _node(merge_documents(second, first), LEAGUE).name == "the Workers League"


def test_merged_document_is_valid_and_survives_a_round_trip(tmp_path: Path) -> None:
    merged = merge_documents(first_document(), second_document())
    path = tmp_path / "merged.json"
    write_document(merged, path)
    assert read_document(path) == merged
