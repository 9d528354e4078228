"""Latency of the REST API and dashboard pages on a store of ~100k documents.

The store is built once (and reused): a few thousand ANT articles (read in place from
../shared/data) are analysed and stored, then their analyses are replicated with new ids, hashes,
stories and dates (shifted week by week, so series span years) until the store holds --docs
documents. Each endpoint is then called in-process through the HTTP test client and the p50/p95
latency printed.

usage: python bench/api_latency.py [--db out/api_latency_100k.db] [--docs 100000] [--seed-docs 3000]
                                   [--requests 40] [--rebuild]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from marsad.contract import document_from_json
from marsad.model.actors import Mention
from marsad.model.document import Document, Span
from marsad.model.timex import Timex
from marsad.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "ant_corpus_multisource" / "ant_multisource_v2.1.jsonl.gz"
NEWS = ("internationalNews", "middleEast")


def ant_records(path: Path, n: int) -> Iterator[dict[str, Any]]:
    """News articles (international and Middle East) with text, in file order."""
    seen = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("cat") in NEWS and rec.get("text"):
                yield rec
                seen += 1
                if seen >= n:
                    return


def analysed_seed(path: Path, n: int) -> list[Document]:
    from marsad.analyze import analyze_many
    from marsad.stages.ingest import document_from_text
    from marsad.stages.stories import assign_stories

    docs = (
        document_from_text(
            r["text"],
            doc_id=r["docno"],
            source=r.get("path"),
            meta={
                "title": r.get("title") or "",
                "outlet": r.get("src") or "",
                "url": r.get("url") or "",
                "published": r.get("time_iso") or "",
            },
        )
        for r in ant_records(path, n)
    )
    out = list(analyze_many(docs, on_error=lambda err: None))
    assign_stories(out)
    return out


def rebuild(data: dict[str, Any]) -> Document:
    """A full Document (events, quotes, entities, dates) from its stored contract object."""
    doc = document_from_json(data)
    from marsad.contract import actor_from_json

    for e in data.get("entities") or []:
        doc.entities.append(
            Mention(Span(e["start"], e["end"]), e["text"], e["label"], actor_from_json(e.get("actor")))
        )
    for t in data.get("timex") or []:
        doc.timex.append(
            Timex(
                Span(t["start"], t["end"]),
                t["text"],
                t.get("value"),
                t.get("kind") or "date",
                list(t.get("flags") or []),
            )
        )
    doc.warnings = list(data.get("warnings") or [])
    return doc


def _shift(value: str | None, days: int) -> str | None:
    """A full ISO date moved by `days`; partial and open-year values are kept."""
    if not value or len(value) < 10 or value.startswith("--"):
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


def replica(data: dict[str, Any], k: int) -> Document:
    """Copy number k of a stored analysis: new id, hash and story; dates shifted by k weeks."""
    days = 7 * k
    doc = rebuild(data)
    doc.id = f"{data['id']}~{k}"
    doc.hash = hashlib.sha256(f"{data['hash']}:{k}".encode()).hexdigest()[:16]
    doc.story = f"{data['story']}~{k}" if data.get("story") else None
    doc.published = _shift(data.get("published"), days)
    for e in doc.events:
        e.date = _shift(e.date, days)
    for t in doc.timex:
        t.value = _shift(t.value, days)
    return doc


class _BulkStore(Store):
    """Store.put for replicas known to be new: skips the delete of a previous copy (the FTS table
    indexes no hash, so that delete scans every row and would make the build quadratic)."""

    def _delete(self, h: str) -> None:
        pass


def build(db: Path, total: int, seed_n: int) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    seed = analysed_seed(CORPUS, seed_n)
    print(f"analysed {len(seed)} ANT articles in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    with Store(db) as store:
        store.conn.execute("PRAGMA synchronous = OFF")
        for d in seed:
            store.put(d)
        datas = [data for h in dict.fromkeys(d.hash for d in seed) if (data := store.get(h)) is not None]
        count, k = store.count(), 1
    with _BulkStore(db) as store:
        store.conn.execute("PRAGMA synchronous = OFF")
        while count < total:
            for data in datas[: total - count]:
                count += store.put(replica(data, k))
            k += 1
            print(f"  {count} documents ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
        store.conn.execute("PRAGMA optimize")
        store.conn.execute("ANALYZE")
    print(f"built {db} in {time.perf_counter() - t0:.0f}s", file=sys.stderr)


def samples(db: Path) -> dict[str, str]:
    """Realistic parameters taken from the store: a busy actor, a story, a document, a pair."""
    with Store(db) as store:
        c = store.conn
        actor = c.execute(
            "SELECT source_id FROM events WHERE source_id LIKE 'p:%' GROUP BY source_id"
            " ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        story = c.execute(
            "SELECT story FROM documents WHERE story IS NOT NULL ORDER BY published DESC LIMIT 1"
        ).fetchone()[0]
        doc = c.execute("SELECT id FROM documents ORDER BY published DESC LIMIT 1").fetchone()[0]
        pair = c.execute(
            "SELECT min(source_country, target_country), max(source_country, target_country) FROM events"
            " WHERE source_country IS NOT NULL AND target_country IS NOT NULL"
            " AND source_country != target_country GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        return {"actor": actor, "story": story, "doc": doc, "a": pair[0], "b": pair[1]}


def endpoints(s: dict[str, str]) -> list[tuple[str, str]]:
    a, b = s["a"], s["b"]
    return [
        ("documents", "/api/documents?limit=20"),
        ("documents (page 200)", "/api/documents?limit=20&offset=4000"),
        ("document", f"/api/documents/{s['doc']}"),
        ("events", "/api/events?limit=50"),
        ("events type+dyad", f"/api/events?type=CONSULT&dyad={a},{b}&limit=50"),
        ("events actor", f"/api/events?actor={s['actor']}&limit=50"),
        ("events since/until", "/api/events?since=2019-01&until=2019-06&limit=50"),
        ("actors ?name", "/api/actors?name=لافروف"),
        ("actor", f"/api/actors/{s['actor']}"),
        ("stories", "/api/stories?limit=20"),
        ("story", f"/api/stories/{s['story']}"),
        ("timeline actor", f"/api/timeline?actor={s['actor']}&limit=50"),
        ("timeline dyad", f"/api/timeline?dyad={a},{b}&limit=50"),
        ("dyads", "/api/dyads?limit=20"),
        ("dyad series", f"/api/dyads/{a}/{b}/series"),
        ("search", "/api/search?q=لافروف&limit=20"),
        ("search common word", "/api/search?q=الرئيس&limit=20"),
        ("page: stories", "/"),
        ("page: story", f"/stories/{s['story']}"),
        ("page: article", f"/documents/{s['doc']}"),
        ("page: timeline dyad", f"/timeline?dyad={a},{b}"),
        ("page: actor", f"/actors/{s['actor']}"),
        ("page: graph", "/graph"),
        ("page: search", "/search?q=موسكو"),
    ]


def measure(db: Path, n: int) -> list[tuple[str, int, float, float, int]]:
    from fastapi.testclient import TestClient

    from marsad.api import ApiSettings, create_app

    client = TestClient(create_app(ApiSettings(), str(db)))
    rows = []
    s = samples(db)
    print("sampled: actor {actor}, story {story}, document {doc}, pair {a}-{b}".format(**s))
    for name, url in endpoints(s):
        times, size = [], 0
        for i in range(n + 2):
            t0 = time.perf_counter()
            r = client.get(url)
            dt = (time.perf_counter() - t0) * 1000
            if r.status_code != 200:
                raise SystemExit(f"{url}: HTTP {r.status_code} {r.text[:200]}")
            size = len(r.content)
            if i >= 2:  # the first two warm the caches
                times.append(dt)
        q = statistics.quantiles(times, n=20, method="inclusive")
        rows.append((name, len(times), statistics.median(times), q[18], size))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=ROOT / "out" / "api_latency_100k.db")
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed-docs", type=int, default=3000)
    ap.add_argument("--requests", type=int, default=40, help="timed requests per endpoint")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--build-only", action="store_true")
    args = ap.parse_args()
    if args.rebuild and args.db.exists():
        for p in (args.db, Path(f"{args.db}-wal"), Path(f"{args.db}-shm")):
            p.unlink(missing_ok=True)
    if not args.db.exists():
        build(args.db, args.docs, args.seed_docs)
    if args.build_only:
        return
    with Store(args.db) as store:
        docs, events = store.count(), store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"{docs} documents, {events} events in {args.db} ({args.db.stat().st_size / 1e9:.2f} GB)")
    print(f"{'endpoint':24s} {'n':>4s} {'p50 ms':>8s} {'p95 ms':>8s} {'bytes':>9s}")
    for name, n, p50, p95, size in measure(args.db, args.requests):
        print(f"{name:24s} {n:4d} {p50:8.1f} {p95:8.1f} {size:9d}")


if __name__ == "__main__":
    main()
