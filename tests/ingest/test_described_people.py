"""People known by a description: those described only in passing are not kept, and
the others keep their whole description as an alias (hand-written passages)."""

from __future__ import annotations

from graph.model import AccountRecord
from ingest.extract import extract
from ingest.lexicon import load_lexicon


def _people(text: str) -> set[str]:
    document = extract(AccountRecord.from_text("b1", text), load_lexicon())
    return {n.name for n in document.nodes if n.label == "Person"}


def test_an_office_mentioned_in_passing_is_no_person() -> None:
    people = _people("I joined the Socialist Party in 2014. Every branch has a chair and a treasurer, "
                     "and the national secretary signs the cards. In 2016 Dan Cole shouted at me at a meeting.")
    assert "Dan Cole" in people
    assert not {"a chair", "the national secretary"} & people


def test_a_described_person_who_takes_part_stays() -> None:
    people = _people("I joined the Socialist Party in 2014. In 2016 a full-timer at the national centre "
                     "phoned me and told me to drop the complaint.")
    assert any(p.startswith("a full-timer") for p in people)


def test_a_described_person_keeps_the_whole_description_as_an_alias() -> None:
    document = extract(AccountRecord.from_text("b2", (
        "I joined the Socialist Party in 2014. In 2016 Deniz told me he had a call from a member of the "
        "Executive Committee whose name he did not wish to give. The caller threatened him.")), load_lexicon())
    described = [n for n in document.nodes if n.label == "Person" and n.name.startswith("a member of")]
    assert described
    assert any(a.endswith("did not wish to give") for a in described[0].aliases)
