"""The dashboard's plain modules on tiny graphs with hand-checked answers (no Streamlit)."""

from __future__ import annotations

from graph.contract import load_contract
from graph.model import Evidence

from dashboard.data import AccountItem, LightEdge, LightGraph, LightNode
from dashboard.graphview import (
    ViewRequest,
    edge_styles,
    layout_for,
    legend_html,
    node_styles,
    part_of_subtree,
    select_view,
    to_elements,
)
from dashboard.highlight import Span, excerpt, highlight_html, passage_link, spans_of
from dashboard.orgtree import build_tree, walk
from dashboard.queryform import widget_for
from dashboard.results import csv_bytes, drawn_subgraph, result_subgraph
from dashboard.timeline import NO_ORGANISATION, timeline_rows


def _graph() -> LightGraph:
    """imt <-PART_OF- fb <-PART_OF- ec ; ann MEMBER_OF fb ; bob ACCUSED_IN inc (alleged) ;
    inc OCCURRED_IN fb ; other org 'swp' with its own member cat."""
    nodes = [
        LightNode("imt", "Organization", "IMT", accounts=("a1",)),
        LightNode("fb", "Organization", "Fightback", accounts=("a1", "a2")),
        LightNode("ec", "LeadershipBody", "EC", accounts=("a1",)),
        LightNode("ann", "Person", "Ann", accounts=("a1",)),
        LightNode("bob", "Person", "Bob", accounts=("a2",)),
        LightNode("inc", "Incident", "assault", kind="sexual_assault", date="2019", accounts=("a2",)),
        LightNode("swp", "Organization", "SWP", accounts=("a3",)),
        LightNode("cat", "Person", "Cat", accounts=("a3",)),
    ]
    edges = [
        LightEdge("e1", "PART_OF", "fb", "imt", ("a1",), ("stated",)),
        LightEdge("e2", "PART_OF", "ec", "fb", ("a1",), ("stated",)),
        LightEdge("e3", "MEMBER_OF", "ann", "fb", ("a1",), ("stated",)),
        LightEdge("e4", "ACCUSED_IN", "bob", "inc", ("a2",), ("alleged",)),
        LightEdge("e5", "OCCURRED_IN", "inc", "fb", ("a2",), ("stated",)),
        LightEdge("e6", "MEMBER_OF", "cat", "swp", ("a3",), ("stated",)),
        LightEdge("e7", "PART_OF", "swp", "imt", ("a3",), ("stated",)),
    ]
    return LightGraph({n.id: n for n in nodes}, tuple(edges))


def test_whole_graph_view_draws_everything() -> None:
    view = select_view(_graph(), ViewRequest())
    assert set(view.nodes) == set(_graph().nodes) and len(view.edges) == 7 and view.not_drawn == 0


def test_focus_and_depth_walk_both_directions() -> None:
    view = select_view(_graph(), ViewRequest(focus=("bob",), depth=2))
    assert set(view.nodes) == {"bob", "inc", "fb"}
    assert view.nodes[0] == "bob"  # the focus comes first
    view = select_view(_graph(), ViewRequest(focus=("bob",), depth=3))
    assert set(view.nodes) == {"bob", "inc", "fb", "imt", "ec", "ann"}


def test_status_filter_keeps_claims_and_their_ends() -> None:
    view = select_view(_graph(), ViewRequest(statuses=("alleged",)))
    assert set(view.nodes) == {"bob", "inc"} and view.edges == ("e4",)


def test_account_and_label_filters() -> None:
    assert set(select_view(_graph(), ViewRequest(account="a3")).nodes) == {"swp", "cat"}
    assert set(select_view(_graph(), ViewRequest(labels=("Person",))).nodes) == {"ann", "bob", "cat"}


def test_organisation_scope_does_not_leak_through_the_international() -> None:
    units = tuple(part_of_subtree(_graph(), "fb"))
    assert set(units) == {"fb", "ec"}
    view = select_view(_graph(), ViewRequest(organisation_units=units, depth=2))
    # imt is reached (fb is PART_OF it) but not walked through, so SWP and Cat stay out.
    assert set(view.nodes) == {"fb", "ec", "ann", "inc", "bob", "imt"}


def test_cap_counts_what_is_not_drawn_nearest_first() -> None:
    view = select_view(_graph(), ViewRequest(focus=("fb",), depth=3, cap=3))
    assert view.nodes[0] == "fb" and len(view.nodes) == 3
    assert view.matched == 8 and view.not_drawn == 5
    assert all(e in {"e1", "e2", "e3", "e5"} for e in view.edges)


def test_expand_and_hide() -> None:
    view = select_view(_graph(), ViewRequest(focus=("ann",), depth=1, expanded=("fb",), hidden=("imt",)))
    assert set(view.nodes) == {"ann", "fb", "ec", "inc"}
    missing = select_view(_graph(), ViewRequest(focus=("nobody",)))
    assert missing.missing_focus == ("nobody",)


def test_elements_and_styles_come_from_the_contract() -> None:
    graph = _graph()
    elements = to_elements(graph, select_view(graph, ViewRequest()), selected="bob")
    bob = next(n for n in elements["nodes"] if n["data"]["id"] == "bob")
    assert bob["data"]["label"] == "Person" and bob.get("selected") is True
    accused = next(e for e in elements["edges"] if e["data"]["id"] == "e4")
    assert accused["data"]["status"] == "alleged" and accused["data"]["label"] == "ACCUSED_IN"
    contract = load_contract()
    rules = {rule.dump()["selector"]: rule.dump()["style"] for rule in node_styles(contract)}
    for name, spec in contract.labels.items():
        assert rules[f"node[label='{name}']"]["background-color"] == spec.color
        assert rules[f"node[label='{name}']"]["shape"] == spec.shape
    edge_rules = {rule.dump()["selector"]: rule.dump()["style"] for rule in edge_styles(contract)}
    assert edge_rules["edge[status='alleged']"]["line-style"] == "dashed"
    legend = legend_html(contract)
    assert all(name in legend and spec.color in legend for name, spec in contract.labels.items())
    assert layout_for(100)["name"] == "fcose" and layout_for(100_000)["name"] == "grid"


def test_organisation_tree() -> None:
    units = [{"id": n.id, "label": n.label, "name": n.name} for n in _graph().nodes.values()
             if n.label in ("Organization", "LeadershipBody")]
    roots = build_tree(units, [("fb", "imt"), ("ec", "fb"), ("swp", "imt")])
    assert [(d, n.name) for d, n in walk(roots)] == [(0, "IMT"), (1, "Fightback"), (2, "EC"), (1, "SWP")]
    cyclic = build_tree([{"id": "a", "label": "Organization", "name": "A"},
                         {"id": "b", "label": "Organization", "name": "B"}], [("a", "b"), ("b", "a")])
    assert {n.id for _, n in walk(cyclic)} == {"a", "b"}


def test_highlight_marks_spans_and_the_passage() -> None:
    text = "Dear Ahmed S, the EC met."
    items = [
        AccountItem("p", "node", "Person", "Ahmed S", (Evidence("a", 5, 12, "Ahmed S", "stated"),)),
        AccountItem("b", "node", "LeadershipBody", "EC", (Evidence("a", 18, 20, "EC", "alleged"),)),
        AccountItem("r", "relationship", "MEMBER_OF", "Ahmed S → EC", (Evidence("a", 5, 24, text[5:24], "stated"),)),
    ]
    colours = {"Person": "#1f77b4", "LeadershipBody": "#9467bd"}
    html_text = highlight_html(text, spans_of(items), colours, passage=(18, 20), selected="b",
                               link=lambda s: f"?item={s.item_id}")
    assert "Ahmed S</mark>" in html_text and "#1f77b4" in html_text
    assert 'id="passage"' in html_text and "tg-passage" in html_text and "tg-selected" in html_text
    assert "LeadershipBody: EC (alleged)" in html_text and "MEMBER_OF: Ahmed S → EC (stated)" in html_text
    assert "?item=b" in html_text and "?item=p" in html_text
    assert "<script" not in highlight_html("<script>x</script>", [], {})
    assert excerpt(text, 18, 20, context=6) == ("…the ", "EC", " met.")
    assert passage_link("a 1", 3, 9) == "accounts?account=a+1&start=3&end=9"
    assert Span(0, 1, "x", "node", "Person", "X", "stated").describe() == "Person: X (stated)"


def test_timeline_rows_place_items_in_their_organisation() -> None:
    graph = _graph()
    occurrences = [
        {"id": "inc", "label": "Incident", "name": "assault", "kind": "sexual_assault", "date": "2019",
         "date_text": "in 2019", "accounts": ["a2"]},
        {"id": "undated", "label": "Event", "name": "meeting", "kind": "meeting", "date": None},
        {"id": "loose", "label": "Event", "name": "talk", "kind": "other", "date": "2020-02-07"},
    ]
    rows, undated = timeline_rows(occurrences, graph)
    assert [(r.id, r.organisation, r.start, r.end) for r in rows] == [
        ("inc", "Fightback", "2019-01-01", "2019-12-31"),
        ("loose", NO_ORGANISATION, "2020-02-07", "2020-02-07"),
    ]
    assert [u["id"] for u in undated] == ["undated"]


def test_results_find_the_graph_a_result_names() -> None:
    graph = _graph()
    nodes, edges = result_subgraph([{"who": "bob", "what": {"id": "inc"}}, {"n": 3}], graph)
    assert nodes == ["bob", "inc"] and edges == ["e4"]
    nodes, edges = drawn_subgraph(
        [{"nodes": [{"id": "ann"}], "relationships": [{"source": "ann", "target": "fb", "type": "MEMBER_OF"}]}], graph)
    assert set(nodes) == {"ann", "fb"} and edges == ["e3"]
    assert csv_bytes([{"a": 1, "b": ["x"]}]) == b'a,b\n1,"[""x""]"\n'


def test_query_widgets_follow_the_header() -> None:
    from queries.params import Parameter

    choices = {"organization": ["Fightback"], "entity": ["Ann"]}
    assert widget_for(Parameter("statuses", "list", ["alleged"]), choices).options[:2] == ("stated", "alleged")
    assert widget_for(Parameter("types", "list", ["ACCUSED_IN"]), choices).options[0] == "PART_OF"
    org = widget_for(Parameter("organization", "string", ""), choices)
    assert org.kind == "choice" and org.options == ("Fightback",) and org.free_text
    assert widget_for(Parameter("entity", "string", None, required=True), choices).options == ("Ann",)
    assert widget_for(Parameter("undated", "boolean", True), choices).default is True
    assert widget_for(Parameter("limit", "integer", 500), choices).default == 500
