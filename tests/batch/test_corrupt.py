"""Corrupt shards (truncated gzip, malformed Parquet) and bad records (a non-JSON line) are
reported with their path, counted in the manifest and skipped; the rest of the run goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marsad.batch import run_batch
from marsad.batch.manifest import Manifest
from tests.batch.conftest import ant_records, read_table, write_jsonl_gz


@pytest.fixture(scope="module")
def corrupt_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corrupt")
    recs = ant_records(80)
    write_jsonl_gz(root / "good.jsonl.gz", recs[:20])
    full = gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs[20:70]).encode())
    (root / "truncated.jsonl.gz").write_bytes(full[: len(full) // 2])
    (root / "broken.parquet").write_bytes(b"PAR1" + b"\x00garbage" * 50 + b"PAR1")
    lines = [json.dumps(r, ensure_ascii=False) for r in recs[70:75]]
    lines[2] = '{"id": "x", "text": "unterminated'
    lines.insert(4, json.dumps({"id": "empty"}))
    (root / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_corrupt_shards_are_reported_counted_and_skipped(corrupt_input: Path, tmp_path: Path) -> None:
    m = run_batch(str(corrupt_input), str(tmp_path / "out"), shard_size=10)
    failed = {Path(f["path"]).name: f["reason"] for f in m.failed_shards}
    assert set(failed) == {"truncated.jsonl.gz", "broken.parquet"} and m.shards_failed == 2
    assert "corrupt or truncated" in failed["truncated.jsonl.gz"]
    assert "corrupt Parquet" in failed["broken.parquet"]
    assert m.bad_records == 2
    assert any(msg.endswith("lines.jsonl:3: not valid JSON (Unterminated string starting at column 19)")
               or "lines.jsonl:3: not valid JSON" in msg for msg in m.messages)
    assert any("lines.jsonl:5: record has no 'text' or 'html'" in msg for msg in m.messages)
    ids = {r["id"] for r in read_table(tmp_path / "out", "documents")}
    from_truncated = ids & {r["id"] for r in ant_records(70)[20:70]}
    # Whole blocks of ten before the damage are kept; the damaged block is skipped.
    assert 0 < len(from_truncated) < 50 and len(from_truncated) % 10 == 0
    assert m.documents == len(ids) == 20 + len(from_truncated) + 4
    assert Manifest.read(tmp_path / "out").failed_shards == m.failed_shards


def test_rerun_retries_failed_shards_without_duplicating(corrupt_input: Path, tmp_path: Path) -> None:
    first = run_batch(str(corrupt_input), str(tmp_path / "out"), shard_size=10)
    again = run_batch(str(corrupt_input), str(tmp_path / "out"), shard_size=10)
    assert again.shards_failed == 2 and again.documents == first.documents
    assert again.shards_resumed == first.shards - 2
    assert len(read_table(tmp_path / "out", "documents")) == first.documents
