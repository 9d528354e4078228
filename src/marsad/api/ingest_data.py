"""POST /api/ingest's work: a request body (text, HTML or JSONL) → analysed, story-assigned,
stored documents. New articles join the stories already stored when they report the same event."""

from __future__ import annotations

from typing import Any

from marsad.analyze import analyze_many
from marsad.api import shape, story_data
from marsad.api.deps import StorePool
from marsad.errors import MarsadError
from marsad.model.document import Document
from marsad.stages.ingest import IngestOptions, decode_bytes, document_from_text
from marsad.stages.ingest.read import _looks_html, _read_jsonl_lines
from marsad.stages.stories import assign_with_store

JSONL_TYPES = (
    "application/x-ndjson",
    "application/jsonl",
    "application/x-jsonlines",
    "application/json-lines",
)
SOURCE = "request"


def body_format(content_type: str | None, text: str, fmt: str | None) -> str:
    """txt, html or jsonl: the `format` parameter, else the Content-Type, else the body's look."""
    if fmt:
        return fmt
    ct = (content_type or "").split(";")[0].strip().lower()
    if ct in JSONL_TYPES:
        return "jsonl"
    if ct in ("text/html", "application/xhtml+xml"):
        return "html"
    if ct == "text/plain":
        return "txt"
    if text.lstrip().startswith("{"):
        return "jsonl"
    return "html" if _looks_html(text) else "txt"


def documents(
    body: bytes, fmt: str, meta: dict[str, str], max_bytes: int, errors: list[str]
) -> list[Document]:
    """Ingested (not yet analysed) documents; bad JSONL lines are reported in `errors`."""
    text, _ = decode_bytes(body, SOURCE)
    if fmt == "jsonl":
        return list(
            _read_jsonl_lines(
                text.splitlines(),
                SOURCE,
                IngestOptions(max_bytes=max_bytes),
                lambda err: errors.append(str(err)),
            )
        )
    meta = {k: v for k, v in meta.items() if v}
    return [document_from_text(text, doc_id=meta.pop("id", None), fmt=fmt, source=SOURCE, meta=meta)]


def ingest(pool: StorePool, raw: list[Document], input_errors: list[str]) -> dict[str, Any]:
    """Analyse, assign stories and store (one writer at a time)."""
    errors = list(input_errors)
    out = list(analyze_many(raw, on_error=lambda err: errors.append(str(err))))
    stored = new = 0
    with pool.write_lock:
        store = pool.get()
        if out:
            assign_with_store(store, out)
        for d in out:
            try:
                new += store.put(d)
                stored += 1
            except MarsadError as err:
                errors.append(str(err))
        summaries = [shape.summary(data) for d in out if (data := store.get(d.hash))]
        story_data.forget_counts(store)
    return {
        "received": len(raw) + len(input_errors),
        "stored": stored,
        "new": new,
        "skipped": len(errors),
        "errors": [{"message": e} for e in errors],
        "documents": summaries,
    }
