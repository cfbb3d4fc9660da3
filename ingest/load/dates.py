"""Reading a publication date written by a person into ISO 8601.

Only unambiguous forms are converted ("June 23, 2022", "23 June 2022",
"2022-06-23", "June 2022", "2022"); anything else (notably 03/04/2022, which
is a different day in Europe and the US) is left as written.
"""

from __future__ import annotations

import re

__all__ = ["iso_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_PATTERNS = [
    re.compile(rf"^{_YEAR}-(?P<mnum>\d\d)(?:-(?P<dnum>\d\d))?(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$"),
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.IGNORECASE),
    re.compile(rf"^{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}$", re.IGNORECASE),
    re.compile(rf"^{_MONTH},?\s+{_YEAR}$", re.IGNORECASE),
    re.compile(rf"^{_YEAR}$"),
]


def iso_date(text: str) -> str | None:
    """ISO 8601 for a date written in words or digits, as precise as it is; else None.

    >>> iso_date("June 23, 2022")
    '2022-06-23'
    >>> iso_date("23rd June 2022"), iso_date("Sept. 2019"), iso_date("2021")
    ('2022-06-23', '2019-09', '2021')
    >>> iso_date("2022-06-23T10:00:00+00:00")
    '2022-06-23'
    >>> iso_date("03/04/2022") is None
    True
    """
    value = " ".join(text.split())
    for pattern in _PATTERNS:
        match = pattern.match(value)
        if not match:
            continue
        parts = match.groupdict()
        year = parts["year"]
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS.get((parts.get("month") or "").lower())
        if parts.get("month") and month is None:
            return None
        day = int(parts["dnum"]) if parts.get("dnum") else int(parts["day"]) if parts.get("day") else None
        if month is None:
            return year
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            return None
        return f"{year}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
    return None
