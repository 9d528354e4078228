"""Embedded SQLite store: one file, ordered migrations, FTS5 over folded text, upsert by hash."""

from marsad.store.store import Store

__all__ = ["Store"]
