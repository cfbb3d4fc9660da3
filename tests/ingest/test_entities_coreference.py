"""A post told alone refers to the one person the account names holding it."""

from __future__ import annotations

from graph.model import AccountRecord
from ingest.extract.entities import extract_entities
from ingest.lexicon import load_lexicon


def test_a_post_told_alone_is_the_one_person_named_holding_it() -> None:
    text = ("Why I left\n\nI was a member of the Workers League for six years. In 2020 I took my complaint to Dev Rao, "
            "our grievance officer, who promised to look into it. Three weeks later the grievance officer told me "
            "nothing could be done.")
    result = extract_entities(AccountRecord.from_text("n2", text), load_lexicon())
    people = {n.name: n for n in result.nodes if n.label == "Person"}
    assert "the grievance officer" not in people
    assert "the grievance officer" in people["Dev Rao"].aliases
