"""Store: single writer, one transaction per document, upsert by content hash."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.arabic import fold
from marsad.contract import document_json
from marsad.model.document import Document
from marsad.store.migrations import migrate


@dataclass(frozen=True, slots=True)
class Hit:
    hash: str
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str


class Store:
    """An SQLite file holding analysed documents and their entities, events and quotes."""

    def __init__(self, path: str | Path = "marsad.db") -> None:
        self.path = str(path)
        self.conn = sqlite3.connect(self.path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        migrate(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def put(self, doc: Document) -> bool:
        """Insert or replace one analysed document atomically. Returns True when it was new."""
        data = document_json(doc)
        with self.conn:
            new = self.conn.execute("SELECT 1 FROM documents WHERE hash = ?", (doc.hash,)).fetchone() is None
            self._delete(doc.hash)
            cur = self.conn.execute(
                "INSERT INTO documents(hash, id, source, outlet, title, published, language, text, story, analysis)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc.hash, doc.id, doc.source, doc.outlet, doc.title, doc.published, doc.language, doc.text,
                 doc.story, json.dumps(data, ensure_ascii=False)),
            )
            # The search row shares the document's rowid, so replacing it is an indexed delete.
            self.conn.execute(
                "INSERT INTO documents_fts(rowid, hash, title, body) VALUES (?,?,?,?)",
                (cur.lastrowid, doc.hash, fold(doc.title or ""), fold(doc.text)),
            )
            self._annotations(doc.hash, data)
        return new

    def _delete(self, h: str) -> None:
        for table in ("entities", "events", "quotes"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc = ?", (h,))
        row = self.conn.execute("SELECT rowid FROM documents WHERE hash = ?", (h,)).fetchone()
        if row is not None:
            self.conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (row[0],))
        self.conn.execute("DELETE FROM documents WHERE hash = ?", (h,))

    def _annotations(self, h: str, data: dict[str, Any]) -> None:
        ents = [(h, e["start"], e["end"], e["text"], e["label"], *_actor_cols(e["actor"])) for e in data["entities"]]
        self.conn.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)", ents)
        evs = []
        for n, e in enumerate(data["events"]):
            s, t = e["source"] or {}, e["target"] or {}
            loc = (e["location"] or {}).get("name_en")
            evs.append((h, n, e["type"], e["mode"], s.get("id"), s.get("name_en"), s.get("country"), t.get("id"),
                        t.get("name_en"), t.get("country"), e["date"], e["status"], e["attributed_to"], loc,
                        e["evidence"]["start"], e["evidence"]["end"], s.get("name_ar"), t.get("name_ar"),
                        ",".join(e.get("participants") or [])))
        self.conn.executemany(
            "INSERT INTO events(doc, n, type, mode, source_id, source_name, source_country, target_id, target_name,"
            " target_country, date, status, attributed_to, location, ev_start, ev_end, source_ar, target_ar,"
            " participants) VALUES (" + ",".join("?" * 19) + ")",
            evs,
        )
        qs = [(h, q["start"], q["end"], q["text"], q["cue"], (q["speaker"] or {}).get("id"),
               (q["speaker"] or {}).get("name_en")) for q in data["quotes"]]
        self.conn.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?)", qs)

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def get(self, key: str) -> dict[str, Any] | None:
        """A stored document's analysis by id or hash."""
        row = self.conn.execute("SELECT analysis FROM documents WHERE hash = ? OR id = ? LIMIT 1", (key, key)).fetchone()
        return json.loads(row[0]) if row else None

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[Hit]:
        """Full-text search over folded text: spelling variants of alef, hamza, ya and diacritics match."""
        terms = [t for t in fold(query).replace('"', " ").split() if t]
        if not terms:
            return []
        match = " ".join(f'"{t}"' for t in terms)
        rows = self.conn.execute(
            "SELECT d.hash, d.id, d.title, d.outlet, d.published,"
            " snippet(documents_fts, 2, '[', ']', ' … ', 12) AS snip"
            " FROM documents_fts JOIN documents d ON d.hash = documents_fts.hash"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, limit, offset),
        ).fetchall()
        return [Hit(r["hash"], r["id"], r["title"], r["outlet"], r["published"], r["snip"]) for r in rows]


def _actor_cols(a: dict[str, Any] | None) -> tuple[Any, ...]:
    a = a or {}
    return a.get("id"), a.get("name_en"), a.get("country"), a.get("role_en")
