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
    (
        # For the API on large stores: events carry their sort date (the event's date, else the
        # article's publication date, kept by a trigger) so lists page through an index; lookups
        # by actor id, speaker and story use their own indexes.
        "m004_api_indexes",
        """
        ALTER TABLE events ADD COLUMN sort_date TEXT NOT NULL DEFAULT '';
        UPDATE events
            SET sort_date = coalesce(date, (SELECT published FROM documents d WHERE d.hash = events.doc), '');
        CREATE TRIGGER events_sort_date AFTER INSERT ON events BEGIN
            UPDATE events
                SET sort_date = coalesce(NEW.date, (SELECT published FROM documents WHERE hash = NEW.doc), '')
                WHERE rowid = NEW.rowid;
        END;
        CREATE INDEX events_sort ON events(sort_date DESC, doc, n);
        CREATE INDEX events_source_id ON events(source_id);
        CREATE INDEX events_target_id ON events(target_id);
        CREATE INDEX events_participants ON events(participants) WHERE participants != '';
        CREATE INDEX quotes_speaker ON quotes(speaker_id, doc, start);
        CREATE INDEX documents_recent ON documents(published DESC, id);
        CREATE INDEX documents_outlet ON documents(outlet, published);
        CREATE INDEX documents_hash_published ON documents(hash, published);
        CREATE INDEX entities_actor_role ON entities(actor_id, role_en, doc);
        CREATE INDEX events_pair_type ON events(source_country, target_country, type);
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
