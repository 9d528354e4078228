"""`run_batch`: analyse an input with the chosen engine, then cluster stories over the output."""

from __future__ import annotations

import time

from marsad.batch.manifest import Manifest
from marsad.batch.readers import DEFAULT_SHARD_SIZE
from marsad.errors import MarsadError

ENGINES = ("local", "spark")


def run_batch(input: str, output: str, engine: str = "local", workers: int = 1, *,
              shard_size: int = DEFAULT_SHARD_SIZE, stories: bool = True, window_days: int = 1,
              master: str | None = None) -> Manifest:
    """Analyse every article under `input` (JSONL, JSONL.gz, Parquet, a directory of those and of
    text/HTML files; for Spark any URI it reads) into Parquet datasets under `output`, then group
    them into stories. `workers`: processes (local) or cores of `local[N]` (Spark without
    `master`). Returns the manifest, also written to OUTPUT/_manifest.json. Local workers are
    started with "spawn": a script calling this with workers > 1 needs `if __name__ == "__main__":`."""
    if engine not in ENGINES:
        raise MarsadError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if workers < 1:
        raise MarsadError("workers must be at least 1")
    if engine == "local":
        from marsad.batch.local import run_local

        manifest = run_local(input, output, workers=workers, shard_size=shard_size)
    else:
        from marsad.batch.spark import run_spark

        manifest = run_spark(input, output, workers=workers, shard_size=shard_size, master=master)
    local = "://" not in manifest.output
    if stories and local:
        from marsad.batch.stories import cluster_stories

        t0 = time.perf_counter()
        stats = cluster_stories(manifest.output, window_days=window_days)
        manifest.stories = stats.stories
        manifest.seconds["stories"] = round(time.perf_counter() - t0, 3)
    elif stories:
        manifest.messages.append(f"story stage skipped: {manifest.output} is not a local path; run "
                                 "marsad.batch.stories.cluster_stories where the output can be read")
    if local:
        manifest.write()
    return manifest
