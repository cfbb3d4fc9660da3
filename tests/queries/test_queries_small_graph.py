"""Saved queries on a tiny hand-made graph, for answers the gold does not exercise:
a conflict of interest, a complaint with no response at all, an expelled reporter."""

from __future__ import annotations

import pytest

from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship
from graph.store import GraphStore
from query_helpers import rows

ACCOUNT = "tiny_0001"
TEXT = (
    "Sam Reyes was accused of harassing Lee Park in the Leeds branch.\n"
    "Lee Park reported it to Dana Cole.\n"
    "Dana Cole dismissed the complaint.\n"
    "Sam Reyes and Dana Cole both sat on the branch committee and in the Leeds branch.\n"
    "Kim Ode reported a threat to the branch committee.\n"
    "Lee Park was later expelled by the branch committee.\n"
)


def ev(quote: str, status: str = "stated") -> tuple[Evidence, ...]:
    start = TEXT.index(quote)
    return (Evidence(ACCOUNT, start, start + len(quote), quote, status),)


def node(node_id: str, label: str, name: str, quote: str | None = None, **props: str) -> Node:
    return Node(node_id, label, name, (), props, ev(quote or name))


def rel(rel_type: str, source: str, target: str, quote: str, status: str = "stated") -> Relationship:
    return Relationship(rel_type, source, target, {}, ev(quote, status))


@pytest.fixture
def tiny_store(empty_store: GraphStore) -> GraphStore:
    nodes = (
        node("sam", "Person", "Sam Reyes", identity="named"),
        node("lee", "Person", "Lee Park", identity="named"),
        node("dana", "Person", "Dana Cole", identity="named"),
        node("kim", "Person", "Kim Ode", identity="named"),
        node("leeds", "Branch", "Leeds branch"),
        node("committee", "LeadershipBody", "branch committee", kind="other"),
        node("harassment", "Incident", "harassment of Lee", "harassing Lee Park", kind="harassment"),
        node("threat", "Incident", "a threat", kind="threat"),
        node("dismissal", "Response", "dismissal", "dismissed the complaint", kind="dismissal"),
        node("expulsion", "Response", "expulsion of Lee", "was later expelled", kind="expulsion"),
    )
    relationships = (
        rel("ACCUSED_IN", "sam", "harassment", "Sam Reyes was accused of harassing Lee Park", "alleged"),
        rel("TARGET_OF", "lee", "harassment", "harassing Lee Park"),
        rel("REPORTED", "lee", "harassment", "Lee Park reported it to Dana Cole"),
        rel("REPORTED_TO", "harassment", "dana", "Lee Park reported it to Dana Cole"),
        rel("RESPONDS_TO", "dismissal", "harassment", "Dana Cole dismissed the complaint"),
        rel("TAKEN_BY", "dismissal", "dana", "Dana Cole dismissed the complaint"),
        rel("MEMBER_OF", "sam", "committee", "both sat on the branch committee"),
        rel("MEMBER_OF", "dana", "committee", "both sat on the branch committee"),
        rel("MEMBER_OF", "sam", "leeds", "and in the Leeds branch"),
        rel("MEMBER_OF", "dana", "leeds", "and in the Leeds branch"),
        rel("REPORTED", "kim", "threat", "Kim Ode reported a threat"),
        rel("REPORTED_TO", "threat", "committee", "reported a threat to the branch committee"),
        rel("AFFECTS", "expulsion", "lee", "Lee Park was later expelled"),
        rel("TAKEN_BY", "expulsion", "committee", "expelled by the branch committee"),
    )
    account = AccountRecord.from_text(ACCOUNT, TEXT, title="A tiny account")
    empty_store.write_document(GraphDocument((account,), nodes, relationships))
    return empty_store


def test_conflict_of_interest(tiny_store: GraphStore) -> None:
    [row] = rows(tiny_store, "conflicts_of_interest")
    assert (row["official_id"], row["accused_id"], row["incident_id"]) == ("dana", "sam", "harassment")
    assert sorted(row["handled"]) == ["reported to", "took dismissal"]
    assert sorted(row["shared_units"]) == ["Branch: Leeds branch", "LeadershipBody: branch committee"]
    assert row["shared_events"] == []


def test_a_complaint_with_no_response_and_one_only_dismissed(tiny_store: GraphStore) -> None:
    found = {r["incident_id"]: r for r in rows(tiny_store, "unanswered_reports")}
    assert found["threat"]["verdict"] == "no response" and found["threat"]["responses"] == []
    assert found["harassment"]["verdict"] == "only dismissal/no_action"
    assert found["harassment"]["raised_to"] == ["Dana Cole"]
    # Reports to people can be left out: only the one to the committee remains.
    bodies_only = rows(tiny_store, "unanswered_reports", include_people="false")
    assert [r["incident_id"] for r in bodies_only] == ["threat"]
    # No response is ignored at all: the dismissal now counts as a response.
    strict = rows(tiny_store, "unanswered_reports", ignored_kinds="no_action")
    assert [r["incident_id"] for r in strict] == ["threat"]


def test_an_expelled_reporter(tiny_store: GraphStore) -> None:
    [row] = rows(tiny_store, "rules_against_reporters")
    assert (row["person_id"], row["action_kind"], row["answers_their_report"]) == ("lee", "expulsion", False)
    assert row["taken_by"] == ["branch committee [stated]"]
    assert rows(tiny_store, "rules_against_reporters", kinds="suspension") == []
