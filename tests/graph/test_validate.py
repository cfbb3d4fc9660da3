"""Each contract rule refuses a document with one clear message naming the fault."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graph.errors import ValidationError
from graph.model import Evidence, GraphDocument
from graph.validate import validate_document
from handmade_docs import FIRST_ID, INCIDENT, LEAGUE, SAM, first_document, with_node, with_relationship

# Indexes into first_document()'s nodes and relationships.
SAM_NODE, INCIDENT_NODE = 1, 6
MEMBER_OF_REL, ACCUSED_IN_REL = 1, 6


def refusal(document: GraphDocument) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_document(document)
    message = str(caught.value)
    assert "\n" not in message, "a refusal is one line"
    return message


def test_hand_made_document_is_valid(first: GraphDocument) -> None:
    validate_document(first)


def test_unknown_label(first: GraphDocument) -> None:
    message = refusal(with_node(first, SAM_NODE, label="Comrade"))
    assert SAM in message and "unknown label 'Comrade'" in message and "Person" in message


def test_unknown_kind(first: GraphDocument) -> None:
    message = refusal(with_node(first, INCIDENT_NODE, properties={"kind": "rumour"}))
    assert INCIDENT in message and "'rumour'" in message and "harassment" in message


def test_bad_date(first: GraphDocument) -> None:
    message = refusal(with_node(first, INCIDENT_NODE, properties={"kind": "harassment", "date": "last May"}))
    assert "'last May'" in message and "ISO 8601" in message


def test_unknown_relationship_type(first: GraphDocument) -> None:
    message = refusal(with_relationship(first, MEMBER_OF_REL, type="FRIEND_OF"))
    assert "unknown relationship type 'FRIEND_OF'" in message and "MEMBER_OF" in message


def test_disallowed_endpoint_pair(first: GraphDocument) -> None:
    # An organisation cannot be accused: ACCUSED_IN runs from Person to Incident.
    message = refusal(with_relationship(first, ACCUSED_IN_REL, source=LEAGUE))
    assert "ACCUSED_IN may not run from Organization to Incident" in message
    assert "Person -> Incident" in message


def test_endpoint_missing(first: GraphDocument) -> None:
    message = refusal(with_relationship(first, ACCUSED_IN_REL, source="person:nobody"))
    assert "'person:nobody'" in message and "neither in the document nor in the store" in message


def test_quote_must_equal_the_text_there(first: GraphDocument) -> None:
    good = first.nodes[SAM_NODE].evidence[0]
    wrong = replace(good, quote="Sam Okafur")
    message = refusal(with_node(first, SAM_NODE, evidence=(wrong,)))
    assert SAM in message and "'Sam Okafur'" in message and "'Sam Okafor'" in message


def test_quote_shifted_by_one_is_refused(first: GraphDocument) -> None:
    good = first.nodes[SAM_NODE].evidence[0]
    shifted = replace(good, start=good.start + 1, end=good.end + 1)
    message = refusal(with_node(first, SAM_NODE, evidence=(shifted,)))
    assert "is not the account's text there" in message


def test_node_without_evidence(first: GraphDocument) -> None:
    message = refusal(with_node(first, SAM_NODE, evidence=()))
    assert SAM in message and "no evidence" in message


def test_relationship_without_evidence(first: GraphDocument) -> None:
    message = refusal(with_relationship(first, MEMBER_OF_REL, evidence=()))
    assert "MEMBER_OF" in message and "no evidence" in message


@pytest.mark.parametrize("status", ["rumoured", "Alleged", "", "fact"])
def test_status_outside_the_seven(first: GraphDocument, status: str) -> None:
    good = first.relationships[ACCUSED_IN_REL].evidence[0]
    message = refusal(with_relationship(first, ACCUSED_IN_REL, evidence=(replace(good, status=status),)))
    assert f"status {status!r}" in message
    for allowed in ("stated", "alleged", "admitted", "denied", "found", "reported", "believed"):
        assert allowed in message


def test_evidence_from_an_unknown_account(first: GraphDocument) -> None:
    stray = Evidence("999_nowhere", 0, 3, "Why", "stated")
    message = refusal(with_node(first, SAM_NODE, evidence=(stray,)))
    assert "'999_nowhere'" in message


def test_empty_or_reversed_span(first: GraphDocument) -> None:
    empty = Evidence(FIRST_ID, 5, 5, "", "stated")
    message = refusal(with_node(first, SAM_NODE, evidence=(empty,)))
    assert "0 <= start < end" in message


def test_null_and_nested_properties(first: GraphDocument) -> None:
    assert "null" in refusal(with_node(first, SAM_NODE, properties={"identity": None}))
    assert "scalar" in refusal(with_node(first, SAM_NODE, properties={"identity": "named", "extra": {"a": 1}}))


def test_one_id_with_two_labels(first: GraphDocument) -> None:
    twin = replace(first.nodes[SAM_NODE], label="Organization", properties={})
    message = refusal(replace(first, nodes=(*first.nodes, twin)))
    assert SAM in message and "Person" in message and "Organization" in message


def test_account_length_must_match_its_text(first: GraphDocument) -> None:
    account = replace(first.accounts[0], length=3)
    message = refusal(replace(first, accounts=(account,)))
    assert FIRST_ID in message and "length 3" in message


def test_textless_account_still_checks_span_lengths(first: GraphDocument) -> None:
    textless = replace(first.accounts[0], text=None)
    validate_document(replace(first, accounts=(textless,)))
    good = first.nodes[SAM_NODE].evidence[0]
    too_long = replace(good, quote=good.quote + "!")
    message = refusal(with_node(replace(first, accounts=(textless,)), SAM_NODE, evidence=(too_long,)))
    assert "does not fit the span" in message


def test_the_first_fault_is_the_one_reported() -> None:
    """Several faults: one message, never a pile of them."""
    document = with_node(first_document(), SAM_NODE, label="Comrade", evidence=())
    message = refusal(document)
    assert message.count(SAM) == 1
