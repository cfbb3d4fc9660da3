"""Export: choose a part of the graph, how to protect the people in it, and a format; download it."""

from __future__ import annotations

import json

import streamlit as st

from graph.contract import load_contract

from dashboard import ui

contract = load_contract()
st.title("Export")
st.caption("Every export keeps each item's evidence (account, passage, verbatim quote, status) and the accounts "
           "it cites, so it can be checked without this tool.")

graph = ui.require_graph()
key = ui.settings_key()
with ui.guarded("loading the exporters"):
    from graph.export import DEFAULT_MODE, MODES, list_formats
    from graph.export.selection import MAX_DEPTH
    from queries.catalogue import load_catalogue

    formats = {f.name: f for f in list_formats()}
    accounts = ui.account_summaries(key)
    catalogue = load_catalogue()

_KINDS = {
    "all": "The whole graph",
    "organization": "One organisation (with its sections, branches, bodies and what happened in them)",
    "account": "Everything one account supports",
    "ego": "An entity and its neighbourhood",
    "query": "The nodes a saved question's answer names",
}
_MODES = {
    "none": "none: names as they are",
    "survivors": "survivors: pseudonymise everyone targeted by an incident",
    "private": "private: also everyone without a leadership role",
    "all": "all: pseudonymise every person",
}

left, right = st.columns(2, gap="large")
with left:
    st.subheader("1. What")
    kind = st.radio("Part of the graph", list(_KINDS), format_func=_KINDS.get, label_visibility="collapsed")
    value: str | None = None
    depth = 1
    params: dict[str, str] = {}
    if kind == "organization":
        orgs = sorted((n for n in graph.nodes.values() if n.label == "Organization"), key=lambda n: n.name.lower())
        value = st.selectbox("Organisation", [o.id for o in orgs], format_func=lambda i: graph.nodes[i].name)
    elif kind == "account":
        titles = {a.id: a.title for a in accounts}
        value = st.selectbox("Account", list(titles), format_func=titles.get)
    elif kind == "ego":
        named = sorted((n for n in graph.nodes.values() if n.label in contract.named_labels),
                       key=lambda n: n.name.lower())
        value = st.selectbox("Entity", [n.id for n in named],
                             format_func=lambda i: f"{graph.nodes[i].name} ({graph.nodes[i].label})")
        depth = st.slider("Depth", 1, MAX_DEPTH, 1, help="How many steps from the entity.")
    elif kind == "query":
        value = st.selectbox("Saved question", sorted(catalogue), format_func=lambda n: catalogue[n].title)
        query = catalogue[value]
        if query.parameters:
            st.caption("Parameters: " + query.expects())
            for parameter in query.parameters:
                text = st.text_input(parameter.name + (" *" if parameter.required else ""),
                                     "" if parameter.default in (None, "") else str(parameter.default
                                     if not isinstance(parameter.default, list) else ",".join(parameter.default)),
                                     help=parameter.help or None, key=f"export_{value}_{parameter.name}")
                if text.strip():
                    params[parameter.name] = text.strip()
with right:
    st.subheader("2. Protect")
    mode = st.radio("Redaction", list(MODES), index=list(MODES).index(DEFAULT_MODE), format_func=lambda m: _MODES.get(m, m),
                    help="A protected person becomes 'Person 3f9a2c' everywhere: names, aliases, quotes and the "
                         "account texts. The same person gets the same pseudonym in every export of this project.")
    if mode == "none":
        st.warning("Names of survivors and private individuals will be in the file. Share it with care.", icon=":material/warning:")
    st.subheader("3. Format")
    format_name = st.selectbox("Format", list(formats),
                               format_func=lambda n: f"{n} — {formats[n].description}")

if st.button("Prepare the file", type="primary", icon=":material/build:"):
    st.session_state["export_request"] = (kind, value, depth, json.dumps(params, sort_keys=True), mode, format_name)
request = st.session_state.get("export_request")
if request and request == (kind, value, depth, json.dumps(params, sort_keys=True), mode, format_name):
    result = ui.attempt("preparing the export", ui.export_file, key, *request)
    if result is not None:
        payload, summary = result
        exporter = formats[format_name]
        st.success(f"{summary['nodes']:,} nodes, {summary['relationships']:,} relationships and "
                   f"{summary['accounts']:,} accounts; {summary['redacted']:,} items redacted "
                   f"({len(payload):,} bytes).", icon=":material/check_circle:")
        stem = "tgraph-" + (kind if value is None else f"{kind}-{value}").replace(":", "-").replace("/", "-")
        st.download_button(f"Download {stem}.{exporter.extension}", payload, f"{stem}.{exporter.extension}",
                           exporter.media_type, icon=":material/download:", type="primary")
elif request:
    st.caption("The choices changed since the file was prepared; prepare it again.")
