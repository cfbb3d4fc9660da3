"""Saved queries on the gold graph, against answers checked by hand in /work/shared/gold."""

from __future__ import annotations

from graph.store import GraphStore
from query_helpers import rows

ACCOUNT_002 = "002_6d01d947b411f3c5"


def by(key: str, result: list[dict]) -> dict:
    return {row[key]: row for row in result}


# -- structure and people ---------------------------------------------------------------


def test_organisation_structure_reaches_a_sections_own_branches_and_bodies(gold_store: GraphStore) -> None:
    units = by("unit_id", rows(gold_store, "organisation_structure", organization="IMT"))
    assert units["imt"]["depth"] == 0
    assert units["imt-canadian-section"]["depth"] == 1
    assert units["imt-canadian-section"]["members"] == 14  # counted by hand in gold/002
    commission = units["fightback-control-commission"]
    assert (commission["depth"], commission["label"], commission["kind"]) == (2, "LeadershipBody", "control_commission")
    assert commission["part_of"] == ["Canadian section"]
    assert units["fightback-toronto"]["depth"] == 2
    assert len(units) == 14


def test_an_organisation_is_found_by_id_name_or_alias_in_any_case(gold_store: GraphStore) -> None:
    expected = {r["unit_id"] for r in rows(gold_store, "organisation_structure", organization="imt")}
    for typed in ("IMT", "international marxist tendency", "  International Marxist Tendency "):
        assert {r["unit_id"] for r in rows(gold_store, "organisation_structure", organization=typed)} == expected
    fightback = rows(gold_store, "organisation_structure", organization="Fightback")
    assert fightback[0]["unit_id"] == "imt-canadian-section" and fightback[0]["part_of"] == ["IMT"]
    assert rows(gold_store, "organisation_structure", organization="Fight") == []


def test_iso_structure(gold_store: GraphStore) -> None:
    units = by("unit_id", rows(gold_store, "organisation_structure", organization="ISO"))
    assert set(units) == {"iso", "iso-atlanta-branch", "iso-renewal-faction", "iso-leadership-faction", "iso-leadership"}
    assert units["iso"]["members"] == 3
    assert sorted(units["iso"]["roles"]) == ["National Organizer", "Treasurer"]


def test_people_roles_and_memberships(gold_store: GraphStore) -> None:
    people = by("person_id", rows(gold_store, "people_and_roles", organization="ISO"))
    assert set(people) == {"ahmed-s", "ben-s", "jess-s"}
    assert sorted(people["ahmed-s"]["roles"]) == ["National Organizer (ISO)", "Treasurer (ISO)"]
    assert sorted(people["ben-s"]["member_of"]) == ["Atlanta ISO branch", "ISO", "ISO Renewal Faction"]
    assert people["ben-s"]["left"] == ["ISO"]
    fightback = by("person_id", rows(gold_store, "people_and_roles", organization="Fightback"))
    assert "EC member (Executive Committee)" in fightback["alex-grant"]["roles"]
    assert fightback["jamie-graham"]["joined"] == ["Canadian section 2018"]
    assert fightback["jamie-graham"]["left"] == ["Canadian section (resigned)"]


# -- incidents and responses --------------------------------------------------------------


def test_incident_chain_of_account_002_has_the_commission_finding_and_the_year_suspension(gold_store: GraphStore) -> None:
    chain = rows(gold_store, "incident_responses", account=ACCOUNT_002)
    incident_3 = by("response_id", [r for r in chain if r["incident_id"] == "a002-incident-3"])
    finding = incident_3["a002-control-commission-investigation"]
    assert finding["response_kind"] == "investigation"
    assert finding["taken_by"] == ["control commission [stated]"]
    assert finding["outcome"] == "perpetrator found guilty of sexual assault"
    assert finding["led_to"] == ["suspension: a002-perpetrator-suspension"]
    suspension = incident_3["a002-perpetrator-suspension"]
    assert (suspension["response_kind"], suspension["outcome"]) == ("suspension", "suspended for one year")
    assert suspension["accused"] == ["the perpetrator [found]"]
    assert suspension["harmed"] == ["my friend [found]"]
    assert sorted(suspension["raised_to"]) == ["Alex Grant", "Executive Committee"]
    assert len(incident_3) == 12  # every RESPONDS_TO a002-incident-3 in gold/002
    assert {r["incident_id"][:4] for r in chain} == {"a002"}


def test_incident_chain_includes_a_response_to_a_response(gold_store: GraphStore) -> None:
    chain = rows(gold_store, "incident_responses", incident="a002-york-allegation")
    steps = {r["response_id"]: r["step"] for r in chain}
    assert steps == {
        "a002-york-complainant-treatment": 1,
        "a002-political-attacks-dismissal": 1,
        "a002-cupe-3903-ban": 2,
    }


def test_incident_chain_filters_by_organisation(gold_store: GraphStore) -> None:
    chain = rows(gold_store, "incident_responses", organization="ISO")
    assert {r["incident_id"] for r in chain} == {"a004-renewal-faction-support", "a004-atlanta-branch-crisis"}
    crisis = [r for r in chain if r["incident_id"] == "a004-atlanta-branch-crisis"]
    assert len(crisis) == 1 and crisis[0]["response_id"] is None  # no response: one row, empty response


def test_cross_group_table_shows_the_canadian_section_and_the_iso(gold_store: GraphStore) -> None:
    table = by("organization_id", rows(gold_store, "response_kinds"))
    canada, iso = table["imt-canadian-section"], table["iso"]
    assert canada["part_of"] == ["IMT"]
    # Counted by hand: 32 responses in gold/002, less the union's ban and the British statement.
    assert (canada["responses"], canada["dismissal"], canada["suspension"], canada["investigation"]) == (30, 9, 2, 2)
    assert (iso["responses"], iso["membership_challenge"], iso["isolation"], iso["pressure"]) == (4, 1, 1, 2)
    kinds = [k for k in canada if k not in {"organization", "kind", "part_of", "responses", "incidents", "accounts", "organization_id"}]
    for row in table.values():
        assert sum(row[k] for k in kinds) == row["responses"]
    assert rows(gold_store, "response_kinds", min_responses="5")[-1]["responses"] >= 5


def test_reports_that_went_nowhere(gold_store: GraphStore) -> None:
    found = by("incident_id", rows(gold_store, "unanswered_reports"))
    assert set(found) == {
        "a002-perpetrator-bigotry",
        "a002-perpetrator-hammer-threat",
        "a002-perpetrator-rumours",
        "a002-perpetrator-sexual-comments",
        "a002-recruiter-retaliation",
    }
    assert found["a002-recruiter-retaliation"]["raised_to"] == ["Fightback’s leadership"]
    assert found["a002-recruiter-retaliation"]["verdict"] == "only dismissal/no_action"
    # Every incident reported in gold got some response, so with nothing ignored none is left.
    assert rows(gold_store, "unanswered_reports", ignored_kinds="") == []


def test_no_conflict_of_interest_in_gold(gold_store: GraphStore) -> None:
    # gold/002 leaves the branch Alex Grant shared with the perpetrator unmodelled
    # (NOTES-002.md), so no handler shares a unit or an event with an accused.
    assert rows(gold_store, "conflicts_of_interest") == []


def test_dissent_to_departure(gold_store: GraphStore) -> None:
    chains = rows(gold_store, "dissent_to_departure")
    walks = {(r["dissent_id"], tuple(s.split(": ")[1] for s in r["steps"])) for r in chains}
    assert ("a004-renewal-faction-support", ("a004-renewal-faction-support", "a004-dues-challenge", "a004-resignation")) in walks
    assert ("a000-narrator-dissent", ("a000-narrator-dissent", "a000-loyalty-demand", "a000-narrator-resigns")) in walks
    assert len(chains) == len(walks) == 6  # each walk once
    assert all(r["steps"][0].startswith("Incident dissent") and r["steps"][-1].startswith("Event resigned") for r in chains)
    assert [r["length"] for r in chains] == sorted(r["length"] for r in chains)
    iso = rows(gold_store, "dissent_to_departure", organization="ISO")
    assert {r["who_left"][0] for r in iso} == {"Ben S"} and len(iso) == 3
    # Without the response requirement the discussion-only walk appears too.
    assert len(rows(gold_store, "dissent_to_departure", require_response="false")) == 7


def test_membership_rules_against_a_dissenter(gold_store: GraphStore) -> None:
    [row] = rows(gold_store, "rules_against_reporters")
    assert (row["person_id"], row["response_id"], row["action_kind"]) == ("ben-s", "a004-dues-challenge", "membership_challenge")
    assert sorted(row["taken_by"]) == ["Ahmed S [stated]", "ISO leadership [stated]"]
    assert row["answers_their_report"] is True
    assert row["raised"] == ["dissent: a004-renewal-faction-support"]


def test_people_accused_in_more_than_one_incident(gold_store: GraphStore) -> None:
    accused = {r["person_id"]: r["incident_count"] for r in rows(gold_store, "repeat_accused")}
    assert accused == {"a002-perpetrator": 6, "a002-ex-partner": 3, "a002-recruiter": 3}
    assert [r["person_id"] for r in rows(gold_store, "repeat_accused", min_incidents="4")] == ["a002-perpetrator"]
    perpetrator = rows(gold_store, "repeat_accused")[0]
    assert sorted(perpetrator["statuses"]) == ["alleged", "found"]


def test_allegations_by_status(gold_store: GraphStore) -> None:
    result = rows(gold_store, "allegations_by_status")
    order = [r["status"] for r in result]
    assert order == sorted(order, key=["found", "admitted", "denied", "alleged"].index)
    grouped: dict[str, set] = {}
    for r in result:
        grouped.setdefault(r["status"], set()).add((r["accused_id"], r["incident_id"]))
    assert grouped["found"] == {("a002-perpetrator", "a002-incident-3")}
    assert grouped["admitted"] == {
        ("a002-ex-partner", "a002-incident-2"),
        ("a002-ex-partner", "a002-ex-partner-past-violence"),
        ("a002-recruiter", "a002-incident-1"),
    }
    assert grouped["denied"] == {("alan-woods", "a002-alan-woods-allegation")}
    assert len(grouped["alleged"]) == 8
    assert {r["status"] for r in rows(gold_store, "allegations_by_status", statuses="denied")} == {"denied"}


# -- evidence ------------------------------------------------------------------------------


def test_corroborated_and_single_source(gold_store: GraphStore) -> None:
    corroborated = rows(gold_store, "corroborated")
    entities = {r["id"] for r in corroborated if r["fact_kind"] == "entity"}
    assert entities == {"imt", "iso", "imt-canadian-section", "imt-british-section"}
    facts = {r["fact"] for r in corroborated if r["fact_kind"] == "relationship"}
    assert facts == {"Canadian section -PART_OF-> IMT", "Socialist Appeal -PART_OF-> IMT"}
    assert all(r["accounts"] == 2 and len(r["quotes"]) == 2 for r in corroborated)
    single = rows(gold_store, "single_source", types="ACCUSED_IN")
    assert len(single) == 13 and {r["type"] for r in single} == {"ACCUSED_IN"}
    assert all(r["title"] for r in single)


def test_timeline_is_in_date_order(gold_store: GraphStore) -> None:
    dated = rows(gold_store, "timeline", organization="Fightback")
    dates = [r["date"] for r in dated]
    assert dates == sorted(dates) and None not in dates
    assert dates[0] == "2008" and dated[0]["item_id"] == "a002-climate-article"
    assert "a002-incident-3" in {r["item_id"] for r in dated}
    everything = rows(gold_store, "timeline", organization="Fightback", include_undated="true")
    undated = [r for r in everything if r["date"] is None]
    assert everything[: len(dated)] == dated and len(undated) == len(everything) - len(dated) > 0
    # The IMT's timeline takes in its sections' items (PART_OF).
    assert {r["item_id"] for r in dated} <= {r["item_id"] for r in rows(gold_store, "timeline", organization="IMT")}


def test_accounts_that_mention_an_entity(gold_store: GraphStore) -> None:
    imt = by("account", rows(gold_store, "mentions", entity="IMT"))
    assert set(imt) == {"000_fda6f0a78074f6e2", ACCOUNT_002}
    assert "International Marxist Tendency" in imt[ACCOUNT_002]["quotes"]
    assert imt[ACCOUNT_002]["title"] == "Why I Left Fightback"
    [alex] = rows(gold_store, "mentions", entity="alex grant")
    assert "Alex Grant" in alex["quotes"] and alex["facts"] > 0
    assert rows(gold_store, "mentions", entity="nobody at all") == []


def test_accounts_overview(gold_store: GraphStore) -> None:
    accounts = by("account", rows(gold_store, "accounts_overview"))
    assert len(accounts) == 3
    assert (accounts["004_0e606b57a70b77e0"]["narrator"], accounts["004_0e606b57a70b77e0"]["narrator_id"]) == ("Ben S", "ben-s")
    assert accounts[ACCOUNT_002]["narrator"] == "Jamie Graham"
    assert accounts[ACCOUNT_002]["title"] == "Why I Left Fightback"


# -- networks ------------------------------------------------------------------------------


def test_ego_network_of_ben_s(gold_store: GraphStore) -> None:
    first = by("neighbour_id", rows(gold_store, "ego_network", entity="Ben S"))
    assert {"iso", "iso-atlanta-branch", "a004-dues-challenge", "a004-resignation"} <= set(first)
    assert len(first) == 14 and {r["distance"] for r in first.values()} == {1}
    second = by("neighbour_id", rows(gold_store, "ego_network", entity="ben-s", depth="2"))
    assert second["iso-treasurer"]["distance"] == 2
    assert set(first) < set(second)
    assert second["iso-treasurer"]["nodes"][0]["id"] == "ben-s"


def test_shortest_connection(gold_store: GraphStore) -> None:
    paths = rows(gold_store, "shortest_connection", source="Alex Grant", target="Jamie Graham")
    assert len(paths) == 3 and paths[0]["hops"] == 2
    assert [r["hops"] for r in paths] == sorted(r["hops"] for r in paths)
    for path in paths:
        assert path["nodes"][0]["id"] == "alex-grant" and path["nodes"][-1]["id"] == "jamie-graham"
    assert rows(gold_store, "shortest_connection", source="Alex Grant", target="Jamie Graham", paths="1")[0]["hops"] == 2
