"""The narrator from a byline under the title, and signature lines that are not signatures.

Hand-written passages, independent of the sample accounts.
"""

from __future__ import annotations

import pytest

from graph.model import AccountRecord
from ingest.extract.entities import extract_entities
from ingest.extract.entities.narrator import byline
from ingest.lexicon import load_lexicon

_PROSE = ("I was a member of the branch for six years and I am writing this because the committee never answered "
          "the complaint I made about the way the organiser spoke to new members at our meetings.")


def _author(text: str) -> tuple[str, dict, tuple[str, ...]]:
    result = extract_entities(AccountRecord.from_text("n1", text), load_lexicon())
    authored = next(r for r in result.relationships if r.type == "AUTHORED")
    node = next(n for n in result.nodes if n.id == authored.source)
    return node.name, dict(node.properties), node.aliases


@pytest.mark.parametrize("opening, expected", [
    ("Why I walked away\nTomasz Reilly\nMay 2021\n\n", "Tomasz Reilly"),
    ("Why I walked away\n\nPriya Nair, Glasgow, May 2021\n\n", "Priya Nair"),
    ("TRANSCRIPT\nInterviewee: \"Dana K.\", former steward\nRecorded: 3 May 2022\n\n", "Dana K."),
    ("Why I walked away\nBy Owen Harte\n\n", "Owen Harte"),
    ("Martina Kowalczyk\nOrganizer · Writer · she/her\nPublished Mar 5, 2024\n\nWhat the campaign cost me\n\n", "Martina Kowalczyk"),
    ("Martina Kowalczyk\n22 Harbour Road\nPlymouth\n\n4 June 2022\n\nThe Secretary\n\n", "Martina Kowalczyk"),
    ('"Nine Years Inside": a former cadre speaks\n\nBy Owen Harte | The Lantern | April 9, 2021\n\n', "Owen Harte"),
    ("A TIMELINE\n\nCompiled by Hannah Oyelaran. Checked against emails, texts and notes kept by two other members of the branch. "
     "Last updated 3 March 2019.\n\n", "Hannah Oyelaran"),
    ("From my notebook, 2019-20\nPriya N., former branch secretary, Eastfield branch\n\n", "Priya N."),
])
def test_a_name_under_the_title_is_the_narrator(opening: str, expected: str) -> None:
    name, properties, _ = _author(opening + _PROSE)
    assert name.rstrip(".") == expected.rstrip(".")
    assert properties["identity"] in ("named", "partial")


@pytest.mark.parametrize("opening, handle, bare", [
    ("r/leftists\nPosted by u/gone_quiet_99 · 2 June 2023\n\n", "u/gone_quiet_99", "gone_quiet_99"),
    ('"ten years in the party" by @former_cadre\n\n', "@former_cadre", "former_cadre"),
    ("quiet-comrade-77\n\n", "quiet-comrade-77", "quiet-comrade-77"),
    ("leftforum.example › Europe › Experiences\n\n[Mod note: surnames of private people are cut to an initial, as the forum rules "
     "ask of everyone who posts in this section, so please keep it that way in your replies to this thread.]\n\n"
     "ex_member_north » 12 Mar 2023, 21:14\n\n", "ex_member_north", "ex_member_north"),
])
def test_a_handle_in_a_byline_is_an_alias_of_the_anonymous_author(opening: str, handle: str, bare: str) -> None:
    name, properties, aliases = _author(opening + _PROSE)
    assert name == "the author" and properties["identity"] == "pseudonym"
    assert handle in aliases and bare in aliases


def test_a_lone_given_name_in_a_thread_byline_is_the_narrator_and_its_handle_an_alias() -> None:
    name, properties, aliases = _author("Thread by Nadia (@night_owl_nadia) · Nov 2, 2023\n\n" + _PROSE)
    assert name == "Nadia" and properties["identity"] == "partial"
    assert "@night_owl_nadia" in aliases and "night_owl_nadia" in aliases


def test_a_title_opening_with_a_function_word_is_no_name() -> None:
    text = "The General Secretary\n\n" + _PROSE
    assert byline(text, len(text)) is None


def test_a_title_ending_in_by_and_a_common_word_is_no_byline() -> None:
    text = "Betrayed by Comrades\n\n" + _PROSE
    assert byline(text, len(text)) is None


def test_a_closing_sentence_opening_with_and_is_no_signature() -> None:
    text = "Why I left\n\n" + _PROSE + "\n\nAnd Robin, if you ever read this: the door is open."
    name, properties, _ = _author(text)
    assert name == "the author"



def test_a_lone_given_name_after_a_dash_signs_the_post() -> None:
    name, _, aliases = _author("Why I left\n\nPosted on 9 March 2023 by red_writes\n\n" + _PROSE + "\n\n— Ffion")
    assert name == "Ffion" and "red_writes" in aliases


def test_a_lone_word_after_a_dash_that_is_no_given_name_signs_nothing() -> None:
    name, _, _ = _author("Why I left\n\n" + _PROSE + "\n\n— Solidarity")
    assert name == "the author"


def test_the_one_who_answers_in_a_transcript_is_the_narrator() -> None:
    text = ("A CONVERSATION WITH A FORMER MEMBER\nRecorded for the podcast.\n\n"
            "HOST: Welcome. Tell us who you are.\nMAYA: I'm Maya Lin. I was in the party for five years.\n"
            "HOST: What happened?\nMAYA: In 2019 I complained about the organiser.\n"
            "HOST: And then?\nMAYA: Then I was expelled.\n")
    name, _, _ = _author(text)
    assert name == "Maya Lin"


def test_the_sender_of_a_resignation_email_is_the_narrator() -> None:
    text = ("From: Sam Ortiz <sam@example.org>\nTo: coordinators@union.example\nSubject: My resignation\n\n"
            "Dear coordinators,\n\n" + _PROSE)
    name, _, _ = _author(text)
    assert name == "Sam Ortiz"


def test_a_narrator_introducing_themself_is_named() -> None:
    name, _, _ = _author("Why I left\n\nI'm Dana Whitlow, and " + _PROSE[0].lower() + _PROSE[1:])
    assert name == "Dana Whitlow"


def test_i_am_followed_by_a_word_that_is_no_name_names_no_one() -> None:
    name, _, _ = _author("Why I left\n\nI am Jewish, and " + _PROSE[0].lower() + _PROSE[1:])
    assert name == "the author"


def test_a_title_that_is_a_sentence_does_not_hide_the_byline_under_it() -> None:
    name, _, _ = _author("They changed the locks on the office while I was away.\nField notes, by Gwen Abernethy\n\n" + _PROSE)
    assert name == "Gwen Abernethy"


def test_the_heading_of_a_witness_statement_names_the_narrator_in_prose_case() -> None:
    text = "IN THE COUNTY COURT\n\nWITNESS STATEMENT OF ROSALIND OKONJO\n\n1. " + _PROSE
    name, properties, aliases = _author(text)
    assert name == "Rosalind Okonjo" and properties["identity"] == "named"
    assert "ROSALIND OKONJO" in aliases


@pytest.mark.parametrize("closing, expected", [
    ("\n\nStatement of truth\n\nSigned: R. Okonjo\nDated: 3 May 2022", "R. Okonjo"),
    ("\n\nJ. T.", "J. T."),
    ("\n\n— P.W.", "P.W."),
])
def test_a_signature_by_initials_or_after_signed_is_the_narrator(closing: str, expected: str) -> None:
    name, _, _ = _author("Why I left\n\n" + _PROSE + closing)
    assert name == expected


def test_the_signatory_who_wrote_the_statement_is_its_only_author() -> None:
    text = ("Why we left\n\n" + _PROSE + "\n\nIn solidarity,\n\nOwen Harte (Chair)\nPriya Nair (Treasurer)\n"
            "and Tomasz Reilly, Secretary, who wrote this statement on behalf of the committee")
    result = extract_entities(AccountRecord.from_text("n1", text), load_lexicon())
    names = {n.id: n.name for n in result.nodes}
    assert [names[r.source] for r in result.relationships if r.type == "AUTHORED"] == ["Tomasz Reilly"]


def test_each_signatory_of_an_open_letter_is_an_author_even_with_long_descriptions() -> None:
    text = ("An open letter\n\n" + _PROSE + "\n\nMireia Puig i Soler, former secretary for organisation of the national youth secretariat\n"
            "Owen Harte, former secretary of the city assembly\nPriya Nair\n")
    result = extract_entities(AccountRecord.from_text("n1", text), load_lexicon())
    nodes = {n.id: n for n in result.nodes}
    authors = [nodes[r.source] for r in result.relationships if r.type == "AUTHORED"]
    assert len(authors) == 3
    assert [n for n in authors if "Mireia Puig i Soler" in (n.name, *n.aliases)]
    assert {"Owen Harte", "Priya Nair"} <= {n.name for n in authors}


def test_in_an_interview_the_person_the_introduction_names_first_is_the_narrator() -> None:
    text = ("A MAGAZINE · Issue 4\n\n\"It was never about the money\"\n\n"
            "Rosalind Okonjo spent nine years in the party. She spoke to Owen Harte in June.\n\n"
            "**How did you join?**\n\nThrough the union. I was twenty.\n\n**What happened?**\n\n" + _PROSE +
            "\n\n**Why speak now?**\n\nBecause nobody else will.\n")
    name, _, _ = _author(text)
    assert name == "Rosalind Okonjo"


def test_the_sender_of_an_email_reproduced_after_an_introduction_is_the_narrator() -> None:
    text = ("I am publishing below the email I sent to the committee last month, because nobody has answered it "
            "and the party now tells branches a different story about why I stepped down.\n\n"
            "From: Owen Harte\nTo: National Committee\nSubject: My removal\n\nDear comrades,\n\n" + _PROSE)
    name, _, _ = _author(text)
    assert name == "Owen Harte"


def test_a_comment_signed_with_the_authors_handle_is_the_narrator_answering() -> None:
    text = ("Why I left\nPosted 3 March 2024 by quietfox · 2 comments\n\n" + _PROSE +
            "\n\n2 comments\n\nsomeone_else · 3 March 2024\nThank you for writing this.\n\n"
            "quietfox · 4 March 2024\nThank you for reading it.\n")
    result = extract_entities(AccountRecord.from_text("n1", text), load_lexicon())
    assert not [n for n in result.nodes if n.label == "Person" and n.name == "quietfox"]


def test_a_signatory_signing_with_a_longer_form_of_a_name_the_text_uses_is_that_person() -> None:
    text = ("An open letter\n\nWe were members of the youth for years. Mireia Puig chaired our assembly and I "
            "was its secretary. " + _PROSE + "\n\nMireia Puig Soler, former chair\nOwen Harte\n")
    result = extract_entities(AccountRecord.from_text("n1", text), load_lexicon())
    assert not [n for n in result.nodes if n.label == "Person" and n.name == "Mireia Puig Soler"]
    mireia = next(n for n in result.nodes if n.name == "Mireia Puig")
    assert any(r.type == "AUTHORED" and r.source == mireia.id for r in result.relationships)


def test_a_signed_block_in_mid_text_names_every_signatory_with_nicknames_and_extended_letters() -> None:
    text = ("Statement by former members of the Workers Unity League\n\n" + _PROSE + "\n\nSigned,\n\n"
            "[Survivor 1]\nMaja Kovačević (Zagreb, former branch secretary)\nSiobhan “Shiv” Carrick, former convenor\n"
            "Niall, former treasurer, Glasgow branch\n\nOur demands\n\n1. Publish the report.\n2. Apologise in writing.\n")
    result = extract_entities(AccountRecord.from_text("n-signed", text), load_lexicon())
    names = {n.id: n.name for n in result.nodes}
    authors = {names[r.source] for r in result.relationships if r.type == "AUTHORED"}
    assert {"[Survivor 1]", "Maja Kovačević", "Siobhan Carrick", "Niall"} <= authors


def test_a_numbered_speaker_line_under_a_dated_header_names_the_speaker() -> None:
    text = ("TRANSCRIPT\nFringe meeting: \"Who protects the volunteers?\"\n"
            "Hosted by Women Against Harassment. Leeds, Monday 9 October 2023, 6.30pm.\n"
            "Speaker 2 of 3: Grace Okoro-Lane, former volunteer coordinator, the Unity Network.\n\n" + _PROSE)
    name, _, _ = _author(text)
    assert name == "Grace Okoro-Lane"


def test_a_credit_line_with_a_surname_cut_after_mc_names_the_compiler() -> None:
    name, _, _ = _author("A chronology\n\nCompiled by Morag McK., former branch secretary.\n\n" + _PROSE)
    assert name.startswith("Morag McK")


def test_a_signatory_whose_surname_is_cut_to_an_accented_initial_signs_too() -> None:
    text = ("An open letter\n\n" + _PROSE + "\n\nSigned,\nMehmet Aydın\nSelin Ş.\nOwen Harte\n")
    result = extract_entities(AccountRecord.from_text("n1", text), load_lexicon())
    names = {n.id: n.name for n in result.nodes}
    authors = {names[r.source] for r in result.relationships if r.type == "AUTHORED"}
    assert {"Mehmet Aydın", "Owen Harte"} <= authors and any(a.startswith("Selin Ş") for a in authors)


@pytest.mark.parametrize("profile, expected, handle", [
    ("Priya N. 🌻 @priyan_organises · Mar 3, 2024", "Priya N.", "@priyan_organises"),
    ("Owen Harte (he/him) @owen@social.example", "Owen Harte", "@owen@social.example"),
])
def test_a_social_profile_line_names_the_narrator_and_gives_the_handle(profile: str, expected: str, handle: str) -> None:
    name, _, aliases = _author(f"Thread · social.example\n\n{profile}\n\n1/9 " + _PROSE)
    assert name.rstrip(".") == expected.rstrip(".")
    assert handle in aliases


def test_a_speaker_whose_name_opens_with_the_surname_is_the_narrator_when_the_text_names_them_as_a_person() -> None:
    text = ("Transcript of a speech, 4 May 2023\n\nSpeaker: Okonjo Adaeze, former equalities officer\n\n"
            "My name is Okonjo. " + _PROSE + " Okonjo Adaeze was not the only one.")
    name, _, _ = _author(text)
    assert name == "Okonjo Adaeze"


def test_in_an_interview_the_name_the_introduction_gives_the_interviewee_is_the_narrator() -> None:
    text = ("\"We were told to wait\": a former member speaks\n\n"
            "The man we are calling Anselm, at his request, sat on the regional committee until last year. "
            "We asked the regional organiser, Owen Harte, to comment; he declined.\n\n"
            "Q: How did you join?\n\nA: Through the union.\n\nQ: What happened?\n\nA: " + _PROSE +
            "\n\nQ: Why speak now?\n\nA: Because nobody else will.\n")
    name, _, _ = _author(text)
    assert name == "Anselm"


def test_signatories_listed_on_one_closing_line_are_each_an_author() -> None:
    text = ("Frequently asked questions\n\n" + _PROSE + "\n\nOwen Harte, Priya Nair, Tomasz R., “Lark”, "
            "and nine other former members of the league\n")
    result = extract_entities(AccountRecord.from_text("n1", text), load_lexicon())
    names = {n.id: n.name for n in result.nodes}
    authors = {names[r.source].rstrip(".") for r in result.relationships if r.type == "AUTHORED"}
    assert authors == {"Owen Harte", "Priya Nair", "Tomasz R", "Lark"}


def test_places_listed_on_the_closing_line_are_not_each_an_author() -> None:
    text = "Why I left\n\n" + _PROSE + "\n\nNew York, Los Angeles and San Francisco\n"
    result = extract_entities(AccountRecord.from_text("n1", text), load_lexicon())
    names = {n.id: n.name for n in result.nodes}
    authors = [names[r.source] for r in result.relationships if r.type == "AUTHORED"]
    assert "Los Angeles" not in authors and "San Francisco" not in authors


def test_in_a_chain_of_emails_the_one_signing_the_introduction_is_the_narrator() -> None:
    text = ("I publish the emails below because the committee never answered them. — Tomasz Reilly\n\n"
            "From: Owen Harte <oh@example.org>\nTo: Tomasz Reilly <tr@example.org>\nSubject: Your conduct\n\n"
            "Keep raising the accounts and you will regret it.\n\n"
            "From: Tomasz Reilly <tr@example.org>\nTo: Disputes Committee <dc@example.org>\nSubject: A threat\n\n" + _PROSE)
    name, _, _ = _author(text)
    assert name == "Tomasz Reilly"


def test_in_a_chain_of_emails_the_sender_who_also_receives_is_the_narrator() -> None:
    text = ("I publish the emails below because the committee never answered them.\n\n"
            "From: Owen Harte <oh@example.org>\nTo: Tomasz Reilly <tr@example.org>\nSubject: Your conduct\n\n"
            "Keep raising the accounts and you will regret it.\n\n"
            "From: Tomasz Reilly <tr@example.org>\nTo: Disputes Committee <dc@example.org>\nSubject: A threat\n\n" + _PROSE)
    name, _, _ = _author(text)
    assert name == "Tomasz Reilly"


def test_an_editors_note_naming_the_writer_by_a_stand_in_names_the_narrator() -> None:
    text = ("Editors' note: these pages were written by a young member of the movement. She asked to be called Ilse.\n\n"
            "12 June 2019\n" + _PROSE)
    name, properties, _ = _author(text)
    assert name == "Ilse"


def test_a_closing_line_signed_after_a_dash_names_the_narrator() -> None:
    name, _, _ = _author(_PROSE + "\n\nI resigned in January 2023. — Hedda\n")
    assert name == "Hedda"


def test_an_op_eds_closing_note_on_its_writer_names_the_narrator() -> None:
    text = ("OPINION\n\nThe party that protected him\n\n" + _PROSE + "\n\n"
            "Ilse Etxarri Arana is a nurse and a former member of the party's assembly in her town.\n")
    name, _, _ = _author(text)
    assert name == "Ilse Etxarri Arana"


def test_a_post_signed_under_the_name_is_no_cosigner() -> None:
    text = "Dear Ombudsperson,\n\n" + _PROSE + "\n\nSincerely,\n\nTomasz Reilly\nFormer Organising Officer, Eastfield branch\n"
    result = extract_entities(AccountRecord.from_text("n1", text), load_lexicon())
    names = {n.id: n.name for n in result.nodes}
    assert [names[r.source] for r in result.relationships if r.type == "AUTHORED"] == ["Tomasz Reilly"]


def test_a_name_line_under_the_title_the_recogniser_reads_as_a_person_is_the_narrator() -> None:
    text = "The committee that was told to forget\nWhy I stopped defending it\nThandeka Mokoena\nMay 14, 2024\n\n" + _PROSE
    found = byline(text, len(text))
    assert found is not None and found.said == "Thandeka Mokoena" and found.is_person
    name, _, _ = _author(text)
    assert name == "Thandeka Mokoena"


def test_posted_by_a_first_name_and_initial_names_the_narrator_however_rare_the_name() -> None:
    name, _, _ = _author("Notes from a kitchen table\n\nPosted 14 March 2023 by Zanele Q.\n\n" + _PROSE)
    assert name.rstrip(".") == "Zanele Q"


def test_a_bulleted_name_line_after_a_translators_note_is_the_byline() -> None:
    text = ("Why I left: questions and answers\n\n"
            "Translated from the German by the author. The original went up on my blog in February 2021 and "
            "several people asked me for an English version, so here it is, lightly edited for readers abroad.\n\n"
            "- Gudrun P., Leipzig\n\n" + _PROSE)
    found = byline(text, len(text))
    assert found is not None and found.said.rstrip(".") == "Gudrun P"
    name, _, _ = _author(text)
    assert name.rstrip(".") == "Gudrun P"


def test_a_signature_above_a_copy_list_names_the_narrator_without_the_form_of_address() -> None:
    text = ("Dear Comrade President,\n\n" + _PROSE + "\n\nYours in the struggle,\n\n(Signed)\n\n"
            "Comrade Chidera B. Okonkwo\nFormer Chairman, Eastfield Branch\n\n"
            "cc: The General Secretary\n    The Chairman, National Audit Committee\n"
            "    The Chairman, State Council\n    Branch Secretary (dissolved executive)\n")
    name, _, _ = _author(text)
    assert name == "Chidera B. Okonkwo"


def test_a_comment_section_headed_with_its_count_closes_the_body_above_the_signature() -> None:
    text = (_PROSE + "\n\n— Hedda\n\nComments (2)\n\n"
            "Marit Solberg · 14 September 2024 at 21:07\nThank you for writing this. Ottilie Brandt did the same to me.\n\n"
            "Hedda · 15 September 2024 at 10:15\n@Marit Thank you.\n")
    result = extract_entities(AccountRecord.from_text("n1", text), load_lexicon())
    names = {n.id: n.name for n in result.nodes}
    assert [names[r.source] for r in result.relationships if r.type == "AUTHORED"] == ["Hedda"]
    assert "Ottilie Brandt" not in names.values()  # named only in a comment
