"""Saved queries on the seeds as the real ingest reads them (the `seed_store` fixture).

These hold the key expectations of issue 4 on extracted data rather than on
the hand-made gold: the extraction may name and split things differently, so
the tests look for the facts, not for gold's ids.
"""

from __future__ import annotations

from graph.store import GraphStore
from query_helpers import rows

ACCOUNT_002 = "002_6d01d947b411f3c5"


def _names(store: GraphStore, node_id: str) -> set[str]:
    [row] = store.read("MATCH (o:Organization {id: $id}) RETURN o.name AS name, o.aliases AS aliases", {"id": node_id})
    return {n.lower() for n in [row["name"], *(row["aliases"] or [])]}


def _text(row: dict) -> str:
    return " ".join(str(row.get(k) or "") for k in ("response", "description", "outcome", "quote")).lower()


def test_account_002_chain_has_the_commission_finding_and_the_year_suspension(seed_store: GraphStore) -> None:
    chain = rows(seed_store, "incident_responses", account=ACCOUNT_002)
    investigations = [
        r for r in chain
        if r["response_kind"] == "investigation" and any("commission" in t.lower() for t in r["taken_by"])
    ]
    assert investigations, "no investigation taken by the control commission in account 002's chain"
    suspensions = [r for r in chain if r["response_kind"] == "suspension" and "year" in _text(r)]
    assert suspensions, "no one-year suspension in account 002's chain"
    # The finding and the suspension answer the same incident, whose accused is on record.
    assert {r["incident_id"] for r in investigations} & {r["incident_id"] for r in suspensions}
    assert any(r["accused"] for r in suspensions)


def test_cross_group_table_shows_the_imts_canadian_section_and_the_iso(seed_store: GraphStore) -> None:
    table = rows(seed_store, "response_kinds")
    canadian = [
        r for r in table
        if _names(seed_store, r["organization_id"]) & {"canadian section", "fightback", "socialist fightback"}
    ]
    assert canadian, "the Canadian section is not in the cross-group table"
    assert any("imt" in p.lower() or "marxist" in p.lower() for r in canadian for p in r["part_of"])
    iso = [r for r in table if "iso" in _names(seed_store, r["organization_id"])]
    assert iso, "the ISO is not in the cross-group table"
    assert iso[0]["membership_challenge"] >= 1


def test_organisation_found_by_what_a_researcher_types(seed_store: GraphStore) -> None:
    units = rows(seed_store, "organisation_structure", organization="IMT")
    assert units and units[0]["depth"] == 0
    assert any(r["depth"] >= 1 and r["label"] == "Organization" for r in units)


def test_timeline_is_in_date_order(seed_store: GraphStore) -> None:
    dated = rows(seed_store, "timeline", organization="Fightback")
    dates = [r["date"] for r in dated]
    assert dates and dates == sorted(dates)
