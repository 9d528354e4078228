"""Paged reads for the API on large stores. Events use the same filter as
`marsad.store.queries.EventFilter`, ordered through the `events_sort` index (migration m004):
an actor given by id (`p:sergey-lavrov`, `c:RUS`) is looked up by index, a name by substring."""

from __future__ import annotations

import json
from typing import Any

from marsad.api.snippets import snippet
from marsad.arabic import fold
from marsad.store import Store
from marsad.store.queries import EVENT_COLUMNS, QUAD, EventFilter

EVENT_SELECT = (
    f"SELECT e.rowid, e.n, {EVENT_COLUMNS}, d.title FROM events e JOIN documents d ON d.hash = e.doc"
)
COOPERATION = tuple(t for t, (_, w) in QUAD.items() if w > 0)


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    clauses, args = ["1=1"], []
    if f.actor:
        a = f.actor.strip()
        if ":" in a:
            clauses.append("(e.source_id = ? OR e.target_id = ?)")
            args += [a, a]
        else:
            clauses.append(
                "(lower(e.source_name) LIKE ? OR lower(e.target_name) LIKE ? OR e.source_ar LIKE ?"
                " OR e.target_ar LIKE ?)"
            )
            args += [f"%{a.lower()}%", f"%{a.lower()}%", f"%{a}%", f"%{a}%"]
    if f.dyad:
        x, y = (c.upper() for c in f.dyad)
        # Three indexed lookups (either direction, then multi-party events) instead of one OR that
        # SQLite would answer by scanning every event.
        clauses.append(
            "e.rowid IN (SELECT rowid FROM events WHERE source_country = ? AND target_country = ?"
            " UNION ALL SELECT rowid FROM events WHERE source_country = ? AND target_country = ?"
            " UNION SELECT rowid FROM events WHERE participants != ''"
            " AND instr(',' || participants || ',', ?) > 0 AND instr(',' || participants || ',', ?) > 0)"
        )
        args += [x, y, y, x, f",{x},", f",{y},"]
    for col, val in (("e.type", f.type and f.type.upper()), ("e.status", f.status), ("d.outlet", f.outlet)):
        if val:
            clauses.append(f"{col} = ?")
            args.append(val)
    for op, val in ((">=", f.since), ("<=", f.until)):
        if val:
            clauses.append(f"e.date IS NOT NULL AND e.date NOT LIKE '--%' AND substr(e.date, 1, ?) {op} ?")
            args += [len(val), val]
    return " AND ".join(clauses), args


def _ordered(store: Store, f: EventFilter, order: str) -> list[dict[str, Any]]:
    """One page of events: the matching rowids are ordered and cut first (from the events table and
    its indexes alone), then only that page is joined with its documents for the evidence text."""
    where, args = event_where(f)
    join = " JOIN documents d ON d.hash = e.doc" if f.outlet else ""
    ids = [
        r[0]
        for r in store.conn.execute(
            f"SELECT e.rowid FROM events e{join} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            (*args, f.limit, f.offset),
        )
    ]
    if not ids:
        return []
    rows = store.conn.execute(f"{EVENT_SELECT} WHERE e.rowid IN ({','.join('?' * len(ids))})", ids)
    by_id = {r["rowid"]: dict(r) for r in rows}
    return [by_id[i] for i in ids]


def events_page(store: Store, f: EventFilter) -> tuple[list[dict[str, Any]], int]:
    """Events matching the filter, newest first (by event date, else publication date)."""
    return _ordered(store, f, "e.sort_date DESC, e.doc, e.n"), count_events(store, f)


def count_events(store: Store, f: EventFilter) -> int:
    where, args = event_where(f)
    join = " JOIN documents d ON d.hash = e.doc" if f.outlet else ""
    return store.conn.execute(f"SELECT count(*) FROM events e{join} WHERE {where}", args).fetchone()[0]


def timeline_page(store: Store, f: EventFilter) -> tuple[list[dict[str, Any]], int]:
    """Events in date order: open-year dates ("--10-21") first at their month and day, undated last."""
    return _ordered(store, f, "e.date IS NULL, e.sort_date, e.doc, e.n"), count_events(store, f)


def series(store: Store, a: str, b: str) -> list[dict[str, Any]]:
    """Monthly counts per type for a country pair and the cooperation–conflict score
    (the numbers of `queries.dyad_series`, counted in SQL)."""
    where, args = event_where(EventFilter(dyad=(a, b)))
    sql = (
        f"SELECT substr(e.sort_date, 1, 7) AS month, e.type, count(*) AS n FROM events e WHERE {where}"
        " AND e.sort_date NOT LIKE '--%' AND length(e.sort_date) >= 7 GROUP BY month, e.type ORDER BY month"
    )
    months: dict[str, dict[str, Any]] = {}
    for r in store.conn.execute(sql, args):
        m = months.setdefault(r["month"], {"month": r["month"], "types": {}, "events": 0, "score": 0})
        m["types"][r["type"]] = r["n"]
        m["events"] += r["n"]
        m["score"] += QUAD.get(r["type"], ("", 0))[1] * r["n"]
    return list(months.values())


def dyads_page(store: Store, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Country pairs (two different countries) by number of events. Counted per ordered pair through
    the (source_country, target_country, type) index, then folded into unordered pairs."""
    sql = (
        "SELECT source_country, target_country, type, count(*) FROM events WHERE source_country IS NOT NULL"
        " AND target_country IS NOT NULL AND source_country != target_country"
        " GROUP BY source_country, target_country, type"
    )
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for x, y, etype, n in store.conn.execute(sql):
        a, b = min(x, y), max(x, y)
        p = pairs.setdefault((a, b), {"a": a, "b": b, "n": 0, "cooperation": 0, "conflict": 0})
        p["n"] += n
        p["cooperation" if etype in COOPERATION else "conflict"] += n
    rows = sorted(pairs.values(), key=lambda p: (-p["n"], p["a"], p["b"]))
    return rows[offset : offset + limit], len(rows)


def documents_page(
    store: Store, limit: int, offset: int, outlet: str | None = None, story: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Stored articles, newest first, with their numbers of events and quotes."""
    where, args = ["1=1"], []
    for col, val in (("outlet", outlet), ("story", story)):
        if val:
            where.append(f"d.{col} = ?")
            args.append(val)
    w = " AND ".join(where)
    sql = (
        "SELECT d.id, d.hash, d.title, d.outlet, d.published, d.language, d.story,"
        " (SELECT count(*) FROM events e WHERE e.doc = d.hash) AS events,"
        " (SELECT count(*) FROM quotes q WHERE q.doc = d.hash) AS quotes"
        f" FROM documents d WHERE {w} ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?"
    )
    rows = [dict(r) for r in store.conn.execute(sql, (*args, limit, offset))]
    return rows, store.conn.execute(f"SELECT count(*) FROM documents d WHERE {w}", args).fetchone()[0]


def fts_match(query: str) -> str | None:
    """The FTS5 expression `Store.search` uses: every folded word, quoted."""
    terms = [t for t in fold(query).replace('"', " ").split() if t]
    return " ".join(f'"{t}"' for t in terms) if terms else None


def _search_where(
    match: str, outlet: str | None, since: str | None, until: str | None
) -> tuple[str, list[Any]]:
    where, args = ["documents_fts MATCH ?"], [match]
    if outlet:
        where.append("d.outlet = ?")
        args.append(outlet)
    for op, val in ((">=", since), ("<=", until)):
        if val:
            where.append(f"substr(d.published, 1, ?) {op} ?")
            args += [len(val), val]
    join = " JOIN documents d ON d.hash = documents_fts.hash" if len(where) > 1 else ""
    return f"FROM documents_fts{join} WHERE {' AND '.join(where)}", args


def search_page(
    store: Store,
    q: str,
    limit: int,
    offset: int,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    marks: tuple[str, str] = ("[", "]"),
) -> tuple[list[dict[str, Any]], int]:
    """Full-text search, best first, with filters on outlet and publication date (YYYY, YYYY-MM or
    YYYY-MM-DD). The page is ranked first; snippets are cut for that page only."""
    match = fts_match(q)
    if match is None:
        return [], 0
    body, args = _search_where(match, outlet, since, until)
    sql = f"SELECT documents_fts.rowid {body} ORDER BY rank LIMIT ? OFFSET ?"
    ids = [r[0] for r in store.conn.execute(sql, (*args, limit, offset))]
    total = store.conn.execute(f"SELECT count(*) {body}", args).fetchone()[0]
    if not ids:
        return [], total
    sql = (
        "SELECT documents_fts.rowid AS fid, d.hash, d.id, d.title, d.outlet, d.published, d.story, d.text"
        " FROM documents_fts JOIN documents d ON d.hash = documents_fts.hash"
        f" WHERE documents_fts.rowid IN ({','.join('?' * len(ids))})"
    )
    by_id = {r["fid"]: dict(r) for r in store.conn.execute(sql, ids)}
    words = [t.strip('"') for t in match.split()]
    out = []
    for i in ids:
        if i in by_id:
            hit = by_id[i]
            hit["snippet"] = snippet(hit.pop("text"), words, marks)
            hit.pop("fid")
            out.append(hit)
    return out, total


def outlets(store: Store) -> list[str]:
    return [
        r[0]
        for r in store.conn.execute(
            "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY 1"
        )
    ]


def analyses(store: Store, where: str, args: list[Any]) -> list[dict[str, Any]]:
    return [
        json.loads(r[0]) for r in store.conn.execute(f"SELECT analysis FROM documents WHERE {where}", args)
    ]
