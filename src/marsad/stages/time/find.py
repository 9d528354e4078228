"""Time expressions in a text, as `Timex` spans into that text with their values."""

from __future__ import annotations

from datetime import date

from marsad.arabic import Normalized, normalize
from marsad.model.document import Span
from marsad.model.timex import Timex
from marsad.stages.time import dates
from marsad.stages.time.recognize import recognize
from marsad.stages.time.resolve import resolve_found


def find_timex(text: str, anchor: date | None, folded: Normalized | None = None) -> list[Timex]:
    """Time expressions in `text`, sorted and non-overlapping, resolved against `anchor`
    (the publication date; None when unknown, which leaves years open and relative words null).
    `folded` is `text` already normalised (the normalize stage's), to avoid doing it twice."""
    anchor = dates.usable_anchor(anchor)
    folded = folded if folded is not None and folded.source_len == len(text) else normalize(text)
    out: list[Timex] = []
    year: int | None = None
    for found in recognize(folded.text):
        start = folded.offsets[found.start]
        # Marks dropped after the last letter (the tatweel of "هـ", tanween) stay inside the span.
        end = folded.offsets[found.end] if found.end < len(folded.offsets) else len(text)
        res = resolve_found(found, anchor, previous_year=year)
        if res.value and res.value[:4].isdigit():
            year = int(res.value[:4])
        out.append(Timex(Span(start, end), text[start:end], res.value, res.kind, res.flags))
    return out
