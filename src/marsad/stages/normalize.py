"""Normalize stage: folded text with its offset map, and sentence spans."""

from __future__ import annotations

from marsad.arabic import Normalized, normalize, split_sentences
from marsad.model.document import Document
from marsad.pipeline.registry import stage


@stage("normalize", requires=("text",), provides=("sentences", "folded"))
def normalize_stage(doc: Document) -> Document:
    """Split sentences and cache the folded text used for matching."""
    doc.sentences = split_sentences(doc.text)
    doc.cache["folded"] = normalize(doc.text)
    return doc


def folded(doc: Document) -> Normalized:
    """The document's folded text, computed once."""
    norm = doc.cache.get("folded")
    if norm is None or norm.source_len != len(doc.text):
        norm = doc.cache["folded"] = normalize(doc.text)
    return norm
