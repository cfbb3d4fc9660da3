"""The RDF vocabulary, generated from the graph contract.

One class per label, one property per relationship type (``MEMBER_OF`` ->
``tg:memberOf``) and per declared property (``tg:kind``, ``tg:date_text``), each
with an ``rdfs:label`` and the contract's description as ``rdfs:comment``;
statuses are individuals of ``tg:Status``. Evidence uses W3C PROV-O and the Web
Annotation vocabulary, which need no terms of ours beyond ``tg:evidence`` and
``tg:status``.

>>> relationship_property("MEMBER_OF")
rdflib.term.URIRef('https://w3id.org/testimony-graph/ns#memberOf')
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import OWL, PROV, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from graph.contract import Contract, load_contract

__all__ = ["TG", "STATUS", "DATA", "OA", "relationship_property", "vocabulary_graph", "bind_prefixes"]

TG = Namespace("https://w3id.org/testimony-graph/ns#")
STATUS = Namespace("https://w3id.org/testimony-graph/status#")
DATA = Namespace("https://w3id.org/testimony-graph/id/")
OA = Namespace("http://www.w3.org/ns/oa#")

_XSD_OF = {"string": XSD.string, "integer": XSD.integer, "date": XSD.string, "enum": XSD.string}


def relationship_property(rel_type: str) -> URIRef:
    head, *rest = rel_type.lower().split("_")
    return TG[head + "".join(part.capitalize() for part in rest)]


def bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in (("tg", TG), ("status", STATUS), ("tgd", DATA), ("oa", OA), ("prov", PROV)):
        graph.bind(prefix, namespace)


def _declared_properties(contract: Contract) -> dict[str, tuple[str, list[str]]]:
    """Property name -> (type, the labels or types that declare it)."""
    found: dict[str, tuple[str, list[str]]] = {}
    for name in contract.common_node_properties:
        found[name] = ("string", ["every node"])
    for owner, specs in [(l.name, l.properties) for l in contract.labels.values()] + [
        (r.name, r.properties) for r in contract.relationships.values()
    ]:
        for prop, spec in specs.items():
            kind, owners = found.get(prop, (spec.type, []))
            found[prop] = (kind, owners + [owner])
    return found


@lru_cache(maxsize=1)
def vocabulary_graph() -> Graph:
    """The vocabulary as an RDF graph (also written into every RDF export)."""
    contract = load_contract()
    g = Graph()
    bind_prefixes(g)
    ontology = URIRef(str(TG).rstrip("#"))
    g.add((ontology, RDF.type, OWL.Ontology))
    g.add((ontology, RDFS.label, Literal("Testimony Graph vocabulary")))
    g.add((ontology, RDFS.comment, Literal("Generated from the graph contract (graph/contract.yaml).")))
    for label in contract.labels.values():
        g.add((TG[label.name], RDF.type, OWL.Class))
        g.add((TG[label.name], RDFS.subClassOf, PROV.Entity))
        g.add((TG[label.name], RDFS.label, Literal(label.name)))
        g.add((TG[label.name], RDFS.comment, Literal(label.description)))
    for rel in contract.relationships.values():
        prop = relationship_property(rel.name)
        g.add((prop, RDF.type, OWL.ObjectProperty))
        g.add((prop, RDFS.label, Literal(rel.name)))
        comment = rel.description or rel.name.replace("_", " ").lower()
        g.add((prop, RDFS.comment, Literal(f"{comment} (from {', '.join(rel.sources)} to {', '.join(rel.targets)})")))
        if len(rel.sources) == 1:
            g.add((prop, RDFS.domain, TG[rel.sources[0]]))
        if len(rel.targets) == 1:
            g.add((prop, RDFS.range, TG[rel.targets[0]]))
    for name, (kind, owners) in _declared_properties(contract).items():
        g.add((TG[name], RDF.type, OWL.DatatypeProperty))
        g.add((TG[name], RDFS.label, Literal(name)))
        g.add((TG[name], RDFS.comment, Literal(f"{name} of {', '.join(owners)}")))
        g.add((TG[name], RDFS.range, _XSD_OF.get(kind, XSD.string)))
    g.add((TG.Relationship, RDF.type, OWL.Class))
    g.add((TG.Relationship, RDFS.subClassOf, RDF.Statement))
    g.add((TG.Relationship, RDFS.label, Literal("Relationship")))
    g.add((TG.Relationship, RDFS.comment, Literal("a relationship reified so that its evidence and status can be attached")))
    g.add((TG.Status, RDF.type, OWL.Class))
    g.add((TG.Status, RDFS.label, Literal("Status")))
    g.add((TG.Status, RDFS.comment, Literal("how an account tells a piece of evidence (the graph records what accounts say)")))
    for status, meaning in contract.statuses.items():
        g.add((STATUS[status], RDF.type, TG.Status))
        g.add((STATUS[status], RDFS.label, Literal(status)))
        g.add((STATUS[status], RDFS.comment, Literal(meaning)))
    for term, comment, kind in (
        (TG.evidence, "an annotation (oa:Annotation) locating this item's evidence in an account", OWL.ObjectProperty),
        (TG.status, "the status of one piece of evidence", OWL.ObjectProperty),
        (TG.accountCount, "how many accounts support this item (corroboration)", OWL.DatatypeProperty),
        (TG.text, "the normalised text of an account, which evidence offsets refer to", OWL.DatatypeProperty),
        (TG.redacted, "true when redaction changed this item or account", OWL.DatatypeProperty),
    ):
        g.add((term, RDF.type, kind))
        g.add((term, RDFS.label, Literal(str(term).rsplit("#", 1)[1])))
        g.add((term, RDFS.comment, Literal(comment)))
    return g
