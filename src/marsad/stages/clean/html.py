"""HTML → main text and metadata with trafilatura (plus og/meta fallbacks for title and site)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE_SEP = re.compile(r"\s+[|\-–—»]\s+")


@dataclass(slots=True)
class HtmlExtract:
    text: str
    title: str | None
    published: str | None
    sitename: str | None


def extract_html(html: str) -> HtmlExtract:
    """Main text (paragraphs one per line), title, date and site name of an HTML page."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=False,
        deduplicate=False,
    )
    if doc is None:
        return HtmlExtract("", _meta(html, "og:title"), None, _meta(html, "og:site_name"))
    text = doc.text or ""
    lead = _summary(html)
    if lead and lead not in text:
        text = lead + "\n" + text  # the article's summary line often sits outside the body container
    title = _clean_title(doc.title or _meta(html, "og:title"), doc.sitename)
    site = _meta(html, "og:site_name") or (doc.sitename if doc.sitename and doc.sitename != doc.title else None)
    return HtmlExtract(text, title, doc.date if _explicit_date(html) else None, site)


_SUMMARY_CLASS = ("summary", "standfirst", "excerpt", "article-lead", "lead-text", "intro")


def _summary(html: str) -> str | None:
    """The text of an element marked as the article's summary or lead, if the page has one."""
    try:
        from lxml import html as lxml_html
    except ImportError:  # pragma: no cover - lxml comes with trafilatura
        return None
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    cond = " or ".join(f"contains(@class, '{c}')" for c in _SUMMARY_CLASS)
    for el in tree.xpath(f"//p[{cond}] | //div[{cond}]"):
        text = " ".join(el.text_content().split())
        if len(text) >= 40:
            return text
    return None


def _meta(html: str, prop: str) -> str | None:
    m = re.search(rf"""<meta[^>]+(?:property|name)=["']{re.escape(prop)}["'][^>]*content=["']([^"']+)""", html, re.I)
    if not m:
        m = re.search(rf"""<meta[^>]+content=["']([^"']+)["'][^>]*(?:property|name)=["']{re.escape(prop)}["']""", html, re.I)
    return m.group(1).strip() if m else None


def _clean_title(title: str | None, site: str | None) -> str | None:
    """Drop a " | Site name" suffix from an HTML title."""
    if not title:
        return None
    parts = _TITLE_SEP.split(title)
    if len(parts) > 1 and (site and parts[-1].strip() == site or len(parts[-1].split()) <= 3):
        title = " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
    return title.strip() or None


def _explicit_date(html: str) -> bool:
    """trafilatura may guess a date from URLs or today's date; only trust pages that state one."""
    return bool(
        re.search(r"""(article:published_time|datePublished|pubdate|og:published|"date"|itemprop=["']date)""", html, re.I)
    )
