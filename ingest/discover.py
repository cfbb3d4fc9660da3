"""The first ingest stage: which files to read.

Folders are walked recursively and keep only files of a supported format
(hidden files and folders such as ``.git`` are skipped); a file named on the
command line is always taken, so an unsupported one is reported rather than
silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ingest.load import is_supported

__all__ = ["Failure", "discover"]


@dataclass(frozen=True)
class Failure:
    """One input that could not go in: the file (or value) and why, for one error line."""

    where: str
    message: str

    def line(self) -> str:
        return f"{self.where}: {self.message}"


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Failure]]:
    """Files to ingest, in a stable order (each folder's files sorted), and paths that do not exist."""
    files: list[Path] = []
    failures: list[Failure] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and not _hidden(p, path) and is_supported(p))
            files.extend(sorted(found))
        elif path.is_file():
            files.append(path)
        else:
            failures.append(Failure(str(path), "no such file or folder"))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    # Keep the paths as the user wrote them (shorter in messages), deduplicated by real path.
    by_real = {p.resolve(): p for p in reversed(files)}
    return [by_real[p] for p in unique], failures
