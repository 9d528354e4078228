"""Spark local mode: the same events and stories as the local engine on the seeds, ANT articles
and corrupt files; the pipeline built once per Python worker; only counts reach the driver."""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from marsad.batch import run_batch
from tests.batch.conftest import ant_records, copy_seeds, read_table, story_partition, write_jsonl_gz

pytestmark = [
    pytest.mark.skipif(importlib.util.find_spec("pyspark") is None,
                       reason="pyspark is not installed (pip install 'marsad[spark]')"),
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs a Java runtime (java not on PATH)"),
]

TABLES = ("documents", "entities", "events", "quotes", "doc_story", "stories")


@pytest.fixture(scope="module")
def spark_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("spark_in")
    copy_seeds(root / "seeds")
    recs = ant_records(1000, months=("2018-04", "2018-05"))
    write_jsonl_gz(root / "ant" / "a.jsonl.gz", recs[:600])
    write_jsonl_gz(root / "ant" / "b.jsonl.gz", recs[600:990])
    full = gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs[990:]).encode())
    (root / "bad" / "truncated.jsonl.gz").parent.mkdir()
    (root / "bad" / "truncated.jsonl.gz").write_bytes(full[: len(full) // 2])
    (root / "bad" / "broken.parquet").write_bytes(b"PAR1 not a parquet file PAR1")
    (root / "bad" / "lines.jsonl").write_text('{"id": "ok", "text": "نص قصير"}\nnot json\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def outputs(spark_input: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    out = tmp_path_factory.mktemp("spark_out")
    local = run_batch(str(spark_input), str(out / "local"), engine="local", workers=2, shard_size=250)
    spark = run_batch(str(spark_input), str(out / "spark"), engine="spark", workers=2, shard_size=250)
    return local, spark


def test_spark_writes_the_same_datasets_as_the_local_engine(outputs: tuple) -> None:
    local, spark = outputs
    assert spark.documents == local.documents == 5 + 990 + 1
    for table in TABLES:
        assert read_table(Path(spark.output), table) == read_table(Path(local.output), table), table
    assert story_partition(Path(spark.output)) == story_partition(Path(local.output))
    assert local.stories == spark.stories > 0


def test_spark_reports_the_same_failures(outputs: tuple) -> None:
    local, spark = outputs
    assert spark.bad_records == local.bad_records == 1
    assert spark.shards_failed == local.shards_failed == 2
    names = {Path(f["path"]).name for f in spark.failed_shards}
    assert names == {Path(f["path"]).name for f in local.failed_shards} == {"truncated.jsonl.gz", "broken.parquet"}
    assert any("lines.jsonl:2: not valid JSON" in m for m in spark.messages)


def test_spark_builds_the_pipeline_once_per_python_worker(outputs: tuple) -> None:
    _, spark = outputs
    assert 1 <= spark.pipeline_builds <= 2  # local[2]: two Python workers for eight partitions
    assert not (Path(spark.output) / "_spark_analysed").exists()
