"""The narrator: who wrote the account, and where the text says "I".

The name comes from the header's ``Author:`` (or the account's ``author``
property), else from a byline under the title ("Posted by u/some_handle",
"Interviewee: Kim R", a line holding only a name and perhaps a place and a
date), else from "My name is ...", else from a signature line at the end,
else the narrator is the pseudonym "the author", local to the account. A
handle in a byline is an alias of that pseudonym, not a name.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from graph.model import AccountRecord, make_id
from ingest.extract import nlp
from ingest.extract.entities.collector import Collector
from ingest.extract.entities.names import FORM_OF_ADDRESS, NAME_TOKEN, SURNAME_INITIAL, NameContext, same_person

__all__ = ["SIGN_OFF", "header_end", "find_narrator", "author_from_header", "byline", "transcript_speaker"]

_HEADER_LINE = re.compile(r"^[A-Z][A-Za-z ]{1,20}:\s.*$")
_AUTHOR = re.compile(r"^Author:\s*(?P<name>.+?)\s*$", re.MULTILINE)
_SIGNATURE = re.compile(
    rf"^\s*(?:[-–—]\s*)?(?P<name>{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|[A-Z]\.?))+)(?:\s*\([^)\n]{{1,40}}\))?\s*$", re.MULTILINE
)
# A first name and one or two more names, the last perhaps cut to its initial: "Kim R.", "Eilidh McL.".
_PERSON_NAME = rf"{NAME_TOKEN}(?:[^\S\n]+(?:{NAME_TOKEN}|{SURNAME_INITIAL}\.?(?![\w’'-]))){{1,2}}"
_MY_NAME = re.compile(rf"\b(?:[Mm]y name is|I am called|I'm called)\s+(?P<name>{_PERSON_NAME})")
_FIRST_PERSON = re.compile(r"(?<![\w’'-])(?:I|me|my|My|myself|mine)(?![\w-])|(?<![\w’'-])I(?=[’']m|[’']ve|[’']d|[’']ll)")
SIGN_OFF = re.compile(r"(?:^|\n)\s*(?:In solidarity|Solidarity|Sincerely|Regards|Best|Comradely|Yours)[^\n]{0,20}\n\s*", re.IGNORECASE)


def header_end(text: str) -> int:
    """Where the title and ``Key: value`` header lines end (the title line at least)."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    offset = 0
    for line in text.splitlines(keepends=True):
        if _HEADER_LINE.match(line.rstrip("\n")) or (offset == 0):
            offset += len(line)
            end = max(end, offset)
            continue
        if not line.strip():
            offset += len(line)
            continue
        break
    return end


def author_from_header(account: AccountRecord, text: str) -> str | None:
    author = account.properties.get("author")
    if author:
        return str(author).strip()
    m = _AUTHOR.search(text[: header_end(text) + 1])
    return m.group("name") if m else None


def find_narrator(c: Collector, account: AccountRecord, names: NameContext, body_end: int, head_end: int = 0) -> str:
    """Create the narrator node, AUTHORED and first-person mentions; return its id."""
    text = c.text
    author = author_from_header(account, text)
    evidence_span: tuple[int, int] | None = None
    if author:
        at = text.find(author)
        evidence_span = (at, at + len(author)) if at >= 0 else None
    handle: tuple[int, int, str] | None = None
    if author is None and len(_FROM_LINE.findall(text, 0, body_end)) >= 2:
        # A chain of reproduced emails: its first "From:" heads a letter, not the account.
        chained = email_sender(text, body_end, names.ids)
        if chained is not None:
            author, evidence_span = chained[2], (chained[0], chained[1])
    if author is None:
        found = byline(text, body_end)
        if found is not None and (found.is_person or (" " in found.said and same_person(found.said, names.ids))):
            author, evidence_span = found.said, (found.start, found.end)
            if found.alias is not None:
                handle = (*found.alias, text[found.alias[0]:found.alias[1]])
        elif found is not None:
            handle = (found.start, found.end, found.said)
    if author is None:
        found_speaker = transcript_speaker(text, body_end, names.ids)
        if found_speaker is not None:
            author, evidence_span = found_speaker[2], (found_speaker[0], found_speaker[1])
    if author is None:
        found_person = interviewee(text, body_end) or email_sender(text, body_end, names.ids)
        if found_person is not None:
            author, evidence_span = found_person[2], (found_person[0], found_person[1])
    if author is None:
        # An editors' note naming the writer by a stand-in: "She asked to be called Ilse."
        called = _CALLING.search(text, 0, min(body_end, _OPENING_CHARS))
        if called is not None:
            author, evidence_span = called.group("name"), (called.start("name"), called.end("name"))
    if author is None:
        # "My name is Marguerite Dufresne." early in the body.
        m = _MY_NAME.search(text, 0, body_end) or _introduced(text, min(body_end, _INTRODUCTION_CHARS))
        if m:
            author = m.group("name")
            evidence_span = (m.start("name"), m.end("name"))
    cosigners: list[tuple[int, int, str]] = []
    if author is None:
        # Signature lines closing the body ("Ruth P (Leeds)", "In solidarity,\nNiamh",
        # or several names under an open letter: each signatory wrote it).
        signatories = _signatories(text, body_end)
        if signatories:
            start, end, author = signatories[0]
            evidence_span = (start, end)
            cosigners = signatories[1:]
    if author and _ANONYMOUS.fullmatch(author):
        author, evidence_span = None, None  # "Author: Anonymous" names no one
    if author:
        node_id = same_person(author, names.ids) or make_id("Person", author)
        draft = c.node(node_id, "Person", author, {"identity": _identity(author)})
    else:
        node_id = make_id("Person", c.account_id, "the author")
        draft = c.node(node_id, "Person", "the author", {"identity": "pseudonym"})
    if handle is not None:
        # The byline's handle is the narrator's, whether or not a signature names them.
        c.mention(draft, handle[0], handle[1])
        bare = handle[2].lstrip("@")
        bare = bare[2:] if bare.startswith(("u/", "r/")) else bare
        if bare != handle[2]:
            # "u/some_handle" and "@some_handle" are also known bare.
            at = text.find(bare, handle[0], handle[1])
            c.mention(draft, at, at + len(bare))
    if evidence_span is not None:
        c.mention(draft, *evidence_span)
    # Every occurrence of the name is a mention; the first few are evidence.
    if author:
        for m in re.finditer(re.escape(author), text):
            c.mention(draft, m.start(), m.end(), generic=True)
    # The title's "I" ("Why I Left") is the narrator too, but the header's lines are not prose.
    first = [m for m in _FIRST_PERSON.finditer(text, 0, body_end) if m.start() >= head_end or not _AUTHOR.match(text, text.rfind("\n", 0, m.start()) + 1)]
    for i, m in enumerate(first):
        # A couple of first-person mentions as evidence, so even an anonymous narrator has some.
        c.mention(draft, m.start(), m.end(), evidence=(i < 2 and not draft.evidence) or (i == 0 and evidence_span is None), alias=False)
    if not draft.evidence and first:
        c.mention(draft, first[0].start(), first[0].end(), alias=False)
    _greeting_alias(c, draft.id, body_end)
    c.narrator_id = node_id
    span = evidence_span or ((first[0].start(), first[0].end()) if first else None)
    if span is not None:
        c.relate("AUTHORED", node_id, account.id, *span)
    for start, end, name in cosigners:
        cosigner = same_person(name, names.ids) or make_id("Person", name)
        c.mention(c.node(cosigner, "Person", name, {"identity": _identity(name)}), start, end)
        c.relate("AUTHORED", cosigner, account.id, start, end)
    return node_id


def _identity(name: str) -> str:
    """A name with a surname is "named"; a lone given name or one ending in an initial is "partial"."""
    return "partial" if re.search(r"\s[A-Z]\.?$", name) or " " not in name else "named"


# Within the opening lines: "Posted on 3 May by u/some_handle · 4 min read",
# '"Six years in the party" by @some_handle', "By Kim Rao".
_BY_HANDLE = re.compile(
    r"(?:(?P<verb>[Pp]osted|[Ww]ritten|[Pp]ublished|[Ss]ubmitted)\b[^\n]{0,80}?\bby|(?:^|(?<=[\s\"”’)]))[Bb]y)[^\S\n]+"
    r"(?P<handle>(?:u/|@)?[\w.@-]{2,30}(?:[^\S\n]+[A-Z][\w.-]*){0,2}?)[^\S\n]*(?:$|[·|•,(–—-]|\s[-–—]\s)",
    re.MULTILINE,
)
# A year in a short header line ("Hosted by ... Liverpool, Monday 9 October 2023, 6.30pm.").
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "Interviewee: "Kim R.", former steward": a header naming the speaker.
_SPEAKER = re.compile(
    r"^(?:Interviewee|Narrator|Speaker(?:[^\S\n]+\d+[^\S\n]+of[^\S\n]+\d+)?|Guest|Testimony of|Statement of|Written by|By|From)\s*:?[^\S\n]+[\"“']?(?P<handle>[A-Z@][^\"”'\n,(<\[|·•]{1,39}?)[\"”']?[^\S\n]*(?:$|[,(<\[|·•–—]|\s-\s)",
    re.MULTILINE,
)
# The first post of a forum thread: "some_handle » 12 Mar 2023, 21:14", "Kim R. | 3 May 2021".
_POST_HEADER = re.compile(
    r"^[^\S\n]*(?P<handle>[\w.@-]{2,30}(?:[^\S\n]+[A-Z][\w.-]*){0,2})[^\S\n]+[»|·•—–][^\S\n]*"
    r"(?=\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)[^\n]{0,30}?\b(?:19|20)\d\d\b[^\n]{0,20}$",
    re.MULTILINE,
)
# "Compiled by Kate Lindqvist. Checked against ...": a credit line, however long the line runs on.
_CREDITED = re.compile(
    rf"[^\S\n]*(?:Compiled|Written|Edited|Collected|Posted|Published|Told|Transcribed)(?:[^\S\n]+and[^\S\n]+\w+)?[^\S\n]+by[^\S\n]+"
    rf"(?P<name>{_PERSON_NAME})(?=[^\S\n]*(?:[.,;·|(]|$))"
)
# A handle alone on the first line, as a blog platform prints it ("saltmarsh-wobbly").
_HANDLE_LINE = re.compile(r"[^\S\n]*(?P<handle>@?(?=[\w.-]*[_\d-])[a-z][\w.-]{2,29})[^\S\n]*")
# "Nia (@some_handle)": the handle given beside a name.
_HANDLE_BESIDE = re.compile(r"[^\S\n]*\((?P<handle>@[\w.]{2,30})\)")
# "Kim R. 🌹 @kimr_organizes · Feb 18, 2024", "Kim R. (she/her) @kimr@example.social":
# a social post's profile line, the display name before the handle.
_PROFILE_LINE = re.compile(
    rf"[^\S\n]*(?P<name>{NAME_TOKEN}(?:[^\S\n]+(?:{NAME_TOKEN}|{SURNAME_INITIAL}\.?(?![\w’'-]))){{0,2}})"
    r"(?:[^\S\n]*(?:\((?:she|he|they|ze|xe|it|any)/\w+(?:/\w+)?\)|[^\w\s@(]{1,3}))*"
    r"[^\S\n]+(?P<handle>@[\w.-]{2,30}(?:@[\w.-]+)?)(?![\w@])[^\n]{0,60}"
)
# "WITNESS STATEMENT OF NIAMH CORRIGAN", "Statement of Kim Rao": a legal or formal statement's heading.
_STATEMENT_OF = re.compile(
    r"[^\S\n]*(?i:(?:witness|first|second|third|supplementary)[^\S\n]+)?(?i:statement|testimony|affidavit)[^\S\n]+(?i:of)[^\S\n]+"
    r"(?:(?i:mr|ms|mrs|miss|mx|dr)\.?[^\S\n]+)?(?P<name>[A-Z][\w’'-]+(?:[^\S\n]+[A-Z][\w’'-]+){1,2})[^\S\n]*(?:\(|,|$)"
)
_OPENING_CHARS = 600
# Notes set above a text about the text: who translated it, a content warning, an editor's word.
_OPENING_NOTE = re.compile(r"(?i)^[*_(\[]*(?:translated|translation|translator['’]s note|editor['’]?s['’]? note|note:|content (?:note|warning)|cw:|tw:|trigger warning)")
# A first name and an initial ("Zanele Q."): a person's name however rare the first name.
_NAME_AND_INITIAL = re.compile(rf"{NAME_TOKEN}[^\S\n]+[A-Z]\.?")
_NAME_LINE = re.compile(
    rf"[^\S\n]*(?:[-–—•*][^\S\n]*)?(?P<name>{_PERSON_NAME})"
    r"[^\S\n]*(?:,[^\n]{0,60})?[^\S\n]*"
)


class Byline(NamedTuple):
    """Who the opening lines say wrote the account."""

    start: int
    end: int
    said: str
    is_person: bool  # a person's name rather than a handle
    alias: tuple[int, int] | None = None  # a handle given beside the name


def _title_case(name: str) -> str:
    """"NIAMH CORRIGAN" as a name is written in prose: "Niamh Corrigan"."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split()) if name.isupper() else name


def _is_person_name(said: str, lone: bool = False) -> bool:
    """A name and surname (or initial) whose first word is a known given name; with
    ``lone``, a known given name alone will do ("Thread by Nia")."""
    from ingest.extract.entities.given_names import is_given_name

    first = said.split()[0] if said.split() else ""
    if first in _NOT_SIGNING or not is_given_name(first):
        return False
    return _NAME_LINE.fullmatch(said) is not None or (lone and re.fullmatch(NAME_TOKEN, said) is not None)


def _read_as_person(name: str) -> bool:
    """The recogniser reads a whole line under the title ("Thandeka Mokoena") as one
    person's name: a writer whose first name no dictionary here knows."""
    if " " not in name:
        return False
    doc = nlp.entities(name)
    return any(e.label_ == "PERSON" and e.start_char == 0 and e.end_char == len(name) for e in doc.ents)


def byline(text: str, body_end: int) -> Byline | None:
    """The author named under the title, or atop the first post of a thread. Only the
    opening lines before the first paragraph of prose are read. The first line is
    the title unless it is a bare name or handle (a profile or a blog platform
    printing who posted, above the title)."""
    limit = min(body_end, _OPENING_CHARS)
    offset = 0
    for number, line in enumerate(text[:limit].split("\n")):
        start, stripped = offset, line.strip()
        offset += len(line) + 1
        credited = _CREDITED.match(line)
        if credited is not None and _is_person_name(credited.group("name")):
            return Byline(start + credited.start("name"), start + credited.end("name"), credited.group("name"), True)
        if _OPENING_NOTE.match(stripped):
            continue  # "Translated from the German by the author ...": a note on the text, not its prose
        if len(stripped.split()) > 25 or (number > 0 and len(stripped.split()) > 8 and stripped[-1] in ".!?:"
                                          and not (len(stripped.split()) <= 15 and _YEAR.search(stripped))
                                          and not _SPEAKER.match(line)):
            break  # the prose has begun (a title may be a sentence; a dated or speaker's header line is none)
        if not stripped:
            continue
        statement = _STATEMENT_OF.match(line)
        if statement is not None:
            said = _title_case(statement.group("name"))
            if _is_person_name(said):
                return Byline(start + statement.start("name"), start + statement.end("name"), said, True)
        for pattern in (_SPEAKER, _BY_HANDLE):
            m = pattern.search(line)
            if m is not None:
                said = m.group("handle").strip()
                if not re.search(r"\s[A-Z]\.$", said):  # an initial keeps its full stop ("Kim R.")
                    said = said.rstrip(".,")
                if _ANONYMOUS.fullmatch(said) or said.lower() in ("anonymous", "anon"):
                    return None
                is_person = _is_person_name(said, lone=pattern is _BY_HANDLE) or (
                    pattern is _BY_HANDLE and _NAME_AND_INITIAL.fullmatch(said) is not None)
                if pattern is _BY_HANDLE and not m.group("verb") and not (is_person or re.search(r"^[@]|^u/|[_\d]", said)):
                    continue  # "Betrayed by Comrades": a title's words, not a byline
                at = start + m.start("handle")
                beside = _HANDLE_BESIDE.match(line, m.start("handle") + len(said))
                alias = (start + beside.start("handle"), start + beside.end("handle")) if beside else None
                return Byline(at, at + len(said), said, is_person, alias)
        profile = _PROFILE_LINE.fullmatch(line)
        if profile is not None and _is_person_name(profile.group("name"), lone=True):
            alias = (start + profile.start("handle"), start + profile.end("handle"))
            return Byline(start + profile.start("name"), start + profile.end("name"), profile.group("name"), True, alias)
        m = _NAME_LINE.fullmatch(line)
        if m is not None and (number > 0 or "," not in line) and (
                _is_person_name(m.group("name")) or (number > 0 and _read_as_person(m.group("name")))):
            return Byline(start + m.start("name"), start + m.end("name"), m.group("name"), True)
        handle = _HANDLE_LINE.fullmatch(line) if number == 0 else None
        if handle is not None:
            return Byline(start + handle.start("handle"), start + handle.end("handle"), handle.group("handle"), False)
    post = _POST_HEADER.search(text, 0, limit)
    if post is not None and not _ANONYMOUS.fullmatch(post.group("handle")):
        said = post.group("handle")
        return Byline(post.start("handle"), post.end("handle"), said, _is_person_name(said, lone=True))
    return None


# "I'm Maya Lin, and I was ...", "I am Sam." early on: the narrator introducing themself.
_I_AM = re.compile(rf"\bI(?:['’]m| am)[^\S\n]+(?P<name>{NAME_TOKEN}(?:[^\S\n]+{NAME_TOKEN})?)(?=[,.;:]|[^\S\n]+and\b)")
_INTRODUCTION_CHARS = 1500


def _introduced(text: str, limit: int) -> re.Match[str] | None:
    from ingest.extract.entities.given_names import is_given_name

    for m in _I_AM.finditer(text, 0, limit):
        if is_given_name(m.group("name").split()[0]):
            return m
    return None


# A transcript's speaker label at the start of a line: "MAYA: ...", "[00:12:03] Maya Lin: ...".
_SPEAKER_LABEL = re.compile(
    r"^[^\S\n]*(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?[^\S\n]*)?(?:\*\*)?(?P<label>[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,2})(?:\*\*)?[^\S\n]*:[^\S\n]",
    re.MULTILINE,
)
# Labels that are the one asking, or no one: the narrator is whoever answers.
_NOT_NARRATOR_LABELS = frozenset({"host", "interviewer", "q", "a", "question", "answer", "editor", "note", "notes",
                                  "moderator", "guest", "speaker", "narrator", "transcript", "interviewee",
                                  "title", "author", "date", "source", "from", "to", "cc", "subject", "recorded",
                                  "update", "edit", "tl;dr", "tldr", "ps", "p.s", "re"})
_MIN_TURNS = 3


def transcript_speaker(text: str, body_end: int, known: dict[str, str]) -> tuple[int, int, str] | None:
    """In a transcript, the person who answers: the speaker label used most
    often (at least three turns) that is no host, interviewer or header key.
    A label that is a first name ("MAYA") becomes the full name the account
    gives for it ("Maya Lin") when it gives one."""
    from ingest.extract.entities.given_names import is_given_name

    turns: dict[str, list[tuple[int, int]]] = {}
    for m in _SPEAKER_LABEL.finditer(text, 0, body_end):
        label = m.group("label")
        if label.lower().rstrip(".") in _NOT_NARRATOR_LABELS or len(label) < 2:
            continue
        turns.setdefault(label, []).append((m.start("label"), m.end("label")))
    if not turns:
        return None
    label, spans = max(turns.items(), key=lambda item: (len(item[1]), -item[1][0][0]))
    first = label.split()[0]
    if len(spans) < _MIN_TURNS or not is_given_name(first):
        return None
    name = label if not label.isupper() else " ".join(w.capitalize() for w in label.split())
    if " " not in name:
        fuller = sorted((k for k in known if k.split()[0] == name and " " in k), key=len)
        if fuller:
            at = text.find(fuller[0])
            if at >= 0:
                return at, at + len(fuller[0]), fuller[0]
    return spans[0][0], spans[0][1], text[spans[0][0]:spans[0][1]]


# An interview's questions: "**How did you come to MOS?**", "Q: And then?".
_QUESTION_LINE = re.compile(
    r"^[^\S\n]*(?:\*\*[^\n*]{2,300}\?[^\S\n]*\*\*|(?:Q|Question)[.:][^\S\n]+[^\n]{2,300}\?)[^\S\n]*$", re.MULTILINE
)
_FULL_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{NAME_TOKEN}(?:[^\S\n]+{NAME_TOKEN}){{1,2}})(?![\w’'-])")
# "She spoke to Sam Okafor", "interviewed by ...": the one asking, not the one answering.
_ASKER_BEFORE = re.compile(r"(?i)\b(?:to|by|with|asked|interviewer|editor)[^\S\n]+$")
_MIN_QUESTIONS = 3
# "The woman we are calling Amina, at her request, ...": an interviewee the
# introduction names by a stand-in.
_CALLING = re.compile(
    rf"\b(?:we\s+are\s+calling|we['’]re\s+calling|we\s+call|we\s+will\s+call|we['’]ll\s+call|we\s+have\s+called|"
    rf"(?:[Ww]ho|[Ss]he|[Hh]e|[Tt]hey)\s+(?:has\s+|had\s+)?asked\s+(?:us\s+)?to\s+be\s+(?:called|identified\s+(?:only\s+)?as)|identified\s+here\s+(?:only\s+)?as)"
    rf"[^\S\n]+[“\"']?(?P<name>{NAME_TOKEN}(?:[^\S\n]+{SURNAME_INITIAL}\.)?)[”\"']?(?![\w’'-])"
)


def interviewee(text: str, body_end: int) -> tuple[int, int, str] | None:
    """In an interview printed as questions and first-person answers, the person the
    introduction before the first question names first (not the one they spoke to)."""
    questions = [m.start() for m in _QUESTION_LINE.finditer(text, 0, body_end)]
    if len(questions) < _MIN_QUESTIONS:
        return None
    called = _CALLING.search(text, 0, questions[0])
    if called is not None:
        return called.start("name"), called.end("name"), called.group("name")
    for m in _FULL_NAME.finditer(text, 0, questions[0]):
        if not _ASKER_BEFORE.search(text, max(0, m.start() - 20), m.start()) and _is_person_name(m.group("name")):
            return m.start("name"), m.end("name"), m.group("name")
    return None


# "From: Dele Okafor" heading a reproduced email: the account is the sender's.
_FROM_LINE = re.compile(
    rf"^From:[^\S\n]*(?:(?:Cllr|Dr|Ms|Mr|Mrs|Mx|Prof)\.?[^\S\n]+)?(?P<name>{_PERSON_NAME})",
    re.MULTILINE,
)


_TO_LINE = re.compile(
    rf"^To:[^\S\n]*(?:(?:Cllr|Dr|Ms|Mr|Mrs|Mx|Prof)\.?[^\S\n]+)?(?P<name>{_PERSON_NAME})",
    re.MULTILINE,
)
# "... never answered them. — Tomasz Reilly": a name signing a line after a dash.
_DASH_SIGNED = re.compile(rf"[.!?)”\"][^\S\n]+[—–][^\S\n]*(?P<name>{_PERSON_NAME}|{NAME_TOKEN})[^\S\n]*$", re.MULTILINE)


def email_sender(text: str, body_end: int, known: dict[str, str]) -> tuple[int, int, str] | None:
    """Whose reproduced emails these are: the one who signs the note introducing
    them ("— Tomasz Reilly"), else the sender who also receives the others (a
    chain of the narrator's letters and the replies), else the first sender who
    is a person (a known given name, or a name the account's people include)."""
    senders = [m for m in _FROM_LINE.finditer(text, 0, body_end) if _is_person_name(m.group("name")) or m.group("name") in known]
    if not senders:
        return None
    signatures = list(_DASH_SIGNED.finditer(text, 0, senders[0].start()))
    signed = signatures[-1] if signatures else None
    if signed is not None and _is_person_name(signed.group("name")):
        return signed.start("name"), signed.end("name"), signed.group("name")
    recipients = {m.group("name") for m in _TO_LINE.finditer(text, 0, body_end)}
    both = [m for m in senders if m.group("name") in recipients]
    first = both[0] if len(senders) > 1 and both else senders[0]
    return first.start("name"), first.end("name"), first.group("name")


_ANONYMOUS = re.compile(r"(?i)(?:an?\s+)?(?:anonymous|anon|name withheld|withheld|unknown|former member|ex-member)\.?")
# One signature line: a name, then perhaps ", what they are" or "(where)".
# "M. K.", "D.O.": a writer signing with initials only.
_INITIALS = r"[A-Z]\.[^\S\n]?[A-Z]\.(?:[^\S\n]?[A-Z]\.)?"
# Lower-case particles inside a signed name ("Laia Puigdomènech i Serra", "Ana de Souza").
_PARTICLE = r"(?:i|y|e|de|da|do|dos|das|del|della|di|du|van|von|der|den|le|la|bin|ibn)"
# A nickname inside a signed name: "Siobhan “Shiv” Carrick".
_NICKNAME = r"[^\S\n]+[“\"][^”\"\n]{1,20}[”\"]"
_SIGNATURE_LINE = re.compile(
    rf"[^\S\n]*(?:[-–—][^\S\n]*)?(?:(?:Signed|Signature)[:,]?[^\S\n]*|and[^\S\n]+)?"
    rf"(?P<name>{NAME_TOKEN}(?:{_NICKNAME})?(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+)?(?:{NAME_TOKEN}|{SURNAME_INITIAL}\.?(?![\w’'-]))){{0,3}}"
    rf"|[A-Z]\.[^\S\n]?(?:{NAME_TOKEN}|{SURNAME_INITIAL}\.)|{_INITIALS}|\[[A-Z][\w ]{{1,20}}\])"
    r"[^\S\n]*(?:(?:,|[-–—]|\()[^\n]{0,80})?[^\S\n]*$"
)
# "and Fiona Baird, who wrote this statement": the signatory who held the pen.
_WROTE_IT = re.compile(r"\b(?:who|I)\s+(?:wrote|drafted|prepared|held the pen)\b|\b(?:wrote|drafted) (?:this|the) ")


# Capitalised words that open a closing sentence, not a signature ("And Sam, if you read this ...").
_NOT_SIGNING = frozenset({"The", "In", "To", "From", "Dear", "Yours", "And", "But", "So", "Or", "If", "Thanks", "Thank",
                          "Also", "Please", "Now", "Then", "Just", "Love", "With", "For"})


_DASHES = frozenset("-–—")
# Words of a post signed under a name ("Former Organising Officer, Eastfield branch"): never a name's.
_TITLE_WORDS = frozenset({"Former", "Ex", "Past", "Retired", "Member", "Members", "Secretary", "Coordinator",
                          "Co-ordinator", "Chair", "Chairperson", "Officer", "Organiser", "Organizer", "Steward",
                          "Delegate", "Treasurer", "President", "Convenor", "Convener", "Representative", "Director",
                          "Editor", "Staff", "Organising", "Organizing", "Branch", "Local", "Committee"})
# An op-ed's closing note on its writer: "Ilse Etxarri Arana is a nurse and a former member of ...".
_BIO_LINE = re.compile(rf"^[^\S\n]*[*_]*(?P<name>{_PERSON_NAME})[*_]*[^\S\n]+(?:is|was)[^\S\n]+(?:a|an|the|one)\b")


# "Signed," or "Signatories:" alone on a line, opening a block of names wherever it stands
# (a statement may go on after it with its demands).
_SIGNED_BLOCK = re.compile(r"(?m)^[^\S\n]*(?:Signed|Signatories|Signed by|The undersigned)[:,]?[^\S\n]*$")


def _signed_block(text: str, body_end: int) -> list[tuple[int, int, str]]:
    """The names listed one per line under a "Signed," line."""
    heads = list(_SIGNED_BLOCK.finditer(text, 0, body_end))
    if not heads:
        return []
    found: list[tuple[int, int, str]] = []
    offset = heads[-1].end() + 1
    blank = 0
    for line in text[offset:body_end].split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            blank += 1
            if found or blank > 1:
                break
            continue
        m = _SIGNATURE_LINE.fullmatch(line)
        if m is None or len(line.split()) > 16 or m.group("name").split()[0] in _NOT_SIGNING:
            break
        found.append((start + m.start("name"), start + m.end("name"), _without_nickname(m.group("name"))))
    return found


_LISTED_NAME = re.compile(
    rf"(?:and[^\S\n]+)?(?:(?P<name>{NAME_TOKEN}(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+)?(?:{NAME_TOKEN}|{SURNAME_INITIAL}\.(?![\w’'-]))){{1,3}})"
    r"|[“\"](?P<called>[A-Z][\w’'-]{1,20})[”\"])"
)
# "and eleven former members of the X", "and 40 others": the unnamed rest of the signatories.
_UNNAMED_REST = re.compile(r"(?:and[^\S\n]+)?(?:\d+|[a-z]+(?:-[a-z]+)?)[^\S\n]+(?:other|more|former|ex-|current|fellow|comrades|members|people|others)\b")


def _listed_on_one_line(line: str, start: int) -> list[tuple[int, int, str]]:
    """A closing line listing the signatories with commas ("Ana Ruiz, Iván T., “Luz”,
    and eleven former members"): each named one, or nothing when the line is prose."""
    parts = [part for part in re.finditer(r"(?:(?!\s+and\s)[^,])+", line.rstrip(" .")) if part.group().strip()]
    if len(parts) < 2 or len(line.split()) > 40:
        return []
    found: list[tuple[int, int, str]] = []
    for index, part in enumerate(parts):
        item = part.group().strip()
        at = start + part.start() + part.group().index(item)
        m = _LISTED_NAME.fullmatch(item)
        if m is None:
            if index == len(parts) - 1 and _UNNAMED_REST.match(item) and len(found) >= 2:
                break
            return []
        group = "name" if m.group("name") else "called"
        if group == "name" and m.group("name").split()[0] in _NOT_SIGNING:
            return []
        found.append((at + m.start(group), at + m.end(group), m.group(group)))
    from ingest.extract.entities.given_names import is_given_name

    # "New York, Los Angeles and San Francisco" is a list of places: most names open with a first name.
    named = [name for _, _, name in found if " " in name]
    if 2 * sum(is_given_name(name.split()[0]) for name in named) < len(named):
        return []
    return found if len(found) >= 2 else []


def _without_nickname(name: str) -> str:
    return " ".join(re.sub(_NICKNAME, "", name).split())


_COPY_LIST = re.compile(r"(?im)^[^\S\n]*(?:cc|c\.c\.|copy to|copies to|copied to|encl(?:osures?)?\.?|attachments?)[^\S\n]*:")
# A form of address before a signed name: "Comrade Chidera B. Okonkwo" signs as "Chidera B. Okonkwo".
_ADDRESS_BEFORE = re.compile(rf"^{FORM_OF_ADDRESS}(?:\((?:Mrs?|Ms|Dr)\.?\)[^\S\n]+)?")


def _signatories(text: str, body_end: int) -> list[tuple[int, int, str]]:
    """The names signed under the body, in order: the closing lines that are a
    name (two words or a name and an initial; a lone given name only after a
    sign-off such as "In solidarity," or after a dash), among the last short lines (a place, a date).
    A block of names under "Signed," counts wherever it stands."""
    from ingest.extract.entities.given_names import is_given_name

    block = _signed_block(text, body_end)
    if len(block) >= 2:
        return block
    # A letter's copy list or enclosures come after the signature: "cc: The General Secretary".
    copies = list(_COPY_LIST.finditer(text, max(0, body_end - 600), body_end))
    if copies:
        body_end = copies[-1].start()
    tail_start = max(0, body_end - 600)
    closing = [m for m in re.finditer(r"[^\n]+", text[tail_start:body_end]) if m.group().strip()][-2:]
    for line in reversed(closing):
        listed = _listed_on_one_line(line.group(), tail_start + line.start())
        if listed:
            return listed

    for line in reversed(closing):
        bio = _BIO_LINE.match(line.group())
        if bio is not None and len(line.group().split()) <= 60:
            start = tail_start + line.start()
            return [(start + bio.start("name"), start + bio.end("name"), bio.group("name"))]
    # "I resigned in January 2023. — Freja": the last line signed after a dash.
    last = closing[-1] if closing else None
    dashed = _DASH_SIGNED.search(last.group()) if last is not None else None
    if dashed is not None and (" " in dashed.group("name") or is_given_name(dashed.group("name"))):
        start = tail_start + last.start()
        return [(start + dashed.start("name"), start + dashed.end("name"), dashed.group("name"))]

    lines: list[tuple[int, str]] = []
    offset = tail_start
    for line in text[tail_start:body_end].split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    found: list[tuple[int, int, str]] = []
    writer: tuple[int, int, str] | None = None
    misses = 0
    for index in range(len(lines) - 1, -1, -1):
        start, line = lines[index]
        if not line.strip():
            continue
        m = _SIGNATURE_LINE.fullmatch(line)
        name = m.group("name") if m else None
        initials = name is not None and re.fullmatch(_INITIALS, name) is not None
        if name and " " not in name and not initials:
            previous = next((l for _, l in reversed(lines[:index]) if l.strip()), "")
            # "In solidarity,\nSam" or "— Ffion": a sign-off or a dash marks the lone name as signed.
            signed = SIGN_OFF.search("\n" + previous + "\n") or line.lstrip()[:1] in _DASHES
            if not (signed and is_given_name(name)):
                name = None
        wrote_it = bool(name) and _WROTE_IT.search(line) is not None
        # Within a block of signatures a line may run longer ("Laia Serra, former secretary for ...").
        longest = 16 if found or wrote_it else 12
        if name and len(line.split()) <= longest and name.split()[0] not in _NOT_SIGNING \
                and not _TITLE_WORDS.intersection(name.split()):
            address = _ADDRESS_BEFORE.match(name)
            skip = address.end() if address is not None and len(name[address.end():].split()) >= 2 else 0
            found.append((start + m.start("name") + skip, start + m.end("name"), _without_nickname(name[skip:])))
            writer = found[-1] if wrote_it else writer
            misses = 0
            continue
        if SIGN_OFF.search("\n" + line + "\n"):
            break
        misses += 1
        # Before any name: a date, a place or an editor's note may close the text;
        # after one, a long line is the body again.
        if misses > 2 or (found and len(line.split()) > 12):
            break
    if writer is not None:
        return [writer]  # the others signed what this one wrote
    found.reverse()
    return found


_GREETING = re.compile(rf"(?:^|\n)[\s\d.•*-]*(?:Hi|Hello|Hey|Dear)\s+(?P<handle>(?:{NAME_TOKEN}|[a-z]+)(?:\s+(?:{NAME_TOKEN}|[a-z]+))?)\s*[–—,.!-]")


def _greeting_alias(c: Collector, narrator_id: str, body_end: int) -> None:
    """In a blog's comments, "Hi Left Observer" addresses the author by their handle."""
    if body_end >= len(c.text):
        return
    handles: dict[str, tuple[int, int]] = {}
    for m in _GREETING.finditer(c.text, body_end):
        handle = m.group("handle")
        if handle.lower() in ("there", "all", "everyone", "comrades", "comrade", "friends", "again", "sir", "madam"):
            continue
        handles.setdefault(handle.lower(), (m.start("handle"), m.end("handle")))
    for start, end in handles.values():
        c.mention(c.nodes[narrator_id], start, end)
