"""Scoring on tiny hand-made gold (fixtures_evaluate/) with hand-written
predictions and hand-checked numbers.

The prediction's ids differ from the gold's on purpose: matching must go by
names and spans, never by ids."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship, normalise_text
from ingest.evaluate import evaluate
from ingest.evaluate.names import normalise_name
from ingest.gold import GoldAccount, load_gold

FIXTURES = Path(__file__).parent / "fixtures_evaluate"
ACCOUNTS = ("tiny_a", "tiny_b")
TEXTS = {a: normalise_text((FIXTURES / f"{a}.txt").read_text(encoding="utf-8")) for a in ACCOUNTS}


def gold(account: str) -> GoldAccount:
    return load_gold(FIXTURES / f"{account}.yaml")


def ev(account: str, quote: str, status: str = "stated") -> Evidence:
    start = TEXTS[account].index(quote)
    return Evidence(account, start, start + len(quote), quote, status)


def node(node_id: str, label: str, name: str, *evidence: Evidence, kind: str | None = None, aliases: tuple[str, ...] = ()) -> Node:
    return Node(node_id, label, name, aliases, {"kind": kind} if kind else {}, tuple(evidence))


def rel(rel_type: str, source: str, target: str, *evidence: Evidence) -> Relationship:
    return Relationship(rel_type, source, target, {}, tuple(evidence))


def perfect_nodes() -> list[Node]:
    return [
        node("person:sam-roe", "Person", "Sam Roe", ev("tiny_a", "Sam Roe")),
        node("person:alex-doe", "Person", "Alex Doe", ev("tiny_a", "Alex Doe")),
        node("organization:example-party", "Organization", "Example Party",
             ev("tiny_a", "Example Party"), ev("tiny_b", "Example Party"), kind="party", aliases=("EP",)),
        node("branch:springfield", "Branch", "Springfield branch", ev("tiny_a", "Springfield branch")),
        node("leadershipbody:ec", "LeadershipBody", "Executive Committee", ev("tiny_a", "Executive Committee"),
             kind="executive_committee"),
        node("incident:tiny_a:1", "Incident", "harassment", ev("tiny_a", "Alex Doe harassed me"), kind="harassment"),
        node("response:tiny_a:1", "Response", "dismissal",
             ev("tiny_a", "The Executive Committee dismissed my complaint"), kind="dismissal"),
        node("event:tiny_a:1", "Event", "resigned", ev("tiny_a", "I resigned from the party in 2020."), kind="resigned"),
        node("person:kim-lee", "Person", "Kim Lee", ev("tiny_b", "Kim Lee")),
        node("response:tiny_b:1", "Response", "expulsion", ev("tiny_b", "expelled me in 2021 for my dissent"),
             kind="expulsion"),
    ]


def perfect_relationships() -> list[Relationship]:
    a = "tiny_a"
    harassed = ev(a, "Alex Doe harassed me at a meeting")
    dismissed = ev(a, "dismissed my complaint")
    b_expelled = ev("tiny_b", "expelled me in 2021")
    return [
        rel("AUTHORED", "person:sam-roe", "tiny_a", ev(a, "by Sam Roe")),
        rel("MEMBER_OF", "person:sam-roe", "organization:example-party", ev(a, "I joined the Example Party")),
        rel("PART_OF", "branch:springfield", "organization:example-party", ev(a, "Springfield branch")),
        rel("ACCUSED_IN", "person:alex-doe", "incident:tiny_a:1", replace(harassed, status="alleged")),
        rel("TARGET_OF", "person:sam-roe", "incident:tiny_a:1", harassed),
        rel("REPORTED_TO", "incident:tiny_a:1", "leadershipbody:ec", ev(a, "I reported it to the Executive Committee")),
        rel("RESPONDS_TO", "response:tiny_a:1", "incident:tiny_a:1", dismissed),
        rel("TAKEN_BY", "response:tiny_a:1", "leadershipbody:ec", dismissed),
        rel("LEFT", "person:sam-roe", "organization:example-party", ev(a, "I resigned from the party")),
        rel("AUTHORED", "person:kim-lee", "tiny_b", ev("tiny_b", "A letter from Kim Lee")),
        rel("MEMBER_OF", "person:kim-lee", "organization:example-party", ev("tiny_b", "a member of the Example Party")),
        rel("AFFECTS", "response:tiny_b:1", "person:kim-lee", b_expelled),
        rel("TAKEN_BY", "response:tiny_b:1", "organization:example-party", b_expelled),
    ]


def document(nodes: list[Node], relationships: list[Relationship]) -> GraphDocument:
    accounts = tuple(AccountRecord.from_text(a, TEXTS[a], title=a) for a in ACCOUNTS)
    return GraphDocument(accounts, tuple(nodes), tuple(relationships))


def perfect() -> GraphDocument:
    return document(perfect_nodes(), perfect_relationships())


def without(items: list, *ids: str) -> list:
    return [i for i in items if getattr(i, "id", None) not in ids]


# -- a perfect prediction --------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere() -> None:
    score = evaluate([gold("tiny_a"), gold("tiny_b")], TEXTS, perfect())
    for counts in (*score.labels.values(), *score.relationships.values(), *score.micro.values()):
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert score.micro["named"].gold == 7  # sam, alex, ep, branch, ec; kim, ep again
    assert score.micro["occurrences"].gold == 4
    assert score.micro["relationships"].gold == 13
    assert score.status.share == 1.0 and score.status.total == 4
    assert score.occurrence_kinds.share == 1.0
    assert score.grounding.share == 1.0
    assert (score.identity.shared, score.identity.held) == (1, 1)


# -- hand-checked precision, recall, F1 ---------------------------------------------------


def test_missing_node_and_wrong_relationship_give_hand_computed_figures() -> None:
    # Drop the branch (and with it its PART_OF); point ACCUSED_IN at the narrator.
    nodes = without(perfect_nodes(), "branch:springfield")
    rels = [r for r in perfect_relationships() if r.type != "PART_OF"]
    rels = [replace(r, source="person:sam-roe") if r.type == "ACCUSED_IN" else r for r in rels]
    score = evaluate([gold("tiny_a")], TEXTS, document(nodes, rels))

    # Nodes: 8 gold, 7 predicted in tiny_a, 7 matched; all misses are named.
    named = score.micro["named"]
    assert (named.true_positive, named.predicted, named.gold) == (4, 4, 5)
    assert (named.precision, named.recall) == (1.0, 0.8)
    assert named.f1 == pytest.approx(8 / 9)
    branch = score.labels["Branch"]
    assert (branch.true_positive, branch.predicted, branch.gold) == (0, 0, 1)
    assert (branch.precision, branch.recall, branch.f1) == (None, 0.0, 0.0)
    assert score.micro["occurrences"].f1 == 1.0

    # Relationships: 9 gold, 8 predicted in tiny_a, 7 right.
    relationships = score.micro["relationships"]
    assert (relationships.true_positive, relationships.predicted, relationships.gold) == (7, 8, 9)
    assert relationships.precision == 7 / 8
    assert relationships.recall == 7 / 9
    assert relationships.f1 == pytest.approx(14 / 17)
    accused = score.relationships["ACCUSED_IN"]
    assert (accused.true_positive, accused.predicted, accused.gold) == (0, 1, 1)
    part_of = score.relationships["PART_OF"]
    assert (part_of.true_positive, part_of.predicted, part_of.gold) == (0, 0, 1)

    detail = score.accounts[0]
    assert detail.missed_nodes == ["springfield-branch"]
    assert ("ACCUSED_IN", "alex-doe", "a-harassment") in detail.missed_relationships
    assert ("ACCUSED_IN", "person:sam-roe", "incident:tiny_a:1") in detail.spurious_relationships
    # The unmatched ACCUSED_IN no longer counts for status: TARGET_OF and TAKEN_BY remain.
    assert score.status.total == 2


# -- one-to-one matching -----------------------------------------------------------------


def test_two_predicted_incidents_on_one_gold_incident_count_once() -> None:
    extra = node("incident:tiny_a:2", "Incident", "harassment", ev("tiny_a", "harassed me at a meeting. I"),
                 kind="harassment")
    score = evaluate([gold("tiny_a")], TEXTS, document([*perfect_nodes(), extra], perfect_relationships()))
    incident = score.labels["Incident"]
    assert (incident.true_positive, incident.predicted, incident.gold) == (1, 2, 1)
    assert (incident.precision, incident.recall) == (0.5, 1.0)
    assert incident.f1 == pytest.approx(2 / 3)
    # The larger overlap wins: "harassed me at a meeting" (24 characters) against 20.
    assert score.accounts[0].matches["a-harassment"] == "incident:tiny_a:2"


def test_two_predicted_names_for_one_gold_organisation_count_once() -> None:
    alias_only = node("organization:ep", "Organization", "EP", ev("tiny_a", "EP"), kind="party")
    score = evaluate([gold("tiny_a")], TEXTS, document([*perfect_nodes(), alias_only], perfect_relationships()))
    organisation = score.labels["Organization"]
    assert (organisation.true_positive, organisation.predicted, organisation.gold) == (1, 2, 1)
    # Name equal to name beats a name equal only to an alias.
    assert score.accounts[0].matches["ep"] == "organization:example-party"


def test_occurrences_without_overlap_do_not_match() -> None:
    nodes = [
        replace(n, evidence=(ev("tiny_a", "I reported it to the Executive Committee"),)) if n.label == "Incident" else n
        for n in perfect_nodes()
    ]
    score = evaluate([gold("tiny_a")], TEXTS, document(nodes, []))
    assert score.labels["Incident"].true_positive == 0
    assert score.labels["Response"].true_positive == 1


# -- names -----------------------------------------------------------------------------


def test_name_normalisation_drops_the_case_and_punctuation() -> None:
    assert normalise_name("THE Example-Party.") == normalise_name("example party") == "example party"
    assert normalise_name("  The   executive committee, ") == "executive committee"
    assert normalise_name("Theodore") == "theodore"  # only a whole leading word "the"
    renamed = {
        "organization:example-party": "the EXAMPLE party!",
        "leadershipbody:ec": "The executive-committee",
        "person:alex-doe": "alex  doe",
    }
    nodes = [replace(n, name=renamed.get(n.id, n.name), aliases=()) for n in perfect_nodes()]
    score = evaluate([gold("tiny_a")], TEXTS, document(nodes, perfect_relationships()))
    assert score.micro["named"].f1 == 1.0
    assert score.micro["relationships"].f1 == 1.0


def test_names_match_through_aliases_only_within_a_label() -> None:
    nodes = [
        replace(n, name="EP party", aliases=("the party",)) if n.id == "organization:example-party" else n
        for n in perfect_nodes()
    ]
    nodes.append(node("faction:ep", "Faction", "Example Party", ev("tiny_a", "Example Party")))
    score = evaluate([gold("tiny_a")], TEXTS, document(nodes, []))
    assert score.accounts[0].matches["ep"] == "organization:example-party"  # via the alias "the party"
    assert score.labels["Faction"].true_positive == 0


# -- kind and status -----------------------------------------------------------------------


def test_kind_agreement_is_counted_among_matched_pairs() -> None:
    nodes = [replace(n, properties={"kind": "other"}) if n.id == "response:tiny_a:1" else n for n in perfect_nodes()]
    score = evaluate([gold("tiny_a")], TEXTS, document(nodes, perfect_relationships()))
    assert score.labels["Response"].f1 == 1.0  # a wrong kind still matches
    assert (score.kinds["Response"].agreed, score.kinds["Response"].total) == (0, 1)
    assert (score.occurrence_kinds.agreed, score.occurrence_kinds.total) == (2, 3)


def test_status_agreement_any_and_strict() -> None:
    rels = []
    for r in perfect_relationships():
        if r.type == "ACCUSED_IN":  # alleged and denied: agrees, but not strictly
            r = replace(r, evidence=(*r.evidence, replace(ev("tiny_a", "Alex Doe harassed me"), status="denied")))
        if r.type == "TAKEN_BY" and r.source == "response:tiny_a:1":  # alleged where gold says stated
            r = replace(r, evidence=tuple(replace(e, status="alleged") for e in r.evidence))
        rels.append(r)
    score = evaluate([gold("tiny_a")], TEXTS, document(perfect_nodes(), rels))
    # Gold statuses: ACCUSED_IN alleged, TARGET_OF stated, TAKEN_BY stated.
    assert (score.status.agreed, score.status.total) == (2, 3)
    assert (score.status_strict.agreed, score.status_strict.total) == (1, 3)
    assert score.accounts[0].status_disagreements == [
        {"relationship": ["TAKEN_BY", "a-dismissal", "ep-ec"], "gold": "stated", "predicted": ["alleged"]}
    ]


def test_status_counts_only_evidence_in_the_account_scored() -> None:
    elsewhere = replace(ev("tiny_b", "expelled me"), status="stated")
    rels = []
    for r in perfect_relationships():
        if r.type == "TAKEN_BY" and r.source == "response:tiny_a:1":
            r = replace(r, evidence=(replace(r.evidence[0], status="believed"), elsewhere))
        rels.append(r)
    score = evaluate([gold("tiny_a")], TEXTS, document(perfect_nodes(), rels))
    assert (score.status.agreed, score.status.total) == (2, 3)


# -- grounding ---------------------------------------------------------------------------


def test_grounding_detects_a_quote_that_is_not_verbatim() -> None:
    bad = Evidence("tiny_a", 0, 7, "Why I L", "stated")  # the text says "Why I l"
    nodes = perfect_nodes() + [node("person:ghost", "Person", "Ghost", bad)]
    score = evaluate([gold("tiny_a")], TEXTS, document(nodes, perfect_relationships()))
    total = sum(len(n.evidence) for n in nodes) + sum(len(r.evidence) for r in perfect_relationships())
    assert (score.grounding.checked, score.grounding.verbatim) == (total, total - 1)
    assert score.grounding.share < 1.0
    assert score.grounding.failures[0]["item"] == "node person:ghost"
    assert score.grounding.failures[0]["text"] == "Why I l"


def test_grounding_leaves_accounts_without_text_unchecked() -> None:
    stray = node("person:far", "Person", "Far Away", Evidence("elsewhere", 0, 3, "Far", "stated"))
    score = evaluate([gold("tiny_a")], TEXTS, document([*perfect_nodes(), stray], []))
    assert score.grounding.unchecked == 1
    assert score.grounding.share == 1.0


# -- cross-account identity --------------------------------------------------------------


def test_identity_detects_a_split_across_accounts() -> None:
    nodes = []
    for n in perfect_nodes():
        if n.id == "organization:example-party":
            nodes.append(replace(n, evidence=tuple(e for e in n.evidence if e.account == "tiny_a")))
            nodes.append(replace(n, id="organization:ep-b", evidence=tuple(e for e in n.evidence if e.account == "tiny_b")))
        else:
            nodes.append(n)
    rels = [
        replace(r, target="organization:ep-b") if r.accounts == ("tiny_b",) and r.target == "organization:example-party"
        else r
        for r in perfect_relationships()
    ]
    score = evaluate([gold("tiny_a"), gold("tiny_b")], TEXTS, document(nodes, rels))
    assert score.micro["named"].f1 == 1.0  # each account on its own is perfect
    assert (score.identity.shared, score.identity.held, score.identity.share) == (1, 0, 0.0)
    assert score.identity.failures == [
        {"gold_id": "ep", "reason": "split", "predicted": {"tiny_a": "organization:example-party", "tiny_b": "organization:ep-b"}}
    ]


def test_identity_reports_a_shared_id_missed_in_one_account() -> None:
    nodes = [
        replace(n, evidence=tuple(e for e in n.evidence if e.account == "tiny_a"))
        if n.id == "organization:example-party" else n
        for n in perfect_nodes()
    ]
    score = evaluate([gold("tiny_a"), gold("tiny_b")], TEXTS, document(nodes, []))
    assert score.identity.failures[0]["reason"] == "unmatched"
    assert score.identity.failures[0]["predicted"]["tiny_b"] is None


# -- the account end of AUTHORED ---------------------------------------------------------


def test_authored_must_point_at_the_account_scored() -> None:
    rels = [replace(r, target="tiny_b") if r.type == "AUTHORED" and r.source == "person:sam-roe" else r
            for r in perfect_relationships()]
    score = evaluate([gold("tiny_a")], TEXTS, document(perfect_nodes(), rels))
    assert score.relationships["AUTHORED"].true_positive == 0
