"""People the account only describes in passing are not kept (hand-written passages)."""

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
