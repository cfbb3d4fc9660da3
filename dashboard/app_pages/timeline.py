"""Timeline: dated incidents, responses and events per organisation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.contract import load_contract

from dashboard import ui
from dashboard.timeline import timeline_chart, timeline_rows

contract = load_contract()
st.title("Timeline")
st.caption("Incidents, responses and events the accounts date, one lane per organisation they happened in "
           "(or, for a response, the organisation whose body took it). A year-only date is drawn as a bar "
           "over the whole year; hover for the account's own words. ◆ incident, ▲ response, ● event.")

graph = ui.require_graph()
key = ui.settings_key()
with ui.guarded("reading the dated items"):
    rows, undated = timeline_rows(ui.occurrences(key), graph)

with st.sidebar:
    st.subheader("Timeline")
    labels = st.multiselect("Show", list(contract.occurrence_labels), default=list(contract.occurrence_labels))
    lanes = sorted({r.organisation for r in rows})
    chosen_lanes = st.multiselect("Organisations", lanes, default=lanes)

shown = [r for r in rows if r.label in labels and r.organisation in chosen_lanes]
if not rows:
    st.info("No incident, response or event in the graph carries a date yet. Dates come from the accounts' "
            "own words (\"in the summer of 2021\"); items without one are listed below.")
elif not shown:
    st.info("Nothing to draw with these choices; widen them in the sidebar.")
else:
    dated_ids = {r.id for r in shown}
    first, last = min(r.start for r in shown), max(r.end for r in shown)
    c1, c2, c3 = st.columns(3)
    c1.metric("Dated items", len(dated_ids))
    c2.metric("Organisations", len({r.organisation for r in shown}))
    c3.metric("Span", f"{first[:4]}–{last[:4]}")
    chart = timeline_chart(shown, contract)
    st.altair_chart(chart, width="stretch", height=int(chart.height) + 150)
    st.subheader("In order")
    st.dataframe(
        pd.DataFrame(
            [{"date": r.date, "the account says": r.date_text, "organisation": r.organisation, "label": r.label,
              "kind": r.kind, "item": r.name, "description": r.description, "accounts": r.accounts}
             for r in shown]
        ),
        hide_index=True, width="stretch",
    )

if undated:
    with st.expander(f"{len(undated)} items without a date (not drawn)"):
        st.dataframe(
            pd.DataFrame([{"label": u.get("label"), "kind": u.get("kind"), "item": u.get("name"),
                           "the account says": u.get("date_text") or "", "description": u.get("description") or ""}
                          for u in undated]),
            hide_index=True, width="stretch",
        )
