"""Shared by the saved-query tests: sample parameters and a row helper."""

from __future__ import annotations

from typing import Any

from graph.store import GraphStore
from queries.catalogue import run_saved

#: Parameters that make each saved query return rows on the gold graph. Every
#: saved query must appear here, so none escapes the run checks.
SAMPLE_PARAMS: dict[str, dict[str, str]] = {
    "accounts_overview": {},
    "allegations_by_status": {},
    "conflicts_of_interest": {},
    "corroborated": {},
    "dissent_to_departure": {},
    "ego_network": {"entity": "Ben S", "depth": "2"},
    "incident_responses": {"account": "002_6d01d947b411f3c5"},
    "mentions": {"entity": "IMT"},
    "organisation_structure": {"organization": "IMT"},
    "people_and_roles": {"organization": "ISO"},
    "repeat_accused": {},
    "response_kinds": {},
    "rules_against_reporters": {},
    "shortest_connection": {"source": "Alex Grant", "target": "Jamie Graham"},
    "single_source": {},
    "timeline": {"organization": "Fightback", "include_undated": "true"},
    "unanswered_reports": {},
}


def rows(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    """Run a saved query with keyword parameters (as the CLI would pass them)."""
    return run_saved(store, name, {k: v for k, v in params.items()})
