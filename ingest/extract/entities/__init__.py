"""The entity stage: who and what an account names, and how they fit together.

From one account's normalised text: the narrator (AUTHORED), organisations and
their sections (PART_OF), branches, leadership bodies and factions (PART_OF
their organisation), roles (ROLE_IN their unit), named, partly named and
pseudonymous people (HOLDS_ROLE, MEMBER_OF), and every mention of each, which
the occurrence stage uses to tie incidents, responses and events to them.

Pure and deterministic: compiled regular expressions and dictionary look-ups
over the lexicon (``ingest/lexicon/*.yaml``); no model, no network.

>>> from graph.model import AccountRecord
>>> from ingest.lexicon import load_lexicon
>>> text = "I joined the International Socialist Organization in 2011. My branch secretary, Sam, agreed."
>>> result = extract_entities(AccountRecord.from_text("a1", text), load_lexicon())
>>> result.primary_organization_id
'organization:international-socialist-organization'
>>> sorted(n.name for n in result.nodes if n.label == "Person")
['Sam', 'the author']
"""

from __future__ import annotations

import re

from graph.model import AccountRecord
from ingest.extract.entities.collector import Collector
from ingest.extract.entities.coreference import fold_post_descriptions
from ingest.extract.entities.commenters import add_commenters, find_commenters, is_name, posted_by
from ingest.extract.entities.names import find_names
from ingest.extract.entities.narrator import find_narrator, header_end
from ingest.extract.entities.organizations import find_organizations
from ingest.extract.entities.pseudonyms import find_pseudonyms
from ingest.extract.entities.recognised import Recognised
from ingest.extract.entities.relations import (
    link_body_memberships,
    link_default_memberships,
    link_memberships,
    link_roles,
)
from ingest.extract.entities.roles import find_roles
from ingest.extract.entities.structure import find_units
from ingest.extract.entities.vocabulary import Vocabulary, vocabulary
from ingest.extract.types import EntityResult
from ingest.lexicon import Lexicon

__all__ = ["extract_entities"]


def _body_end(text: str, vocab: Vocabulary) -> int:
    """Where a blog's comment section starts (the whole text if it has none)."""
    ends = [m.start() for p in vocab.comment_markers for m in [p.search(text)] if m]
    return min(ends) if ends else len(text)


def extract_entities(account: AccountRecord, lexicon: Lexicon) -> EntityResult:
    """The entities one account names, their structure and every mention of them."""
    if account.text is None:
        raise ValueError(f"account {account.id} has no text to extract from")
    vocab = vocabulary(lexicon)
    c = Collector(account.id, account.text)
    body_end = _body_end(c.text, vocab)
    head_end = header_end(c.text)

    orgs = find_organizations(c, vocab, head_end)
    units = find_units(c, vocab, orgs, body_end)
    # Words already taken by organisations, bodies and branches are never people's names.
    blocked = set(orgs.id_of_surface) | set(vocab.people.get("public_figures") or ())
    for start, end, _ in units.branches + units.factions + units.body_mentions:
        blocked.update(re.findall(r"[A-Z][\w’'-]*", c.text[start:end]))
    commenters = find_commenters(c, vocab, body_end)
    recognised = Recognised(c.sentences)
    names = find_names(c, vocab, orgs, body_end, blocked, {cm.start for cm in commenters if is_name(cm.handle)}, recognised)
    narrator = find_narrator(c, account, names, body_end)
    byline = posted_by(c.text, body_end)
    if byline is not None and c.nodes[narrator].properties.get("identity") == "pseudonym":
        c.mention(c.nodes[narrator], byline[0], byline[1])  # "Posted ... by some_handle": the author's handle
    taken = [(p.start, p.end) for p in names.mentions] + [(s, e) for s, e, _ in names.intro_descriptions]
    pseudonyms = find_pseudonyms(c, vocab, orgs, names, taken, body_end, units)
    roles = find_roles(c, vocab, orgs, units, body_end)
    link_roles(c, vocab, orgs, units, roles, names, pseudonyms, narrator)
    link_memberships(c, orgs, units, pseudonyms, narrator)
    link_body_memberships(c, orgs, units, names, pseudonyms, narrator, body_end)
    add_commenters(c, commenters, names.ids, narrator, byline[2] if byline else None, orgs, units)
    link_default_memberships(c, orgs, names, narrator, body_end)
    fold_post_descriptions(c)
    return c.result()
