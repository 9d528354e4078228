"""Exports of a store: documents, entities, events, quotes and stories as JSONL, CSV or Parquet,
and events as PLOVER JSON records."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.store.store import Store

TABLES = {
    "documents": "SELECT id, hash, source, outlet, title, published, language, story, text FROM documents ORDER BY published, id",
    "entities": "SELECT d.id AS doc_id, e.start, e.end, e.text, e.label, e.actor_id, e.name_en, e.country, e.role_en"
                " FROM entities e JOIN documents d ON d.hash = e.doc ORDER BY d.id, e.start",
    "events": "SELECT d.id AS doc_id, d.outlet, d.published, d.story, e.n, e.type, e.mode, e.status, e.date,"
              " e.source_id, e.source_name, e.source_ar, e.source_country, e.target_id, e.target_name, e.target_ar,"
              " e.target_country, e.participants, e.location, e.attributed_to, e.ev_start, e.ev_end,"
              " substr(d.text, e.ev_start + 1, e.ev_end - e.ev_start) AS evidence"
              " FROM events e JOIN documents d ON d.hash = e.doc ORDER BY d.id, e.n",
    "quotes": "SELECT d.id AS doc_id, q.start, q.end, q.text, q.cue, q.speaker_id, q.speaker_name"
              " FROM quotes q JOIN documents d ON d.hash = q.doc ORDER BY d.id, q.start",
    "stories": "SELECT story AS id, count(*) AS articles, count(DISTINCT outlet) AS outlets, min(published) AS first_published,"
               " group_concat(id) AS documents FROM documents WHERE story IS NOT NULL GROUP BY story ORDER BY first_published",
}
FORMATS = ("jsonl", "csv", "parquet", "plover")


def rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    for r in store.conn.execute(TABLES[table]):
        yield dict(r)


def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER event record. A planned meeting, kept in marsad as CONSULT/planned, is an
    AGREE (intent to meet) in PLOVER terms."""
    event, mode = r["type"], r["mode"]
    if event == "CONSULT" and r["status"] == "planned":
        event, mode = "AGREE", None
    def actor(side: str) -> dict[str, Any]:
        return {"name": r[f"{side}_name"], "name_ar": r[f"{side}_ar"], "country": r[f"{side}_country"],
                "id": r[f"{side}_id"]}

    return {
        "id": f"{r['doc_id']}-{r['n']}", "date": r["date"], "event": event, "mode": mode, "context": [],
        "source": actor("source"), "target": actor("target"),
        "participants": [c for c in (r["participants"] or "").split(",") if c],
        "location": r["location"], "status": r["status"], "attributed_to": r["attributed_to"],
        "eventText": r["evidence"], "publication": {"id": r["doc_id"], "outlet": r["outlet"], "date": r["published"]},
        "story": r["story"],
    }


def export_store(store: Store, out_dir: str | Path, fmt: str = "jsonl") -> list[Path]:
    """Write every table (or PLOVER records) into `out_dir`; returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "plover":
        path = out / "plover.jsonl"
        _write_jsonl(path, (plover_record(r) for r in rows(store, "events")))
        return [path]
    written = []
    for table in TABLES:
        path = out / f"{table}.{fmt}"
        {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[fmt](path, rows(store, table))
        written.append(path)
    return written


def _write_jsonl(path: Path, items: Iterator[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")


def _write_csv(path: Path, items: Iterator[dict[str, Any]]) -> None:
    first = next(items, None)
    with path.open("w", encoding="utf-8", newline="") as fh:
        if first is None:
            return
        w = csv.DictWriter(fh, fieldnames=list(first))
        w.writeheader()
        w.writerow(first)
        w.writerows(items)


def _write_parquet(path: Path, items: Iterator[dict[str, Any]]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise RuntimeError("Parquet export needs pyarrow: pip install 'marsad[parquet]'") from None
    data = list(items)
    pq.write_table(pa.Table.from_pylist(data) if data else pa.table({}), path)
