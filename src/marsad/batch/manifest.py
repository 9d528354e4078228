"""What a batch run processed and what failed: one marker per shard, and the run's manifest.

Layout of an output directory:
    _batch.json              the run's settings (shard size), fixed at the first run
    _shards/KEY.json         one marker per shard, written (atomically) after its files are in place
    _manifest.json           the summary of the last run
    documents/ entities/ events/ quotes/   month=YYYY-MM/part-KEY.parquet (month=unknown: no date)

A shard counts as done only when its marker says so, its digest matches the input and every file
it lists exists; anything else is (re)done, overwriting its own file names, so a run killed at
any point resumes without loss or duplication.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from marsad.batch.readers import Shard
from marsad.errors import MarsadError

MAX_MESSAGES = 200
TABLE_DIRS = ("documents", "entities", "events", "quotes")


def shard_key(shard_id: str) -> str:
    return hashlib.sha1(shard_id.encode("utf-8")).hexdigest()[:16]


def write_json_atomic(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


@dataclass(slots=True)
class ShardResult:
    """What one worker did with one shard."""

    id: str
    digest: str
    path: str
    status: str = "done"
    documents: int = 0
    failed_documents: int = 0
    bad_records: int = 0
    messages: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(slots=True)
class Manifest:
    """The summary of a batch output: counts, failed shards (path and reason) and messages."""

    input: str
    output: str
    engine: str
    workers: int
    shard_size: int
    shards: int = 0
    shards_done: int = 0
    shards_resumed: int = 0
    shards_failed: int = 0
    documents: int = 0
    failed_documents: int = 0
    bad_records: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    failed_shards: list[dict[str, str]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    stories: int = 0
    pipeline_builds: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def write(self) -> None:
        write_json_atomic(Path(self.output) / "_manifest.json", self.to_json())

    @classmethod
    def read(cls, output: str | Path) -> Manifest:
        return cls(**json.loads((Path(output) / "_manifest.json").read_text(encoding="utf-8")))

    def add(self, r: ShardResult) -> None:
        self.documents += r.documents
        self.failed_documents += r.failed_documents
        self.bad_records += r.bad_records
        for t, n in r.rows.items():
            self.rows[t] = self.rows.get(t, 0) + n
        room = MAX_MESSAGES - len(self.messages)
        self.messages.extend(r.messages[: max(0, room)])
        if r.status == "failed":
            self.shards_failed += 1
            self.failed_shards.append({"shard": r.id, "path": r.path, "reason": r.messages[0] if r.messages else ""})
        else:
            self.shards_done += 1


class Ledger:
    """The shard markers of one output directory: what is done, recording, resuming."""

    def __init__(self, output: Path, manifest: Manifest) -> None:
        self.output, self.manifest = output, manifest
        self.dir = output / "_shards"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.seen: set[str] = set()
        self._t0 = time.perf_counter()

    def marker(self, shard_id: str) -> dict[str, Any] | None:
        p = self.dir / f"{shard_key(shard_id)}.json"
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def done(self, shard: Shard) -> bool:
        """True (and counted) when a finished shard matches the input and all its files exist."""
        self.seen.add(shard_key(shard.id))
        self.manifest.shards += 1
        m = self.marker(shard.id)
        if not m or m.get("status") != "done" or m.get("digest") != shard.digest or m.get("id") != shard.id:
            return False
        if not all((self.output / f).is_file() for f in m.get("files", [])):
            return False
        self.manifest.shards_resumed += 1
        self.manifest.add(ShardResult(**m))
        return True

    def record(self, r: ShardResult) -> None:
        write_json_atomic(self.dir / f"{shard_key(r.id)}.json", asdict(r))
        self.manifest.add(r)

    def failed(self, shard: Shard) -> None:
        reason = str(shard.error) if shard.error else "failed"
        remove_shard_files(self.output, shard_key(shard.id))
        self.record(ShardResult(shard.id, shard.digest, shard.path, status="failed", messages=[reason]))

    def remove_stale(self) -> int:
        """Drop the markers and files of shards no longer in the input (after a complete pass)."""
        n = 0
        for p in self.dir.glob("*.json"):
            if p.stem not in self.seen:
                remove_shard_files(self.output, p.stem)
                p.unlink(missing_ok=True)
                n += 1
        return n

    def finish(self) -> Manifest:
        self.manifest.seconds["analyse"] = round(time.perf_counter() - self._t0, 3)
        return self.manifest


def shard_file(table: str, month: str, key: str) -> str:
    return f"{table}/month={month}/part-{key}.parquet"


def remove_shard_files(output: Path, key: str) -> None:
    """Remove every output file (and temporary file) of the shard with this key."""
    for table in TABLE_DIRS:
        for p in (output / table).glob(f"month=*/*part-{key}.parquet*"):
            p.unlink(missing_ok=True)


def remove_temporaries(output: Path) -> int:
    """Temporary files left by a killed run (hidden names: never read as data)."""
    n = 0
    for table in TABLE_DIRS:
        for p in (output / table).glob("month=*/.part-*"):
            p.unlink(missing_ok=True)
            n += 1
    for p in (output / "_shards").glob(".*.tmp-*"):
        p.unlink(missing_ok=True)
    return n


def load_settings(output: Path, shard_size: int, engine: str) -> int:
    """The shard size of this output: the first run's, so that a rerun cuts shards the same way."""
    path = output / "_batch.json"
    if path.is_file():
        settings = json.loads(path.read_text(encoding="utf-8"))
        if settings.get("engine", engine) != engine:
            raise MarsadError(f"{output} was written by the {settings['engine']} engine; "
                              f"use another output directory for the {engine} engine")
        return int(settings.get("shard_size", shard_size))
    output.mkdir(parents=True, exist_ok=True)
    write_json_atomic(path, {"format": 1, "shard_size": shard_size, "engine": engine})
    return shard_size
