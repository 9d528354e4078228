"""The `analyze` output contract (DESIGN.md, "Interchange formats"): Document → JSON object."""

from __future__ import annotations

from typing import Any

from marsad.model.actors import ActorRef
from marsad.model.document import Document
from marsad.model.events import Event, Quote


def actor_json(a: ActorRef | None) -> dict[str, Any] | None:
    return a.to_json() if a else None


def event_json(doc: Document, e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": e.type,
        "mode": e.mode,
        "source": actor_json(e.source),
        "target": actor_json(e.target),
        "date": e.date,
        "location": {"name_en": e.location.name_en, "country": e.location.country} if e.location else None,
        "status": e.status,
        "attributed_to": e.attributed_to,
        "evidence": {"start": e.evidence.start, "end": e.evidence.end, "text": doc.span_text(e.evidence)},
    }
    if e.participants:
        out["participants"] = list(e.participants)
    return out


def quote_json(q: Quote) -> dict[str, Any]:
    return {"start": q.span.start, "end": q.span.end, "text": q.text, "cue": q.cue, "speaker": actor_json(q.speaker)}


def document_json(doc: Document) -> dict[str, Any]:
    """The contract object for one analysed document."""
    return {
        "id": doc.id,
        "source": doc.source,
        "outlet": doc.outlet,
        "title": doc.title,
        "published": doc.published,
        "language": doc.language,
        "hash": doc.hash,
        "text": doc.text,
        "entities": [
            {"start": m.span.start, "end": m.span.end, "text": m.text, "label": m.label, "actor": actor_json(m.actor)}
            for m in doc.entities
        ],
        "timex": [
            {"start": t.span.start, "end": t.span.end, "text": t.text, "value": t.value, "kind": t.kind, "flags": t.flags}
            for t in doc.timex
        ],
        "events": [event_json(doc, e) for e in doc.events],
        "quotes": [quote_json(q) for q in doc.quotes],
        "story": doc.story,
        "duplicate_of": doc.meta.get("duplicate_of"),
        "warnings": list(doc.warnings),
    }


def actor_from_json(d: dict[str, Any] | None) -> ActorRef | None:
    if not d:
        return None
    return ActorRef(d.get("id"), d.get("name_en") or "", d.get("country"), d.get("kind") or "PER", d.get("role_en"),
                    d.get("sector"), d.get("name_ar"), bool(d.get("inferred")))


def document_from_json(d: dict[str, Any]) -> Document:
    """Rebuild an analysed Document from its contract object (the store's and exports' form)."""
    from marsad.model.document import Span
    from marsad.model.events import Place

    doc = Document(id=d["id"], text=d.get("text") or "", source=d.get("source"), title=d.get("title"),
                   outlet=d.get("outlet"), published=d.get("published"), language=d.get("language"),
                   hash=d.get("hash") or "", story=d.get("story"))
    if d.get("duplicate_of"):
        doc.meta["duplicate_of"] = d["duplicate_of"]
    for e in d.get("events") or []:
        loc = e.get("location")
        ev = e["evidence"]
        doc.events.append(Event(
            type=e["type"], source=actor_from_json(e.get("source")), target=actor_from_json(e.get("target")),
            evidence=Span(ev["start"], ev["end"]), mode=e.get("mode"), date=e.get("date"),
            location=Place(loc["name_en"], loc.get("country")) if loc else None, status=e.get("status") or "asserted",
            attributed_to=e.get("attributed_to"), participants=list(e.get("participants") or []),
        ))
    for q in d.get("quotes") or []:
        doc.quotes.append(Quote(Span(q["start"], q["end"]), q["text"], q.get("cue"), actor_from_json(q.get("speaker"))))
    return doc
