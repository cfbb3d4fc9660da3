"""Redaction: who each mode protects, that no protected name or alias is left
anywhere in any format, that offsets stay meaningful, and that pseudonyms are
stable within a project."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from export_helpers import exported_text
from graph.export import FORMATS, MODES, Selection, export_bytes, load_secret, redact, select_subgraph
from graph.export.pseudonyms import pseudonym
from graph.export.redaction import facts_from_store, protected_ids
from graph.model import GraphDocument
from graph.store import GraphStore
from graph.validate import validate_document

SECRET = b"0123456789abcdef0123456789abcdef"


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """A name as its words, in any case, with a little punctuation or space
    between them (how a reader would find it in a file; not across two fields)."""
    words = re.findall(r"\w+", name)
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"[ \t\-.,’'()]{1,3}".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)


def _protected_names(store: GraphStore, mode: str) -> tuple[set[str], dict[str, tuple[str, ...]]]:
    facts = facts_from_store(store)
    ids = protected_ids(facts, mode)
    return ids, {pid: (facts.people[pid][0], *facts.people[pid][1]) for pid in ids}


def test_modes_protect_the_right_people(gold_store: GraphStore) -> None:
    facts = facts_from_store(gold_store)
    survivors = protected_ids(facts, "survivors")
    private = protected_ids(facts, "private")
    everyone = protected_ids(facts, "all")
    assert protected_ids(facts, "none") == set()
    assert survivors and survivors == facts.targets
    assert survivors < private < everyone == set(facts.people)
    assert facts.leaders and not (facts.leaders - survivors) & private
    # gold: Alex Grant holds roles in Fightback's executive committee
    assert "alex-grant" in facts.leaders and "alex-grant" not in private


@pytest.mark.parametrize("mode", [m for m in MODES if m != "none"])
def test_no_protected_name_survives_in_any_format(mode: str, gold_store: GraphStore) -> None:
    whole = select_subgraph(gold_store, Selection("all"))
    redacted = redact(whole, mode, SECRET, store=gold_store)
    ids, names = _protected_names(gold_store, mode)
    assert ids
    # Only names an unprotected person's own name does not contain can vanish.
    facts = facts_from_store(gold_store)
    kept = [n for pid, (name, aliases, _) in facts.people.items() if pid not in ids for n in (name, *aliases)]
    patterns = {
        n: p
        for pid, ns in names.items()
        for n in ns
        if (p := _name_pattern(n)) is not None and not any(p.search(k) for k in kept)
    }
    assert patterns
    for format_name in FORMATS:
        text = exported_text(export_bytes(redacted, format_name))
        for name, pattern in patterns.items():
            assert not pattern.search(text), f"{name!r} left in the {format_name} export ({mode})"
        for pid in ids:
            assert pseudonym(SECRET, pid) in text, f"{pid} has no pseudonym in the {format_name} export"


@pytest.mark.parametrize("mode", MODES)
def test_redacted_document_keeps_its_offsets_meaningful(mode: str, gold_store: GraphStore) -> None:
    whole = select_subgraph(gold_store, Selection("all"))
    redacted = redact(whole, mode, SECRET, store=gold_store)
    validate_document(redacted)  # every quote == text[start:end] of the redacted text
    texts = {a.id: a.text for a in redacted.accounts}
    for item in (*redacted.nodes, *redacted.relationships):
        for ev in item.evidence:
            assert texts[ev.account][ev.start : ev.end] == ev.quote
    assert len(redacted.nodes) == len(whole.nodes)
    assert len(redacted.relationships) == len(whole.relationships)
    if mode == "none":
        assert redacted == whole
    else:
        assert any(n.properties.get("redacted") for n in redacted.nodes)
        assert all(a.properties.get("redacted") for a in redacted.accounts if a.text != next(w.text for w in whole.accounts if w.id == a.id))


def test_same_person_same_pseudonym_in_two_exports(gold_store: GraphStore) -> None:
    whole = select_subgraph(gold_store, Selection("all"))
    account = select_subgraph(gold_store, Selection("account", "002_6d01d947b411f3c5"))
    first = {n.id: n.name for n in redact(whole, "all", SECRET, store=gold_store).nodes if n.label == "Person"}
    second = {n.id: n.name for n in redact(account, "all", SECRET, store=gold_store).nodes if n.label == "Person"}
    assert second and set(second.items()) <= set(first.items())
    assert all(name.startswith("Person ") for name in first.values())
    other_key = {n.id for n in redact(whole, "all", b"another-secret-another-secret-xx", store=gold_store).nodes if n.label == "Person"}
    assert not other_key & set(first)


def test_selection_without_the_survivor_node_still_hides_the_name(gold_store: GraphStore) -> None:
    """An account export holds the whole account text; survivors named there are
    found from the store even when the selection lacks their TARGET_OF edge."""
    ids, names = _protected_names(gold_store, "survivors")
    doc = select_subgraph(gold_store, Selection("account", "002_6d01d947b411f3c5"))
    slim = GraphDocument(doc.accounts, tuple(n for n in doc.nodes if n.label != "Person"), ())
    text = exported_text(export_bytes(redact(slim, "survivors", SECRET, store=gold_store), "json"))
    facts = facts_from_store(gold_store)
    kept = [n for pid, (name, aliases, _) in facts.people.items() if pid not in ids for n in (name, *aliases)]
    for pid, ns in names.items():
        for name in ns:
            pattern = _name_pattern(name)
            if pattern and not any(pattern.search(k) for k in kept):
                assert not pattern.search(text), name


def test_secret_is_created_once_with_mode_0600(tmp_path: Path) -> None:
    first = load_secret(tmp_path)
    assert load_secret(tmp_path) == first
    mode = stat.S_IMODE(os.stat(tmp_path / "redaction.key").st_mode)
    assert mode == 0o600
