"""The `batch` and `ingest-parquet` commands (as marsad.cli registers them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.batch import run_batch
from marsad.batch.commands import batch, ingest_parquet_command
from marsad.errors import MarsadError
from tests.batch.conftest import copy_seeds


def test_batch_and_ingest_parquet_commands(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in")
    (tmp_path / "in" / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    r = CliRunner().invoke(batch, [str(tmp_path / "in"), str(tmp_path / "out"), "--workers", "1"])
    assert r.exit_code == 0, r.output
    assert "analysed 5 documents (2 shards, 0 corrupt, 1 bad records, 0 failed documents)" in r.output
    r = CliRunner().invoke(batch, [str(tmp_path / "in"), str(tmp_path / "out"), "--workers", "1"])
    assert "2 resumed" in r.output
    r = CliRunner().invoke(ingest_parquet_command, [str(tmp_path / "out"), "--db", str(tmp_path / "m.db")])
    assert r.exit_code == 0 and "loaded 5 documents" in r.output


def test_batch_command_errors_are_one_line(tmp_path: Path) -> None:
    r = CliRunner().invoke(batch, [str(tmp_path / "missing"), str(tmp_path / "out")])
    assert r.exit_code == 1 and "missing: no such file or directory" in r.output
    r = CliRunner().invoke(ingest_parquet_command, [str(tmp_path), "--db", str(tmp_path / "m.db")])
    assert r.exit_code == 1 and "not a batch output" in r.output


def test_an_output_belongs_to_one_engine(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in")
    run_batch(str(tmp_path / "in"), str(tmp_path / "out"), stories=False)
    with pytest.raises(MarsadError, match="written by the local engine"):
        run_batch(str(tmp_path / "in"), str(tmp_path / "out"), engine="spark")
