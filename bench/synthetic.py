"""A synthetic, contract-valid graph of any size, for benchmarks.

    from bench.synthetic import synthetic_document
    document = synthetic_document(nodes=100_000, relationships=300_000, accounts=1_000, seed=1)

returns a :class:`graph.model.GraphDocument` with

* ``accounts`` :class:`~graph.model.AccountRecord` s, each with a synthetic
  normalised ``text`` (a few hundred short sentences);
* exactly ``nodes`` nodes besides the accounts, in a realistic mix of labels
  (many people, incidents, responses and events; few organisations), with
  contract-valid properties (``kind``, ``identity``, ISO dates ...);
* exactly ``relationships`` relationships in a realistic mix of types, every
  one between labels the contract allows, no two with the same id; one
  ``AUTHORED`` per account (a person to the account) is among them;
* one piece of evidence on every node and relationship, whose ``quote`` is
  exactly ``text[start:end]`` of its account (a node quotes its name, a
  relationship the sentence that tells it) and whose status follows a
  realistic mix of the seven statuses.

It passes :func:`graph.validate.validate_document`. The same arguments give the
same document (``random.Random(seed)``, no clock, no hash randomisation). Ids
look like ingest's: ``person:syn-123``, accounts ``syn_0007``. Built in a few
seconds for 100,000 nodes and 300,000 relationships.

``python -m bench.synthetic --nodes 1000 --relationships 3000 --out doc.json``
writes one as an interchange document.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
from pathlib import Path
from typing import Any, Sequence

from graph.contract import Contract, load_contract
from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship, sha256_text

__all__ = ["LABEL_WEIGHTS", "RELATIONSHIP_WEIGHTS", "STATUS_WEIGHTS", "synthetic_document", "main"]

#: Share of each label among the non-account nodes (accounts come on top).
LABEL_WEIGHTS: dict[str, float] = {
    "Person": 30,
    "Organization": 2,
    "Branch": 5,
    "LeadershipBody": 3,
    "Faction": 2,
    "Role": 6,
    "Incident": 20,
    "Response": 15,
    "Event": 17,
}

#: Share of each relationship type (AUTHORED is one per account, outside this mix).
RELATIONSHIP_WEIGHTS: dict[str, float] = {
    "MEMBER_OF": 20,
    "OCCURRED_IN": 10,
    "RESPONDS_TO": 8,
    "PARTICIPATED_IN": 8,
    "TAKEN_BY": 7,
    "HOLDS_ROLE": 6,
    "ACCUSED_IN": 6,
    "TARGET_OF": 6,
    "ROLE_IN": 5,
    "REPORTED": 5,
    "REPORTED_TO": 5,
    "AFFECTS": 5,
    "LED_TO": 5,
    "WITNESSED": 4,
    "JOINED": 4,
    "PART_OF": 3,
    "LEFT": 3,
}

STATUS_WEIGHTS: dict[str, float] = {
    "stated": 55,
    "alleged": 15,
    "reported": 10,
    "believed": 8,
    "denied": 5,
    "found": 4,
    "admitted": 3,
}

_FIRST = (
    "Alex Sam Jordan Robin Casey Morgan Jamie Taylor Riley Avery Quinn Rowan Ahmed Maria Chen Priya "
    "Olu Ines Tomas Lena Yusuf Hana Marco Sofia Kwame Aoife Dmitri Leila Pablo Greta"
).split()
_LAST = (
    "Smith Okafor Novak Garcia Kim Brennan Haddad Silva Petrov Larsen Mensah Rossi Dubois Tanaka "
    "Khan Murphy Weber Costa Nowak Ali Moreau Jensen Ortiz Singh Walsh"
).split()
_CITIES = (
    "Leeds Lyon Porto Gdansk Toronto Osaka Accra Bristol Turin Bilbao Kraków Halifax Cork Malmö "
    "Nantes Dortmund Rosario Durban Perth Tampere"
).split()
_PSEUDONYMS = ("my friend", "the perpetrator", "a comrade", "the organiser", "[Perpetrator 1]", "a young member")
_ROLES = ("branch secretary", "regional full-timer", "treasurer", "organiser", "editor", "national secretary")
_ORG_WORDS = ("Workers", "Socialist", "Revolutionary", "Marxist", "Internationalist", "Labour", "Communist")
_ORG_NOUNS = ("League", "Tendency", "Alliance", "Party", "Union", "Organisation", "Front")

_RELATION_WORDS: dict[str, str] = {
    "PART_OF": "is part of",
    "MEMBER_OF": "was a member of",
    "HOLDS_ROLE": "held the post of",
    "ROLE_IN": "is a post in",
    "AUTHORED": "wrote",
    "ACCUSED_IN": "was accused in",
    "TARGET_OF": "was targeted in",
    "REPORTED": "reported",
    "WITNESSED": "witnessed",
    "REPORTED_TO": "was reported to",
    "OCCURRED_IN": "happened in",
    "RESPONDS_TO": "answered",
    "TAKEN_BY": "was decided by",
    "AFFECTS": "fell on",
    "PARTICIPATED_IN": "took part in",
    "LED_TO": "led to",
    "JOINED": "joined",
    "LEFT": "left",
}


class _Weighted:
    """Fast repeated weighted choice (cumulative weights + bisect)."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


class _AccountWriter:
    """Builds one account's text sentence by sentence, handing out offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def sentence(self, before: str, quoted: str, after: str) -> tuple[int, int]:
        start = self.length + len(before)
        line = f"{before}{quoted}{after}\n"
        self.parts.append(line)
        self.length += len(line)
        return start, start + len(quoted)

    def text(self) -> str:
        return "".join(self.parts)


def _date(rng: random.Random) -> str:
    year = rng.randint(1995, 2024)
    precision = rng.random()
    if precision < 0.3:
        return str(year)
    if precision < 0.7:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _label_counts(nodes: int, contract: Contract) -> dict[str, int]:
    labels = [label for label in LABEL_WEIGHTS if label in contract.labels]
    total = sum(LABEL_WEIGHTS[label] for label in labels)
    counts = {label: int(nodes * LABEL_WEIGHTS[label] / total) for label in labels}
    # At least one of each label when the graph is big enough, so every type has endpoints.
    if nodes >= len(labels):
        for label in labels:
            counts[label] = max(counts[label], 1)
    # Settle rounding on the most common label.
    counts["Person"] += nodes - sum(counts.values())
    return counts


def _node_text(label: str, i: int, rng: random.Random) -> tuple[str, dict[str, Any], str, str]:
    """(name, properties, words before the name, words after it)."""
    if label == "Person":
        roll = rng.random()
        if roll < 0.6:
            name, identity = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", "named"
        elif roll < 0.85:
            name, identity = f"{rng.choice(_FIRST)} {rng.choice(_LAST)[0]}", "partial"
        else:
            name, identity = rng.choice(_PSEUDONYMS), "pseudonym"
        return name, {"identity": identity}, "I spoke with ", " about it."
    if label == "Organization":
        kind = rng.choice(("international", "section", "section", "party", "union", "other"))
        name = f"{rng.choice(_ORG_WORDS)} {rng.choice(_ORG_NOUNS)} {i}"
        return name, {"kind": kind, "country": rng.choice(_CITIES)}, "I joined the ", " that year."
    if label == "Branch":
        city = rng.choice(_CITIES)
        return f"{city} branch {i}", {"city": city}, "Our ", " met weekly."
    if label == "LeadershipBody":
        kind = rng.choice(("executive_committee", "central_committee", "national_committee",
                           "control_commission", "national_office", "leadership", "other"))
        return f"{kind.replace('_', ' ').title()} {i}", {"kind": kind}, "The ", " decided."
    if label == "Faction":
        return f"{rng.choice(_ORG_WORDS)} Caucus {i}", {}, "Some of us formed the ", "."
    if label == "Role":
        title = rng.choice(_ROLES)
        return f"{title} {i}", {"title": title}, "She was made ", " soon after."
    date = _date(rng)
    if label == "Incident":
        kind = rng.choice(("sexual_assault", "sexual_harassment", "harassment", "bigotry", "dissent",
                           "threat", "physical_violence", "domestic_violence", "other"))
        description = f"{kind.replace('_', ' ')} at a meeting, case {i}"
    elif label == "Response":
        kind = rng.choice(("dismissal", "no_action", "informal_resolution", "pressure", "mediation",
                           "investigation", "suspension", "expulsion", "isolation", "promise", "other"))
        description = f"{kind.replace('_', ' ')} by the leadership, case {i}"
    else:
        kind = rng.choice(("joined", "resigned", "meeting", "conversation", "correspondence",
                           "internal_discussion", "vote", "publication", "other"))
        description = f"{kind.replace('_', ' ')}, occasion {i}"
    props = {"kind": kind, "date": date, "date_text": f"in {date}", "description": description}
    return description, props, f"In {date} there was ", "."


def _relationship_properties(rel_type: str, rng: random.Random) -> dict[str, Any]:
    if rel_type in ("MEMBER_OF", "HOLDS_ROLE") and rng.random() < 0.5:
        return {"since": _date(rng)}
    if rel_type == "JOINED":
        return {"date": _date(rng)}
    if rel_type == "LEFT":
        return {"date": _date(rng), "how": rng.choice(("resigned", "resigned", "expelled", "lapsed", "other"))}
    return {}


def synthetic_document(
    nodes: int = 100_000,
    relationships: int = 300_000,
    accounts: int = 1_000,
    seed: int = 1,
    contract: Contract | None = None,
) -> GraphDocument:
    """A deterministic, contract-valid document of exactly this size (see the module docstring).

    Raises ValueError when the numbers cannot be met (fewer than one node per
    label, fewer people than accounts, or more relationships than distinct
    endpoint pairs allow).
    """
    contract = contract or load_contract()
    if accounts < 1 or nodes < len(LABEL_WEIGHTS) or relationships < accounts:
        raise ValueError(
            "need accounts >= 1, nodes >= one per label "
            f"({len(LABEL_WEIGHTS)}) and relationships >= accounts (one AUTHORED each)"
        )
    rng = random.Random(seed)
    status = _Weighted(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))
    account_ids = [f"syn_{i:04d}" for i in range(accounts)]
    writers = [_AccountWriter() for _ in account_ids]

    node_ids: list[str] = []
    node_labels: list[str] = []
    node_accounts: list[int] = []
    node_names: list[str] = []
    built_nodes: list[Node] = []
    by_label: dict[str, list[int]] = {}
    for label, count in _label_counts(nodes, contract).items():
        prefix = label.lower()
        pool = by_label.setdefault(label, [])
        for i in range(count):
            name, props, before, after = _node_text(label, i, rng)
            account = rng.randrange(accounts)
            start, end = writers[account].sentence(before, name, after)
            node_id = f"{prefix}:syn-{i}"
            pool.append(len(node_ids))
            node_ids.append(node_id)
            node_labels.append(label)
            node_accounts.append(account)
            node_names.append(name)
            evidence = (Evidence(account_ids[account], start, end, name, status.pick(rng)),)
            built_nodes.append(Node(node_id, label, name, (), props, evidence))
    if len(by_label["Person"]) < accounts:
        raise ValueError(f"{accounts} accounts need at least as many people (one narrator each)")

    seen: set[tuple[str, int, int]] = set()
    built_rels: list[Relationship] = []

    def add(rel_type: str, source: int, target: int, account: int) -> bool:
        if (rel_type, source, target) in seen:
            return False
        seen.add((rel_type, source, target))
        words = _RELATION_WORDS.get(rel_type, "relates to")
        sentence = f"{node_names[source]} {words} {node_names[target]}"
        start, end = writers[account].sentence("", sentence, ".")
        evidence = (Evidence(account_ids[account], start, end, sentence, status.pick(rng)),)
        built_rels.append(
            Relationship(rel_type, node_ids[source], node_ids[target], _relationship_properties(rel_type, rng), evidence)
        )
        return True

    # The narrators: one person per account, AUTHORED to the account node.
    narrators = rng.sample(by_label["Person"], accounts)
    for index, person in enumerate(narrators):
        node_names.append(f"account {account_ids[index]}")
        node_ids.append(account_ids[index])
        node_accounts.append(index)
        add("AUTHORED", person, len(node_ids) - 1, index)

    types = [t for t in RELATIONSHIP_WEIGHTS if t in contract.relationships]
    pools: dict[str, tuple[list[int], list[int]]] = {}
    for rel_type in types:
        spec = contract.relationships[rel_type]
        sources = [i for label in spec.sources for i in by_label.get(label, ())]
        targets = [i for label in spec.targets for i in by_label.get(label, ())]
        pools[rel_type] = (sources, targets)
    rel_type_of = _Weighted(types, [RELATIONSHIP_WEIGHTS[t] for t in types])
    misses = 0
    uniform = rng.random  # index = int(uniform() * n): several times cheaper than rng.choice
    while len(built_rels) < relationships:
        rel_type = rel_type_of.pick(rng)
        sources, targets = pools[rel_type]
        source = sources[int(uniform() * len(sources))]
        target = targets[int(uniform() * len(targets))]
        # Mostly told by the account that introduced the source, as in real accounts.
        account = node_accounts[source] if uniform() < 0.7 else int(uniform() * accounts)
        if source == target or not add(rel_type, source, target, account):
            misses += 1
            if misses > 20 * relationships + 1000:
                raise ValueError(f"cannot find {relationships} distinct relationships among {nodes} nodes")

    records = []
    for account_id, writer in zip(account_ids, writers):
        text = writer.text()
        records.append(
            AccountRecord(
                id=account_id,
                title=f"Synthetic account {account_id}",
                sha256=sha256_text(text),
                length=len(text),
                properties={"author": "synthetic", "source": "bench/synthetic.py", "words": len(text.split())},
                text=text,
            )
        )
    return GraphDocument(tuple(records), tuple(built_nodes), tuple(built_rels))


def main(argv: Sequence[str] | None = None) -> None:
    """Write a synthetic document as interchange JSON."""
    from graph.interchange import write_document

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--nodes", type=int, default=100_000, help="nodes besides the accounts")
    parser.add_argument("--relationships", type=int, default=300_000, help="relationships, AUTHORED included")
    parser.add_argument("--accounts", type=int, default=1_000, help="accounts (each gets a synthetic text)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same document")
    parser.add_argument("--out", type=Path, required=True, help="where to write the JSON document")
    args = parser.parse_args(argv)
    document = synthetic_document(args.nodes, args.relationships, args.accounts, args.seed)
    write_document(document, args.out)
    print(f"wrote {args.out}: {len(document.accounts)} accounts, {len(document.nodes)} nodes, "
          f"{len(document.relationships)} relationships")


if __name__ == "__main__":
    main()
