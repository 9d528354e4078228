"""Ordered schema migrations, recorded in the `migrations` table."""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[tuple[str, str]] = [
    (
        "m001_documents",
        """
        CREATE TABLE documents (
            hash TEXT PRIMARY KEY,
            id TEXT NOT NULL,
            source TEXT, outlet TEXT, title TEXT, published TEXT, language TEXT,
            text TEXT NOT NULL,
            story TEXT,
            analysis TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX documents_id ON documents(id);
        CREATE INDEX documents_published ON documents(published);
        CREATE VIRTUAL TABLE documents_fts USING fts5(hash UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2');
        """,
    ),
    (
        "m002_annotations",
        """
        CREATE TABLE entities (
            doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE,
            start INTEGER, end INTEGER, text TEXT, label TEXT,
            actor_id TEXT, name_en TEXT, country TEXT, role_en TEXT
        );
        CREATE INDEX entities_doc ON entities(doc);
        CREATE INDEX entities_actor ON entities(actor_id);
        CREATE TABLE events (
            doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE,
            n INTEGER, type TEXT, mode TEXT,
            source_id TEXT, source_name TEXT, source_country TEXT,
            target_id TEXT, target_name TEXT, target_country TEXT,
            date TEXT, status TEXT, attributed_to TEXT, location TEXT,
            ev_start INTEGER, ev_end INTEGER
        );
        CREATE INDEX events_doc ON events(doc);
        CREATE INDEX events_pair ON events(source_country, target_country);
        CREATE INDEX events_type ON events(type);
        CREATE TABLE quotes (
            doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE,
            start INTEGER, end INTEGER, text TEXT, cue TEXT, speaker_id TEXT, speaker_name TEXT
        );
        CREATE INDEX quotes_doc ON quotes(doc);
        """,
    ),
    (
        "m003_stories",
        """
        ALTER TABLE events ADD COLUMN source_ar TEXT;
        ALTER TABLE events ADD COLUMN target_ar TEXT;
        ALTER TABLE events ADD COLUMN participants TEXT;
        CREATE INDEX events_date ON events(date);
        CREATE INDEX documents_story ON documents(story);
        CREATE INDEX entities_country ON entities(country);
        """,
    ),
]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations in order; return the names applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT DEFAULT (datetime('now')))")
    done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        with conn:
            conn.executescript("BEGIN;" + sql + f"INSERT INTO migrations(name) VALUES ('{name}'); COMMIT;")
        applied.append(name)
    return applied
