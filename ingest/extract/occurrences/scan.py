"""Finding the tellings of occurrences: sentences, clauses and trigger hits.

A *hit* is one trigger in one clause of a narrative sentence. Sentences that
tell a habit or a hypothesis ("you will be expelled", "they would never
trust me") and sentences after the account's end (blog comments) make no
hits. Within a clause the longest trigger of each label wins, and a Response
in a clause absorbs an Event there ("the EC voted to expel him" is one
expulsion, not a vote as well).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ingest.extract.occurrences.vocabulary import Vocabulary
from ingest.extract.text import sentences
from ingest.extract.types import Span

__all__ = ["Clause", "Hit", "Scanned", "account_sentences", "clauses", "dated_entries", "entry_sentences",
           "is_narrative", "scan"]

# Clause boundaries: strong punctuation, or a comma before a conjunction that
# opens a new clause. Offsets stay exact because we only cut, never rewrite.
_CLAUSE_BREAK = re.compile(
    r"\s*[;:—–]\s+|\s+-\s+|\s*\(\s*|\s*\)\s*"
    r"|,\s+(?=(?:and|but|which|while|although|though|because|until|after|before|so|then|who|despite|since|when|whereas|unless|instead)\b)"
    r"|\s+(?=(?:but|because|although|though|whereas|unless)\s)"
)
_MIN_CLAUSE_WORDS = 4
# A title or heading ("Why I Left the Party", "Incident 2"): a short line with no
# closing punctuation names what follows, it does not narrate it.
_HEADING = re.compile(r"^(?:\w+:\s*)?(?:\S+\s+){0,11}\S*[^\s.!?\"'”’)\]]$")
# Two triggers of one label this far apart in a clause tell two things.
_SAME_LABEL_GAP = 40
_MIN_ITEM_WORDS = 6
# Quoted words: "...", “...”.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
# A sentence opening with the narrator in the present ("I am writing this
# because ...", "I do not want to stay in a party in which ..."): what it names
# in passing ("the man who threatened me") was told where it happened.
_PRESENT_OPENING = re.compile(
    r"^(?:(?:And|But|So|Now|Today),?\s+)?I(?:\s+am|['’]m|\s+do\s+not|\s+don['’]t|\s+will|['’]ll|\s+won['’]t"
    r"|\s+cannot|\s+can['’]t|\s+can\s+no\s+longer)\b"
)
# A deed done by saying it, in the present: a resignation letter resigns.
_PERFORMATIVE = re.compile(
    r"\b(?:I|we)\s+(?:am|are|have|['’]m|['’]re|['’]ve)?\s*(?:hereby\s+|now\s+|formally\s+|today\s+|also\s+)*"
    r"(?:resigning|resign|stepping\s+down|leaving|quitting|ending\s+(?:my|our)\s+membership)\b"
    r"|\b(?:this|the\s+following)\s+(?:\w+\s+){0,3}(?:is|serves\s+as)\s+(?:also\s+)?(?:my|our)\s+(?:formal\s+)?(?:resignation|notice)\b",
    re.IGNORECASE,
)
# Cues of a habit or of talk to the reader, generic wherever they stand.
_ALWAYS_GENERIC = frozenset({"you", "your", "usually", "always", "whenever", "invariably", "if you"})
_NEGATION = re.compile(r"\b(?:not|never|no|nobody|n't|cannot)\b|n't\b", re.IGNORECASE)
# Nouns that make a harm word name a rule or an office ("harassment policy").
_RULE_NOUNS = frozenset({"policy", "policies", "procedure", "procedures", "officer", "officers", "officers'",
                         "process", "training", "rules", "code", "protocol", "charges", "charge"})
# A sentence opening with a subordinate clause ("When I raised it at a meeting,
# I was told ...") tells two things: cut at its first comma.
_SUBORDINATE = re.compile(r"^(?:When|After|Before|While|Although|Though|Since|Once|Despite|Until|Because|As soon as|Shortly after)\b[^,]{8,}?,\s+")


@dataclass(frozen=True)
class Clause:
    sentence: int  # index into the account's sentences
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Hit:
    """One trigger: its label and kind, the clause it sits in and the trigger words."""

    label: str
    kind: str
    sentence: int
    clause: Clause
    trigger: Span


def account_sentences(text: str, vocab: Vocabulary) -> list[Span]:
    """The account's sentences up to where comments or boilerplate begin."""
    end = len(text)
    if vocab.end_of_account is not None:
        marker = vocab.end_of_account.search(text)
        if marker is not None:
            end = marker.start()
    title_end = _title_end(text)
    return [s for s in _lines(sentences(text[:end])) if not _HEADING.match(s.text) and s.start >= title_end]


# A first line this short, with more text below it, is the account's title.
_TITLE_WORDS = 20


def _title_end(text: str) -> int:
    """Where the title ends: a first line in title case names what follows ("I
    Was Suspended For Speaking Out. Here's Why."), it does not narrate it."""
    first = text.find("\n")
    if first < 0 or not text[first:].strip() or len(text[:first].split()) > _TITLE_WORDS:
        return 0
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[:first]) if len(w) > 3]
    if len(words) < 2 or sum(w[0].isupper() for w in words) < 0.75 * len(words):
        return 0
    return first


def _lines(spans: list[Span]) -> list[Span]:
    """Sentences cut at line breaks: accounts are not hard-wrapped, so a line
    break inside a paragraph ends a header ("Marisol T. says:"), a date line or
    a list item, never a sentence's middle."""
    result: list[Span] = []
    for span in spans:
        offset = 0
        for line in span.text.split("\n"):
            stripped = line.strip()
            if stripped:
                start = span.start + offset + line.find(stripped)
                result.append(Span(start, start + len(stripped), stripped))
            offset += len(line) + 1
    return result


def clauses(sentence: Span, index: int) -> list[Clause]:
    """The clauses of one sentence; pieces too short to tell anything join their neighbour."""
    pieces: list[tuple[int, int]] = []
    cursor = 0
    opening = _SUBORDINATE.match(sentence.text)
    if opening is not None:
        pieces.append((0, opening.end()))
        cursor = opening.end()
    for brk in _CLAUSE_BREAK.finditer(sentence.text, cursor):
        if brk.start() > cursor:
            pieces.append((cursor, brk.start()))
        cursor = brk.end()
    if cursor < len(sentence.text):
        pieces.append((cursor, len(sentence.text)))
    merged: list[list[int]] = []
    for start, end in pieces:
        words = len(sentence.text[start:end].split())
        if merged and (words < _MIN_CLAUSE_WORDS or len(sentence.text[merged[-1][0]:merged[-1][1]].split()) < _MIN_CLAUSE_WORDS):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    result = []
    for start, end in merged:
        text = sentence.text[start:end]
        stripped = text.strip(" ,.\"“”'‘’")
        offset = text.find(stripped) if stripped else 0
        result.append(Clause(index, sentence.start + start + offset, sentence.start + start + offset + len(stripped), stripped))
    return [c for c in result if c.text]


_DIARY_HEADINGS = 3


def dated_entries(text: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    """The lines that are entries of a timeline or diary: a line opening with a
    date ("- 23 July 2016. NB messages ..."), or the lines below a line that is
    only a date ("3 March" as a diary heading), up to the next heading."""
    if vocab.entry_date is None:
        return []
    lines: list[tuple[int, int, str]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, offset + len(line), line))
        offset += len(line) + 1
    openings = {start: vocab.entry_date.match(line) for start, _, line in lines}
    headings = {start for start, _, line in lines
                if (m := openings[start]) is not None and not line[m.end():].strip(" \t.,:;—–-*_#")}
    # One date on its own line heads a letter; a diary has several.
    diary = len(headings) >= _DIARY_HEADINGS
    entries: list[tuple[int, int]] = []
    under_heading = False
    for start, end, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if start in headings:
            under_heading = diary
        elif openings[start] is not None:
            entries.append((start, end))
            under_heading = False
        elif under_heading and _HEADING.match(stripped) and len(stripped.split()) <= 6:
            under_heading = False  # the next section's heading ends the dated one
        elif under_heading:
            entries.append((start, end))
    return entries


def is_narrative(sentence: str, vocab: Vocabulary, in_entry: bool = False) -> bool:
    """Whether a sentence narrates (past or perfect, no habitual or hypothetical
    cue). In a dated entry the present narrates too ("NB messages Jodie")."""
    if sentence.rstrip("\"”’')]").endswith("?"):
        return False  # a question asks, it does not tell
    # Words quoted from someone else ("keep it up and see what happens when you
    # ...") are what was said, not the narrator generalising: the habit and
    # hypothesis cues read only the narrator's own words.
    if _PERFORMATIVE.search(sentence):
        return True  # "I am resigning", "this is my resignation": the saying is the deed
    if _PRESENT_OPENING.match(sentence) and not in_entry:
        return False  # "I am writing this because ...": the narrator speaking now, not telling
    told = vocab.narrative.search(sentence) if vocab.narrative is not None else None
    if vocab.generic is not None:
        own_words = _DISCOURSE_YOU.sub(_blank, _QUOTED.sub(_blank_quote, sentence))
        generic = vocab.generic.search(own_words)
        # A habit or hypothesis cue counts only before the sentence has narrated
        # anything: "I sent it to eleven comrades, asking whether they would
        # co-sign" tells a deed; "if you complain, they will expel you" does not.
        # "You" talks to the reader wherever it stands, unless a clause told
        # before it has already narrated ("I joined in my first week, because
        # the delegate came round and you didn't say no").
        if generic is not None and (told is None or generic.start() < told.start()
                                    or (generic.group(0).lower() in _ALWAYS_GENERIC
                                        and not _CLAUSE_BREAK.search(own_words, told.end(), generic.start()))
                                    or generic.group(0).lower().startswith("i ")):
            return False
    return vocab.narrative is None or told is not None or in_entry


def entry_sentences(text: str, spans: list[Span], vocab: Vocabulary) -> frozenset[int]:
    """Indexes of the sentences in ``spans`` that stand in a dated entry."""
    entries = dated_entries(text, vocab)
    entry_starts = [start for start, _ in entries]

    def in_entry(position: int) -> bool:
        i = bisect.bisect_right(entry_starts, position) - 1
        return i >= 0 and position < entries[i][1]

    return frozenset(i for i, s in enumerate(spans) if in_entry(s.start))


# "You" in a turn of phrase, not said to the reader about what usually happens.
_DISCOURSE_YOU = re.compile(
    r"\b(?:you know|thank you|mind you|you see|if you like|if you ask me|believe you me|you could say"
    r"|(?:I(?:['’]ll| will| can| could| have to|['’]ve got to)? (?:be (?:straight|honest|frank) with|tell) you))\b",
    re.IGNORECASE,
)


def _talks_to_reader(clause: str, vocab: Vocabulary) -> bool:
    """A clause telling the reader how things go ("and you didn't say no")."""
    if vocab.generic is None:
        return False
    own_words = _DISCOURSE_YOU.sub(_blank, clause)
    return any(m.group(0).lower() in _ALWAYS_GENERIC for m in vocab.generic.finditer(own_words))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _blank_quote(match: re.Match[str]) -> str:
    return match.group(0)[0] + " " * (len(match.group(0)) - 2) + match.group(0)[-1]


def _negated(hit: Hit) -> bool:
    """A happening told as not happening ("he was not expelled", "I did not
    withdraw the complaint", "no review was ever published"). Kinds that are
    themselves a refusal or an absence keep their negation (no action, dismissal)."""
    if hit.label == "Response" and hit.kind in ("no_action", "dismissal", "other", "isolation"):
        return False
    if _NEGATION.search(hit.trigger.text):
        return False
    before = hit.clause.text[:hit.trigger.start - hit.clause.start].replace("’", "'").split()[-3:]
    return any(_NEGATION.fullmatch(w.strip(",.;:\"“”")) for w in before)


def _modifier(hit: Hit) -> bool:
    """A harm word naming a rule or an office, not a happening ("the harassment
    policy", "our grievance officers"), or any such thing in general ("any
    suspension")."""
    after = hit.clause.text[hit.trigger.end - hit.clause.start:].lower().split()[:2]
    if after and after[0].strip(",.;:\"“”'’") in _RULE_NOUNS:
        return True
    if len(after) > 1 and after[0] == "grievance" and after[1].strip(",.;:") in _RULE_NOUNS:
        return True
    before = hit.clause.text[:hit.trigger.start - hit.clause.start].lower().split()[-1:]
    return bool(before) and before[0] in ("any", "every")


def _select(found: list[Hit]) -> list[Hit]:
    """The hits a clause keeps: longest first, none overlapping; a second hit of a
    label only when far enough from the first to tell something else ("spreading
    rumours ..., threatening violence ..., making sexual comments")."""
    kept: list[Hit] = []
    # A trigger talked about ("an email about the conference") yields to one that happens.
    found = [h for h in found if not (_habitual(h) or _negated(h) or _modifier(h) or _time_reference(h)
                                      or _intended(h) or _ruled(h))]
    ranked = sorted(found, key=lambda h: (_talked_about(h), -(h.trigger.end - h.trigger.start), h.trigger.start))
    for hit in ranked:
        if any(hit.trigger.start < k.trigger.end and k.trigger.start < hit.trigger.end for k in kept):
            continue
        same = [k for k in kept if k.label == hit.label]
        if any(not _separate_items(k, hit) for k in same):
            continue
        kept.append(hit)
    # "voted to expel": the vote is how the response was taken, not an event of its own.
    if any(k.label == "Response" for k in kept):
        kept = [k for k in kept if not (k.label == "Event" and k.kind == "vote")]
    kept.sort(key=lambda h: h.trigger.start)
    return _split_evidence(kept)


def _separate_items(one: Hit, other: Hit) -> bool:
    """Whether two triggers of one label sit in separate items of a list of clauses
    ("spreading rumours about her, threatening violence towards him, ...") rather
    than in one list of nouns ("abuse, assault, and violence")."""
    first, second = sorted((one, other), key=lambda h: h.trigger.start)
    if second.trigger.start - first.trigger.start < _SAME_LABEL_GAP:
        return False
    clause = first.clause
    between = clause.text[first.trigger.end - clause.start:second.trigger.start - clause.start]
    if "," not in between:
        return False
    cut = _cut(clause, first.trigger.end, second.trigger.start)
    head = clause.text[:cut - clause.start].split()
    tail = clause.text[cut - clause.start:].split()
    return len(head) >= _MIN_ITEM_WORDS and len(tail) >= _MIN_ITEM_WORDS


def _habitual(hit: Hit) -> bool:
    """A plural gathering with nothing to single it out ("I spoke in meetings",
    "after missing branch meetings") tells a habit, not an event."""
    if hit.label != "Event" or not hit.trigger.text.lower().endswith(("meetings", "conversations", "discussions")):
        return False
    before = hit.clause.text[:hit.trigger.start - hit.clause.start].lower().split()[-3:]
    singled = {"the", "these", "those", "our", "their", "two", "three", "four", "both", "of", "private", "final"}
    return not any(w.strip(",.;:“”\"'‘’") in singled for w in before)


# Written rules: a harm word in a clause about them names what they cover, not a happening.
_RULE_TEXT = re.compile(
    r"\b(?:bylaws?|by-laws?|policy|policies|constitution|code of conduct|procedures?|rulebook|rules)\s+"
    r"(?:\w+\s+){0,2}?(?:gives?|says?|covers?|requires?|defines?|states?|allows?|bans?|prohibits?|puts?|makes?|treats?)\b",
    re.IGNORECASE)


def _ruled(hit: Hit) -> bool:
    """"our bylaws give the grievance officer responsibility for harassment": the
    clause tells what a rule covers (in the present), no harm that happened."""
    return hit.label == "Incident" and _RULE_TEXT.search(hit.clause.text) is not None


# Words that make a gathering a point in time ("two weeks before the convention").
_TIME_WORDS = frozenset({"before", "after", "until", "till", "ahead", "since", "pre", "post"})


def _time_reference(hit: Hit) -> bool:
    """A gathering named to date something else ("two weeks before the chapter
    convention", "the pre-conference period", "after the social he followed
    her") is no event of its own."""
    if hit.label != "Event" or hit.kind != "meeting":
        return False
    start = hit.trigger.start - hit.clause.start
    if hit.clause.text[max(0, start - 1):start] == "-":
        return True
    before = hit.clause.text[:start].lower().replace("-", " ").split()[-4:]
    return any(w.strip(",.;:“”\"'‘’") in _TIME_WORDS for w in before)


# Verbs after which an infinitive still tells a deed ("decided to leave").
_DEED_BEFORE_TO = frozenset({"decided", "chose", "voted", "agreed", "went", "had", "began", "started", "refused"})


def _intended(hit: Hit) -> bool:
    """An event told as an intention ("I was readying myself to quit", "a plan
    to publish") is no event: an infinitive names what was meant, not done."""
    if hit.label != "Event":
        return False
    before = hit.clause.text[:hit.trigger.start - hit.clause.start].lower().split()[-2:]
    if not before or before[-1] != "to":
        return False
    return not (len(before) > 1 and before[0] in _DEED_BEFORE_TO)


def _talked_about(hit: Hit) -> bool:
    before = hit.clause.text[:hit.trigger.start - hit.clause.start].lower().split()[-5:]
    return "about" in before


def _split_evidence(hits: list[Hit]) -> list[Hit]:
    """Give hits of one label that share a clause each their own stretch of it."""
    result: list[Hit] = []
    for i, hit in enumerate(hits):
        same = [h for h in hits if h.label == hit.label]
        if len(same) == 1:
            result.append(hit)
            continue
        j = same.index(hit)
        clause = hit.clause
        start = clause.start if j == 0 else _cut(clause, same[j - 1].trigger.end, hit.trigger.start)
        end = clause.end if j == len(same) - 1 else _cut(clause, hit.trigger.end, same[j + 1].trigger.start)
        text = clause.text[start - clause.start:end - clause.start]
        stripped = text.strip(" ,;")
        start += text.find(stripped)
        piece = Clause(clause.sentence, start, start + len(stripped), stripped)
        result.append(Hit(hit.label, hit.kind, hit.sentence, piece, hit.trigger))
    return result


def _cut(clause: Clause, after: int, before: int) -> int:
    """Where to cut between two triggers: the last comma between them, else the second."""
    window = clause.text[after - clause.start:before - clause.start]
    comma = window.rfind(",")
    return after + comma + 1 if comma >= 0 else before


@dataclass(frozen=True)
class Scanned:
    """What the scan read: the account's sentences, every hit in them in text
    order, which sentences narrate and which stand in a dated entry."""

    sentences: list[Span]
    hits: list[Hit]
    narrating: frozenset[int]
    in_entry: frozenset[int]


def scan(text: str, vocab: Vocabulary) -> Scanned:
    """The account's sentences and every hit in them, in text order."""
    spans = account_sentences(text, vocab)
    in_entry = entry_sentences(text, spans, vocab)
    narrating = frozenset(i for i, s in enumerate(spans) if is_narrative(s.text, vocab, i in in_entry))
    all_clauses: list[Clause] = []
    for index, sentence in enumerate(spans):
        if index in narrating:
            own_words = _QUOTED.sub(_blank_quote, sentence.text)  # quotes blanked before the clauses lose their marks
            all_clauses.extend(c for c in clauses(sentence, index)
                               if not _talks_to_reader(own_words[c.start - sentence.start:c.end - sentence.start], vocab))
    starts = [c.start for c in all_clauses]
    found: dict[int, list[Hit]] = {}
    # Each trigger family runs once over the whole text (fast, in C); matches are
    # then filed under the clause that holds them.
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = None  # a letter whose lowercase is longer would shift offsets
    for trigger in vocab.triggers:
        pattern, haystack = trigger.pattern, text
        if trigger.lowered is not None and lowered is not None:
            pattern, haystack = trigger.lowered, lowered
        for m in pattern.finditer(haystack):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0 or m.end() > all_clauses[i].end:
                continue
            clause = all_clauses[i]
            span = Span(m.start(), m.end(), text[m.start():m.end()])
            found.setdefault(i, []).append(Hit(trigger.label, trigger.kind, clause.sentence, clause, span))
    hits: list[Hit] = []
    for i in sorted(found):
        hits.extend(_select(found[i]))
    return Scanned(spans, hits, narrating, in_entry)
