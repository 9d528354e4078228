"""Load a batch output into the SQLite store, month partition by month partition.

Each document's contract object is rebuilt from its rows (documents, entities, events, quotes and
its story from doc_story), turned back into a Document and stored with `Store.put`, so the store
holds exactly what `marsad ingest` would have stored, and loading twice keeps one copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from marsad.batch.stories import months
from marsad.batch.tables import contract_from_rows
from marsad.contract import actor_from_json, document_from_json
from marsad.model.actors import Mention
from marsad.model.document import Document, Span
from marsad.model.timex import Timex
from marsad.store import Store

Key = tuple[str, str]


def _rows(output: Path, table: str, month: str) -> list[dict[str, Any]]:
    path = output / table / f"month={month}"
    if not path.is_dir() or not any(path.glob("*.parquet")):
        return []
    return pq.read_table(path).to_pylist()


def _grouped(rows: list[dict[str, Any]]) -> dict[Key, list[dict[str, Any]]]:
    out: dict[Key, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault((r["doc_id"], r["doc_hash"]), []).append(r)
    for rs in out.values():
        rs.sort(key=lambda r: r["n"])
    return out


def month_contracts(output: Path, month: str) -> Iterator[dict[str, Any]]:
    """The contract objects of one month's documents."""
    ents, evs, qs = (_grouped(_rows(output, t, month)) for t in ("entities", "events", "quotes"))
    story = {(r["doc_id"], r["doc_hash"]): r["story"] for r in _rows(output, "doc_story", month)}
    for d in _rows(output, "documents", month):
        k = (d["id"], d["hash"])
        yield contract_from_rows(d, ents.get(k, []), evs.get(k, []), qs.get(k, []), story.get(k))


def document_from_contract(d: dict[str, Any]) -> Document:
    """A Document that `contract.document_json` turns back into `d` (entities and timex included)."""
    doc = document_from_json(d)
    doc.entities = [Mention(Span(e["start"], e["end"]), e["text"], e["label"], actor_from_json(e["actor"]))
                    for e in d["entities"]]
    doc.timex = [Timex(Span(t["start"], t["end"]), t["text"], t["value"], t["kind"], list(t["flags"]))
                 for t in d["timex"]]
    doc.warnings = list(d["warnings"])
    return doc


def ingest_parquet(output_dir: str | Path, db_path: str | Path) -> int:
    """Store every document of the batch output at `output_dir` in the SQLite file `db_path`;
    returns how many documents were loaded."""
    out = Path(output_dir)
    if not (out / "documents").is_dir():
        raise FileNotFoundError(f"{out}: not a batch output (no documents/ dataset)")
    n = 0
    with Store(db_path) as store:
        # One commit per document as Store.put does it; without a sync per commit (WAL keeps the
        # file consistent; a crash loses at most the last documents, which a rerun puts back).
        store.conn.execute("PRAGMA synchronous = NORMAL")
        for month in months(out):
            for d in month_contracts(out, month):
                store.put(document_from_contract(d))
                n += 1
    return n
