"""People who comment under a blog post: "Marisol T. says:", "exSAlt says:".

A commenter who signs with a name or a handle is a Person (named or partial if
the signature is a name, a pseudonym local to the account if it is a handle);
"anon" or "Anonymous" is nobody. A comment signed with the author's own handle
is the narrator answering. What a commenter says of themselves in the first
person ("I was on the steering committee", "I left Socialist Alternative")
makes them MEMBER_OF that unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import make_id
from ingest.extract.entities.collector import Collector
from ingest.extract.entities.names import NAME_TOKEN
from ingest.extract.entities.organizations import OrgContext
from ingest.extract.entities.structure import UnitContext
from ingest.extract.entities.vocabulary import Vocabulary

__all__ = ["Commenter", "find_commenters", "is_name", "add_commenters", "posted_by"]

_NAME = re.compile(rf"{NAME_TOKEN}(?:[^\S\n]+(?:{NAME_TOKEN}|[A-Z]\.?))+")
_HANDLE = re.compile(r"[\w.@-]{2,30}")
_POSTED_BY = re.compile(r"^(?:Posted|Written|Published|Submitted)\b[^\n]{0,80}?\bby[^\S\n]+(?P<handle>[\w.@-]{2,30})[^\S\n]*$", re.MULTILINE)
# First-person membership in a comment: "I was on the X", "I left X", "I joined X", "I was a member of X".
_SELF_MEMBER = re.compile(
    r"\bI\s+(?:was|am|have been|had been|sat|sit|served)\s+(?:on|in|a member of|part of)\s+(?:the\s+)?$"
    r"|\bI\s+(?:left|joined|quit|resigned from)\s+(?:the\s+)?$"
    r"|\band\s+(?:then\s+)?(?:joined|left)\s+(?:the\s+)?$"
)


@dataclass
class Commenter:
    start: int  # the signature's span
    end: int
    handle: str
    block_start: int  # the comment itself: from the signature line to the next one
    block_end: int


def posted_by(text: str, body_end: int) -> tuple[int, int, str] | None:
    """"Posted on April 1, 2023 by some_handle": the author's handle in a blog's byline."""
    m = _POSTED_BY.search(text, 0, min(body_end, 600))
    return (m.start("handle"), m.end("handle"), m.group("handle")) if m else None


def is_name(handle: str) -> bool:
    return _NAME.fullmatch(handle.rstrip(".") if re.search(r"\s[A-Z]\.$", handle) else handle) is not None


def find_commenters(c: Collector, vocab: Vocabulary, body_end: int) -> list[Commenter]:
    pattern = vocab.people.get("comment_author_line")
    if not pattern or body_end >= len(c.text):
        return []
    anonymous = {str(a).lower() for a in vocab.people.get("anonymous_handles", [])}
    lines = list(re.finditer(pattern, c.text[body_end:], re.MULTILINE))
    found: list[Commenter] = []
    for i, m in enumerate(lines):
        who = m.group("who").strip()
        start = body_end + m.start("who") + m.group("who").index(who)
        block_end = body_end + lines[i + 1].start() if i + 1 < len(lines) else len(c.text)
        if who.lower() in anonymous or not (is_name(who) or _HANDLE.fullmatch(who)):
            continue
        if re.search(r"\s[A-Z]\.$", who):
            who = who[:-1]  # "Marisol T." is the partial name "Marisol T"
        found.append(Commenter(start, start + len(who), who, body_end + m.end(), block_end))
    return found


def add_commenters(
    c: Collector, commenters: list[Commenter], person_ids: dict[str, str], narrator: str, narrator_handle: str | None,
    orgs: OrgContext, units: UnitContext,
) -> None:
    """Handles become pseudonymous people; everyone's first-person memberships are linked."""
    own = {a.lower() for a in (c.nodes[narrator].name, *c.nodes[narrator].aliases, narrator_handle or "") if a}
    for cm in commenters:
        if cm.handle.lower() in own:
            c.mention(c.nodes[narrator], cm.start, cm.end, alias=True)
            continue
        person = person_ids.get(cm.handle)
        if person is None:
            person = make_id("Person", c.account_id, cm.handle)
            draft = c.node(person, "Person", cm.handle, {"identity": "pseudonym"})
            c.mention(draft, cm.start, cm.end)
        _self_memberships(c, cm, person, orgs, units)


def _self_memberships(c: Collector, cm: Commenter, person: str, orgs: OrgContext, units: UnitContext) -> None:
    text = c.text
    unit_mentions = [(m.start, m.end, m.node_id) for m in orgs.mentions] + units.body_mentions + units.branches + units.factions
    for start, _end, unit in unit_mentions:
        if not cm.block_start <= start < cm.block_end:
            continue
        if _SELF_MEMBER.search(text[max(cm.block_start, start - 40) : start]):
            c.relate_in_sentence("MEMBER_OF", person, unit, start)
            org = units.organization_of.get(unit)
            if org:
                c.relate_in_sentence("MEMBER_OF", person, org, start)
