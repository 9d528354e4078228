"""Named reads shared by the CLI and the API: events, stories, timelines, country-pair series."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from marsad.store.store import Store

# PLOVER quad classes: verbal/material cooperation and conflict, for the cooperation–conflict measure.
QUAD = {
    "AGREE": ("verbal cooperation", 1), "CONSULT": ("verbal cooperation", 1), "SUPPORT": ("verbal cooperation", 1),
    "CONCEDE": ("material cooperation", 2), "COOPERATE": ("material cooperation", 2), "AID": ("material cooperation", 2),
    "RETREAT": ("material cooperation", 2), "REQUEST": ("verbal conflict", -1), "ACCUSE": ("verbal conflict", -1),
    "REJECT": ("verbal conflict", -1), "THREATEN": ("verbal conflict", -1), "PROTEST": ("material conflict", -2),
    "SANCTION": ("material conflict", -2), "MOBILIZE": ("material conflict", -2), "COERCE": ("material conflict", -2),
    "ASSAULT": ("material conflict", -2),
}

EVENT_COLUMNS = (
    "e.type, e.mode, e.status, e.date, e.source_id, e.source_name, e.source_country, e.source_ar, e.target_id,"
    " e.target_name, e.target_country, e.target_ar, e.location, e.attributed_to, e.participants,"
    " e.ev_start, e.ev_end, substr(d.text, e.ev_start + 1, e.ev_end - e.ev_start) AS evidence,"
    " d.id AS doc_id, d.hash AS doc_hash, d.outlet, d.published, d.story"
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    limit: int = 50
    offset: int = 0


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    clauses, args = ["1=1"], []
    if f.actor:
        a = f.actor.strip()
        clauses.append("(e.source_id = ? OR e.target_id = ? OR lower(e.source_name) LIKE ? OR lower(e.target_name) LIKE ?"
                       " OR e.source_ar LIKE ? OR e.target_ar LIKE ?)")
        args += [a, a, f"%{a.lower()}%", f"%{a.lower()}%", f"%{a}%", f"%{a}%"]
    if f.dyad:
        x, y = (c.upper() for c in f.dyad)
        clauses.append("((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?)"
                       " OR (instr(',' || e.participants || ',', ?) > 0 AND instr(',' || e.participants || ',', ?) > 0))")
        args += [x, y, y, x, f",{x},", f",{y},"]
    for col, val in (("e.type", f.type and f.type.upper()), ("e.status", f.status), ("d.outlet", f.outlet)):
        if val:
            clauses.append(f"{col} = ?")
            args.append(val)
    if f.since:
        clauses.append("e.date IS NOT NULL AND e.date NOT LIKE '--%' AND substr(e.date, 1, ?) >= ?")
        args += [len(f.since), f.since]
    if f.until:
        clauses.append("e.date IS NOT NULL AND e.date NOT LIKE '--%' AND substr(e.date, 1, ?) <= ?")
        args += [len(f.until), f.until]
    return " AND ".join(clauses), args


def list_events(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Events matching the filter, newest first (undated last), with their evidence sentence."""
    where, args = _where(f)
    sql = (f"SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.hash = e.doc WHERE {where}"
           " ORDER BY coalesce(e.date, d.published, '') DESC, d.id, e.n LIMIT ? OFFSET ?")
    return [dict(r) for r in store.conn.execute(sql, (*args, f.limit, f.offset))]


def count_events(store: Store, f: EventFilter) -> int:
    where, args = _where(f)
    return store.conn.execute(f"SELECT count(*) FROM events e JOIN documents d ON d.hash = e.doc WHERE {where}", args).fetchone()[0]


def timeline(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Events in date order; partial dates ("--10-21", "2025-10") sort at their granularity and
    undated events come last."""
    rows = list_events(store, replace(f, limit=10_000, offset=0))
    return sorted(rows, key=lambda r: (r["date"] is None, _sort_key(r["date"] or r["published"] or "")))


def _sort_key(value: str) -> str:
    if value.startswith("--"):
        return "0000" + value[1:]  # the year is open: keep month and day order among themselves
    return value.split("/")[0]


def dyad_series(store: Store, a: str, b: str) -> list[dict[str, Any]]:
    """Monthly counts per PLOVER type for a country pair, and the cooperation–conflict score
    (sum of quad weights: +1 verbal / +2 material cooperation, −1 verbal / −2 material conflict)."""
    rows = list_events(store, EventFilter(dyad=(a, b), limit=1_000_000))
    months: dict[str, dict[str, Any]] = {}
    for r in rows:
        d = r["date"] or r["published"]
        if not d or d.startswith("--") or len(d) < 7:
            continue
        m = months.setdefault(d[:7], {"month": d[:7], "types": {}, "events": 0, "score": 0})
        m["types"][r["type"]] = m["types"].get(r["type"], 0) + 1
        m["events"] += 1
        m["score"] += QUAD.get(r["type"], ("", 0))[1]
    return [months[k] for k in sorted(months)]


def dyads(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """Country pairs by number of events."""
    sql = ("SELECT min(source_country, target_country) AS a, max(source_country, target_country) AS b, count(*) AS n,"
           " sum(CASE WHEN type IN ('AGREE','CONSULT','SUPPORT','CONCEDE','COOPERATE','AID','RETREAT') THEN 1 ELSE 0 END)"
           " AS cooperation FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL"
           " GROUP BY a, b ORDER BY n DESC LIMIT ?")
    return [dict(r) for r in store.conn.execute(sql, (limit,))]


def stories(store: Store, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Stories, newest first, with their outlets and number of articles."""
    sql = ("SELECT story AS id, count(*) AS articles, count(DISTINCT outlet) AS outlets,"
           " group_concat(DISTINCT outlet) AS outlet_names, min(published) AS first_published,"
           " max(published) AS last_published, min(title) AS title FROM documents WHERE story IS NOT NULL"
           " GROUP BY story ORDER BY coalesce(max(published), '') DESC, articles DESC LIMIT ? OFFSET ?")
    return [dict(r) for r in store.conn.execute(sql, (limit, offset))]


def story_documents(store: Store, story_id: str) -> list[dict[str, Any]]:
    import json

    rows = store.conn.execute("SELECT analysis FROM documents WHERE story = ? ORDER BY published, id", (story_id,))
    return [json.loads(r[0]) for r in rows]


def story_candidates(store: Store, published: list[str | None], terms: list[list[str]], per_doc: int = 20,
                     window_days: int = 2, cap: int = 3000) -> list[dict[str, Any]]:
    """Stored documents that a batch could join: those published within the window of the batch's
    dates, and the best full-text matches of each new document's key terms."""
    import json
    from datetime import date, timedelta

    hashes: dict[str, None] = {}
    days = sorted(p[:10] for p in published if p)
    if days:
        lo = (date.fromisoformat(days[0]) - timedelta(days=window_days)).isoformat()
        hi = (date.fromisoformat(days[-1]) + timedelta(days=window_days)).isoformat()
        for r in store.conn.execute("SELECT hash FROM documents WHERE published BETWEEN ? AND ? ORDER BY published DESC"
                                    " LIMIT ?", (lo, hi + "T", cap)):
            hashes[r[0]] = None
    for words in terms:
        if not words:
            continue
        match = " OR ".join(f'"{w}"' for w in words)
        for r in store.conn.execute("SELECT hash FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                                    (match, per_doc)):
            hashes[r[0]] = None
    if not hashes:
        return []
    marks = ",".join("?" * len(hashes))
    rows = store.conn.execute(f"SELECT analysis FROM documents WHERE hash IN ({marks})", list(hashes))
    return [json.loads(r[0]) for r in rows]
