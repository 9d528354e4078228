"""Time expressions and their ISO values."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.model.document import Span


@dataclass(slots=True)
class Timex:
    """A time expression. `value` is ISO 8601 at its granularity ("2025-10-21", "2025-10",
    "2017", "2021-W39", "198X", "2023-03-06/2023-03-10"), a partial form with the year open
    ("--10-21", "--10"), or None when the text does not allow a value. `kind` names the rule
    (date, month, year, weekday, relative, range, header, hijri); `flags` carry remarks such as
    "weekday-mismatch" or "part:late"."""

    span: Span
    text: str
    value: str | None
    kind: str = "date"
    flags: list[str] = field(default_factory=list)
