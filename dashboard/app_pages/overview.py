"""Overview: what the graph holds, which accounts it comes from, and the organisations as a tree."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.orgtree import TreeNode, build_tree
from dashboard.widgets import badge

st.title("Overview")
st.caption("What the graph holds and where each piece comes from. Every node and relationship "
           "keeps the accounts, passages and statuses that support it.")

graph = ui.require_graph()
key = ui.settings_key()
with ui.guarded("counting the graph"):
    node_counts, rel_counts = ui.counts(key)
    accounts = ui.account_summaries(key)
    units = ui.organisation_units(key)

corroborated = sum(1 for n in graph.nodes.values() if n.label != "Account" and len(n.accounts) > 1)
alleged = sum(1 for e in graph.edges if "alleged" in e.statuses)
cols = st.columns(5)
cols[0].metric("Accounts", node_counts.get("Account", 0))
cols[1].metric("Nodes", sum(node_counts.values()))
cols[2].metric("Relationships", sum(rel_counts.values()))
cols[3].metric("Told by 2+ accounts", corroborated, help="Nodes supported by more than one account.")
cols[4].metric("Alleged relationships", alleged, help="Relationships with at least one piece of evidence whose status is 'alleged'.")

left, right = st.columns(2)
with left:
    st.subheader("Nodes per label")
    frame = pd.DataFrame(sorted(node_counts.items(), key=lambda kv: -kv[1]), columns=["label", "count"])
    st.dataframe(frame, hide_index=True, width="stretch",
                 column_config={"count": st.column_config.ProgressColumn(
                     "count", format="%d", min_value=0, max_value=int(frame["count"].max() or 1))})
with right:
    st.subheader("Relationships per type")
    frame = pd.DataFrame(sorted(rel_counts.items(), key=lambda kv: -kv[1]), columns=["type", "count"])
    st.dataframe(frame, hide_index=True, width="stretch",
                 column_config={"count": st.column_config.ProgressColumn(
                     "count", format="%d", min_value=0, max_value=int(frame["count"].max() or 1) if len(frame) else 1)})

st.subheader("Accounts")
if not accounts:
    st.info(f"No account nodes yet. {ui.INGEST_HINT}")
else:
    table = pd.DataFrame(
        [
            {
                "title": a.title,
                "author": a.author,
                "date": a.published,
                "words": a.words,
                "nodes": a.nodes,
                "relationships": a.relationships,
                "read": "accounts?" + urlencode({"account": a.id}),
                "id": a.id,
            }
            for a in accounts
        ]
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "read": st.column_config.LinkColumn("read", display_text="open ↗",
                                                help="Read the account with its extracted spans highlighted."),
            "nodes": st.column_config.NumberColumn("nodes", help="Nodes this account supports."),
            "relationships": st.column_config.NumberColumn("relationships", help="Relationships this account supports."),
        },
    )

st.subheader("Organisations")
part_of = [(e.source, e.target) for e in graph.edges if e.type == "PART_OF"]
roots = build_tree(units, part_of)


def render(nodes: list[TreeNode]) -> str:
    items = []
    for node in nodes:
        detail = f" <span class='tg-muted'>{html.escape(node.kind or '')}"
        detail += f" · {html.escape(node.detail)}" if node.detail else ""
        detail += f" · {node.account_count} account{'s' if node.account_count != 1 else ''}</span>"
        link = "explore?" + urlencode({"node": node.id})
        items.append(
            f"<li>{badge(node.label)}<a href='{html.escape(link)}' target='_self'>{html.escape(node.name)}</a>"
            f"{detail}{render(node.children)}</li>"
        )
    return f"<ul>{''.join(items)}</ul>" if items else ""


if roots:
    st.caption("International → sections → branches, bodies and factions, as the accounts tell them (PART_OF). "
               "Click a name to explore it.")
    st.markdown(f"<div class='tg-tree'>{render(roots)}</div>", unsafe_allow_html=True)
else:
    st.caption("No organisations in the graph yet.")
