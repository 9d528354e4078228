"""A killed run resumes without loss or duplication."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from marsad.batch import run_batch
from tests.batch.conftest import ant_records, read_table, write_jsonl_gz

TABLES = ("documents", "entities", "events", "quotes", "doc_story", "stories")


def _same(a: Path, b: Path) -> None:
    for table in TABLES:
        assert read_table(a, table) == read_table(b, table), table


def test_resume_after_lost_files_markers_and_temporaries(local_output: Path, mixed_input: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(local_output, out)
    markers = sorted((out / "_shards").glob("*.json"))
    done = [json.loads(p.read_text()) for p in markers]
    assert len(done) >= 4
    # A shard killed half-way through its commit: some files renamed, no marker.
    markers[0].unlink()
    (out / done[0]["files"][0]).unlink()
    # A finished shard whose output went missing: the marker alone does not count.
    (out / done[1]["files"][-1]).unlink()
    # Temporaries of a killed worker and of a killed marker write.
    (out / "documents" / "month=2018-05" / ".part-0000.parquet.tmp-4242").write_bytes(b"half a file")
    (out / "_shards" / ".x.json.tmp-4242").write_text("{")
    m = run_batch(str(mixed_input), str(out), workers=1)
    assert (m.shards, m.shards_resumed, m.shards_done) == (len(done), len(done) - 2, len(done))
    assert m.documents == 305
    assert not list(out.rglob(".*tmp-*"))
    _same(out, local_output)


def test_a_run_killed_with_sigkill_resumes(tmp_path: Path) -> None:
    src = write_jsonl_gz(tmp_path / "in" / "ant.jsonl.gz", ant_records(96))
    ref, out = tmp_path / "ref", tmp_path / "out"
    run_batch(str(src), str(ref), shard_size=8)
    code = f"from marsad.batch import run_batch; run_batch({str(src)!r}, {str(out)!r}, workers=2, shard_size=8)"
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list((out / "_shards").glob("*.json"))) >= 3:
            break
        time.sleep(0.05)
    killed = proc.poll() is None
    if killed:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    finished_before = len(list((out / "_shards").glob("*.json")))
    m = run_batch(str(src), str(out), workers=2)
    assert m.documents == 96 and m.shards == 12
    assert m.shards_resumed == finished_before
    assert not killed or finished_before < 12
    _same(out, ref)
