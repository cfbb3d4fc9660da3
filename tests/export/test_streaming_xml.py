"""The streamed GraphML and GEXF files read back exactly as networkx's own
writers' files did, escape what XML needs escaped, and declare one key per
attribute."""

from __future__ import annotations

import io
import json
import re

import networkx as nx
import pytest

from graph.export import export_bytes
from graph.export.nxgraph import to_networkx
from graph.export.xmlstream import escape_attribute, escape_text
from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship

ACCOUNT = "tricky_0001"
# Every character XML treats specially, a lone carriage return, a tab, and a
# vertical tab (which XML 1.0 cannot hold at all).
TEXT = 'Ann & Bo <said> "hi"\r\nthen\tleft \x0b gone.\n'


def _ev(quote: str, status: str = "stated") -> tuple[Evidence, ...]:
    start = TEXT.index(quote)
    return (Evidence(ACCOUNT, start, start + len(quote), quote, status),)


def tricky_document() -> GraphDocument:
    account = AccountRecord.from_text(ACCOUNT, TEXT, title='An "odd" <account> & more')
    nodes = (
        Node("ann", "Person", "Ann & Bo", ("A<n>n",), {"identity": "named"}, _ev("Ann & Bo")),
        Node("said", "Event", 'said "hi"', (), {"kind": "conversation", "redacted": True}, _ev('<said> "hi"\r\nthen\tleft')),
        Node("gone", "Event", "gone", (), {"kind": "resigned", "description": "left \x0b gone"}, _ev("left \x0b gone", "reported")),
    )
    rels = (Relationship("PARTICIPATED_IN", "ann", "said", {}, _ev('Bo <said> "hi"')),)
    return GraphDocument((account,), nodes, rels)


def _nodes_and_edges(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    nodes = {n: dict(d) for n, d in graph.nodes(data=True)}
    edges = {(u, v, k): dict(d) for u, v, k, d in graph.edges(keys=True, data=True)}
    return nodes, edges


def _read_graphml(data: bytes) -> nx.MultiDiGraph:
    return nx.read_graphml(io.BytesIO(data), force_multigraph=True)


def test_graphml_reads_back_as_networkx_wrote_it(whole_gold: GraphDocument) -> None:
    ours = _read_graphml(export_bytes(whole_gold, "graphml"))
    theirs_file = io.BytesIO()
    nx.write_graphml(to_networkx(whole_gold), theirs_file, encoding="utf-8", named_key_ids=True)
    theirs = _read_graphml(theirs_file.getvalue())
    assert _nodes_and_edges(ours) == _nodes_and_edges(theirs)


def test_gexf_reads_back_as_networkx_wrote_it(whole_gold: GraphDocument) -> None:
    ours = nx.read_gexf(io.BytesIO(export_bytes(whole_gold, "gexf")))
    theirs_file = io.BytesIO()
    nx.write_gexf(to_networkx(whole_gold), theirs_file, encoding="utf-8")
    theirs = nx.read_gexf(io.BytesIO(theirs_file.getvalue()))
    our_nodes, our_edges = _nodes_and_edges(ours)
    their_nodes, their_edges = _nodes_and_edges(theirs)
    assert our_nodes == their_nodes
    # networkx numbers its edge elements ("0", "1" ...) and keeps the key aside;
    # ours carry the relationship id itself, which networkx reads as the key.
    assert all(data.pop("id") == key[2] for key, data in our_edges.items())
    for data in their_edges.values():
        del data["id"]
    assert our_edges == their_edges


@pytest.mark.parametrize("format_name", ["graphml", "gexf"])
def test_special_characters_travel_exactly(format_name: str) -> None:
    doc = tricky_document()
    data = export_bytes(doc, format_name)
    graph = _read_graphml(data) if format_name == "graphml" else nx.read_gexf(io.BytesIO(data))
    # XML 1.0 cannot hold U+000B: it becomes U+FFFD, one character for one, so offsets hold.
    text = TEXT.replace("\x0b", "\ufffd")
    assert graph.nodes[ACCOUNT]["text"] == text
    assert graph.nodes[ACCOUNT]["title"] == 'An "odd" <account> & more'
    assert graph.nodes["ann"]["name"] == "Ann & Bo" and graph.nodes["ann"]["aliases"] == "A<n>n"
    assert graph.nodes["said"]["redacted"] is True
    assert graph.nodes["gone"]["description"] == "left \ufffd gone"
    for node in doc.nodes:
        for piece in json.loads(graph.nodes[node.id]["evidence"]):
            # the JSON escapes the control character itself, so the evidence keeps it
            assert piece["quote"] == TEXT[piece["start"] : piece["end"]]
    [(_, _, edge)] = graph.edges(data=True)
    assert edge["quotes"] == 'Bo <said> "hi"'


def test_graphml_declares_each_key_once_with_its_type(whole_gold: GraphDocument) -> None:
    text = export_bytes(whole_gold, "graphml").decode("utf-8")
    keys = re.findall(r'<key id="([^"]+)" for="(\w+)" attr.name="([^"]+)" attr.type="(\w+)"/>', text)
    ids = [k[0] for k in keys]
    assert len(ids) == len(set(ids))  # unique ids, as GraphML wants
    declared = {(scope, name): kind for _, scope, name, kind in keys}
    assert len(declared) == len(keys)
    assert declared[("node", "account_count")] == "long" and declared[("edge", "account_count")] == "long"
    assert declared[("node", "evidence")] == "string"


def test_a_property_of_two_types_is_declared_a_string() -> None:
    doc = tricky_document()
    nodes = (*doc.nodes[:2], Node("x", "Event", "x", (), {"kind": "other", "redacted": "partly"}, _ev("gone")))
    data = export_bytes(GraphDocument(doc.accounts, nodes, doc.relationships), "graphml")
    assert b'attr.name="redacted" attr.type="string"' in data
    graph = _read_graphml(data)
    assert graph.nodes["said"]["redacted"] == "True" and graph.nodes["x"]["redacted"] == "partly"


def test_escaping() -> None:
    assert escape_text("plain") == "plain"
    assert escape_text("a&b<c>d\re") == "a&amp;b&lt;c&gt;d&#13;e"
    assert escape_attribute('a"b\nc\td') == "a&quot;b&#10;c&#9;d"
