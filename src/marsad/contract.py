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
        "warnings": list(doc.warnings),
    }
