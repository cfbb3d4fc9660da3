"""One exception root. The CLI turns any of these into one line and exit status 1."""

from __future__ import annotations

__all__ = [
    "TestimonyGraphError",
    "ValidationError",
    "InputError",
    "StoreError",
    "StoreUnavailable",
    "ReadOnlyViolation",
    "QueryError",
]


class TestimonyGraphError(Exception):
    """Base of every error this project raises on purpose.

    ``where`` names the file or value at fault so the message can say it first.
    """

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ValidationError(TestimonyGraphError):
    """A document, node, relationship or piece of evidence breaks the contract."""


class InputError(TestimonyGraphError):
    """A file cannot be read as an account or a document."""


class StoreError(TestimonyGraphError):
    """The store refused or failed an operation."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or started."""


class ReadOnlyViolation(StoreError):
    """A statement on the read-only path tried to write."""


class QueryError(TestimonyGraphError):
    """A saved or ad-hoc query is unknown, malformed or got bad parameters."""
