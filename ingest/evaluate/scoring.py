"""Scoring one account's prediction against its gold annotations.

The predicted nodes and relationships of an account are those with evidence in
that account; the Account node is not scored, and an ``AUTHORED`` edge matches
when it points at the account. Relationship status: a predicted relationship
has one status per piece of evidence; it *agrees* with the gold status when the
gold status is among the statuses of its evidence in this account (and agrees
*strictly* when that is the only one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.contract import load_contract
from graph.model import GraphDocument, Node, Relationship
from ingest.evaluate.counts import Agreement, Counts
from ingest.evaluate.matching import greedy_match, name_candidates, overlap_candidates
from ingest.evaluate.spans import gold_spans
from ingest.gold import GoldAccount, GoldEntity

__all__ = ["AccountScore", "score_account", "named_labels", "occurrence_labels", "account_slice"]

Triple = tuple[str, str, str]


def named_labels() -> tuple[str, ...]:
    return load_contract().named_labels


def occurrence_labels() -> tuple[str, ...]:
    return load_contract().occurrence_labels


@dataclass
class AccountScore:
    """Everything measured on one account; corpus figures are sums of these."""

    account: str
    labels: dict[str, Counts] = field(default_factory=dict)
    relationships: dict[str, Counts] = field(default_factory=dict)
    kinds: dict[str, Agreement] = field(default_factory=dict)
    status: Agreement = field(default_factory=Agreement)
    status_strict: Agreement = field(default_factory=Agreement)
    matches: dict[str, str] = field(default_factory=dict)  # gold id -> predicted node id
    missed_nodes: list[str] = field(default_factory=list)
    spurious_nodes: list[str] = field(default_factory=list)
    missed_relationships: list[Triple] = field(default_factory=list)
    spurious_relationships: list[Triple] = field(default_factory=list)
    status_disagreements: list[dict[str, Any]] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)  # gold occurrences with no quote found

    def as_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "labels": {k: v.as_json() for k, v in self.labels.items()},
            "relationships": {k: v.as_json() for k, v in self.relationships.items()},
            "kind_agreement": {k: v.as_json() for k, v in self.kinds.items()},
            "status_agreement": self.status.as_json(),
            "status_agreement_strict": self.status_strict.as_json(),
            "matches": dict(sorted(self.matches.items())),
            "missed_nodes": self.missed_nodes,
            "spurious_nodes": self.spurious_nodes,
            "missed_relationships": [list(t) for t in self.missed_relationships],
            "spurious_relationships": [list(t) for t in self.spurious_relationships],
            "status_disagreements": self.status_disagreements,
            "unlocated_gold": self.unlocated,
        }


def account_slice(prediction: GraphDocument, account: str) -> tuple[list[Node], list[Relationship]]:
    """The predicted nodes (scored labels only) and relationships with evidence in ``account``."""
    scored = set(named_labels()) | set(occurrence_labels())
    nodes = [n for n in prediction.nodes if n.label in scored and any(e.account == account for e in n.evidence)]
    rels = [r for r in prediction.relationships if any(e.account == account for e in r.evidence)]
    return nodes, rels


def _match_nodes(gold: GoldAccount, text: str, nodes: list[Node], score: AccountScore) -> dict[str, GoldEntity]:
    named, occurrences = set(named_labels()), set(occurrence_labels())
    gold_named = [e for e in gold.entities if e.label in named]
    gold_occurrences = []
    for entity in gold.entities:
        if entity.label in occurrences:
            spans = gold_spans(entity, text)
            if not spans:
                score.unlocated.append(entity.id)
            gold_occurrences.append((entity, spans))
    predicted_occurrences = [
        (n, [(e.start, e.end) for e in n.evidence if e.account == gold.account]) for n in nodes if n.label in occurrences
    ]
    score.matches.update(greedy_match(name_candidates(gold_named, [n for n in nodes if n.label in named])))
    score.matches.update(greedy_match(overlap_candidates(gold_occurrences, predicted_occurrences)))
    return {e.id: e for e in (*gold_named, *(e for e, _ in gold_occurrences))}


def score_account(gold: GoldAccount, text: str, prediction: GraphDocument) -> AccountScore:
    """Score what ``prediction`` says about ``gold.account`` (``text`` is its normalised text)."""
    score = AccountScore(gold.account)
    nodes, rels = account_slice(prediction, gold.account)
    gold_nodes = _match_nodes(gold, text, nodes, score)
    by_id = {n.id: n for n in nodes}

    # Nodes, per label.
    for label in (*named_labels(), *occurrence_labels()):
        gold_of_label = [g for g in gold_nodes.values() if g.label == label]
        predicted_of_label = [n for n in nodes if n.label == label]
        hits = sum(1 for g in gold_of_label if g.id in score.matches)
        if gold_of_label or predicted_of_label:
            score.labels[label] = Counts(hits, len(predicted_of_label), len(gold_of_label))
    matched_predicted = set(score.matches.values())
    score.missed_nodes = sorted(g for g in gold_nodes if g not in score.matches)
    score.spurious_nodes = sorted(n.id for n in nodes if n.id not in matched_predicted)

    # Kind agreement among matched pairs whose gold states a kind.
    for gold_id, predicted_id in sorted(score.matches.items()):
        entity = gold_nodes[gold_id]
        if "kind" in entity.properties:
            agree = by_id[predicted_id].properties.get("kind") == entity.properties["kind"]
            score.kinds[entity.label] = score.kinds.get(entity.label, Agreement()) + Agreement(int(agree), 1)

    # Relationships: map predicted ends onto gold ids through the node matching.
    account_entity = next((e.id for e in gold.entities if e.label == "Account"), gold.account)
    to_gold = {p: g for g, p in score.matches.items()}
    to_gold[gold.account] = account_entity
    gold_triples: dict[Triple, dict[str, Any]] = {}
    for rel in gold.relations:
        gold_triples.setdefault((rel.type, rel.source, rel.target), rel.properties)
    predicted_triples: dict[Triple, Relationship] = {}
    unmapped: list[Triple] = []
    for rel in rels:
        source, target = to_gold.get(rel.source), to_gold.get(rel.target)
        if source is None or target is None:
            unmapped.append((rel.type, rel.source, rel.target))
        else:
            predicted_triples[(rel.type, source, target)] = rel
    for rel_type in load_contract().relationships:
        gold_of_type = [t for t in gold_triples if t[0] == rel_type]
        predicted_of_type = [r for r in rels if r.type == rel_type]
        hits = sum(1 for t in gold_of_type if t in predicted_triples)
        if gold_of_type or predicted_of_type:
            score.relationships[rel_type] = Counts(hits, len(predicted_of_type), len(gold_of_type))
    score.missed_relationships = sorted(t for t in gold_triples if t not in predicted_triples)
    score.spurious_relationships = sorted(
        [(r.type, r.source, r.target) for t, r in predicted_triples.items() if t not in gold_triples] + unmapped
    )

    # Status agreement among matched relationships whose gold carries a status.
    for triple, properties in sorted(gold_triples.items()):
        wanted = properties.get("status")
        if wanted is None or triple not in predicted_triples:
            continue
        said = sorted({e.status for e in predicted_triples[triple].evidence if e.account == gold.account})
        score.status += Agreement(int(wanted in said), 1)
        score.status_strict += Agreement(int(said == [wanted]), 1)
        if wanted not in said:
            score.status_disagreements.append({"relationship": list(triple), "gold": wanted, "predicted": said})
    return score
