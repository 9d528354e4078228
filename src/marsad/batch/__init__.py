"""Batch processing of archives: the same `analyze` per document on all local cores or on Spark,
Parquet datasets partitioned by publication month, a blocked story stage, and a loader into the
SQLite store. Entry points: `run_batch` and `ingest_parquet`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from marsad.batch.manifest import Manifest

__all__ = ["ingest_parquet", "run_batch"]


def run_batch(input: str, output: str, engine: str = "local", workers: int = 1, **options: object) -> Manifest:
    from marsad.batch.run import run_batch as run

    return run(input, output, engine=engine, workers=workers, **options)  # type: ignore[arg-type]


def ingest_parquet(output_dir: str | Path, db_path: str | Path) -> int:
    from marsad.batch.ingest import ingest_parquet as ingest

    return ingest(output_dir, db_path)
