"""Read inputs: .txt, .html/.htm, .jsonl (optionally .gz), directories (recursive) and stdin."""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.model.document import Document
from marsad.stages.ingest.encoding import decode_bytes

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html"}
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
ErrorHandler = Callable[[InputError], None]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """max_bytes bounds a single file or JSONL record; strict stops at the first bad input."""

    max_bytes: int = 20_000_000
    strict: bool = False


def content_id(data: str) -> str:
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def document_from_text(
    raw: str, *, doc_id: str | None = None, fmt: str = "txt", source: str | None = None, meta: dict | None = None
) -> Document:
    """A Document from raw text or HTML; the id defaults to the content hash."""
    meta = dict(meta or {})
    return Document(
        id=doc_id or content_id(raw),
        raw=raw,
        format=fmt,
        source=source,
        title=meta.get("title") or None,
        outlet=meta.get("outlet") or None,
        url=meta.get("url") or None,
        published=_iso_date(meta.get("published")),
        meta=meta,
    )


def read_inputs(
    paths: Iterable[str], options: IngestOptions = IngestOptions(), on_error: ErrorHandler | None = None
) -> Iterator[Document]:
    """Yield Documents from every path ("-" is stdin). Bad inputs go to `on_error` (or raise when
    strict or no handler is given) and the rest of the batch goes on."""
    for p in paths:
        try:
            yield from _read_path(p, options, on_error)
        except InputError as err:
            if options.strict or on_error is None:
                raise
            on_error(err)


def _read_path(p: str, options: IngestOptions, on_error: ErrorHandler | None) -> Iterator[Document]:
    if p == "-":
        data = sys.stdin.buffer.read()
        if _is_jsonl_bytes(data):
            yield from _read_jsonl_lines(data.decode("utf-8-sig").splitlines(), "<stdin>", options, on_error)
            return
        text, _ = decode_bytes(data, "<stdin>")
        fmt = "html" if _looks_html(text) else "txt"
        yield document_from_text(text, fmt=fmt, source="<stdin>")
        return
    path = Path(p)
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and (_suffix_kind(child) or child.name.endswith(JSONL_SUFFIXES)):
                try:
                    yield from _read_file(child, options, on_error)
                except InputError as err:
                    if options.strict or on_error is None:
                        raise
                    on_error(err)
        return
    yield from _read_file(path, options, on_error)


def _read_file(path: Path, options: IngestOptions, on_error: ErrorHandler | None) -> Iterator[Document]:
    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file or directory")
    if path.name.endswith(JSONL_SUFFIXES):
        yield from _read_jsonl_file(path, options, on_error)
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(name, f"file too large ({size / 1e6:.1f} MB > {options.max_bytes / 1e6:.0f} MB limit)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    text, encoding = decode_bytes(data, name)
    kind = _suffix_kind(path) or ("html" if _looks_html(text) else "txt")
    doc = document_from_text(text, doc_id=path.stem, fmt=kind, source=name, meta={"encoding": encoding})
    yield doc


def _read_jsonl_file(path: Path, options: IngestOptions, on_error: ErrorHandler | None) -> Iterator[Document]:
    name = str(path)
    try:
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8-sig") as fh:
            yield from _read_jsonl_lines(fh, name, options, on_error)
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(name, f"cannot read: {exc}") from None


def _read_jsonl_lines(
    lines: Iterable[str], name: str, options: IngestOptions, on_error: ErrorHandler | None
) -> Iterator[Document]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield _jsonl_record(line, name, lineno, options)
        except InputError as err:
            if options.strict or on_error is None:
                raise
            on_error(err)


def _jsonl_record(line: str, name: str, lineno: int, options: IngestOptions) -> Document:
    if len(line) > options.max_bytes:
        raise InputError(name, "record too large", lineno)
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"not valid JSON ({exc.msg} at column {exc.colno})", lineno) from None
    if not isinstance(rec, dict):
        raise InputError(name, "a JSONL record must be an object", lineno)
    return record_document(rec, name, lineno)


def record_document(rec: dict[str, Any], name: str, lineno: int) -> Document:
    """A Document from a JSONL record or Parquet row: `text` or `html`, and id, title, outlet, url,
    published (as `marsad analyze` reads JSONL)."""
    body, fmt = rec.get("text"), "txt"
    if not isinstance(body, str) or not body.strip():
        body, fmt = rec.get("html"), "html"
    if not isinstance(body, str) or not body.strip():
        raise InputError(name, "record has no 'text' or 'html'", lineno)
    meta = {k: rec[k] for k in ("title", "outlet", "url", "published") if isinstance(rec.get(k), str)}
    doc_id = str(rec["id"]) if rec.get("id") not in (None, "") else None
    return document_from_text(body, doc_id=doc_id, fmt=fmt, source=f"{name}:{lineno}", meta=meta)


def _suffix_kind(path: Path) -> str | None:
    return TEXT_SUFFIXES.get(path.suffix.lower())


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def _is_jsonl_bytes(data: bytes) -> bool:
    return data.lstrip()[:1] == b"{"


def _iso_date(value: object) -> str | None:
    """The YYYY-MM-DD part of an ISO date or datetime string, if it is one."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    head = value[:10]
    try:
        from datetime import date

        date.fromisoformat(head)
    except ValueError:
        return None
    return head
