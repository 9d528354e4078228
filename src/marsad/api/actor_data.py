"""Actors: looked up by name in the knowledge base, with their roles over time, what the stored
articles say they did and said, and who meets whom."""

from __future__ import annotations

from typing import Any

from marsad.api import shape
from marsad.api.reads import events_page
from marsad.arabic import fold
from marsad.kb import KnowledgeBase
from marsad.kb.query import find_people
from marsad.store import Store
from marsad.store.queries import EventFilter


def _names_match(query: str, names: tuple[str, ...], name_en: str) -> int:
    """2 for an exact name, 1 for a substring, 0 for none (Arabic compared after folding)."""
    fq, lq = fold(query), query.lower()
    folded = [fold(n) for n in names]
    if fq in folded or lq == name_en.lower():
        return 2
    return 1 if any(fq in n for n in folded) or lq in name_en.lower() else 0


def record(kb: KnowledgeBase, aid: str) -> dict[str, Any] | None:
    """The knowledge-base entry of a person (p:…), country (c:ISO3) or organisation (org:…)."""
    if aid in kb.people:
        p = kb.people[aid]
        return {
            "id": p.id,
            "name_en": p.name_en,
            "names_ar": list(p.names_ar),
            "kind": "PER",
            "country": p.country_at(None),
            "roles": [_role(r) for r in sorted(p.roles, key=lambda r: r.start or "")],
        }
    if aid.startswith("c:") and aid[2:] in kb.countries:
        c = kb.countries[aid[2:]]
        return {
            "id": aid,
            "name_en": c.name_en,
            "names_ar": list(c.names_ar),
            "kind": "GPE",
            "country": c.iso3,
            "roles": [],
        }
    if aid in kb.organizations:
        o = kb.organizations[aid]
        return {
            "id": o.id,
            "name_en": o.name_en,
            "names_ar": list(o.names_ar),
            "kind": "ORG",
            "country": o.country,
            "roles": [],
        }
    return None


def _role(r: Any) -> dict[str, Any]:
    return {
        "key": r.key,
        "title_en": r.title_en,
        "country": r.country,
        "org": r.org,
        "start": r.start,
        "end": r.end,
        "interim": r.interim,
    }


def find(
    kb: KnowledgeBase, store: Store, name: str, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """People, countries and organisations whose Arabic or English name contains `name`."""
    people = [record(kb, p.id) for p in find_people(kb, name, limit=10_000)]
    others = []
    for c in kb.countries.values():
        if m := _names_match(name, c.names_ar, c.name_en):
            others.append((-m, record(kb, f"c:{c.iso3}")))
    for o in kb.organizations.values():
        if m := _names_match(name, o.names_ar, o.name_en):
            others.append((-m, record(kb, o.id)))
    found = [r for r in people if r] + [r for _, r in sorted(others, key=lambda x: x[0]) if r]
    items = found[offset : offset + limit]
    for it in items:
        it.pop("roles", None)
        it["mentions"] = mentions(store, it["id"])
    return items, len(found)


def mentions(store: Store, aid: str) -> int:
    return store.conn.execute("SELECT count(*) FROM entities WHERE actor_id = ?", (aid,)).fetchone()[0]


def from_store(store: Store, aid: str) -> dict[str, Any] | None:
    """An actor the knowledge base does not hold, as the stored mentions name it."""
    r = store.conn.execute(
        "SELECT name_en, country, label FROM entities WHERE actor_id = ? LIMIT 1", (aid,)
    ).fetchone()
    if r is None:
        return None
    return {
        "id": aid,
        "name_en": r["name_en"] or aid,
        "names_ar": [],
        "kind": r["label"],
        "country": r["country"],
        "roles": [],
    }


def reported_roles(store: Store, aid: str) -> list[dict[str, Any]]:
    """The roles the articles give the actor, with the first and last publication date of each;
    mentions are counted per document first, so each document's date is looked up once."""
    sql = (
        "SELECT x.role_en, min(d.published) AS first, max(d.published) AS last, sum(x.n) AS mentions"
        " FROM (SELECT role_en, doc, count(*) AS n FROM entities WHERE actor_id = ? AND role_en IS NOT NULL"
        " GROUP BY role_en, doc) x JOIN documents d ON d.hash = x.doc"
        " GROUP BY x.role_en ORDER BY first, mentions DESC"
    )
    return [dict(r) for r in store.conn.execute(sql, (aid,))]


def quotes_page(store: Store, aid: str, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """The actor's quotes, newest article first (the page is chosen through indexes, then read)."""
    ids = [
        r[0]
        for r in store.conn.execute(
            "SELECT q.rowid FROM quotes q JOIN documents d ON d.hash = q.doc WHERE q.speaker_id = ?"
            " ORDER BY d.published DESC, q.doc, q.start LIMIT ? OFFSET ?",
            (aid, limit, offset),
        )
    ]
    sql = (
        "SELECT q.rowid AS qid, q.start, q.end, q.text, q.cue, q.speaker_id, q.speaker_name, d.id AS doc_id,"
        " d.hash AS doc_hash, d.outlet, d.published, d.story, d.title FROM quotes q"
        f" JOIN documents d ON d.hash = q.doc WHERE q.rowid IN ({','.join('?' * len(ids))})"
    )
    by_id = {r["qid"]: shape.quote(dict(r)) for r in store.conn.execute(sql, ids)} if ids else {}
    total = store.conn.execute("SELECT count(*) FROM quotes WHERE speaker_id = ?", (aid,)).fetchone()[0]
    return [by_id[i] for i in ids], total


def detail(kb: KnowledgeBase, store: Store, aid: str, limit: int, offset: int) -> dict[str, Any] | None:
    """Roles over time (knowledge base and as reported), events and quotes, each paged."""
    rec = record(kb, aid) or from_store(store, aid)
    if rec is None:
        return None
    events, n_events = events_page(store, EventFilter(actor=aid, limit=limit, offset=offset))
    quotes, n_quotes = quotes_page(store, aid, limit, offset)
    return {
        **rec,
        "mentions": mentions(store, aid),
        "reported_roles": reported_roles(store, aid),
        "events": shape.page([shape.event(e) for e in events], n_events, limit, offset),
        "quotes": shape.page(quotes, n_quotes, limit, offset),
    }


def graph(
    store: Store,
    etype: str | None = "CONSULT",
    country: str | None = None,
    people_only: bool = True,
    limit: int = 40,
    offset: int = 0,
    actor: str | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Pairs of actors linked by events of `etype` (meetings, calls and visits by default), both
    directions counted together, most frequent first."""
    where, args = ["e.source_id IS NOT NULL", "e.target_id IS NOT NULL", "e.source_id != e.target_id"], []
    if etype:
        where.append("e.type = ?")
        args.append(etype.upper())
    if people_only:
        where.append("e.source_id LIKE 'p:%' AND e.target_id LIKE 'p:%'")
    if country:
        where.append("(e.source_country = ? OR e.target_country = ?)")
        args += [country.upper()] * 2
    if actor:
        where.append("(e.source_id = ? OR e.target_id = ?)")
        args += [actor, actor]
    sql = (
        "SELECT min(e.source_id, e.target_id) AS a, max(e.source_id, e.target_id) AS b, count(*) AS n"
        f" FROM events e WHERE {' AND '.join(where)} GROUP BY a, b ORDER BY n DESC, a, b"
    )
    pairs = [(r["a"], r["b"], r["n"]) for r in store.conn.execute(sql, args)]
    top = pairs[offset : offset + limit]
    names = _actor_names(store, {x for a, b, _ in top for x in (a, b)})
    edges = [
        {"source": names.get(a) or {"id": a}, "target": names.get(b) or {"id": b}, "n": n} for a, b, n in top
    ]
    return edges, len(pairs)


def _actor_names(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for aid in ids:
        r = (
            store.conn.execute(
                "SELECT source_name, source_country, source_ar FROM events WHERE source_id = ? LIMIT 1",
                (aid,),
            ).fetchone()
            or store.conn.execute(
                "SELECT target_name, target_country, target_ar FROM events WHERE target_id = ? LIMIT 1",
                (aid,),
            ).fetchone()
        )
        if r:
            out[aid] = shape.actor(aid, r[0], r[1], r[2]) or {"id": aid}
    return out
