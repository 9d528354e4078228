"""Store rows → the contract's JSON shapes (actors, events, quotes, document references)."""

from __future__ import annotations

from typing import Any


def anchor(start: int, end: int) -> str:
    """The fragment id of an evidence span on the article page (`/documents/ID#ev-120-245`)."""
    return f"ev-{start}-{end}"


def actor(
    aid: str | None,
    name: str | None,
    country: str | None,
    name_ar: str | None = None,
    role: str | None = None,
) -> dict[str, Any] | None:
    if not (aid or name or country):
        return None
    out: dict[str, Any] = {"id": aid, "name_en": name, "country": country, "role_en": role}
    if name_ar:
        out["name_ar"] = name_ar
    return out


def docref(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": r["doc_id"],
        "hash": r["doc_hash"],
        "outlet": r.get("outlet"),
        "published": r.get("published"),
        "story": r.get("story"),
        "title": r.get("title"),
    }


def event(r: dict[str, Any]) -> dict[str, Any]:
    """An events-table row (with its document's columns) in the contract's event shape."""
    out: dict[str, Any] = {
        "type": r["type"],
        "mode": r["mode"],
        "source": actor(r["source_id"], r["source_name"], r["source_country"], r["source_ar"]),
        "target": actor(r["target_id"], r["target_name"], r["target_country"], r["target_ar"]),
        "date": r["date"],
        "location": {"name_en": r["location"], "country": None} if r["location"] else None,
        "status": r["status"],
        "attributed_to": r["attributed_to"],
        "evidence": {"start": r["ev_start"], "end": r["ev_end"], "text": r["evidence"] or ""},
        "document": docref(r),
    }
    if r["participants"]:
        out["participants"] = r["participants"].split(",")
    return out


def quote(r: dict[str, Any]) -> dict[str, Any]:
    """A quotes-table row joined with its document."""
    return {
        "start": r["start"],
        "end": r["end"],
        "text": r["text"],
        "cue": r["cue"],
        "speaker": actor(r["speaker_id"], r["speaker_name"], None),
        "document": docref(r),
    }


def summary(data: dict[str, Any]) -> dict[str, Any]:
    """A document summary from its contract object."""
    keys = ("id", "hash", "title", "outlet", "published", "language", "story")
    return {
        **{k: data.get(k) for k in keys},
        "events": len(data.get("events") or []),
        "quotes": len(data.get("quotes") or []),
    }


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}
