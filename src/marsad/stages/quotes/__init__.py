"""Quotes stage: direct speech with its cue and speaker (filled in by quotes.extract)."""

from __future__ import annotations

from marsad.model.document import Document
from marsad.pipeline.registry import stage


@stage("quotes", requires=("entities", "sentences"), provides=("quotes",))
def quotes_stage(doc: Document) -> Document:
    """Quotes in «», “” and "" with their speaker."""
    if doc.language not in (None, "ar") or "scan" not in doc.cache:
        return doc
    from marsad.stages.quotes.extract import extract_quotes

    doc.quotes = extract_quotes(doc)
    return doc
