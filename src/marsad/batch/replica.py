"""A larger archive made from an analysed batch output, for measuring the story stage at scale.

Replication happens on the analysed output (documents and events, the story stage's inputs), not
on the articles, so a 300k-article archive costs seconds instead of hours of analysis. Copy k of
every document gets the id and hash suffixed with "~k" and its publication date moved k *
`shift_days` later: the archive grows in time as a real one does (ten years of the same outlets),
each copy keeping the day-by-day density and the near-duplicates of the original.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from marsad.batch.tables import SCHEMAS, month_of

_DOC_COLS = ["id", "hash", "published", "title", "outlet", "story_terms"]
_EVENT_COLS = ["doc_id", "doc_hash", "published", "n", "type", "mode", "source", "target", "participants",
               "date", "status", "evidence"]


def _shift(published: str | None, days: int) -> str | None:
    if not published or days == 0:
        return published
    try:
        return (date.fromisoformat(published[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return published


def _copy(rows: list[dict[str, Any]], k: int, days: int, id_key: str, hash_key: str) -> list[dict[str, Any]]:
    return [r | {id_key: f"{r[id_key]}~{k}", hash_key: f"{r[hash_key]}~{k}", "published": _shift(r["published"], days)}
            for r in rows]


def _write(dst: Path, table: str, rows: list[dict[str, Any]], columns: list[str], part: str) -> None:
    schema = pa.schema([SCHEMAS[table].field(c) for c in columns])
    by_month: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_month.setdefault(month_of(r["published"]), []).append(r)
    for month, rs in by_month.items():
        d = dst / table / f"month={month}"
        d.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rs, schema=schema), d / f"part-{part}.parquet")


def replicate(src: str | Path, dst: str | Path, n_docs: int, shift_days: int = 365) -> int:
    """Write to `dst` the documents and events of `src` copied until there are `n_docs` documents
    (the last copy cut short); returns the number of documents written."""
    src, dst = Path(src), Path(dst)
    docs = ds.dataset(src / "documents", format="parquet", partitioning="hive").to_table(columns=_DOC_COLS)
    evs = ds.dataset(src / "events", format="parquet", partitioning="hive").to_table(columns=_EVENT_COLS)
    base_docs = sorted(docs.to_pylist(), key=lambda r: (r["published"] or "", r["id"], r["hash"]))
    base_events = evs.to_pylist()
    written, k = 0, 0
    while written < n_docs:
        take = base_docs[: n_docs - written]
        keys = {(r["id"], r["hash"]) for r in take}
        events = [e for e in base_events if (e["doc_id"], e["doc_hash"]) in keys]
        _write(dst, "documents", _copy(take, k, k * shift_days, "id", "hash"), _DOC_COLS, f"{k:04d}")
        _write(dst, "events", _copy(events, k, k * shift_days, "doc_id", "doc_hash"), _EVENT_COLS, f"{k:04d}")
        written += len(take)
        k += 1
    return written
