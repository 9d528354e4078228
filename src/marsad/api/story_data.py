"""Stories: the newest first with corroboration counts, and one story compared across outlets
(`marsad.stages.compare`): which outlet reports which event and quote, and where they disagree."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from marsad.api import shape
from marsad.api.reads import analyses
from marsad.contract import document_from_json, event_json
from marsad.stages.compare import Comparison, StoryEvent, compare
from marsad.store import Store
from marsad.store.queries import story_documents


def _recent_story_ids(store: Store, want: int) -> list[str]:
    """Story ids in order of their newest article, walking the publication-date index; stories whose
    newest article shares the last date are all kept so ties can be ordered by size."""
    seen: dict[str, None] = {}
    last: str | None = None
    cur = store.conn.execute("SELECT story, published FROM documents ORDER BY published DESC, id")
    for story, published in cur:
        if len(seen) >= want and published != last:
            break
        if story is not None and story not in seen:
            seen[story] = None
            last = published
    return list(seen)


def stories_page(store: Store, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Stories, newest first (then by number of articles), with outlets and corroboration counts."""
    ids = _recent_story_ids(store, offset + limit)
    if not ids:
        return [], 0
    marks = ",".join("?" * len(ids))
    sql = (
        "SELECT story AS id, count(*) AS articles, count(DISTINCT outlet) AS outlets,"
        " group_concat(DISTINCT outlet) AS outlet_names, min(published) AS first_published,"
        f" max(published) AS last_published, min(title) AS title FROM documents WHERE story IN ({marks})"
        " GROUP BY story"
    )
    rows = [dict(r) for r in store.conn.execute(sql, ids)]
    rows.sort(key=lambda r: (r["last_published"] or "", r["articles"]), reverse=True)
    rows = rows[offset : offset + limit]
    for r in rows:
        r["outlet_names"] = sorted((r["outlet_names"] or "").split(",")) if r["outlet_names"] else []
        r.update(_corroboration(store, r["id"]))
    return rows, story_count(store)


_COUNTS: dict[str, tuple[int, int]] = {}


def story_count(store: Store) -> int:
    """The number of stories, counted again only when the store has changed (a new or replaced
    document always gets a new, higher rowid)."""
    version = store.conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
    hit = _COUNTS.get(store.path)
    if hit is None or hit[0] != version:
        hit = (version, store.conn.execute("SELECT count(DISTINCT story) FROM documents").fetchone()[0])
        _COUNTS[store.path] = hit
    return hit[1]


def forget_counts(store: Store) -> None:
    """Drop the cached count after a write (a replaced last row may keep its rowid)."""
    _COUNTS.pop(store.path, None)


def _corroboration(store: Store, story: str) -> dict[str, int]:
    cmp = compare([document_from_json(d) for d in analyses(store, "story = ?", [story])])
    return {"events": len(cmp.events), "corroborated": sum(len(se.outlets) > 1 for se in cmp.events)}


def label(data: dict[str, Any]) -> str:
    """How a document is named in comparisons: its outlet, else its id."""
    return data.get("outlet") or data["id"]


def comparison(store: Store, story_id: str) -> dict[str, Any] | None:
    datas = story_documents(store, story_id)
    if not datas:
        return None
    docs = [document_from_json(d) for d in datas]
    cmp = compare(docs)
    by_id = {d["id"]: d for d in datas}
    return {
        "id": story_id,
        "title": min((d["title"] for d in datas if d.get("title")), default=None),
        "documents": [shape.summary(d) for d in datas],
        "outlets": sorted({label(d) for d in datas}),
        "events": [_story_event(cmp, se, by_id) for se in cmp.events],
        "quotes": story_quotes(datas),
    }


def _story_event(cmp: Comparison, se: StoryEvent, by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    first = next(d for d in cmp.documents if d.id == se.reports[0].doc_id)
    reports = []
    for r in se.reports:
        span = _evidence_span(by_id[r.doc_id], r.evidence)
        reports.append(
            {
                "doc_id": r.doc_id,
                "outlet": r.outlet,
                "published": r.published,
                "date": r.date,
                "status": r.status,
                "evidence": r.evidence,
                "anchor": shape.anchor(*span) if span else None,
            }
        )
    conflicts = {k: [{"outlet": o, "value": v} for o, v in vals] for k, vals in se.conflicts.items()}
    return {
        "event": event_json(first, se.event),
        "outlets": se.outlets,
        "reports": reports,
        "conflicts": conflicts,
        "omitted_by": cmp.omitted_by(se),
    }


def _evidence_span(data: dict[str, Any], text: str) -> tuple[int, int] | None:
    for e in data.get("events") or []:
        if e["evidence"]["text"] == text:
            return e["evidence"]["start"], e["evidence"]["end"]
    return None


def story_quotes(datas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes grouped by speaker: who is quoted by which outlet, and which outlets quote nobody of them."""
    groups: dict[str, dict[str, Any]] = defaultdict(lambda: {"speaker": None, "quotes": []})
    for d in datas:
        for q in d.get("quotes") or []:
            sp = q.get("speaker") or {}
            g = groups[sp.get("id") or sp.get("name_en") or "?"]
            g["speaker"] = g["speaker"] or q.get("speaker")
            ref = {
                "doc_id": d["id"],
                "doc_hash": d["hash"],
                "outlet": d.get("outlet"),
                "published": d.get("published"),
                "story": d.get("story"),
                "title": d.get("title"),
            }
            g["quotes"].append(
                {
                    **{k: q.get(k) for k in ("start", "end", "text", "cue", "speaker")},
                    "document": shape.docref(ref),
                }
            )
    everyone = {label(d) for d in datas}
    out = []
    for g in groups.values():
        said = {q["document"]["outlet"] or q["document"]["id"] for q in g["quotes"]}
        out.append({**g, "outlets": sorted(said), "omitted_by": sorted(everyone - said)})
    return sorted(out, key=lambda g: (-len(g["outlets"]), -len(g["quotes"])))
