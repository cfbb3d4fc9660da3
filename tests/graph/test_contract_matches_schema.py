"""graph/contract.yaml says what ../shared/SCHEMA.md says, in both directions.

SCHEMA.md is the contract between the project's parts; contract.yaml is its
declaration as data. This test reads the tables of SCHEMA.md (statuses, node
labels with their extra properties and kinds, relationship types with their
ends and properties) and fails on any difference, naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.contract import Contract, load_contract

SCHEMA = Path(__file__).resolve().parents[2].parent / "shared" / "SCHEMA.md"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")
_BACKTICKED = re.compile(r"`([^`]+)`")
_PARENTHESES = re.compile(r"\([^()]*\)")


def _table(text: str, first_header: str) -> list[list[str]]:
    """The body rows of the Markdown table whose first header cell is ``first_header``."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.lstrip().startswith("|") and cells[0] == first_header:
            rows = []
            for body in lines[i + 2 :]:  # skip the |---| line
                if not body.lstrip().startswith("|"):
                    break
                rows.append([c.strip() for c in body.strip().strip("|").split("|")])
            return rows
    raise AssertionError(f"SCHEMA.md has no table starting with a {first_header!r} column")


@dataclass(frozen=True)
class Declared:
    """Properties as SCHEMA.md declares them: name -> enum choices (empty when free)."""

    properties: dict[str, tuple[str, ...]]


def _properties(cell: str) -> Declared | None:
    """Parse "kind: `a` / `b`; country" or "title, author". None if the cell is prose."""
    cell = _PARENTHESES.sub("", cell).strip()
    if not cell:
        return Declared({})
    properties: dict[str, tuple[str, ...]] = {}
    for part in (p.strip() for p in cell.split(";")):
        if ":" in part:
            name, _, choices = part.partition(":")
            name = name.strip().strip("`")
            if not _IDENTIFIER.match(name):
                return None
            properties[name] = tuple(_BACKTICKED.findall(choices))
            continue
        for name in (n.strip().strip("`") for n in part.split(",")):
            if not _IDENTIFIER.match(name):
                return None
            properties[name] = ()
    return Declared(properties)


@pytest.fixture(scope="module")
def schema_text() -> str:
    if not SCHEMA.exists():
        pytest.fail(f"{SCHEMA} is missing; the contract cannot be checked")
    return SCHEMA.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def contract() -> Contract:
    return load_contract()


def _contract_properties(specs) -> dict[str, tuple[str, ...]]:
    return {name: spec.choices for name, spec in specs.items()}


def test_statuses(schema_text: str, contract: Contract) -> None:
    declared = {row[0]: row[1] for row in _table(schema_text, "status")}
    assert list(declared) == list(contract.statuses), "statuses differ (or their order)"
    for status, meaning in declared.items():
        assert contract.statuses[status] == meaning, f"meaning of {status!r} differs"


def test_common_node_properties(schema_text: str, contract: Contract) -> None:
    sentence = re.search(r"Every node has (.*?)and evidence", schema_text, re.DOTALL)
    assert sentence, "SCHEMA.md no longer says what every node has"
    assert tuple(_BACKTICKED.findall(sentence.group(1))) == contract.common_node_properties


def test_labels_and_their_properties(schema_text: str, contract: Contract) -> None:
    rows = _table(schema_text, "label")
    declared = {row[0]: _properties(row[2]) for row in rows}
    assert set(declared) == set(contract.labels), (
        f"labels only in SCHEMA.md: {sorted(set(declared) - set(contract.labels))}; "
        f"only in contract.yaml: {sorted(set(contract.labels) - set(declared))}"
    )
    for label, props in declared.items():
        assert props is not None, f"cannot read the properties of {label} in SCHEMA.md"
        assert props.properties == _contract_properties(contract.labels[label].properties), (
            f"{label}: SCHEMA.md says {props.properties}, "
            f"contract.yaml says {_contract_properties(contract.labels[label].properties)}"
        )


def test_label_descriptions(schema_text: str, contract: Contract) -> None:
    for row in _table(schema_text, "label"):
        described = _PARENTHESES.sub("", row[1]).strip()
        described = re.sub(r"\s+", " ", described)
        assert contract.labels[row[0]].description == described, f"description of {row[0]} differs"


def test_relationship_types_and_ends(schema_text: str, contract: Contract) -> None:
    rows = _table(schema_text, "type")
    declared = {row[0]: row for row in rows}
    assert set(declared) == set(contract.relationships), (
        f"types only in SCHEMA.md: {sorted(set(declared) - set(contract.relationships))}; "
        f"only in contract.yaml: {sorted(set(contract.relationships) - set(declared))}"
    )
    for name, (_, sources, targets, _notes) in declared.items():
        spec = contract.relationships[name]
        assert tuple(s.strip() for s in sources.split(",")) == spec.sources, f"{name}: 'from' differs"
        assert tuple(t.strip() for t in targets.split(",")) == spec.targets, f"{name}: 'to' differs"


def test_relationship_properties(schema_text: str, contract: Contract) -> None:
    for name, _, _, notes in _table(schema_text, "type"):
        declared = _properties(notes)
        # Notes are either a property list ("since, until") or prose ("the narrator").
        expected = declared.properties if declared is not None else {}
        actual = _contract_properties(contract.relationships[name].properties)
        assert expected == actual, f"{name}: SCHEMA.md says {expected}, contract.yaml says {actual}"


def test_dates_are_dates(contract: Contract) -> None:
    """SCHEMA.md: `date` is ISO 8601; since and until are dates too."""
    for owner, specs in [
        *((label, spec.properties) for label, spec in contract.labels.items()),
        *((name, spec.properties) for name, spec in contract.relationships.items()),
    ]:
        for key in ("date", "since", "until"):
            if key in specs:
                assert specs[key].type == "date", f"{owner}.{key} must be a date"


def test_parser_reads_what_it_should() -> None:
    """The parser itself, on the shapes SCHEMA.md uses."""
    assert _properties("kind: `a` / `b`; country") == Declared({"kind": ("a", "b"), "country": ()})
    assert _properties('identity: `named` / `partial` ("Ahmed S")') == Declared({"identity": ("named", "partial")})
    assert _properties("title, author") == Declared({"title": (), "author": ()})
    assert _properties("the narrator") is None
    assert _properties("") == Declared({})
