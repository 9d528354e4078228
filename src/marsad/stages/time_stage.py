"""Time stage: find time expressions and resolve them against the publication date."""

from __future__ import annotations

from datetime import date

from marsad.model.document import Document
from marsad.pipeline.registry import stage
from marsad.stages.time import find_timex


def anchor_of(doc: Document) -> date | None:
    """The publication date as the anchor for relative expressions, when known."""
    if not doc.published:
        return None
    try:
        return date.fromisoformat(doc.published[:10])
    except ValueError:
        return None


@stage("time", requires=("text", "published"), provides=("timex",))
def time_stage(doc: Document) -> Document:
    """Time expressions as ISO values (partial when the year is open)."""
    if doc.language not in (None, "ar"):
        return doc
    doc.timex = find_timex(doc.text, anchor_of(doc), doc.cache.get("folded"))
    return doc
