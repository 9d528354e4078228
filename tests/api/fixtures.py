"""A store holding the bundled examples and one hostile article (script-laden title, outlet and
id; HTML tags in its text and quote), shared by the API and browser tests."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from marsad.analyze import analyze_many
from marsad.model.document import Document
from marsad.stages.ingest import IngestOptions
from marsad.stages.ingest.read import _read_jsonl_lines
from marsad.store import Store

HOSTILE_TITLE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
HOSTILE = {
    "id": "hostile<svg onload=alert(9)>",
    "title": HOSTILE_TITLE,
    "outlet": "<b onmouseover=alert(3)>Evil</b>",
    "published": "2025-10-22",
    "text": (
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني عباس عراقجي في طهران يوم الثلاثاء "
        '<iframe src="javascript:alert(4)"></iframe> لبحث الملف النووي.\n'
        'وقال لافروف: "<script>alert(5)</script> إن التعاون مع إيران مستمر" <img src=x onerror=alert(6)>.'
    ),
}
# Raw markup that must never reach a page unescaped.
DANGEROUS = ("<script>alert", "<img src=x", "<iframe", "<svg onload", "<b onmouseover")


def hostile_document() -> Document:
    line = json.dumps(HOSTILE, ensure_ascii=False)
    return next(analyze_many(_read_jsonl_lines([line], "hostile.jsonl", IngestOptions(), None)))


def build_store(path: Path, seed_docs: dict[str, Document]) -> Path:
    """The seeds (analysed, with their stories) and the hostile article, in a new store file."""
    hostile = hostile_document()
    hostile.story = "s-hostile"
    with Store(path) as store:
        for d in [*seed_docs.values(), hostile]:
            store.put(d)
    return path


class _Audit(HTMLParser):
    """Collects what a browser would run or load: script and frame tags, event-handler attributes,
    javascript: URLs and images from anywhere."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts.append(a.get("src"))
        if tag in ("iframe", "frame", "object", "embed", "img", "base"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "xlink:href") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"<{tag} {name}=javascript:…>")


def audit(html: str) -> tuple[list[str], list[str | None]]:
    """(problems, script srcs) of a page, as the browser's parser sees it."""
    p = _Audit()
    p.feed(html)
    p.close()
    return p.problems, p.scripts
