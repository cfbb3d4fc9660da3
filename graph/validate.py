"""Validation of nodes, relationships and documents, built from the contract.

Each rule raises :class:`~graph.errors.ValidationError` with one sentence that
names the item at fault and what is wrong with it. Validation never touches the
store: callers pass in what the store already knows (account texts, labels of
ids the document refers to but does not hold).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from graph.contract import Contract, PropertySpec, load_contract
from graph.errors import ValidationError
from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship

__all__ = ["validate_document", "validate_node", "validate_relationship", "validate_evidence"]

_SCALARS = (str, int, float, bool)


def _check_value(owner: str, key: str, value: Any) -> None:
    """The store holds scalars and lists of one scalar type, never null or maps."""
    if value is None:
        raise ValidationError(f"{owner}: property {key!r} is null (leave it out instead)")
    if isinstance(value, _SCALARS):
        return
    if isinstance(value, (list, tuple)):
        kinds = {type(v) for v in value}
        if all(isinstance(v, _SCALARS) for v in value) and len(kinds) <= 1:
            return
    raise ValidationError(
        f"{owner}: property {key!r} must be a scalar or a list of one scalar type, got {value!r}"
    )


def _check_properties(owner: str, props: Mapping[str, Any], specs: Mapping[str, PropertySpec]) -> None:
    for key, value in props.items():
        _check_value(owner, key, value)
        spec = specs.get(key)
        if spec is not None:
            problem = spec.check(value)
            if problem:
                raise ValidationError(f"{owner}: {key} {problem}")


def validate_evidence(
    owner: str,
    evidence: Iterable[Evidence],
    accounts: Mapping[str, AccountRecord],
    contract: Contract,
) -> None:
    pieces = tuple(evidence)
    if not pieces:
        raise ValidationError(f"{owner} has no evidence; nothing enters the graph without it")
    for ev in pieces:
        where = f"{owner}, evidence {ev.account}[{ev.start}:{ev.end}]"
        if ev.status not in contract.statuses:
            raise ValidationError(
                f"{where}: status {ev.status!r} is not one of {', '.join(contract.statuses)}"
            )
        if not isinstance(ev.start, int) or not isinstance(ev.end, int) or not 0 <= ev.start < ev.end:
            raise ValidationError(f"{where}: start and end must be integers with 0 <= start < end")
        account = accounts.get(ev.account)
        if account is None:
            raise ValidationError(f"{where}: account {ev.account!r} is not in the document or the store")
        if account.text is not None:
            actual = account.text[ev.start : ev.end]
            if actual != ev.quote:
                raise ValidationError(
                    f"{where}: quote {ev.quote[:60]!r} is not the account's text there ({actual[:60]!r})"
                )
        else:
            if ev.end - ev.start != len(ev.quote) or (account.length and ev.end > account.length):
                raise ValidationError(
                    f"{where}: quote of {len(ev.quote)} characters does not fit the span "
                    f"(account length {account.length})"
                )


def validate_node(node: Node, accounts: Mapping[str, AccountRecord], contract: Contract | None = None) -> None:
    contract = contract or load_contract()
    owner = f"node {node.id!r}"
    spec = contract.labels.get(node.label)
    if spec is None:
        raise ValidationError(f"{owner}: unknown label {node.label!r}; expected one of {', '.join(contract.labels)}")
    if not node.id or not node.name:
        raise ValidationError(f"{owner}: id and name must not be empty")
    _check_properties(owner, node.properties, spec.properties)
    validate_evidence(owner, node.evidence, accounts, contract)


def validate_relationship(
    rel: Relationship,
    labels: Mapping[str, str],
    accounts: Mapping[str, AccountRecord],
    contract: Contract | None = None,
) -> None:
    contract = contract or load_contract()
    owner = f"relationship {rel.type} {rel.source!r} -> {rel.target!r}"
    spec = contract.relationships.get(rel.type)
    if spec is None:
        raise ValidationError(
            f"{owner}: unknown relationship type {rel.type!r}; expected one of {', '.join(contract.relationships)}"
        )
    for end in (rel.source, rel.target):
        if end not in labels:
            raise ValidationError(f"{owner}: endpoint {end!r} is neither in the document nor in the store")
    source_label, target_label = labels[rel.source], labels[rel.target]
    if not contract.allows(rel.type, source_label, target_label):
        raise ValidationError(
            f"{owner}: {rel.type} may not run from {source_label} to {target_label} "
            f"(allowed: {'/'.join(spec.sources)} -> {'/'.join(spec.targets)})"
        )
    _check_properties(owner, rel.properties, spec.properties)
    validate_evidence(owner, rel.evidence, accounts, contract)


def validate_document(
    document: GraphDocument,
    *,
    known_accounts: Mapping[str, AccountRecord] | None = None,
    known_labels: Mapping[str, str] | None = None,
    contract: Contract | None = None,
) -> None:
    """Raise on the first item that breaks the contract.

    ``known_accounts`` and ``known_labels`` describe what the store already holds,
    so a document may add evidence to accounts or nodes written earlier.
    """
    contract = contract or load_contract()
    accounts: dict[str, AccountRecord] = dict(known_accounts or {})
    for account in document.accounts:
        if not account.id:
            raise ValidationError("an account has an empty id")
        if account.text is not None and account.length != len(account.text):
            raise ValidationError(
                f"account {account.id!r}: length {account.length} does not match its text ({len(account.text)})"
            )
        accounts[account.id] = account
    labels: dict[str, str] = dict(known_labels or {})
    labels.update({a.id: "Account" for a in document.accounts})
    for node in document.nodes:
        if node.id in labels and labels[node.id] != node.label and node.id not in (known_labels or {}):
            raise ValidationError(f"node {node.id!r} appears as both {labels[node.id]} and {node.label}")
        labels[node.id] = node.label
    for node in document.nodes:
        validate_node(node, accounts, contract)
    for rel in document.relationships:
        validate_relationship(rel, labels, accounts, contract)
