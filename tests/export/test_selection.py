"""The five selections, on the gold graph, with hand-checked expectations."""

from __future__ import annotations

import pytest

from graph.errors import InputError
from graph.export import Selection, select_subgraph
from graph.model import GraphDocument
from graph.store import GraphStore
from graph.validate import validate_document

ACCOUNT = "004_0e606b57a70b77e0"


def _ids(doc: GraphDocument) -> set[str]:
    return {n.id for n in doc.nodes}


def _closed(doc: GraphDocument) -> None:
    """Every relationship joins two items of the document; the document validates."""
    present = _ids(doc) | {a.id for a in doc.accounts}
    assert all(r.source in present and r.target in present for r in doc.relationships)
    validate_document(doc)


def test_whole_graph_is_the_gold_document(gold_store: GraphStore, gold_document: GraphDocument) -> None:
    whole = select_subgraph(gold_store, Selection("all"))
    assert {n.id: n for n in whole.nodes} == {n.id: n for n in gold_document.nodes}
    assert {r.id: r for r in whole.relationships} == {r.id: r for r in gold_document.relationships}
    assert [a.text for a in whole.accounts] == [a.text for a in sorted(gold_document.accounts, key=lambda a: a.id)]
    _closed(whole)


def test_ego_network(gold_store: GraphStore, gold_document: GraphDocument) -> None:
    one = select_subgraph(gold_store, Selection("ego", "ben-s", depth=1))
    neighbours = {r.target for r in gold_document.relationships if r.source == "ben-s"} | {
        r.source for r in gold_document.relationships if r.target == "ben-s"
    }
    assert _ids(one) | {a.id for a in one.accounts} >= neighbours | {"ben-s"}
    assert _ids(one) == ({"ben-s"} | neighbours) - {a.id for a in gold_document.accounts}
    two = select_subgraph(gold_store, Selection("ego", "ben-s", depth=2))
    assert _ids(two) > _ids(one)
    _closed(one)
    _closed(two)


def test_organization(gold_store: GraphStore, gold_document: GraphDocument) -> None:
    doc = select_subgraph(gold_store, Selection("organization", "iso"))
    ids = _ids(doc)
    labels = {n.id: n.label for n in doc.nodes}
    assert {"iso", "iso-atlanta-branch", "iso-renewal-faction", "iso-leadership", "iso-treasurer", "ben-s", "ahmed-s"} <= ids
    # nothing of the IMT (another organisation, told by other accounts) comes along
    assert "imt" not in ids
    assert {labels[i] for i in ids} >= {"Organization", "Branch", "Faction", "LeadershipBody", "Role", "Person"}
    _closed(doc)
    with pytest.raises(InputError):
        select_subgraph(gold_store, Selection("organization", "ben-s"))


def test_account_keeps_only_its_evidence(gold_store: GraphStore) -> None:
    doc = select_subgraph(gold_store, Selection("account", ACCOUNT))
    assert [a.id for a in doc.accounts] == [ACCOUNT]
    assert doc.nodes and doc.relationships
    assert all(e.account == ACCOUNT for item in (*doc.nodes, *doc.relationships) for e in item.evidence)
    assert "ben-s" in _ids(doc) and "imt" not in _ids(doc)
    assert any(r.type == "AUTHORED" and r.target == ACCOUNT for r in doc.relationships)
    _closed(doc)


def test_saved_query_takes_the_nodes_its_rows_mention(gold_store: GraphStore) -> None:
    doc = select_subgraph(gold_store, Selection("query", "people_and_roles", params={"organization": "iso"}))
    ids = _ids(doc)
    assert {"ben-s", "ahmed-s"} <= ids
    assert all(n.label != "Account" for n in doc.nodes)
    _closed(doc)


def test_unknown_ids_and_bad_selections_say_what_is_wrong(gold_store: GraphStore) -> None:
    with pytest.raises(InputError) as info:
        select_subgraph(gold_store, Selection("ego", "no-such-node"))
    assert info.value.where == "no-such-node"
    with pytest.raises(InputError):
        select_subgraph(gold_store, Selection("account", "no-such-account"))
    with pytest.raises(InputError):
        Selection("ego", "ben-s", depth=9)
    with pytest.raises(InputError):
        Selection("everything")
