"""Every format, written from real stores and read back by the tools that read it."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter
from typing import Callable

import networkx as nx
import pytest
from followthemoney import model
from followthemoney.types import registry
from rdflib import RDF, Graph, Literal, URIRef

from graph.export import FORMATS, export_bytes, list_formats
from graph.export.cypher_script import script_statements
from graph.export.ftm import ftm_id
from graph.export.rdf import item_iri
from graph.export.vocabulary import OA, STATUS, TG, relationship_property
from graph.interchange import document_from_json
from graph.model import GraphDocument
from graph.store import GraphStore
from graph.validate import validate_document


def _node_count(doc: GraphDocument) -> int:
    return len(doc.nodes) + len(doc.accounts)


def check_json(doc: GraphDocument, data: bytes) -> None:
    back = document_from_json(json.loads(data))
    validate_document(back)
    assert back == doc


def _check_networkx(doc: GraphDocument, graph: nx.MultiDiGraph) -> None:
    assert graph.number_of_nodes() == _node_count(doc)
    assert graph.number_of_edges() == len(doc.relationships)
    for node in doc.nodes:
        attrs = graph.nodes[node.id]
        assert attrs["node_label"] == node.label
        assert attrs["name"] == node.name
        assert int(attrs["account_count"]) == len(node.accounts)
        assert json.loads(attrs["evidence"]) == [e.to_json() for e in node.evidence]
        assert set(attrs["statuses"].split("; ")) == {e.status for e in node.evidence}
    types = Counter(data["rel_type"] for _, _, data in graph.edges(data=True))
    assert types == Counter(r.type for r in doc.relationships)
    for rel in doc.relationships[:50]:
        found = [d for _, target, d in graph.out_edges(rel.source, data=True) if target == rel.target and d["rel_type"] == rel.type]
        assert len(found) == 1
        assert json.loads(found[0]["evidence"]) == [e.to_json() for e in rel.evidence]
        assert found[0]["quotes"] == " | ".join(e.quote for e in rel.evidence)


def check_graphml(doc: GraphDocument, data: bytes) -> None:
    graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    _check_networkx(doc, graph)


def check_gexf(doc: GraphDocument, data: bytes) -> None:
    graph = nx.read_gexf(io.BytesIO(data))
    assert isinstance(graph, nx.MultiDiGraph)
    _check_networkx(doc, graph)


def check_cytoscape(doc: GraphDocument, data: bytes) -> None:
    elements = json.loads(data)["elements"]
    assert len(elements["nodes"]) == _node_count(doc)
    assert len(elements["edges"]) == len(doc.relationships)
    ids = {n["data"]["id"] for n in elements["nodes"]}
    for edge in elements["edges"]:
        assert edge["data"]["source"] in ids and edge["data"]["target"] in ids
    by_id = {n["data"]["id"]: n["data"] for n in elements["nodes"]}
    for node in doc.nodes:
        assert by_id[node.id]["evidence"] == [e.to_json() for e in node.evidence]


def check_neo4j_csv(doc: GraphDocument, data: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert "import.sh" in names
    command = archive.read("import.sh").decode()
    assert "neo4j-admin database import full" in command and "--multiline-fields=true" in command
    nodes = rels = 0
    for name in names:
        if not name.endswith(".csv"):
            continue
        assert f"={name}" in command
        rows = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8"))))
        header, body = rows[0], rows[1:]
        if name.startswith("rel_"):
            assert header[:4] == [":START_ID", ":END_ID", ":TYPE", "id"]
            assert "account_count:int" in header and "ev_quote:string[]" in header and "ev_start:long[]" in header
            assert {row[2] for row in body} == {name[4:-4]}
            rels += len(body)
        else:
            assert header[:2] == ["id:ID", ":LABEL"]
            assert "account_count:int" in header
            if name != "Account.csv":
                assert "aliases:string[]" in header and "ev_status:string[]" in header
            assert {row[1] for row in body} == {name[:-4]}
            nodes += len(body)
        for column in header:
            key, _, kind = column.partition(":")
            assert kind in ("", "ID", "LABEL", "START_ID", "END_ID", "TYPE", "int", "long", "double", "boolean", "string[]", "long[]"), column
    assert nodes == _node_count(doc)
    assert rels == len(doc.relationships)


def _check_rdf(doc: GraphDocument, graph: Graph) -> None:
    for node in doc.nodes:
        subject = item_iri(node.id)
        assert (subject, RDF.type, TG[node.label]) in graph
        assert (subject, TG.name, Literal(node.name)) in graph
        annotations = list(graph.objects(subject, TG.evidence))
        assert len(annotations) == len(node.evidence)
    for account in doc.accounts:
        assert (item_iri(account.id), RDF.type, TG.Account) in graph
    statements = set(graph.subjects(RDF.type, TG.Relationship))
    assert len(statements) == len(doc.relationships)
    for rel in doc.relationships:
        statement = item_iri(rel.id)
        assert (item_iri(rel.source), relationship_property(rel.type), item_iri(rel.target)) in graph
        assert (statement, RDF.subject, item_iri(rel.source)) in graph
        for i, ev in enumerate(rel.evidence):
            ann = URIRef(f"{statement}/evidence/{i}")
            assert (ann, RDF.type, OA.Annotation) in graph
            assert (ann, TG.status, STATUS[ev.status]) in graph
            target = graph.value(ann, OA.hasTarget)
            assert graph.value(target, OA.hasSource) == item_iri(ev.account)
            selectors = set(graph.objects(target, OA.hasSelector))
            exact = {graph.value(s, OA.exact) for s in selectors} - {None}
            starts = {graph.value(s, OA.start) for s in selectors} - {None}
            assert exact == {Literal(ev.quote)} and starts == {Literal(ev.start)}
    # the vocabulary travels with the data
    assert graph.value(TG.Incident, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")) is not None


def check_turtle(doc: GraphDocument, data: bytes) -> None:
    graph = Graph()
    graph.parse(data=data, format="turtle")
    _check_rdf(doc, graph)


def check_jsonld(doc: GraphDocument, data: bytes) -> None:
    graph = Graph()
    graph.parse(data=data, format="json-ld")
    _check_rdf(doc, graph)


def check_ftm(doc: GraphDocument, data: bytes) -> None:
    entities = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    ids = {e["id"]: e["schema"] for e in entities}
    assert len(ids) == len(entities)
    for entity in entities:
        schema = model.get(entity["schema"])
        assert schema is not None
        assert registry.entity.clean(entity["id"]) == entity["id"]
        schema.validate(entity)  # raises InvalidData
        for required in schema.required:
            assert entity["properties"].get(required), (entity["schema"], required)
        for prop_name, values in entity["properties"].items():
            prop = schema.properties[prop_name]
            if prop.type == registry.entity:
                for value in values:
                    assert value in ids, f"{entity['schema']}.{prop_name} dangles"
                    assert model.get(ids[value]).is_a(prop.range)
        model.get_proxy(entity, cleaned=False)
    for node in doc.nodes:
        assert ftm_id(node.id) in ids
    assert Counter(ids.values())["PlainText"] == len(doc.accounts)


def check_cypher(doc: GraphDocument, data: bytes) -> None:
    statements = script_statements(data.decode("utf-8"))
    merges = [s for s in statements if s.startswith("UNWIND")]
    assert merges and all("MERGE" in s for s in merges)
    assert "$" not in "".join(s for s in statements if not s.startswith("UNWIND"))
    # replaying it on a fresh store is tested in test_cypher_replay.py


ROUNDTRIP: dict[str, Callable[[GraphDocument, bytes], None]] = {
    "json": check_json,
    "graphml": check_graphml,
    "gexf": check_gexf,
    "cytoscape": check_cytoscape,
    "neo4j-csv": check_neo4j_csv,
    "turtle": check_turtle,
    "jsonld": check_jsonld,
    "ftm": check_ftm,
    "cypher": check_cypher,
}


def test_every_registered_format_is_in_the_matrix() -> None:
    assert set(ROUNDTRIP) == set(FORMATS)
    for exporter in list_formats():
        assert exporter.name in FORMATS and exporter.extension and exporter.media_type and exporter.description


@pytest.mark.parametrize("format_name", sorted(ROUNDTRIP))
def test_round_trip(format_name: str, whole: GraphDocument, source_store: GraphStore) -> None:
    stats = source_store.stats()
    assert _node_count(whole) == stats.total_nodes
    assert len(whole.relationships) == stats.total_relationships
    ROUNDTRIP[format_name](whole, export_bytes(whole, format_name))
