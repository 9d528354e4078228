"""Batch inputs as shards: JSONL, JSONL.gz, Parquet and directories of text/HTML files, streamed.

A shard is the unit of work, of bookkeeping and of resumption: up to `shard_size` records of one
JSONL or Parquet file (id "REL#K", the K-th block of the file), or up to `shard_size` text/HTML
files of one directory (id "REL/*#K"). Its digest (the content of its lines, or the names, sizes
and times of its files) tells a rerun whether a finished shard still matches its input.
Shards are produced lazily; nothing but the shard being planned is held in memory.

A corrupt shard (a truncated or damaged gzip stream, a Parquet file that does not parse) comes out
with `error` set, naming the file; the records of the file before it are in earlier shards. A bad
record (a non-JSON line, a record without text) is an item-level error raised when the item is
turned into a Document, named by file and line.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from marsad.errors import InputError
from marsad.model.document import Document
from marsad.stages.ingest import IngestOptions, decode_bytes, document_from_text
from marsad.stages.ingest.read import record_document

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html"}
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
RECORD_FIELDS = ("id", "text", "html", "title", "outlet", "url", "published")
DEFAULT_SHARD_SIZE = 1000
DEFAULT_OPTIONS = IngestOptions()
Opener = Callable[[], BinaryIO]


@dataclass(frozen=True, slots=True)
class Item:
    """One input record: kind "line" (a JSONL line), "row" (a Parquet row as a dict), "file" (a
    text/HTML file's path) or "blob" (its bytes, under Spark)."""

    kind: str
    source: str
    line: int
    data: Any = None


@dataclass(slots=True)
class Shard:
    id: str
    path: str
    digest: str = ""
    items: list[Item] = field(default_factory=list)
    error: InputError | None = None


def kind_of(name: str) -> str | None:
    low = name.lower()
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if low.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "text" if os.path.splitext(low)[1] in TEXT_SUFFIXES else None


def source_name(uri: str) -> str:
    """The name records carry as `source`: a local path without a file: scheme (Spark adds one)."""
    for prefix in ("file://", "file:"):
        if uri.startswith(prefix):
            return uri[len(prefix):]
    return uri


def iter_shards(root: str, shard_size: int = DEFAULT_SHARD_SIZE) -> Iterator[Shard]:
    """All shards of the input at `root` (a file, or a directory walked recursively and lazily, one
    folder at a time), in a stable order. Hidden names and names starting with "_" are skipped,
    as are files of unknown kind."""
    path = Path(root).resolve()
    if not path.exists():
        raise InputError(root, "no such file or directory")
    if path.is_file():
        yield from _folder_shards(path.parent, [path.name], path.parent, shard_size)
        return
    for folder, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d[:1] not in "._")
        yield from _folder_shards(Path(folder), names, path, shard_size)


def _folder_shards(folder: Path, names: list[str], base: Path, shard_size: int) -> Iterator[Shard]:
    keep = sorted(n for n in names if n[:1] not in "._" and kind_of(n) and (folder / n).is_file())
    texts = []
    for name in keep:
        p = folder / name
        if kind_of(name) == "text":
            texts.append(p)
        else:
            yield from file_shards(str(p), p.relative_to(base).as_posix(), lambda p=p: open(p, "rb"), shard_size)
    if texts:
        yield from text_shards(texts, f"{folder.relative_to(base).as_posix()}/*", shard_size)


def text_shards(paths: list[Path], rel: str, shard_size: int) -> Iterator[Shard]:
    for k in range(0, len(paths), shard_size):
        chunk = paths[k : k + shard_size]
        h = hashlib.sha1()
        for p in chunk:
            st = p.stat()
            h.update(f"{p.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        items = [Item("file", str(p), 0, str(p)) for p in chunk]
        yield Shard(f"{rel}#{k // shard_size}", str(chunk[0].parent), h.hexdigest(), items)


def file_shards(name: str, rel: str, opener: Opener, shard_size: int) -> Iterator[Shard]:
    """The shards of one JSONL(.gz) or Parquet file opened by `opener` (a local file or, under
    Spark, the bytes of a remote one): both engines cut files the same way."""
    reader = _jsonl_blocks if kind_of(name) == "jsonl" else _parquet_blocks
    n = 0
    try:
        for items, digest in reader(name, opener, shard_size):
            yield Shard(f"{rel}#{n}", name, digest, items)
            n += 1
    except InputError as err:
        yield Shard(f"{rel}#{n}", name, error=err)


def _jsonl_blocks(name: str, opener: Opener, size: int) -> Iterator[tuple[list[Item], str]]:
    items: list[Item] = []
    h, lineno = hashlib.sha1(), 0
    try:
        with opener() as raw:
            fh = gzip.GzipFile(fileobj=raw) if name.lower().endswith(".gz") else raw
            for lineno, line in enumerate(fh, 1):
                h.update(line)
                items.append(Item("line", name, lineno, line))
                if len(items) == size:
                    yield items, h.hexdigest()
                    items, h = [], hashlib.sha1()
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(name, f"corrupt or truncated file after line {lineno}: {exc}") from None
    if items:
        yield items, h.hexdigest()


def _parquet_blocks(name: str, opener: Opener, size: int) -> Iterator[tuple[list[Item], str]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = 0
    try:
        with opener() as raw:
            pf = pq.ParquetFile(raw)
            cols = [c for c in RECORD_FIELDS if c in pf.schema_arrow.names]
            digest0 = f"{pf.metadata.num_rows}:{pf.metadata.serialized_size}:{pf.schema_arrow}"
            for k, batch in enumerate(pf.iter_batches(batch_size=size, columns=cols)):
                items = [Item("row", name, row + i + 1, rec) for i, rec in enumerate(batch.to_pylist())]
                row += len(items)
                yield items, hashlib.sha1(f"{digest0}:{k}:{size}".encode()).hexdigest()
    except (OSError, pa.ArrowException) as exc:
        raise InputError(name, f"corrupt Parquet file (after row {row}): {exc}") from None


def item_document(item: Item, options: IngestOptions = DEFAULT_OPTIONS) -> Document:
    """The Document of one item; raises InputError (naming file and line) for a bad record."""
    if item.kind == "file":
        return _file_document(item.data, options)
    if item.kind == "blob":
        return bytes_document(item.source, item.data, options)
    if item.kind == "line":
        if len(item.data) > options.max_bytes:
            raise InputError(item.source, "record too large", item.line)
        try:
            line = item.data.decode("utf-8-sig") if isinstance(item.data, bytes) else item.data
        except UnicodeDecodeError as exc:
            raise InputError(item.source, f"not UTF-8 text (byte {exc.start})", item.line) from None
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(item.source, f"not valid JSON ({exc.msg} at column {exc.colno})", item.line) from None
        if not isinstance(rec, dict):
            raise InputError(item.source, "a JSONL record must be an object", item.line)
        return record_document(rec, item.source, item.line)
    return record_document(item.data, item.source, item.line)


def is_blank(item: Item) -> bool:
    return item.kind == "line" and not item.data.strip()


def _file_document(path: str, options: IngestOptions) -> Document:
    try:
        size = os.path.getsize(path)
        if size > options.max_bytes:
            raise InputError(path, f"file too large ({size / 1e6:.1f} MB > {options.max_bytes / 1e6:.0f} MB limit)")
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return bytes_document(path, data, options)


def bytes_document(path: str, data: bytes, options: IngestOptions = DEFAULT_OPTIONS) -> Document:
    """A text/HTML file's Document from its bytes (id: the file name without extension)."""
    if len(data) > options.max_bytes:
        raise InputError(path, f"file too large ({len(data) / 1e6:.1f} MB > {options.max_bytes / 1e6:.0f} MB limit)")
    text, encoding = decode_bytes(data, path)
    stem, ext = os.path.splitext(os.path.basename(path))
    kind = TEXT_SUFFIXES.get(ext.lower()) or ("html" if "<html" in text[:2000].lower() else "txt")
    return document_from_text(text, doc_id=stem, fmt=kind, source=path, meta={"encoding": encoding})


def documents(items: Iterable[Item], on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """Documents of `items`; a bad record goes to `on_error` and the shard goes on."""
    for it in items:
        if is_blank(it):
            continue
        try:
            yield item_document(it)
        except InputError as err:
            on_error(err)
