"""Clean stage: main text without boilerplate, title, publication date, outlet, language."""

from __future__ import annotations

import hashlib

from marsad.model.document import Document
from marsad.pipeline.registry import stage
from marsad.stages.clean.html import extract_html
from marsad.stages.clean.lines import filter_lines
from marsad.stages.clean.metadata import dateline_outlet, detect_language

__all__ = ["clean", "filter_lines"]


LISTING_DATE_LINES = 4


@stage("clean", requires=("raw",), provides=("text", "title", "published", "outlet", "language", "hash"))
def clean(doc: Document) -> Document:
    """Strip boilerplate and fill title, publication date, outlet and language."""
    raw = doc.raw
    html_title = html_site = html_date = None
    if doc.format == "html":
        ex = extract_html(raw)
        raw, html_title, html_date, html_site = ex.text, ex.title, ex.published, ex.sitename
        if not raw.strip():
            doc.warnings.append("no article text found in HTML page")
    filtered = filter_lines(raw.splitlines())
    lines = list(filtered.kept)
    if doc.format == "html" and filtered.date_lines >= LISTING_DATE_LINES:
        # A section index: one teaser and one date per item, no article of its own.
        doc.warnings.append("no article text found in HTML page (a listing of other articles)")
        lines = []
    body = [x for x in lines if x != filtered.dateline]
    if html_title and not any(_same(html_title, x) for x in body[:3]):
        lines.insert(1 if lines and lines[0] == filtered.dateline else 0, html_title)
    doc.text = "\n".join(lines)
    doc.title = doc.title or html_title or (body[0] if body and _title_like(body[0]) else None)
    doc.published = doc.published or html_date or filtered.header_date
    doc.outlet = doc.outlet or html_site or dateline_outlet(body[1:], _known_outlets())
    doc.language = detect_language(doc.text)
    if doc.language != "ar":
        doc.warnings.append(f"language is {doc.language!r}, not Arabic: analysis skipped")
    doc.meta["dropped_lines"] = len(filtered.dropped)
    doc.hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:16]
    return doc


def _title_like(line: str) -> bool:
    """A first line that reads as a headline: short, not a finished sentence."""
    return len(line.split()) <= 25 and not line.rstrip().endswith(".")


def _same(a: str, b: str) -> bool:
    return a.strip() == b.strip()


def _known_outlets() -> frozenset[str]:
    from marsad.kb import load_kb

    return load_kb().outlet_names
