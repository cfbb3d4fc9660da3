"""Stable pseudonyms: a keyed hash of a person's id with the project's secret.

The secret lives in ``$TGRAPH_HOME/redaction.key`` (mode 0600), created on
first use. The same person gets the same pseudonym in every export of the
project, so two redacted exports can be joined; without the key nobody can
test a guessed name against a pseudonym.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from graph.errors import InputError
from graph.settings import load_settings

__all__ = ["KEY_FILE", "load_secret", "pseudonym_tag", "pseudonym", "pseudonym_id"]

KEY_FILE = "redaction.key"
_TAG_LENGTH = 6


def load_secret(home: Path | None = None) -> bytes:
    """The project's redaction secret, created (0600) if the project has none."""
    home = home or load_settings().home
    path = home / KEY_FILE
    try:
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass  # the usual case, or another process made it a moment ago
    except OSError as exc:
        raise InputError(f"cannot create the redaction key: {exc.strerror}", where=str(path)) from None
    else:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
    try:
        key = path.read_text(encoding="ascii").strip()
    except OSError as exc:
        raise InputError(f"cannot read the redaction key: {exc.strerror}", where=str(path)) from None
    if len(key) < 32:
        raise InputError("the redaction key is empty or too short; restore it from a backup", where=str(path))
    return key.encode("ascii")


def pseudonym_tag(secret: bytes, person_id: str) -> str:
    """Six hex digits of HMAC-SHA256(secret, id).

    >>> pseudonym_tag(b"k" * 32, "ben-s") == pseudonym_tag(b"k" * 32, "ben-s")
    True
    >>> len(pseudonym_tag(b"k" * 32, "ben-s"))
    6
    """
    return hmac.new(secret, person_id.encode("utf-8"), hashlib.sha256).hexdigest()[:_TAG_LENGTH]


def pseudonym(secret: bytes, person_id: str) -> str:
    return f"Person {pseudonym_tag(secret, person_id)}"


def pseudonym_id(secret: bytes, person_id: str) -> str:
    return f"person:redacted-{pseudonym_tag(secret, person_id)}"
