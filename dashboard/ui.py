"""The Streamlit glue every page shares: the cached store, cached reads, and
errors shown as messages that say what to do (never a stack trace).

The store is opened once per settings (``st.cache_resource``); reads are cached
with ``st.cache_data`` keyed by the settings and the widget values passed as
arguments, so switching pages is instant and a reload button refreshes them.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from graph.contract import load_contract
from graph.errors import QueryError, ReadOnlyViolation, StoreUnavailable, TestimonyGraphError
from graph.settings import load_settings
from graph.store import GraphStore, open_store

from dashboard import data

__all__ = [
    "settings_key",
    "get_store",
    "guarded",
    "attempt",
    "require_graph",
    "light_graph",
    "counts",
    "account_summaries",
    "organisation_units",
    "occurrences",
    "item_detail",
    "account_text",
    "account_items",
    "search",
    "run_saved_query",
    "run_cypher",
    "export_file",
    "label_colours",
    "INGEST_HINT",
    "sidebar_status",
]

INGEST_HINT = "Load the sample accounts with `tgraph ingest seeds/` (or `tgraph db load graph.json`), then press **Reload data**."
_UNAVAILABLE_HINT = (
    "For the embedded store, check that `TGRAPH_HOME` points at a writable directory and run "
    "`tgraph db start`; for Neo4j, check `TGRAPH_NEO4J_URI`, `TGRAPH_NEO4J_USER` and "
    "`TGRAPH_NEO4J_PASSWORD`. Then reload this page."
)
_TTL = 300
T = TypeVar("T")


def settings_key() -> str:
    """What identifies the configured store (no secrets): the cache key for everything."""
    settings = load_settings()
    return json.dumps([str(settings.home), settings.graph_name, settings.neo4j_uri, settings.neo4j_database])


@st.cache_resource(show_spinner="Opening the graph store…")
def _open_store(key: str) -> GraphStore:
    return open_store(load_settings())


def get_store() -> GraphStore:
    return _open_store(settings_key())


@contextmanager
def guarded(action: str) -> Iterator[None]:
    """Run a page's work; turn any failure into a message and stop the page there."""
    try:
        yield
    except StoreUnavailable as exc:
        _open_store.clear()
        st.error(f"**Cannot reach the graph store** while {action}: {exc}\n\n{_UNAVAILABLE_HINT}", icon=":material/power_off:")
        st.stop()
    except ReadOnlyViolation as exc:
        st.error(f"**Refused:** {exc.message}. This page only reads the graph.", icon=":material/block:")
        st.stop()
    except (QueryError, TestimonyGraphError) as exc:
        st.error(f"**{action.capitalize()} failed:** {exc}", icon=":material/warning:")
        st.stop()
    except Exception as exc:  # noqa: BLE001 - a page must show a message, not a trace
        st.error(f"**{action.capitalize()} failed:** {type(exc).__name__}: {exc}", icon=":material/warning:")
        st.stop()


def attempt(action: str, function: Callable[..., T], *args: Any) -> T | None:
    """Call ``function``; on failure show the message (as :func:`guarded` does) and
    return None, letting the rest of the page carry on."""
    try:
        with guarded(action):
            return function(*args)
    except StopException:
        return None


def require_graph() -> data.LightGraph:
    """The light graph, or a message saying the store is empty and how to fill it."""
    with guarded("reading the graph"):
        graph = light_graph(settings_key())
    if graph.is_empty:
        st.info(f"**The graph is empty.** {INGEST_HINT}", icon=":material/inbox:")
        st.stop()
    return graph


@st.cache_data(ttl=_TTL, show_spinner="Reading the graph…")
def light_graph(key: str) -> data.LightGraph:
    return data.load_light_graph(_open_store(key))


@st.cache_data(ttl=_TTL, show_spinner=False)
def counts(key: str) -> tuple[dict[str, int], dict[str, int]]:
    return data.load_counts(_open_store(key))


@st.cache_data(ttl=_TTL, show_spinner=False)
def account_summaries(key: str) -> list[data.AccountSummary]:
    return data.load_account_summaries(_open_store(key))


@st.cache_data(ttl=_TTL, show_spinner=False)
def organisation_units(key: str) -> list[dict[str, Any]]:
    return data.load_organisation_units(_open_store(key))


@st.cache_data(ttl=_TTL, show_spinner=False)
def occurrences(key: str) -> list[dict[str, Any]]:
    return data.load_occurrences(_open_store(key))


@st.cache_data(ttl=_TTL, show_spinner=False)
def item_detail(key: str, item_id: str) -> data.ItemDetail | None:
    return data.load_item_detail(_open_store(key), light_graph(key), item_id)


@st.cache_data(ttl=_TTL, show_spinner=False)
def account_text(key: str, account_id: str) -> data.AccountText | None:
    return data.load_account_text(_open_store(key), account_id)


@st.cache_data(ttl=_TTL, show_spinner=False)
def account_items(key: str, account_id: str) -> list[data.AccountItem]:
    return data.load_account_items(_open_store(key), account_id, light_graph(key))


@st.cache_data(ttl=60, show_spinner=False)
def search(key: str, term: str) -> list[dict[str, Any]]:
    return _open_store(key).search(term, limit=25)


@st.cache_data(ttl=60, show_spinner="Running the query…")
def run_saved_query(key: str, name: str, params_json: str) -> list[dict[str, Any]]:
    """A saved query by name, with its parameters as JSON (hashable, typed)."""
    from queries.catalogue import run_saved

    return run_saved(_open_store(key), name, json.loads(params_json))


@st.cache_data(ttl=60, show_spinner="Running the query…")
def run_cypher(key: str, cypher: str) -> list[dict[str, Any]]:
    """What a user typed, on the read-only path (write clauses are refused)."""
    return _open_store(key).read(cypher)


@st.cache_data(ttl=60, show_spinner="Preparing the export…", max_entries=8)
def export_file(key: str, kind: str, value: str | None, depth: int, params_json: str, mode: str,
                format_name: str) -> tuple[bytes, dict[str, int]]:
    """The export's bytes and what went into it (nodes, relationships, accounts, redacted items)."""
    from graph.export import Selection, export_bytes, load_secret, redact, select_subgraph

    store = _open_store(key)
    document = select_subgraph(store, Selection(kind, value, depth, json.loads(params_json)))
    if mode != "none":
        document = redact(document, mode, load_secret(load_settings().home), store=store)
    redacted = sum(1 for item in (*document.nodes, *document.relationships) if item.properties.get("redacted"))
    summary = {"nodes": len(document.nodes), "relationships": len(document.relationships),
               "accounts": len(document.accounts), "redacted": redacted}
    return export_bytes(document, format_name), summary


def label_colours() -> dict[str, str]:
    return {name: spec.color for name, spec in load_contract().labels.items()}


def sidebar_status() -> None:
    """Where the graph lives, and a button to re-read it after an ingest."""
    settings = load_settings()
    with st.sidebar:
        st.caption(f"Graph **{settings.graph_name}** in {settings.describe()}")
        if st.button("Reload data", help="Read the graph again (after `tgraph ingest` or `tgraph db load`)."):
            st.cache_data.clear()
            st.rerun()
