"""Queries: run a saved research question with its parameters, or ask your own in Cypher (read-only)."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st
from st_link_analysis import st_link_analysis

from graph.contract import load_contract

from dashboard import graphview, ui
from dashboard.queryform import widget_for
from dashboard.results import csv_bytes, drawn_subgraph, json_bytes, result_subgraph, table_rows

contract = load_contract()
st.title("Queries")

graph = ui.require_graph()
key = ui.settings_key()
with ui.guarded("loading the saved queries"):
    from queries.catalogue import load_catalogue

    catalogue = load_catalogue()
    accounts = ui.account_summaries(key)

choices = {
    "organization": sorted({n.name for n in graph.nodes.values() if n.label == "Organization"}, key=str.lower),
    "account": [a.id for a in accounts],
    "incident": sorted(n.id for n in graph.nodes.values() if n.label == "Incident"),
    "entity": sorted({n.name for n in graph.nodes.values() if n.label in contract.named_labels}, key=str.lower),
}


def show_result(rows: list[dict], title: str, drawn: tuple[list[str], list[str]] | None, file_stem: str,
                meta: dict) -> None:
    """The table, the downloads and, when the result names nodes, their graph."""
    if not rows:
        st.info("No rows. The question has no answer in this graph, or the parameters are too narrow.")
        return
    st.caption(f"{len(rows):,} row{'s' if len(rows) != 1 else ''}")
    left, right, _ = st.columns([1, 1, 4])
    left.download_button("Download CSV", csv_bytes(rows), f"{file_stem}.csv", "text/csv", icon=":material/download:")
    right.download_button("Download JSON", json_bytes(rows, meta), f"{file_stem}.json", "application/json",
                          icon=":material/download:")
    table_tab, graph_tab = st.tabs(["Table", "Graph"])
    with table_tab:
        st.dataframe(pd.DataFrame(table_rows(rows)), hide_index=True, width="stretch")
    with graph_tab:
        nodes, edges = drawn if drawn is not None else result_subgraph(rows, graph)
        if not nodes:
            st.caption("This result names no node of the graph, so there is nothing to draw.")
            return
        view = graphview.View(tuple(nodes[: graphview.DEFAULT_NODE_CAP]), tuple(edges), len(nodes))
        if view.not_drawn:
            st.warning(f"{view.not_drawn:,} nodes not drawn; narrow the query (its limit parameter, or a filter).")
        if drawn is None:
            st.caption("The nodes this result names, and the relationships among them.")
        st.html(graphview.legend_html(contract, sorted({graph.nodes[n].label for n in view.nodes})))
        st_link_analysis(graphview.to_elements(graph, view), layout=graphview.layout_for(len(view.nodes)),
                         node_styles=graphview.node_styles(contract), edge_styles=graphview.edge_styles(contract, len(view.nodes)),
                         height=520, key=f"graph_{file_stem}")


saved_tab, cypher_tab = st.tabs(["Saved questions", "Your own Cypher"])

with saved_tab:
    names = sorted(catalogue, key=lambda n: catalogue[n].title.lower())
    wanted = st.query_params.get("query")
    name = st.selectbox("Question", names, index=names.index(wanted) if wanted in names else 0,
                        format_func=lambda n: f"{catalogue[n].title} — {catalogue[n].question}")
    query = catalogue[name]
    st.markdown(query.description)
    values: dict[str, object] = {}
    with st.form(f"params_{name}", border=bool(query.parameters)):
        for parameter in query.parameters:
            widget = widget_for(parameter, choices, contract)
            label = parameter.name + (" *" if parameter.required else "")
            help_text = parameter.help or None
            wkey = f"q_{name}_{parameter.name}"
            if widget.kind == "boolean":
                values[parameter.name] = st.checkbox(label, widget.default, help=help_text, key=wkey)
            elif widget.kind == "integer":
                values[parameter.name] = int(st.number_input(label, value=widget.default, step=1, help=help_text, key=wkey))
            elif widget.kind == "float":
                values[parameter.name] = st.number_input(label, value=widget.default, help=help_text, key=wkey)
            elif widget.kind == "multiselect":
                values[parameter.name] = st.multiselect(label, widget.options, default=widget.default, help=help_text, key=wkey)
            elif widget.kind == "choice":
                options = list(widget.options) if parameter.required else ["", *widget.options]
                index = options.index(widget.default) if widget.default in options else None
                picked = st.selectbox(label, options, index=index, help=help_text, key=wkey, accept_new_options=True,
                                      placeholder="pick or type a name", format_func=lambda o: o or "(any)")
                values[parameter.name] = picked
            else:
                values[parameter.name] = st.text_input(label, widget.default, help=help_text, key=wkey)
        submitted = st.form_submit_button("Run", type="primary", icon=":material/play_arrow:")
    with st.expander("The Cypher this question runs"):
        st.code(query.cypher, language="cypher")
    if submitted:
        st.session_state["queries_ran"] = name
    if st.session_state.get("queries_ran") == name:
        raw = {k: v for k, v in values.items() if v not in (None, "") or not query.parameter(k).required}
        raw = {k: v for k, v in raw.items() if v is not None}
        rows = ui.attempt(f"running “{query.title}”", ui.run_saved_query, key, name, json.dumps(raw, sort_keys=True))
        if rows is not None:
            drawn = drawn_subgraph(rows, graph) if query.draws else None
            show_result(rows, query.title, drawn, name, {"query": name, "parameters": raw})

with cypher_tab:
    st.caption("Ask anything the saved questions do not. The query runs on the read-only path: a statement "
               "that would write (CREATE, MERGE, SET, DELETE …) is refused before it reaches the store. "
               "Return names and ids (`n.name`, `n.id`) rather than whole nodes to see them drawn.")
    example = ("MATCH (p:Person)-[r:ACCUSED_IN]->(i:Incident)\n"
               "RETURN p.id AS person_id, p.name AS person, i.name AS incident, r.statuses AS statuses,\n"
               "       r.account_count AS accounts\nORDER BY accounts DESC LIMIT 25")
    cypher = st.text_area("Cypher", example, height=150, key="adhoc_cypher")
    if st.button("Run query", type="primary", icon=":material/play_arrow:", key="adhoc_run"):
        st.session_state["adhoc_ran"] = cypher
    if st.session_state.get("adhoc_ran"):
        rows = ui.attempt("running your query", ui.run_cypher, key, st.session_state["adhoc_ran"])
        if rows is not None:
            show_result(rows, "Your query", None, "query", {"cypher": st.session_state["adhoc_ran"]})
