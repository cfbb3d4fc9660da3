"""The saved queries: ``queries/*.cypher`` loaded into typed, checked records.

Each file is one research question as portable Cypher (header syntax in
:mod:`queries.header`). Loading checks what can be checked without a store:
the header is complete, the statement is read-only and single, and the
declared parameters are exactly the ``$names`` the statement uses. The
dashboard builds its widgets from these records, and ``tgraph query`` runs
them; both go through :func:`run_saved`, which uses the store's read-only path.

>>> catalogue = load_catalogue()
>>> query = catalogue["repeat_accused"]
>>> coerce_parameters(query, {"min_incidents": "3"})["min_incidents"]
3
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from graph.errors import QueryError, ReadOnlyViolation
from graph.readonly import check_read_only, strip_comments_and_strings
from queries.header import parse_query_text
from queries.params import Parameter, coerce_value, describe_parameters

if TYPE_CHECKING:
    from graph.store import GraphStore

__all__ = [
    "QUERY_DIR",
    "SavedQuery",
    "Parameter",
    "load_catalogue",
    "load_query_file",
    "parse_saved_query",
    "statement_parameters",
    "get_query",
    "coerce_parameters",
    "run_saved",
]

QUERY_DIR = Path(__file__).resolve().parent
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAMETER_USE = re.compile(r"\$(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]+)`)")


@dataclass(frozen=True)
class SavedQuery:
    """One research question: its words, its parameters and its statement.

    ``draws`` names the result columns that hold a drawable graph (``nodes``
    and ``relationships``), empty for purely tabular queries.
    """

    name: str
    title: str
    description: str
    question: str
    parameters: tuple[Parameter, ...]
    cypher: str
    returns: str = ""
    draws: tuple[str, ...] = ()
    path: Path | None = None

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        raise KeyError(name)

    def expects(self) -> str:
        """The parameters on one line, as error messages and listings show them."""
        return describe_parameters(self.parameters)


def statement_parameters(cypher: str) -> set[str]:
    """The ``$names`` a statement uses, outside comments and string literals."""
    code = strip_comments_and_strings(cypher)
    return {plain or escaped for plain, escaped in _PARAMETER_USE.findall(code)}


def parse_saved_query(name: str, text: str, where: str) -> SavedQuery:
    """Parse and check one saved query's text; ``where`` names it in errors."""
    if not _NAME.match(name):
        raise QueryError("a saved query's file name must be lower_snake_case (it is the query's name)", where=where)
    header, statement = parse_query_text(text, where)
    try:
        check_read_only(statement)
    except ReadOnlyViolation as exc:
        raise QueryError(f"a saved query must only read: {exc.message}", where=where) from None
    declared = {p.name for p in header.parameters}
    used = statement_parameters(statement)
    if declared != used:
        problems = []
        if used - declared:
            problems.append(f"uses undeclared {', '.join('$' + n for n in sorted(used - declared))}")
        if declared - used:
            problems.append(f"declares unused {', '.join(sorted(declared - used))}")
        raise QueryError(
            f"the header's parameters do not match the statement: it {' and '.join(problems)}; "
            "declare each $name once with `// param: NAME TYPE [= DEFAULT] -- HELP`",
            where=where,
        )
    unknown_draws = set(header.draws) - {"nodes", "relationships"}
    if unknown_draws:
        raise QueryError(
            f"`draws` names {', '.join(sorted(unknown_draws))}; only nodes and relationships can be drawn",
            where=where,
        )
    return SavedQuery(
        name=name,
        title=header.title,
        description=header.description,
        question=header.question,
        parameters=tuple(header.parameters),
        cypher=statement,
        returns=header.returns,
        draws=header.draws,
        path=None,
    )


def load_query_file(path: str | Path) -> SavedQuery:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read the saved query: {exc}", where=str(path)) from None
    query = parse_saved_query(path.stem, text, str(path))
    return SavedQuery(**{**query.__dict__, "path": path})


def load_catalogue(directory: str | Path | None = None) -> dict[str, SavedQuery]:
    """Every ``*.cypher`` file of ``directory`` (default: the package's own), by name."""
    directory = Path(directory) if directory is not None else QUERY_DIR
    return {path.stem: load_query_file(path) for path in sorted(directory.glob("*.cypher"))}


def get_query(name: str, catalogue: Mapping[str, SavedQuery] | None = None) -> SavedQuery:
    catalogue = load_catalogue() if catalogue is None else catalogue
    try:
        return catalogue[name]
    except KeyError:
        raise QueryError(
            f"no saved query by this name; known: {', '.join(sorted(catalogue))} (see `tgraph query list`)",
            where=name,
        ) from None


def coerce_parameters(query: SavedQuery, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Typed values for every declared parameter: given ones converted, defaults filled.

    Unknown names, missing required ones and values of the wrong type raise
    :class:`QueryError` with one line naming what the query expects.
    """
    where = f"query {query.name}"
    declared = {p.name: p for p in query.parameters}
    unknown = sorted(set(raw) - set(declared))
    if unknown:
        raise QueryError(
            f"unknown parameter {', '.join(unknown)}; expected: {query.expects()}",
            where=where,
        )
    values: dict[str, Any] = {}
    missing: list[str] = []
    for parameter in query.parameters:
        if parameter.name in raw and raw[parameter.name] is not None:
            try:
                values[parameter.name] = coerce_value(parameter.type, raw[parameter.name], where=parameter.name)
            except QueryError as exc:
                raise QueryError(f"{exc}; expected: {query.expects()}", where=where) from None
        elif parameter.required:
            missing.append(parameter.name)
        else:
            default = parameter.default
            values[parameter.name] = list(default) if isinstance(default, list) else default
    if missing:
        raise QueryError(
            f"missing parameter {', '.join(missing)}; expected: {query.expects()}",
            where=where,
        )
    return values


def run_saved(
    store: "GraphStore",
    name: str,
    raw_params: Mapping[str, Any] | None = None,
    *,
    catalogue: Mapping[str, SavedQuery] | None = None,
    timeout_ms: int | None = 30_000,
) -> list[dict[str, Any]]:
    """Run a saved query by name on the store's read-only path; rows as dicts."""
    query = get_query(name, catalogue)
    params = coerce_parameters(query, raw_params or {})
    return store.read(query.cypher, params, timeout_ms=timeout_ms)
