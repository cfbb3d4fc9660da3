"""Fixtures of the store's tests: the hand-made documents of handmade_docs.py."""

from __future__ import annotations

import pytest

from graph.model import GraphDocument
from handmade_docs import first_document, second_document


@pytest.fixture
def first() -> GraphDocument:
    return first_document()


@pytest.fixture
def second() -> GraphDocument:
    return second_document()
