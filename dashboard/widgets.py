"""Small pieces of UI several pages draw: label badges, status chips, an item's
evidence with links to the passages, and an item's relationships."""

from __future__ import annotations

import html
from collections import defaultdict

import streamlit as st

from graph.contract import load_contract
from graph.model import Evidence

from dashboard.data import ItemDetail, LightGraph

__all__ = ["badge", "status_chip", "show_item_detail", "show_connections", "ACCOUNTS_PAGE", "EXPLORE_PAGE"]

ACCOUNTS_PAGE = "app_pages/accounts.py"
EXPLORE_PAGE = "app_pages/explore.py"


def badge(label: str) -> str:
    spec = load_contract().labels.get(label)
    colour = spec.color if spec else "#666666"
    return f'<span class="tg-badge" style="background:{colour}">{html.escape(label)}</span>'


def status_chip(status: str, count: int | None = None) -> str:
    text = status if count is None else f"{status} × {count}"
    meaning = load_contract().statuses.get(status, "")
    return (f'<span class="tg-status tg-status-{html.escape(status)}" title="{html.escape(meaning)}">'
            f"{html.escape(text)}</span>")


def show_item_detail(detail: ItemDetail, graph: LightGraph, account_titles: dict[str, str],
                     key: str = "detail") -> None:
    """Header, properties, status per evidence, supporting accounts and every quote
    with a link that opens the Accounts page at that passage."""
    kind = "relationship" if detail.kind == "relationship" else "node"
    st.markdown(f"{badge(detail.label)} <b>{html.escape(detail.name)}</b>", unsafe_allow_html=True)
    if detail.kind == "relationship" and detail.source and detail.target:
        source, target = graph.nodes.get(detail.source), graph.nodes.get(detail.target)
        if source and target:
            st.markdown(
                f"{badge(source.label)} {html.escape(source.name)} → {badge(target.label)} {html.escape(target.name)}",
                unsafe_allow_html=True,
            )
    if detail.properties:
        rows = "".join(
            f"<tr><td class='tg-muted'>{html.escape(k)}</td><td>{html.escape(_show(v))}</td></tr>"
            for k, v in detail.properties.items()
        )
        st.markdown(f"<table>{rows}</table>", unsafe_allow_html=True)
    chips = "".join(status_chip(s, c) for s, c in detail.status_counts().items())
    n_accounts = len(detail.accounts)
    st.markdown(
        f"Supported by <b>{n_accounts} account{'s' if n_accounts != 1 else ''}</b>, "
        f"{len(detail.evidence)} piece{'s' if len(detail.evidence) != 1 else ''} of evidence &nbsp; {chips}",
        unsafe_allow_html=True,
    )
    by_account = defaultdict(list)
    for ev in detail.evidence:
        by_account[ev.account].append(ev)
    for account, pieces in by_account.items():
        st.markdown(f"**{html.escape(account_titles.get(account, account))}**", unsafe_allow_html=True)
        ordered = sorted(pieces, key=lambda e: e.start)
        for ev in ordered[:_QUOTES_SHOWN]:
            _quote(detail.id, ev)
        if len(ordered) > _QUOTES_SHOWN:
            with st.expander(f"{len(ordered) - _QUOTES_SHOWN} more passages from this account"):
                for ev in ordered[_QUOTES_SHOWN:]:
                    _quote(detail.id, ev)
    if not detail.evidence:
        st.caption(f"This {kind} carries no evidence (it breaks the contract; re-ingest its account).")


_QUOTES_SHOWN = 6


def _quote(item_id: str, ev: Evidence) -> None:
    """One supporting quote, its status, and a link to the passage in its account."""
    st.markdown(f"<div class='tg-quote'>“{html.escape(ev.quote)}” {status_chip(ev.status)}</div>",
                unsafe_allow_html=True)
    st.page_link(
        ACCOUNTS_PAGE,
        label=f"Read it in the account (characters {ev.start}–{ev.end})",
        icon=":material/article:",
        query_params={"account": ev.account, "start": str(ev.start), "end": str(ev.end), "item": item_id},
    )


def _show(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def show_connections(item_id: str, graph: LightGraph, limit: int = 60) -> None:
    """The relationships of a node, one line each, grouped by type."""
    lines = []
    for edge in sorted(graph.incident_edges(item_id), key=lambda e: (e.type, e.source == item_id)):
        outgoing = edge.source == item_id
        other = graph.nodes.get(edge.target if outgoing else edge.source)
        if other is None:
            continue
        arrow = f"—{edge.type}→" if outgoing else f"←{edge.type}—"
        statuses = "".join(status_chip(s) for s in edge.statuses if s != "stated")
        lines.append(f"<li>{arrow} {badge(other.label)} {html.escape(other.name)} {statuses}</li>")
    if not lines:
        st.caption("No relationships.")
        return
    more = f"<li class='tg-muted'>… and {len(lines) - limit} more</li>" if len(lines) > limit else ""
    st.markdown(f"<ul style='list-style:none;padding-left:0'>{''.join(lines[:limit])}{more}</ul>",
                unsafe_allow_html=True)
