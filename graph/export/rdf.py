"""RDF exports (Turtle and JSON-LD, through rdflib) for triple stores.

Nodes are resources of the contract's classes (:mod:`graph.export.vocabulary`).
Each relationship is both a direct triple (``:ben tg:memberOf :iso``) and a
reified ``tg:Relationship`` (an ``rdf:Statement``) that carries its properties
and evidence. Each piece of evidence is an ``oa:Annotation`` whose body is the
item and whose target is the span of the account (``oa:hasSource`` the
account, ``oa:hasSelector`` an ``oa:TextQuoteSelector`` with ``oa:exact`` and
an ``oa:TextPositionSelector`` with ``oa:start``/``oa:end``), with its status
(``tg:status``) and PROV-O (``prov:wasDerivedFrom`` the account, ``prov:value``
the quote). The vocabulary itself travels in the same file.
"""

from __future__ import annotations

from typing import Any, BinaryIO
from urllib.parse import quote

from rdflib import PROV, RDF, RDFS, XSD, Graph, Literal, URIRef

from graph.contract import load_contract
from graph.export.base import Exporter
from graph.export.vocabulary import DATA, OA, STATUS, TG, bind_prefixes, relationship_property, vocabulary_graph
from graph.model import AccountRecord, Evidence, GraphDocument

__all__ = ["document_graph", "item_iri", "TurtleExporter", "JsonLdExporter"]

_CONTEXT_PREFIXES = ("tg", "status", "tgd", "oa", "prov", "rdf", "rdfs", "xsd", "owl")
_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def item_iri(item_id: str) -> URIRef:
    return DATA[quote(item_id, safe="-_.:~")]


def _literal(key: str, value: Any) -> Literal:
    if key in ("date", "since", "until") and isinstance(value, str) and len(value) in _DATE_TYPES:
        return Literal(value, datatype=_DATE_TYPES[len(value)])
    return Literal(value)


def _add_properties(g: Graph, subject: URIRef, props: dict[str, Any]) -> None:
    for key, value in props.items():
        predicate = TG.redacted if key == "redacted" else TG[key]
        for v in value if isinstance(value, (list, tuple)) else [value]:
            g.add((subject, predicate, _literal(key, v)))


def _add_evidence(g: Graph, item: URIRef, evidence: tuple[Evidence, ...]) -> None:
    accounts = set()
    for i, ev in enumerate(evidence):
        account = item_iri(ev.account)
        accounts.add(account)
        ann = URIRef(f"{item}/evidence/{i}")
        target, by_quote, by_position = (URIRef(f"{ann}/{part}") for part in ("target", "quote", "position"))
        g.add((item, TG.evidence, ann))
        g.add((ann, RDF.type, OA.Annotation))
        g.add((ann, RDF.type, PROV.Entity))
        g.add((ann, OA.motivatedBy, OA.describing))
        g.add((ann, OA.hasBody, item))
        g.add((ann, OA.hasTarget, target))
        g.add((ann, TG.status, STATUS[ev.status]))
        g.add((ann, PROV.wasDerivedFrom, account))
        g.add((ann, PROV.value, Literal(ev.quote)))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, account))
        g.add((target, OA.hasSelector, by_quote))
        g.add((target, OA.hasSelector, by_position))
        g.add((by_quote, RDF.type, OA.TextQuoteSelector))
        g.add((by_quote, OA.exact, Literal(ev.quote)))
        g.add((by_position, RDF.type, OA.TextPositionSelector))
        g.add((by_position, OA.start, Literal(ev.start)))
        g.add((by_position, OA.end, Literal(ev.end)))
    for account in accounts:
        g.add((item, PROV.wasDerivedFrom, account))
    g.add((item, TG.accountCount, Literal(len(accounts))))


def _add_account(g: Graph, account: AccountRecord) -> None:
    subject = item_iri(account.id)
    g.add((subject, RDF.type, TG.Account))
    g.add((subject, TG.id, Literal(account.id)))
    g.add((subject, RDFS.label, Literal(account.title or account.id)))
    _add_properties(g, subject, {"title": account.title, "sha256": account.sha256, "length": account.length, **account.properties})
    if account.text is not None:
        g.add((subject, TG.text, Literal(account.text)))


def document_graph(document: GraphDocument, include_vocabulary: bool = True) -> Graph:
    """The document as an RDF graph (with the vocabulary unless told not to)."""
    g = Graph()
    bind_prefixes(g)
    if include_vocabulary:
        g += vocabulary_graph()
    for account in document.accounts:
        _add_account(g, account)
    for node in document.nodes:
        subject = item_iri(node.id)
        g.add((subject, RDF.type, TG[node.label]))
        g.add((subject, TG.id, Literal(node.id)))
        g.add((subject, TG.name, Literal(node.name)))
        g.add((subject, RDFS.label, Literal(node.name)))
        for alias in node.aliases:
            g.add((subject, TG.aliases, Literal(alias)))
        _add_properties(g, subject, node.properties)
        _add_evidence(g, subject, node.evidence)
    for rel in document.relationships:
        predicate = relationship_property(rel.type)
        source, target, statement = item_iri(rel.source), item_iri(rel.target), item_iri(rel.id)
        g.add((source, predicate, target))
        g.add((statement, RDF.type, TG.Relationship))
        g.add((statement, RDF.subject, source))
        g.add((statement, RDF.predicate, predicate))
        g.add((statement, RDF.object, target))
        g.add((statement, TG.id, Literal(rel.id)))
        g.add((statement, RDFS.label, Literal(rel.type)))
        _add_properties(g, statement, rel.properties)
        _add_evidence(g, statement, rel.evidence)
    return g


class TurtleExporter(Exporter):
    name = "turtle"
    extension = "ttl"
    media_type = "text/turtle"
    description = "RDF Turtle: contract vocabulary, reified relationships, evidence as PROV-O + Web Annotation"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        stream.write(document_graph(document).serialize(format="turtle", encoding="utf-8"))


class JsonLdExporter(Exporter):
    name = "jsonld"
    extension = "jsonld"
    media_type = "application/ld+json"
    description = "RDF JSON-LD: the same graph as the Turtle export, with a compact context"

    def write(self, document: GraphDocument, stream: BinaryIO) -> None:
        graph = document_graph(document)
        context = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix in _CONTEXT_PREFIXES}
        stream.write(graph.serialize(format="json-ld", context=context, encoding="utf-8"))
