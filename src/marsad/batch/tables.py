"""The batch output tables: Arrow schemas, one analysed Document → rows, rows → the JSON contract.

Every table row is derived from `contract.document_json`, so the Parquet datasets hold exactly
what `marsad analyze --format jsonl` prints, split into documents / entities / events / quotes.
Actors are structs with the contract's keys; `ingest_parquet` rebuilds the contract from them.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from marsad.contract import document_json
from marsad.model.document import Document
from marsad.stages.stories import terms

TABLES = ("documents", "entities", "events", "quotes")
UNKNOWN_MONTH = "unknown"

ACTOR = pa.struct([
    ("id", pa.string()), ("name_en", pa.string()), ("country", pa.string()), ("kind", pa.string()),
    ("role_en", pa.string()), ("sector", pa.string()), ("name_ar", pa.string()), ("inferred", pa.bool_()),
])
SPAN_TEXT = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
TIMEX = pa.struct([
    ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()), ("value", pa.string()),
    ("kind", pa.string()), ("flags", pa.list_(pa.string())),
])
_DOC_KEY = [("doc_id", pa.string()), ("doc_hash", pa.string()), ("published", pa.string()), ("n", pa.int32())]

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("id", pa.string()), ("hash", pa.string()), ("source", pa.string()), ("outlet", pa.string()),
        ("title", pa.string()), ("url", pa.string()), ("published", pa.string()), ("language", pa.string()),
        ("text", pa.string()), ("warnings", pa.list_(pa.string())), ("timex", pa.list_(TIMEX)),
        ("n_entities", pa.int32()), ("n_events", pa.int32()), ("n_quotes", pa.int32()),
        # Folded content words of title and lead (stories.terms, space-separated, with repeats):
        # the story stage's only text input, so it never rereads the articles.
        ("story_terms", pa.string()),
    ]),
    "entities": pa.schema([
        *_DOC_KEY, ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()), ("label", pa.string()),
        ("actor", ACTOR),
    ]),
    "events": pa.schema([
        *_DOC_KEY, ("type", pa.string()), ("mode", pa.string()), ("source", ACTOR), ("target", ACTOR),
        ("participants", pa.list_(pa.string())), ("date", pa.string()),
        ("location", pa.struct([("name_en", pa.string()), ("country", pa.string())])),
        ("status", pa.string()), ("attributed_to", pa.string()), ("evidence", SPAN_TEXT),
    ]),
    "quotes": pa.schema([
        *_DOC_KEY, ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()), ("cue", pa.string()),
        ("speaker", ACTOR),
    ]),
}


def month_of(published: str | None) -> str:
    """The partition of a publication date: "YYYY-MM", or "unknown" when there is none."""
    if published and len(published) >= 7 and published[4] == "-":
        return published[:7]
    return UNKNOWN_MONTH


def story_terms(doc: Document) -> str:
    return " ".join(w for w, n in sorted(terms(doc).items()) for _ in range(n))


def actor_row(a: dict[str, Any] | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {k: a.get(k) for k in ("id", "name_en", "country", "kind", "role_en", "sector", "name_ar")} | {
        "inferred": bool(a.get("inferred"))}


def document_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """One analysed document as rows of the four tables (without the month partition column)."""
    d = document_json(doc)
    key = {"doc_id": d["id"], "doc_hash": d["hash"], "published": d["published"]}
    docrow = {k: d[k] for k in ("id", "hash", "source", "outlet", "title", "published", "language", "text")}
    docrow |= {"url": doc.url, "warnings": d["warnings"], "timex": d["timex"], "n_entities": len(d["entities"]),
               "n_events": len(d["events"]), "n_quotes": len(d["quotes"]), "story_terms": story_terms(doc)}
    entities = [key | {"n": n, "start": e["start"], "end": e["end"], "text": e["text"], "label": e["label"],
                       "actor": actor_row(e["actor"])} for n, e in enumerate(d["entities"])]
    events = [key | {"n": n, "type": e["type"], "mode": e["mode"], "source": actor_row(e["source"]),
                     "target": actor_row(e["target"]), "participants": e.get("participants"), "date": e["date"],
                     "location": e["location"], "status": e["status"], "attributed_to": e["attributed_to"],
                     "evidence": e["evidence"]} for n, e in enumerate(d["events"])]
    quotes = [key | {"n": n, "start": q["start"], "end": q["end"], "text": q["text"], "cue": q["cue"],
                     "speaker": actor_row(q["speaker"])} for n, q in enumerate(d["quotes"])]
    return {"documents": [docrow], "entities": entities, "events": events, "quotes": quotes}


def actor_json(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """The contract's actor object from an actor struct (the inverse of `actor_row`)."""
    if row is None:
        return None
    out = {k: row.get(k) for k in ("id", "name_en", "country", "role_en")}
    for k in ("kind", "sector", "name_ar"):
        if row.get(k):
            out[k] = row[k]
    if row.get("inferred"):
        out["inferred"] = True
    return out


def contract_from_rows(doc: dict[str, Any], entities: list[dict[str, Any]], events: list[dict[str, Any]],
                       quotes: list[dict[str, Any]], story: str | None) -> dict[str, Any]:
    """The `document_json` object of one document from its table rows (each list in `n` order).
    Contract fields that are no column (set across documents, such as `duplicate_of`) keep the
    value `document_json` gives a single analysed document."""
    out = document_json(Document(id=""))  # every key of the contract, in its order
    out |= {k: doc.get(k) for k in ("id", "source", "outlet", "title", "published", "language", "hash", "text")}
    out["entities"] = [{"start": e["start"], "end": e["end"], "text": e["text"], "label": e["label"],
                        "actor": actor_json(e["actor"])} for e in entities]
    out["timex"] = [dict(t) | {"flags": list(t.get("flags") or [])} for t in doc.get("timex") or []]
    out["events"] = [_event_json(e) for e in events]
    out["quotes"] = [{"start": q["start"], "end": q["end"], "text": q["text"], "cue": q["cue"],
                      "speaker": actor_json(q["speaker"])} for q in quotes]
    out["story"] = story
    out["warnings"] = list(doc.get("warnings") or [])
    return out


def _event_json(e: dict[str, Any]) -> dict[str, Any]:
    out = {"type": e["type"], "mode": e["mode"], "source": actor_json(e["source"]),
           "target": actor_json(e["target"]), "date": e["date"], "location": e["location"],
           "status": e["status"], "attributed_to": e["attributed_to"], "evidence": e["evidence"]}
    if e.get("participants"):
        out["participants"] = list(e["participants"])
    return out


def arrow_tables(rows: dict[str, dict[str, list[dict[str, Any]]]]) -> dict[tuple[str, str], pa.Table]:
    """{table: {month: rows}} → {(table, month): Arrow table} with the fixed schemas."""
    return {(t, m): pa.Table.from_pylist(rs, schema=SCHEMAS[t]) for t, by_month in rows.items()
            for m, rs in by_month.items() if rs}
