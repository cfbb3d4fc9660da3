"""Small hand-made documents for the store's tests: two accounts that share a
person, an organisation and one relationship (Sam Okafor MEMBER_OF the Workers
League), so corroboration can be checked by hand (``account_count`` 2 on
exactly those three)."""

from __future__ import annotations

from dataclasses import replace

from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship, make_id

FIRST_ID = "901_handmade_first"
SECOND_ID = "902_handmade_second"

FIRST_TEXT = (
    "Why I left\n"
    "I joined the Workers League in Leeds in 2015.\n"
    "Sam Okafor was our branch secretary.\n"
    "Sam Okafor was accused of harassing a young member.\n"
    "The national office denied the allegations.\n"
)
SECOND_TEXT = (
    "My resignation\n"
    "In the Workers League, Sam Okafor ran everything.\n"
    "One source tells me that Sam Okafor was accused of harassing a young member.\n"
)

SAM = make_id("Person", "Sam Okafor")
LEAGUE = make_id("Organization", "Workers League")
LEEDS = make_id("Branch", "Leeds")
SECRETARY = make_id("Role", FIRST_ID, "branch secretary")
NARRATOR = make_id("Person", FIRST_ID, "narrator")
INCIDENT = make_id("Incident", FIRST_ID, "harassment")
YOUNG_MEMBER = make_id("Person", FIRST_ID, "a young member")


def evidence(account: str, text: str, quote: str, status: str = "stated", occurrence: int = 0) -> Evidence:
    """Evidence for the ``occurrence``-th appearance of ``quote`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return Evidence(account, start, start + len(quote), quote, status)


def first_document() -> GraphDocument:
    a, t = FIRST_ID, FIRST_TEXT
    account = AccountRecord.from_text(a, t, title="Why I left", author="anonymous")
    nodes = (
        Node(NARRATOR, "Person", "the narrator", (), {"identity": "pseudonym"}, (evidence(a, t, "I joined"),)),
        Node(SAM, "Person", "Sam Okafor", (), {"identity": "named"}, (evidence(a, t, "Sam Okafor"),)),
        Node(YOUNG_MEMBER, "Person", "a young member", (), {"identity": "pseudonym"}, (evidence(a, t, "a young member"),)),
        Node(LEAGUE, "Organization", "Workers League", (), {"kind": "party"}, (evidence(a, t, "Workers League"),)),
        Node(LEEDS, "Branch", "Leeds", (), {"city": "Leeds"}, (evidence(a, t, "Leeds"),)),
        Node(SECRETARY, "Role", "branch secretary", (), {"title": "branch secretary"}, (evidence(a, t, "branch secretary"),)),
        Node(
            INCIDENT,
            "Incident",
            "harassment of a young member",
            (),
            {"kind": "harassment"},
            (evidence(a, t, "accused of harassing a young member", "alleged"),),
        ),
    )
    relationships = (
        Relationship("AUTHORED", NARRATOR, a, {}, (evidence(a, t, "Why I left"),)),
        Relationship("MEMBER_OF", NARRATOR, LEAGUE, {"since": "2015"}, (evidence(a, t, "I joined the Workers League"),)),
        Relationship("PART_OF", LEEDS, LEAGUE, {}, (evidence(a, t, "Workers League in Leeds"),)),
        Relationship("HOLDS_ROLE", SAM, SECRETARY, {}, (evidence(a, t, "Sam Okafor was our branch secretary"),)),
        Relationship("MEMBER_OF", SAM, LEAGUE, {}, (evidence(a, t, "Sam Okafor was our branch secretary."),)),
        Relationship("ROLE_IN", SECRETARY, LEEDS, {}, (evidence(a, t, "our branch secretary"),)),
        Relationship(
            "ACCUSED_IN", SAM, INCIDENT, {}, (evidence(a, t, "Sam Okafor was accused of harassing", "alleged", 0),)
        ),
        Relationship("TARGET_OF", YOUNG_MEMBER, INCIDENT, {}, (evidence(a, t, "harassing a young member", "alleged"),)),
    )
    return GraphDocument((account,), nodes, relationships)


def second_document() -> GraphDocument:
    """A second account telling the same person, organisation and accusation."""
    a, t = SECOND_ID, SECOND_TEXT
    account = AccountRecord.from_text(a, t, title="My resignation")
    second_incident = make_id("Incident", SECOND_ID, "harassment")
    nodes = (
        Node(SAM, "Person", "Sam Okafor", ("Sam",), {"identity": "named"}, (evidence(a, t, "Sam Okafor"),)),
        Node(LEAGUE, "Organization", "the Workers League", (), {"kind": "party"}, (evidence(a, t, "Workers League"),)),
        Node(
            second_incident,
            "Incident",
            "harassment (second account)",
            (),
            {"kind": "harassment"},
            (evidence(a, t, "accused of harassing a young member", "reported"),),
        ),
    )
    relationships = (
        Relationship("MEMBER_OF", SAM, LEAGUE, {}, (evidence(a, t, "In the Workers League, Sam Okafor ran everything"),)),
        Relationship(
            "ACCUSED_IN", SAM, second_incident, {}, (evidence(a, t, "Sam Okafor was accused of harassing", "reported"),)
        ),
    )
    return GraphDocument((account,), nodes, relationships)


def with_node(document: GraphDocument, index: int, **changes) -> GraphDocument:
    nodes = list(document.nodes)
    nodes[index] = replace(nodes[index], **changes)
    return replace(document, nodes=tuple(nodes))


def with_relationship(document: GraphDocument, index: int, **changes) -> GraphDocument:
    rels = list(document.relationships)
    rels[index] = replace(rels[index], **changes)
    return replace(document, relationships=tuple(rels))
