"""Explore: the graph as an interactive network, with the evidence of whatever you click."""

from __future__ import annotations

import hashlib

import streamlit as st
from st_link_analysis import Event, st_link_analysis

from graph.contract import load_contract

from dashboard import graphview, ui
from dashboard.widgets import show_connections, show_item_detail

contract = load_contract()
st.title("Explore")

graph = ui.require_graph()
key = ui.settings_key()
state = st.session_state
state.setdefault("explore_focus", [])
state.setdefault("explore_expanded", [])
state.setdefault("explore_hidden", [])
state.setdefault("explore_selected", None)
state.setdefault("explore_last_event", None)

# A link such as explore?node=<id> (from the Overview tree or the Accounts page) focuses that node.
linked = st.query_params.get("node")
if linked and state.get("explore_linked") != linked:
    state.explore_linked = linked
    if linked in graph.nodes:
        state.explore_focus, state.explore_selected = [linked], linked
        state.explore_expanded, state.explore_hidden = [], []

with ui.guarded("reading accounts"):
    accounts = ui.account_summaries(key)
account_titles = {a.id: a.title for a in accounts}

with st.sidebar:
    st.subheader("Find")
    term = st.text_input("Name or alias", placeholder="e.g. IMT, Executive Committee, branch secretary",
                         help="Searches the names and aliases of people, organisations, bodies, roles …")
    if term.strip():
        with ui.guarded("searching"):
            hits = ui.search(key, term)
        if hits:
            options = {h["id"]: f"{h['name']} ({h['label']}, {h.get('account_count') or 0} acc.)" for h in hits}
            chosen = st.selectbox("Matches", list(options), format_func=options.get)
            focus_col, add_col = st.columns(2)
            if focus_col.button("Focus", help="Show this entity and its neighbourhood only.", width="stretch"):
                state.explore_focus, state.explore_selected = [chosen], chosen
                state.explore_expanded, state.explore_hidden = [], []
            if add_col.button("Add", help="Add it to the entities in focus.", width="stretch"):
                state.explore_focus = list(dict.fromkeys([*state.explore_focus, chosen]))
                state.explore_selected = chosen
        else:
            st.caption(f"Nothing named like “{term}”.")
    if state.explore_focus:
        names = ", ".join(graph.nodes[f].name for f in state.explore_focus if f in graph.nodes)
        st.caption(f"In focus: **{names}**")
        if st.button("Show the whole graph", help="Drop the focus, the expansions and the removed nodes."):
            state.explore_focus, state.explore_expanded, state.explore_hidden = [], [], []
            state.explore_selected = None

    st.subheader("Filter")
    present = sorted({n.label for n in graph.nodes.values()}, key=list(contract.labels).index)
    labels = st.multiselect("Labels", present, default=present, help="Which kinds of node to draw.")
    organisations = sorted((n for n in graph.nodes.values() if n.label == "Organization"), key=lambda n: n.name.lower())
    org_choice = st.selectbox(
        "Organisation", [None, *[o.id for o in organisations]],
        format_func=lambda i: "All organisations" if i is None else graph.nodes[i].name,
        help="Only what is connected to this organisation, its sections, branches, bodies and factions "
             "(within the depth below), without passing through other organisations.")
    account_choice = st.selectbox(
        "Account", [None, *account_titles], format_func=lambda i: "All accounts" if i is None else account_titles[i],
        help="Only nodes and relationships this account supports.")
    statuses = st.multiselect(
        "Status", list(contract.statuses),
        help="Only relationships with at least one piece of evidence of these statuses (e.g. 'alleged'), "
             "and the nodes they join.")
    depth = st.slider("Depth", 1, 4, 2 if state.explore_focus else 1,
                      help="How many steps from the focus (or the organisation) to walk.")
    cap = st.select_slider("Draw at most", [100, 250, 500, 1000, 2000, 3000, 5000],
                           value=graphview.DEFAULT_NODE_CAP, help="Nodes beyond this are counted, not drawn.")

units: tuple[str, ...] = ()
if org_choice:
    units = tuple(sorted(graphview.part_of_subtree(graph, org_choice)))
request = graphview.ViewRequest(
    focus=tuple(state.explore_focus), depth=depth, labels=tuple(labels), account=account_choice,
    statuses=tuple(statuses), organisation_units=units, expanded=tuple(state.explore_expanded),
    hidden=tuple(state.explore_hidden), cap=cap,
)
view = graphview.select_view(graph, request)

if view.missing_focus:
    st.warning(f"Not in the graph: {', '.join(view.missing_focus)}. Search for it by name in the sidebar.")
if view.not_drawn:
    st.warning(
        f"**{view.not_drawn:,} of {view.matched:,} nodes are not drawn** (the limit is {cap:,}). "
        "Narrow the view: search for a name and press *Focus*, pick an organisation or an account, "
        "untick labels, choose statuses, or lower the depth. The nearest and best-connected nodes are drawn first.",
        icon=":material/content_cut:")
if not view.nodes:
    st.info("Nothing matches these filters. Widen them in the sidebar (labels, organisation, account, status).")
    st.stop()

# The layout runs again when the view changes, but not on an expansion: the
# component lays the new neighbours out around the node that was expanded.
layout = graphview.layout_for(len(view.nodes))
layout["tg_view"] = hashlib.sha1(repr((request.focus, depth, request.labels, account_choice, request.statuses,
                                       units, cap)).encode()).hexdigest()[:12]

graph_col, detail_col = st.columns([3, 2], gap="medium")
with graph_col:
    st.html(graphview.legend_html(contract, present))
    st.caption(f"{len(view.nodes):,} nodes, {len(view.edges):,} relationships. Click a node or an edge for its "
               "evidence; double-click a node to expand its neighbours; select and press Delete to remove it.")
    event = st_link_analysis(
        graphview.to_elements(graph, view, state.explore_selected),
        layout=layout,
        node_styles=graphview.node_styles(contract),
        edge_styles=graphview.edge_styles(contract, len(view.nodes)),
        height=640,
        key="explore_graph",
        node_actions=["expand", "remove"],
        events=[Event("select", "click tap", "node, edge")],
    )

# The component returns its last event on every rerun; act on each one once.
if event and event.get("timestamp") != state.explore_last_event:
    state.explore_last_event = event.get("timestamp")
    action, payload = event.get("action"), event.get("data") or {}
    if action == "select" and payload.get("target_id"):
        state.explore_selected = payload["target_id"]
    elif action == "expand":
        state.explore_expanded = list(dict.fromkeys([*state.explore_expanded, *payload.get("node_ids", [])]))
        st.rerun()
    elif action == "remove":
        state.explore_hidden = list(dict.fromkeys([*state.explore_hidden, *payload.get("node_ids", [])]))
        if state.explore_selected in state.explore_hidden:
            state.explore_selected = None
        st.rerun()

with detail_col:
    selected = state.explore_selected
    if not selected:
        st.subheader("Details")
        st.caption("Click a node or a relationship in the network to see its properties, the status of each "
                   "piece of evidence, how many accounts support it and every supporting quote.")
    else:
        with ui.guarded("reading the selected item"):
            detail = ui.item_detail(key, selected)
        if detail is None:
            st.caption("That item is no longer in the graph; press Reload data.")
        else:
            show_item_detail(detail, graph, account_titles)
            if detail.kind == "node":
                focus_col, expand_col = st.columns(2)
                if focus_col.button("Focus here", width="stretch", help="Redraw around this node only."):
                    state.explore_focus, state.explore_expanded, state.explore_hidden = [selected], [], []
                    st.rerun()
                if expand_col.button("Expand neighbours", width="stretch", help="Add its neighbours to the drawing."):
                    state.explore_expanded = list(dict.fromkeys([*state.explore_expanded, selected]))
                    st.rerun()
                with st.expander(f"Relationships ({graph.degree(selected)})"):
                    show_connections(selected, graph)
