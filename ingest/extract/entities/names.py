"""Named and partly named people: capitalised names, initials, short forms.

"Dana Whitlock" is named, "Omar K" partial (first name and initial); "Whitlock" or
"Omar" alone later in the account refer back to the one full name they belong
to. A lone first name is a person only where the text introduces it as one
("my branch secretary, Thomas"); such a name is local to its account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph.model import make_id
from ingest.extract import nlp
from ingest.extract.entities.collector import Collector
from ingest.extract.entities.organizations import OrgContext
from ingest.extract.entities.given_names import is_given_name
from ingest.extract.entities.recognised import Recognised
from ingest.extract.entities.vocabulary import Vocabulary

__all__ = ["PersonMention", "NameContext", "find_names", "NAME_TOKEN", "UPPER_LETTERS", "LOWER_LETTERS", "SURNAME_INITIAL", "FORM_OF_ADDRESS"]

# Letters of Latin script for character classes, Latin-1 too ("Seán", "Zoë"); Latin
# Extended-A and -B ("Petrović", "Şahin", "Ōtautahi") hold both cases mixed: in either class.
# A name token allows "O'Neill" and an inner capital for "McAllister"; a possessive "'s"
# is never part of the name ("Pendle's office" names Pendle).
UPPER_LETTERS = "A-ZÀ-ÖØ-Þ\u0100-\u024f"
LOWER_LETTERS = "a-zß-öø-ÿ\u0100-\u024f"
_UPPER = UPPER_LETTERS
_LOWER = LOWER_LETTERS
NAME_TOKEN = rf"[{_UPPER}](?:[’'][{_UPPER}])?[{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?(?:[-’'](?![sS](?![\w]))[{_UPPER}]?[{_LOWER}]+)*"
# A name never runs across a line break: "Tom Eccleston\nSalford branch" is a
# signature above an address, not one name.
_GAP = r"[^\S\n]+"
# A surname cut to its initial keeps a Mc, Mac or O' prefix: "Eilidh McL.", "Sean O'D."
# A form of address before a name ("comrade Julio Benn", "Compañera Ana"): no part of it.
FORM_OF_ADDRESS = r"(?:[Cc]omrade|[Cc]de\.?|[Cc]ompañer[oa]|[Cc]amarada|Genossin|Genosse|[Bb]rother|[Ss]ister)[^\S\n]+"
SURNAME_INITIAL = rf"(?:Ma?c|O[’'])?[{_UPPER}]"
_FULL = re.compile(rf"(?<![\w’'\[-])({NAME_TOKEN})((?:{_GAP}{NAME_TOKEN}){{1,2}}|{_GAP}{SURNAME_INITIAL}\.?(?![\w’'-]))(?![\w\]-])")
# "S. Bhatt": a first name cut to its initial, then the surname (never "U.S. Army").
_INITIAL_SURNAME = re.compile(
    rf"(?<![\w.’'-])(?!I\.)(?:[{_UPPER}]\.{_GAP}){{1,2}}({NAME_TOKEN})(?![\w’'-])(?!{_GAP}{NAME_TOKEN})")
# "my branch secretary, Thomas", "my son Thomas": a lone first name introduced as a person.
_INTRODUCED_TEMPLATE = r"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+((?:[a-z-]+\s+){{0,2}}?(?:{nouns})),?\s+({name})(?![\w’'-])(?!\s+[A-Z])"


@dataclass
class PersonMention:
    node_id: str
    start: int
    end: int


@dataclass
class NameContext:
    mentions: list[PersonMention] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # full name -> id
    intro_descriptions: list[tuple[int, int, str]] = field(default_factory=list)  # "my branch secretary" -> person id
    bracketed: set[str] = field(default_factory=set)  # ids of "[Member A]"-style stand-in names
    called: set[str] = field(default_factory=set)  # ids of stand-ins the narrator gives ("a comrade I'll call T.")


def _is_name(tokens: list[str], vocab: Vocabulary, blocked: set[str], lower_words: set[str]) -> bool:
    # "the East Midlands", "Salt River", "the Internal Bulletin": places and things.
    if tokens[0] in vocab.place_first_words or tokens[-1] in vocab.thing_words:
        return False
    if any(token in vocab.place_words for token in tokens):
        return False
    phrase = " ".join(tokens)
    if phrase in vocab.role_of_form or phrase.lower() in vocab.role_of_form:
        return False  # "General Secretary", "Campaigns Officer": a post, not its holder's name
    for i, token in enumerate(tokens):
        if token in vocab.not_name_words or token in blocked or token in vocab.country_of_word:
            return False
        if len(token) > 1 and token.lower() in lower_words and i > 0:
            return False  # a common word written capitalised in a phrase ("Flower Power")
    return True


def find_names(
    c: Collector,
    vocab: Vocabulary,
    orgs: OrgContext,
    body_end: int,
    blocked: set[str],
    signatures: set[int] | None = None,
    recognised: Recognised | None = None,
) -> NameContext:
    """People named in the account; ``signatures`` are the starts of commenters'
    signed names, the only names taken from the comments unless said before.
    ``recognised`` is the statistical recogniser's view: a capitalised phrase it
    calls a place, firm or thing is no one, and a person it finds is someone."""
    signatures = signatures or set()
    recognised = recognised or Recognised([])
    text = c.text
    names = NameContext()
    lower_words = set(re.findall(r"(?<![\w’'-])[a-z][a-z]+(?![\w-])", text))
    occupied = [(m.start, m.end) for m in orgs.mentions]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in occupied)

    _called(c, vocab, names, occupied, body_end)
    found: list[tuple[int, int, str, str]] = []  # start, end, name, identity
    # "Ms. Harland", "Dr. Okafor": a title written with its full stop, then a surname.
    titles = "|".join(re.escape(h) for h in vocab.people.get("honorifics", []) if len(h) <= 4)
    for m in re.finditer(rf"(?<![\w’'-])(?:{titles})\.[^\S\n]+{NAME_TOKEN}(?:[^\S\n]+{NAME_TOKEN})?(?![\w’'-])", text) if titles else ():
        words = m.group(0).split()
        if not free(m.start(), m.end()) or any(t in vocab.not_name_words or t in blocked for t in words[1:]):
            continue
        if len(words) == 3 and is_given_name(words[1]):
            start = m.start() + m.group(0).index(words[1], len(words[0]))
            found.append((start, m.end(), " ".join(words[1:]), "named"))  # "Mr. Tom Reed" is Tom Reed
        else:
            found.append((m.start(), m.end(), m.group(0), "partial"))
        occupied.append((m.start(), m.end()))
    for m in _INITIAL_SURNAME.finditer(text):
        surname = m.group(1)
        if not free(m.start(), m.end()) or surname in vocab.not_name_words or surname in blocked \
                or surname.lower() in lower_words or surname in vocab.country_of_word or surname in vocab.place_words:
            continue
        found.append((m.start(), m.end(), m.group(0), "partial"))
        occupied.append((m.start(), m.end()))
    for m in _FULL.finditer(text):
        tokens = m.group(0).split()
        if not free(m.start(), m.end()):
            continue
        given = is_given_name(tokens[0])
        # "in Buenos Aires", "joined the Movimiento Obrero": where something happened or
        # a thing's name, not a person (a person is met "at", a place is "in").
        placed = _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if placed is not None and (not given or placed.group(1).lower() != "the") and not _POSSESSIVE_AFTER.match(text, m.end()):
            continue
        # "Remove Tom Baker from ...", "Ask Dana": a common word opening a sentence or
        # a list item is not the first part of a name.
        # The word is common in this text, or the next word is a first name ("Remove Oliver Brandt").
        opening_word = (
            (
                (not given and (tokens[0].lower() in lower_words or is_given_name(tokens[1])))
                # "Tell Mick ...", "Ask Dana ...": a verb that is also in the dictionary of first names.
                # Only after a quotation mark or a list bullet, where commands are told: a
                # narrative sentence rarely opens with one, and parsing each would cost.
                or (given and _QUOTE_OR_ITEM_BEFORE.search(text, max(0, m.start() - 6), m.start()) is not None
                    and _imperative_verb(c, m.start(), m.start() + len(tokens[0])))
            )
            and _opens_clause(c, m.start())
        )
        # "Kingsway Care", "Bristol Community": the recogniser calls it a firm or a
        # place, and it does not start with a first name.
        if not given and not opening_word and recognised.is_other(m.start(), m.end()):
            continue
        # "Comhar Dearg", "Red Dawn": no first name, and the recogniser sees no person.
        if not given and not opening_word and tokens[0] not in vocab.people.get("honorifics", []) \
                and not recognised.is_person(m.start(), m.end()):
            continue
        if len(tokens) == 3 and opening_word:
            if _is_name(tokens[1:], vocab, blocked, lower_words):
                start = m.start() + text[m.start() : m.end()].index(tokens[1], len(tokens[0]))
                found.append((start, m.end(), " ".join(tokens[1:]), "named"))
            continue
        if len(tokens) == 2 and opening_word and len(tokens[1].rstrip(".")) > 1:
            continue
        initial = re.fullmatch(SURNAME_INITIAL, tokens[-1].rstrip(".")) is not None
        if tokens[-1] == "I":
            continue  # "Comrades I had known": the pronoun, not an initial
        # "Comrade Delta", "Dr Okafor": an honorific and one name are a person known by that form.
        if tokens[0] in vocab.people.get("honorifics", []):
            if len(tokens) == 2 and not initial and tokens[1] not in vocab.not_name_words and tokens[1] not in blocked:
                found.append((m.start(), m.end(), m.group(0), "partial"))
            elif len(tokens) == 3 and not initial and _is_name(tokens[1:], vocab, blocked, lower_words):
                # "Cllr Gareth Bowen" is Gareth Bowen.
                start = m.start() + text[m.start() : m.end()].index(tokens[1], len(tokens[0]))
                found.append((start, m.end(), " ".join(tokens[1:]), "named"))
            continue
        if not _is_name(tokens[:-1] if initial else tokens, vocab, blocked, lower_words):
            # "Hi Left Observer", "In Dana Whitlock": drop a leading stop word and retry.
            if len(tokens) == 3 and tokens[0] in vocab.not_name_words and _is_name(tokens[1:], vocab, blocked, lower_words):
                start = m.start() + text[m.start() : m.end()].index(tokens[1])
                found.append((start, m.end(), " ".join(tokens[1:]), "named"))
            continue
        name = " ".join(tok.rstrip(".") if i == len(tokens) - 1 and initial else tok for i, tok in enumerate(tokens))
        end = m.end() - (1 if initial and m.group(0).endswith(".") else 0)
        found.append((m.start(), end, name, "partial" if initial else "named"))

    honorifics = set(vocab.people.get("honorifics", []))

    def titled(name: str) -> bool:
        return name.split()[0].rstrip(".") in honorifics

    # "Comrade Brannan", "Mr Rooney": a title and a part of one full name the
    # account gives is that person; the titled forms are read after the full names.
    # "N. Corrigan" is Niamh Corrigan when the account also gives the full name.
    spelled = [name for _, _, name, _ in found if not titled(name) and len(name.split()) > 1
               and not name.split()[0].endswith(".")]
    initialled: dict[str, str] = {}
    for _, _, name, _ in found:
        words = name.split()
        if len(words) > 1 and words[0].endswith(".") and not titled(name):
            matches = {full for full in spelled if full.split()[-1] == words[-1] and full[0] == name[0]}
            if len(matches) == 1:
                initialled[name] = next(iter(matches))
    found.sort(key=lambda item: (titled(item[2]), item[2] in initialled))
    full_names = {name for _, _, name, _ in found if not titled(name) and len(name.split()) > 1 and name not in initialled}
    holders: dict[str, set[str]] = {}
    for full in full_names:
        for part in {full, full.split()[0], full.split()[-1]}:
            holders.setdefault(part, set()).add(full)
    for start, end, name, identity in found:
        if start >= body_end and name not in names.ids and start not in signatures:
            continue  # a name first seen in the comments is someone a commenter mentions
        honorific = titled(name)
        held = holders.get(" ".join(name.split()[1:]), set()) if honorific else set()
        if name in initialled:
            held = {initialled[name]}
        if len(held) == 1 and next(iter(held)) in names.ids:
            name = next(iter(held))
            c.mention(c.nodes[names.ids[name]], start, end)
            names.mentions.append(PersonMention(names.ids[name], start, end))
            occupied.append((start, end))
            continue
        # "Comrade Delta" is a name given inside one account: it stays local to it.
        node_id = same_person(name, names.ids) or (make_id("Person", c.account_id, name) if honorific else make_id("Person", name))
        names.ids[name] = node_id
        draft = c.node(node_id, "Person", name, {"identity": identity})
        c.mention(draft, start, end)
        names.mentions.append(PersonMention(node_id, start, end))
        occupied.append((start, end))

    _chat_speakers(c, vocab, names, occupied, body_end)
    _bracketed(c, vocab, names, occupied, body_end)
    _lone_first_names(c, vocab, names, recognised, occupied, blocked, lower_words, body_end)
    _lower_case_first_names(c, vocab, names, occupied, blocked, body_end)

    nouns = [*vocab.people.get("relation_nouns", []), *(f for f in vocab.role_of_form if f not in vocab.plural_role_forms)]
    introduced = re.compile(
        _INTRODUCED_TEMPLATE.format(nouns="|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)), name=NAME_TOKEN)
    )
    parts: dict[str, set[str]] = {}
    for full, full_id in names.ids.items():
        for part in full.split():
            parts.setdefault(part, set()).add(full_id)
    for m in introduced.finditer(text):
        name = m.group(2)
        if name in vocab.not_name_words or name in blocked or not free(m.start(2), m.end(2)) or name.lower() in lower_words:
            continue
        if m.start() >= body_end and name not in names.ids:
            continue
        owner = parts.get(name, set())
        node_id = names.ids.get(name) or (next(iter(owner)) if len(owner) == 1 else None) or make_id("Person", c.account_id, name)
        names.ids.setdefault(name, node_id)
        draft = c.node(node_id, "Person", name, {"identity": "partial"}) if node_id not in c.nodes else c.nodes[node_id]
        c.mention(draft, m.start(2), m.end(2))
        draft.add_alias(" ".join(text[m.start() : m.end(1)].split()))
        names.mentions.append(PersonMention(node_id, m.start(2), m.end(2)))
        names.intro_descriptions.append((m.start(), m.end(1), node_id))
        occupied.append((m.start(2), m.end(2)))
        # The lone name said again later is the same person.
        for again in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])(?!\s+[A-Z][a-z])", text):
            if free(again.start(), again.end()) and again.start() < body_end:
                c.mention(draft, again.start(), again.end(), generic=True)
                names.mentions.append(PersonMention(node_id, again.start(), again.end()))
                occupied.append((again.start(), again.end()))

    _short_forms(c, names, occupied)
    names.mentions.sort(key=lambda p: p.start)
    return names


def same_person(name: str, known: dict[str, str]) -> str | None:
    """The person already known by this name, by its first two or more words, or by
    the same name with one surname more ("Jordi Casals" and "Jordi Casals Mir",
    "Laia Puig" signing as "Laia Puig i Serra", "Ana Paula" and "Ana Paula Siqueira")."""
    if name in known:
        return known[name]
    words = name.split()
    for size in range(len(words) - 1, 1, -1):
        if " ".join(words[:size]) in known:
            return known[" ".join(words[:size])]
    if len(words) >= 2:
        longer = {i for k, i in known.items() if k.startswith(name + " ") and len(k.split()) == len(words) + 1}
        if len(longer) == 1:
            return next(iter(longer))
    if len(words) == 2:
        # "Ottilie V" and "Ottilie Vasquez": the same first name, and a surname that initial opens.
        initial = words[1].rstrip(".")
        if len(initial) == 1:
            fuller = {i for k, i in known.items() if len(k.split()) == 2 and k.split()[0] == words[0]
                      and len(k.split()[1]) > 2 and k.split()[1].startswith(initial)}
        else:
            fuller = {i for k, i in known.items() if len(k.split()) == 2 and k.split()[0] == words[0]
                      and k.split()[1].rstrip(".") == initial[0]}
        if len(fuller) == 1:
            return next(iter(fuller))
    return None


_PLACE_BEFORE = re.compile(r"(?<![\w’'-])(in|near|outside|across|the|The)[^\S\n]+$")
_POSSESSIVE_AFTER = re.compile(r"[’']s?(?![\w])")
# "12 Mar 2023", "Mar 5, 2024": a month's short form beside a day or a year, not a name.
_DAY_BEFORE = re.compile(r"\d[^\S\n]*$")
_DAY_AFTER = re.compile(r"\.?[^\S\n]*\d")
_QUOTE_OR_ITEM_BEFORE = re.compile(r"(?:[\"“‘]|(?:^|\n)[^\S\n]*[-*•])[^\S\n]*$")


def _imperative_verb(c: Collector, start: int, end: int) -> bool:
    """The tagger reads the word at ``start:end`` as a verb's base form ("Tell", "Ask" opening a clause).

    Asked only of a first-name-like word opening a sentence, a line or quoted
    words before another name, so few sentences are parsed for it.
    """
    sentence = c.sentence_at(start)
    doc = nlp.parse(sentence.text)
    return any(sentence.start + t.idx == start and sentence.start + t.idx + len(t.text) == end and t.tag_ == "VB" for t in doc)


def _opens_clause(c: Collector, start: int) -> bool:
    """``start`` opens a sentence, a line or a list item."""
    if c.sentence_at(start).start == start:
        return True
    # An opening quotation mark starts someone's words: 'said "Tell Sam ..."' opens with a verb.
    return re.search(r"(?:^|\n)[^\S\n]*(?:[-*•]|\d+[.)])?[^\S\n]*$|[\"“‘][^\S\n]*$", c.text[max(0, start - 12) : start]) is not None


def _lone_first_names(
    c: Collector,
    vocab: Vocabulary,
    names: NameContext,
    recognised: Recognised,
    occupied: list[tuple[int, int]],
    blocked: set[str],
    lower_words: set[str],
    body_end: int,
) -> None:
    """People named by a first name only ("I spoke to Niamh").

    A lone capitalised word is a first name local to the account when it is a
    known given name written inside a sentence at least once, unless it is part
    of a full name already found (then it refers back to that person, see
    ``_short_forms``), a common word of the text, a word that is never a name,
    or, by the recogniser, a place or part of a longer name.
    """
    text = c.text
    parts = {part for full in names.ids for part in full.split()}
    # A lone first name ("Seán was there"): capitalised inside a sentence at least once,
    # a known given name, never a common word of this text nor a place the recogniser saw.
    lone: dict[str, list[tuple[int, int]]] = {}
    for m in _LONE_WORD.finditer(text, 0, body_end):
        word = m.group(0)
        if word in parts or word in names.ids or word in vocab.not_name_words or word in blocked:
            continue
        if word in vocab.country_of_word or word in vocab.place_words or word.lower() in lower_words:
            continue
        if any(s < m.end() and m.start() < e for s, e in occupied):
            continue
        if _DAY_BEFORE.search(text, max(0, m.start() - 4), m.start()) or _DAY_AFTER.match(text, m.end()):
            continue
        lone.setdefault(word, []).append((m.start(), m.end()))
    for word, spans in lone.items():
        if not is_given_name(word):
            # "Dubey" for Dube is a nickname of someone already named, not a new person.
            nickname = any(word.startswith(part) and len(word) - len(part) <= 2 for part in parts if len(part) >= 3)
            if not nickname and _acts_as_a_person(c, recognised, spans):
                _first_name_person(c, names, occupied, word, spans)
            continue
        if all(c.sentence_at(s).start == s for s, _ in spans):
            continue
        # "Florence", "York": a given name that here names a place, or is part of a longer name,
        # in most of its uses (one misreading, "why Paola was thrown out" in a title, vetoes nothing);
        # a given name told speaking ("Paola told me") is a person whatever the recogniser reads.
        if not any(_HUMAN_VERB_AFTER.match(text, e) for _s, e in spans):
            misread = sum(1 for s, e in spans if recognised.is_place(s, e) or recognised.in_longer_name(s, e))
            if 2 * misread >= len(spans):
                continue
        _first_name_person(c, names, occupied, word, spans)


# What a person, and hardly anything else, does right after being named: "Zodwa told me", "Bheko said".
_HUMAN_VERB_AFTER = re.compile(
    r"[^\S\n]+(?:told|said|says|asked|asks|wrote|replied|answered|messaged|texted|rang|phoned|admitted|denied|"
    r"insisted|explained|agreed|refused|withdrew|laughed|shouted|cried|smiled|apologi[sz]ed|whispered)\b"
)
# A word the dictionary does not know must be read as a person this often, and twice as often as anything else.
_UNKNOWN_NAME_READINGS = 2


def _acts_as_a_person(c: Collector, recognised: Recognised, spans: list[tuple[int, int]]) -> bool:
    """A capitalised word outside the dictionary of first names ("Zodwa", "Bheko")
    is a person's name when it is told speaking or acting as one, and the
    recogniser reads a person in its uses twice as often as anything else."""
    if not any(_HUMAN_VERB_AFTER.match(c.text, e) for _s, e in spans):
        return False
    person = sum(1 for s, e in spans if recognised.is_person(s, e))
    other = sum(1 for s, e in spans if recognised.is_other(s, e))
    return person >= _UNKNOWN_NAME_READINGS and person > 2 * other


# A line of an exported group chat: "[12/03/2023, 21:14] Kim R: ..." or "12/03/2023, 21:14 - Kim R: ...".
_CHAT_LINE = re.compile(
    r"^[^\S\n]*\[?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[^\S\n]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[^\S\n]?[APap]\.?[Mm]\.?)?\]?"
    r"(?:[^\S\n]+-)?[^\S\n]+(?P<name>[^:\n\[\]]{1,40}?)(?:[^\S\n]+\([^)\n]{1,20}\))?:[^\S\n]",
    re.MULTILINE,
)
# Fewer chat lines than this is a quoted message or two, not an export.
_MIN_CHAT_LINES = 3
_NOT_SPEAKERS = frozenset({"You", "you", "Messages and calls are end-to-end encrypted"})


def _chat_speakers(c: Collector, vocab: Vocabulary, names: NameContext, occupied: list[tuple[int, int]], body_end: int) -> None:
    """The people speaking in an exported group chat: every sender's name is a person
    ("Pim", "Olek P"), even one no dictionary knows and one also written in lower case."""
    lines = list(_CHAT_LINE.finditer(c.text, 0, body_end))
    if len(lines) < _MIN_CHAT_LINES:
        return
    for m in lines:
        name = " ".join(m.group("name").split())
        start, end = m.start("name"), m.start("name") + len(m.group("name").rstrip())
        if name in _NOT_SPEAKERS or name in vocab.not_name_words or not name[:1].isupper() \
                or any(s < end and start < e for s, e in occupied):
            continue
        node_id = names.ids.get(name) or same_person(name, names.ids) or make_id("Person", c.account_id, name)
        names.ids.setdefault(name, node_id)
        identity = "named" if len(name.split()) > 1 and len(name.split()[-1].rstrip(".")) > 1 else "partial"
        draft = c.nodes.get(node_id) or c.node(node_id, "Person", name, {"identity": identity})
        c.mention(draft, start, end)
        names.mentions.append(PersonMention(node_id, start, end))
        occupied.append((start, end))


def _first_name_person(c: Collector, names: NameContext, occupied: list[tuple[int, int]], word: str,
                       spans: list[tuple[int, int]]) -> None:
    """A person of this account known by a first name alone, mentioned at ``spans``."""
    node_id = make_id("Person", c.account_id, word)
    names.ids[word] = node_id
    draft = c.node(node_id, "Person", word, {"identity": "partial"})
    for index, (s, e) in enumerate(spans):
        c.mention(draft, s, e, generic=index > 0)
        names.mentions.append(PersonMention(node_id, s, e))
        occupied.append((s, e))


# A post written all in lower case: most sentences open with a small letter.
_LOWER_CASE_SHARE = 0.7
_MIN_SENTENCES = 8
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"”’)]*\s+)([A-Za-z])", re.MULTILINE)
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]{3,}(?![\w’'-])")


def _written_in_lower_case(text: str) -> bool:
    openings = [m.group(1) for m in _SENTENCE_OPENING.finditer(text)]
    return len(openings) >= _MIN_SENTENCES and sum(ch.islower() for ch in openings) >= _LOWER_CASE_SHARE * len(openings)


def _lower_case_first_names(
    c: Collector,
    vocab: Vocabulary,
    names: NameContext,
    occupied: list[tuple[int, int]],
    blocked: set[str],
    body_end: int,
) -> None:
    """People named by a first name in a post written in lower case ("i messaged
    hannah"): no capital marks the name, so a word is one when it is a known given
    name and the tagger reads it as a proper noun in most of its uses."""
    text = c.text
    if not _written_in_lower_case(text[:body_end]):
        return
    uses: dict[str, list[tuple[int, int]]] = {}
    for m in _LOWER_WORD.finditer(text, 0, body_end):
        word = m.group(0)
        if word in vocab.calendar_words or word.capitalize() in vocab.not_name_words or word.capitalize() in blocked:
            continue
        if not is_given_name(word) or any(s < m.end() and m.start() < e for s, e in occupied):
            continue
        uses.setdefault(word, []).append((m.start(), m.end()))
    for word, spans in uses.items():
        proper = sum(_tagged_proper(c, s, e) for s, e in spans)
        if 2 * proper <= len(spans):
            continue
        # Said once, at a sentence's opening ("long thread"), the tag is a guess.
        if len(spans) == 1 and c.sentence_at(spans[0][0]).start == spans[0][0]:
            continue
        _first_name_person(c, names, occupied, word, spans)


def _tagged_proper(c: Collector, start: int, end: int) -> bool:
    sentence = c.sentence_at(start)
    doc = nlp.parse(sentence.text)
    return any(sentence.start + t.idx == start and t.tag_ in ("NNP", "NNPS") for t in doc)


# A capitalised word standing alone: not followed by another capitalised word.
_LONE_WORD = re.compile(rf"(?<![\w’'-]){NAME_TOKEN}(?![\w-])(?![’']s\b[^\S\n]+[{_UPPER}])(?![^\S\n]+[{_UPPER}][{_LOWER}])")


_BRACKETED = re.compile(r"\[([A-Z][a-z]+(?:\s+[A-Z0-9][\w]*)?)\]")


def _bracketed(c: Collector, vocab: Vocabulary, names: NameContext, occupied: list[tuple[int, int]], body_end: int) -> None:
    """"[Member A]", "[Perpetrator 1]": a stand-in name the narrator gives someone.

    It is used like a name all through the account, but it names nobody outside
    it, so the person is a pseudonym local to the account.
    """
    heads = {*vocab.people.get("role_nouns", []), "person", "member", "comrade", "name", "victim", "woman", "man", "friend"}
    for m in _BRACKETED.finditer(c.text):
        words = m.group(1).split()
        # "[Organiser A]", "[Steward 2]": a word and a letter or number is a stand-in, whatever the word.
        lettered = (len(words) == 2 and re.fullmatch(r"[A-Z]|\d{1,2}", words[1]) is not None
                    and words[0] not in vocab.not_name_words and words[0] not in vocab.thing_words)
        if words[0].lower() not in heads and not lettered:
            continue
        if m.start() >= body_end and m.group(0) not in names.ids:
            continue
        node_id = names.ids.get(m.group(0)) or make_id("Person", c.account_id, m.group(0))
        names.ids[m.group(0)] = node_id
        draft = c.node(node_id, "Person", m.group(0), {"identity": "pseudonym"})
        c.mention(draft, m.start(), m.end(), generic=node_id in names.bracketed)
        names.bracketed.add(node_id)
        names.mentions.append(PersonMention(node_id, m.start(), m.end()))
        occupied.append((m.start(), m.end()))


# "a comrade I'll call T.", "who i'll call J.", "I will call her Comrade W", "a member I'm going
# to call "the accused"", "I'll refer to him as Sam": the narrator gives someone a stand-in name.
_CALL_VERB = re.compile(
    r"(?<![\w’'])[Ii](?:[’']ll|[’']m\s+going\s+to|\s+will|\s+shall|\s+am\s+going\s+to)\s+(?:call|name|refer\s+to)\s+"
    r"|(?<![\w’'])[Ww]e(?:[’']ll|[’']re\s+going\s+to|\s+will|\s+shall|\s+are\s+going\s+to)?\s+(?:call|name|refer\s+to)\s+(?=(?:him|her|them)\s)"
)
_CALL_OBJECT = re.compile(r"(?:him|her|them|this\s+(?:person|comrade|member|man|woman))\s+(?:as\s+)?")
@lru_cache(maxsize=8)
def _called_name(honorifics: tuple[str, ...]) -> re.Pattern[str]:
    """The stand-in after "I'll call him": quoted, or a name, an initial, or either after an honorific ("Ka D.")."""
    titles = "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True))
    return re.compile(
        rf"[\"“](?P<quoted>[^\"”\n]{{2,30}})[\"”]"
        rf"|(?P<name>(?:(?:{titles})\.?[^\S\n]+)?(?:{NAME_TOKEN}(?![\w’'-])|[A-Z]\.(?![\w])|[A-Z](?![\w’'.-])))"
    )
_DETERMINERS = r"(?:an?|another|my|our|the|his|her|their)"
_CALLED_DESCRIPTION = re.compile(
    rf"(?i:\b{_DETERMINERS}\s+(?:(?!{_DETERMINERS}\b)[\w’'-]+\s+){{0,3}}?(?!{_DETERMINERS}\b)[\w’'-]+(?:\s+at\s+the\s+time)?)"
    r"(?=(?:,?\s+(?:who|whom|that))?,?\s*$)"
)


def _called(c: Collector, vocab: Vocabulary, names: NameContext, occupied: list[tuple[int, int]], body_end: int) -> None:
    """People the narrator names with a stand-in: "a comrade I'll call T.", "I will call her Comrade W".

    The stand-in is a pseudonym local to the account, used like a name
    wherever it recurs ("T.'s boyfriend"); the description it is given to ("a
    comrade", "my partner at the time") is the same person. Without such a
    description the verb needs a pronoun object ("I'll call her ..."), so "I'll
    call Sam tomorrow" names no one new.
    """
    text = c.text
    stand_in = _called_name(tuple(vocab.people.get("honorifics", [])))
    for verb in _CALL_VERB.finditer(text, 0, body_end):
        sentence = c.sentence_at(verb.start())
        description = _CALLED_DESCRIPTION.search(text, sentence.start, verb.start())
        rest = verb.end()
        obj = _CALL_OBJECT.match(text, rest)
        if obj is not None:
            rest = obj.end()
        elif description is None:
            continue
        m = stand_in.match(text, rest)
        if m is None:
            continue
        name = m.group("quoted") or m.group("name")
        start, end = (m.start("quoted"), m.end("quoted")) if m.group("quoted") else (m.start("name"), m.end("name"))
        if m.group("name") and (name in vocab.not_name_words or name.split()[-1] in vocab.not_name_words):
            continue
        if any(s < end and start < e for s, e in occupied):
            continue
        node_id = make_id("Person", c.account_id, name)
        names.ids[name] = node_id
        names.called.add(node_id)
        draft = c.node(node_id, "Person", name, {"identity": "pseudonym"})
        if description is not None:
            c.mention(draft, description.start(), description.end())
            names.intro_descriptions.append((description.start(), description.end(), node_id))
        if m.group("quoted"):
            again = re.compile(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
        elif name.endswith(".") and " " in name:
            again = re.compile(rf"(?<![\w’'.-]){re.escape(name[:-1])}\.?(?![\w])")  # "Comrade W." closing a sentence is "Comrade W"
        elif name.endswith("."):
            again = re.compile(rf"(?<![\w’'.-]){re.escape(name)}(?![\w])")  # "T.", "T.'s boyfriend"
        else:
            again = re.compile(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])")
        spans = [(start, end)] + [(a.start(), a.end()) for a in again.finditer(text, 0, body_end) if a.start() != start]
        for index, (s, e) in enumerate(spans):
            if index > 0 and any(os < e and s < oe for os, oe in occupied):
                continue
            c.mention(draft, s, e, generic=index > 0)
            names.mentions.append(PersonMention(node_id, s, e))
            occupied.append((s, e))


def _short_forms(c: Collector, names: NameContext, occupied: list[tuple[int, int]]) -> None:
    """"Whitlock" -> "Dana Whitlock", "Omar" -> "Omar K", when only one full name has that part."""
    owners: dict[str, set[str]] = {}
    for name, node_id in names.ids.items():
        parts = name.split()
        if len(parts) < 2 or node_id in names.called:
            continue  # a stand-in ("Comrade W", "the accused") is said whole
        for part in (parts[0], parts[-1]):
            if len(part) > 1 and not part.endswith("."):  # "Ms." is no one's short form
                owners.setdefault(part, set()).add(node_id)
    unique = {part: next(iter(ids)) for part, ids in owners.items() if len(ids) == 1 and part not in names.ids}
    if not unique:
        return
    pattern = re.compile(r"(?<![\w’'-])(" + "|".join(re.escape(p) for p in sorted(unique, key=len, reverse=True)) + r")(?![\w-])(?!\s+[A-Z][a-z])")
    for m in pattern.finditer(c.text):
        if any(s < m.end() and m.start() < e for s, e in occupied):
            continue
        node_id = unique[m.group(1)]
        c.mention(c.nodes[node_id], m.start(), m.end(), generic=True)
        names.mentions.append(PersonMention(node_id, m.start(), m.end()))
