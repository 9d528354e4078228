"""Article text with its annotations as HTML, built only from escaped pieces.

Evidence sentences, quotes, entities and time expressions may overlap; the text is cut at every
boundary and each piece is wrapped in the tags of the annotations covering it, nested in a fixed
order (evidence, quote, entity/date). A tag cut by a crossing annotation is closed and reopened;
only its first piece carries the id an event or quote links to. Every piece of article text and
every attribute value goes through `markupsafe.escape`: nothing in an article can become markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from marsad.api.shape import anchor
from marsad.kb import KnowledgeBase
from marsad.web.gloss import actor_gloss, status_gloss, type_gloss

RANK = {"ev": 0, "quote": 1, "ent": 2, "timex": 2}


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    kind: str
    classes: str
    title: str = ""
    id: str | None = None
    data: dict[str, str] = field(default_factory=dict)

    def key(self) -> tuple[int, int, int]:
        return RANK[self.kind], self.start, -self.end

    def open_tag(self, first: bool) -> str:
        attrs = [f'class="{escape(self.classes)}"']
        if first and self.id:
            attrs.append(f'id="{escape(self.id)}"')
        if self.title:
            attrs.append(f'title="{escape(self.title)}"')
        attrs += [f'data-{k}="{escape(v)}"' for k, v in self.data.items()]
        return f"<span {' '.join(attrs)}>"


def _gloss_text(g: Any) -> str:
    return f"{g.ar} · {g.en}" if g.ar and g.ar != g.en else g.en


def marks(kb: KnowledgeBase, data: dict[str, Any]) -> list[Mark]:
    """The annotations of a stored document as marks: one per evidence span (shared by the events it
    supports), quote, entity and time expression."""
    out: list[Mark] = []
    spans: dict[tuple[int, int], list[str]] = {}
    for e in data.get("events") or []:
        ev = e["evidence"]
        line = (
            f"{_gloss_text(type_gloss(e['type']))}: {_gloss_text(actor_gloss(kb, e.get('source')))} ← "
            f"{_gloss_text(actor_gloss(kb, e.get('target')))} ({status_gloss(e.get('status')).ar})"
        )
        spans.setdefault((ev["start"], ev["end"]), []).append(line)
    for (s, e), lines in spans.items():
        out.append(Mark(s, e, "ev", "ev", "\n".join(lines), anchor(s, e), {"ev": anchor(s, e)}))
    for q in data.get("quotes") or []:
        who = _gloss_text(actor_gloss(kb, q.get("speaker"))) if q.get("speaker") else "؟"
        qid = f"q-{q['start']}-{q['end']}"
        out.append(
            Mark(q["start"], q["end"], "quote", "quote", f"{who} ({q.get('cue') or ''})", qid, {"ev": qid})
        )
    for m in data.get("entities") or []:
        title = _gloss_text(actor_gloss(kb, m["actor"])) if m.get("actor") else m["label"]
        out.append(Mark(m["start"], m["end"], "ent", f"ent ent-{m['label']}", title))
    for t in data.get("timex") or []:
        out.append(Mark(t["start"], t["end"], "timex", "timex", t.get("value") or "؟"))
    n = len(data.get("text") or "")
    return [m for m in out if 0 <= m.start < m.end <= n]


def highlight(text: str, ms: list[Mark]) -> Markup:
    """`text` as HTML with every mark wrapped around its characters."""
    cuts = sorted({0, len(text), *(m.start for m in ms), *(m.end for m in ms)})
    stack: list[Mark] = []
    opened: set[int] = set()
    parts: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        want = sorted((m for m in ms if m.start <= lo and hi <= m.end), key=Mark.key)
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        parts.append("</span>" * (len(stack) - keep))
        for m in want[keep:]:
            parts.append(m.open_tag(id(m) not in opened))
            opened.add(id(m))
        stack = want
        parts.append(str(escape(text[lo:hi])))
    parts.append("</span>" * len(stack))
    return Markup("".join(parts))


def article_html(kb: KnowledgeBase, data: dict[str, Any]) -> Markup:
    return highlight(data.get("text") or "", marks(kb, data))
