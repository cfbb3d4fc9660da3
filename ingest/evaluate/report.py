"""Presenting a :class:`CorpusScore`: a fixed-width table for people, JSON for programs."""

from __future__ import annotations

import json
from typing import Iterable

from ingest.evaluate.corpus import CorpusScore
from ingest.evaluate.counts import Agreement, Counts

__all__ = ["format_table", "format_json", "format_details", "figure"]

_NAME_WIDTH = 22


def figure(value: float | None) -> str:
    """A share with three decimals, or "-" when it is undefined.

    >>> figure(0.75), figure(None), figure(1.0)
    ('0.750', '-', '1.000')
    """
    return "-" if value is None else f"{value:.3f}"


def _counts_header(title: str) -> str:
    return f"{title:<{_NAME_WIDTH}}{'tp':>6}{'pred':>7}{'gold':>7}{'prec':>8}{'recall':>8}{'f1':>8}"


def _counts_row(name: str, c: Counts) -> str:
    return (
        f"  {name:<{_NAME_WIDTH - 2}}{c.true_positive:>6}{c.predicted:>7}{c.gold:>7}"
        f"{figure(c.precision):>8}{figure(c.recall):>8}{figure(c.f1):>8}"
    )


def _agreement_row(name: str, a: Agreement) -> str:
    return f"  {name:<{_NAME_WIDTH - 2}}{a.agreed:>6}{a.total:>7}{figure(a.share):>8}"


def _lines(score: CorpusScore) -> Iterable[str]:
    yield f"evaluated {len(score.accounts)} account(s): {', '.join(a.account for a in score.accounts)}"
    yield ""
    yield _counts_header("nodes")
    for label, counts in score.labels.items():
        yield _counts_row(label, counts)
    yield _counts_row("micro named", score.micro["named"])
    yield _counts_row("micro occurrences", score.micro["occurrences"])
    yield ""
    yield _counts_header("relationships")
    for rel_type, counts in score.relationships.items():
        yield _counts_row(rel_type, counts)
    yield _counts_row("micro relationships", score.micro["relationships"])
    yield ""
    yield f"{'kind agreement':<{_NAME_WIDTH}}{'agree':>6}{'pairs':>7}{'share':>8}"
    for label, agreement in score.kinds.items():
        yield _agreement_row(label, agreement)
    yield _agreement_row("occurrences", score.occurrence_kinds)
    yield ""
    yield f"{'status agreement':<{_NAME_WIDTH}}{'agree':>6}{'pairs':>7}{'share':>8}"
    yield _agreement_row("gold among predicted", score.status)
    yield _agreement_row("gold is the only one", score.status_strict)
    yield ""
    g = score.grounding
    unchecked = f" ({g.unchecked} in accounts without a text, unchecked)" if g.unchecked else ""
    yield f"{'grounding':<{_NAME_WIDTH}}{g.verbatim} of {g.checked} pieces of evidence verbatim: {figure(g.share)}{unchecked}"
    for failure in g.failures[:10]:
        yield f"  not verbatim: {failure['item']} [{failure['account']} {failure['start']}:{failure['end']}] {failure['quote']!r}"
    i = score.identity
    yield f"{'identity':<{_NAME_WIDTH}}{i.held} of {i.shared} gold ids shared by accounts on one node: {figure(i.share)}"
    for failure in i.failures:
        landed = ", ".join(f"{account}: {node or 'unmatched'}" for account, node in failure["predicted"].items())
        yield f"  {failure['reason']}: {failure['gold_id']} ({landed})"
    unlocated = [f"{a.account}:{gold_id}" for a in score.accounts for gold_id in a.unlocated]
    if unlocated:
        yield f"warning: gold occurrences whose quotes are not in the text (cannot match): {', '.join(unlocated)}"


def format_table(score: CorpusScore) -> str:
    return "\n".join(_lines(score))


def format_json(score: CorpusScore) -> str:
    return json.dumps(score.as_json(), indent=1, ensure_ascii=False)


def _detail_lines(score: CorpusScore) -> Iterable[str]:
    for account in score.accounts:
        yield ""
        yield f"account {account.account}"
        yield f"  missed nodes ({len(account.missed_nodes)}): {', '.join(account.missed_nodes) or '-'}"
        yield f"  unmatched predicted nodes ({len(account.spurious_nodes)}): {', '.join(account.spurious_nodes) or '-'}"
        yield f"  missed relationships ({len(account.missed_relationships)}):"
        for rel_type, source, target in account.missed_relationships:
            yield f"    {rel_type} {source} -> {target}"
        yield f"  unmatched predicted relationships ({len(account.spurious_relationships)}):"
        for rel_type, source, target in account.spurious_relationships:
            yield f"    {rel_type} {source} -> {target}"
        for item in account.status_disagreements:
            rel_type, source, target = item["relationship"]
            yield f"  status: {rel_type} {source} -> {target}: gold {item['gold']}, predicted {', '.join(item['predicted'])}"


def format_details(score: CorpusScore) -> str:
    """Per account: what was missed and what the prediction has that the gold lacks."""
    return "\n".join(_detail_lines(score))
