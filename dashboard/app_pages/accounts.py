"""Accounts: read one account with every extracted span highlighted, and what was extracted from it."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from graph.contract import load_contract

from dashboard import ui
from dashboard.highlight import excerpt, highlight_html, spans_of
from dashboard.widgets import EXPLORE_PAGE, badge, show_connections, show_item_detail, status_chip

contract = load_contract()
st.title("Accounts")

graph = ui.require_graph()
key = ui.settings_key()
with ui.guarded("reading the accounts"):
    accounts = ui.account_summaries(key)
if not accounts:
    st.info(f"No accounts in the graph. {ui.INGEST_HINT}")
    st.stop()
titles = {a.id: a.title for a in accounts}


def _int_param(name: str) -> int | None:
    value = st.query_params.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


wanted = st.query_params.get("account")
if wanted and wanted not in titles:
    st.warning(f"There is no account {wanted!r} in the graph; showing the first one instead.")
ids = list(titles)
account_id = st.selectbox("Account", ids, index=ids.index(wanted) if wanted in titles else 0,
                          format_func=lambda i: titles[i], key=f"account_pick_{wanted}")
if account_id != wanted:
    # Picking another account drops the passage and item of the old link.
    st.query_params.clear()
    st.query_params["account"] = account_id
passage_start, passage_end = (_int_param("start"), _int_param("end")) if account_id == wanted else (None, None)
selected_item = st.query_params.get("item") if account_id == wanted else None

with ui.guarded("reading the account"):
    account = ui.account_text(key, account_id)
    items = ui.account_items(key, account_id)
if account is None:
    st.error(f"The account {account_id} is listed but cannot be read; press Reload data.")
    st.stop()

meta = [account.author, account.published, f"{account.words:,} words" if account.words else "",
        f"source: {account.source}" if account.source else "", f"id `{account.id}`"]
st.markdown(f"### {html.escape(account.title)}")
st.caption(" · ".join(m for m in meta if m))
if not account.text:
    st.warning("The store holds no text for this account (it was loaded from a document shared without "
               "texts). Re-ingest the file to read it here.")
    st.stop()

present = [label for label in contract.labels if any(i.kind == "node" and i.label == label for i in items)]
text_col, items_col = st.columns([3, 2], gap="large")

with text_col:
    if passage_start is not None and passage_end is not None and 0 <= passage_start < passage_end <= len(account.text):
        before, quote, after = excerpt(account.text, passage_start, passage_end)
        st.markdown(
            f"<div class='tg-quote'>{html.escape(before)}<span class='tg-passage'>{html.escape(quote)}</span>"
            f"{html.escape(after)}</div>",
            unsafe_allow_html=True,
        )
        st.caption(f"The passage (characters {passage_start}–{passage_end}) is marked in yellow in the text below.")
    elif passage_start is not None:
        st.warning("That passage is outside this account's text; showing the whole account.")
        passage_start = passage_end = None
    shown = st.pills("Highlight", present, default=present, selection_mode="multi",
                     help="Which labels to highlight. Dotted underlines mark the evidence of relationships.")
    show_relationships = st.toggle("Underline relationship evidence", value=False)
    spans = [s for s in spans_of(items)
             if (s.kind == "node" and s.label in (shown or [])) or (s.kind == "relationship" and show_relationships)]
    text_html = highlight_html(
        account.text, spans, ui.label_colours(),
        passage=(passage_start, passage_end) if passage_start is not None else None,
        selected=selected_item,
        link=lambda span: "accounts?" + urlencode({"account": account.id, "item": span.item_id}),
    )
    st.html(f"<div class='tg-legend'>{''.join(badge(l) for l in present)}</div>")
    with st.container(height=720, border=True):
        st.html(text_html)

with items_col:
    if selected_item:
        with ui.guarded("reading the item"):
            detail = ui.item_detail(key, selected_item)
        if detail is not None:
            st.subheader("Selected item")
            show_item_detail(detail, graph, titles)
            if detail.kind == "node":
                st.page_link(EXPLORE_PAGE, label="Explore its neighbourhood", icon=":material/hub:",
                             query_params={"node": detail.id})
                st.markdown("**Relationships**")
                show_connections(detail.id, graph)
            st.divider()
    nodes = [i for i in items if i.kind == "node"]
    rels = [i for i in items if i.kind == "relationship"]
    st.subheader(f"Extracted: {len(nodes)} nodes, {len(rels)} relationships")
    st.caption("Click a highlighted span in the text, or a row here, to see the item and its relationships.")
    table = pd.DataFrame(
        [
            {
                "label": i.label,
                "name": i.name,
                "status": ", ".join(sorted({e.status for e in i.evidence})),
                "spans": len(i.evidence),
                "first quote": i.evidence[0].quote if i.evidence else "",
                "id": i.id,
            }
            for i in items
        ]
    )
    picked = st.dataframe(table, hide_index=True, width="stretch", height=520, on_select="rerun",
                          selection_mode="single-row", column_order=["label", "name", "status", "spans", "first quote"],
                          key=f"items_{account_id}")
    rows = picked.selection.rows if picked is not None else []
    if rows:
        chosen = table.iloc[rows[0]]["id"]
        if chosen != selected_item:
            st.query_params["item"] = chosen
            st.rerun()
    alleged = [i for i in rels if any(e.status == "alleged" for e in i.evidence)]
    if alleged:
        st.markdown(f"{status_chip('alleged', len(alleged))} relationships in this account are allegations.",
                    unsafe_allow_html=True)
