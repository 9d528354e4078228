"""The `marsad batch` and `marsad ingest-parquet` commands (registered by marsad.cli)."""

from __future__ import annotations

import os

import click

from marsad.errors import MarsadError


@click.command("batch", help="Analyse an archive (JSONL, JSONL.gz, Parquet, folders of text/HTML; for Spark any "
                             "URI it reads) into Parquet datasets partitioned by month, then group stories. "
                             "A rerun resumes: finished shards are skipped, nothing is duplicated.")
@click.argument("input_path", metavar="INPUT")
@click.argument("output", metavar="OUTPUT")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Worker processes (local) or cores of local[N] (spark).")
@click.option("--shard-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Records per shard, the unit of resumption (fixed by the first run of an OUTPUT).")
@click.option("--master", help="Spark master URL (default: local[WORKERS]).")
@click.option("--no-stories", is_flag=True, help="Skip the story stage.")
def batch(input_path: str, output: str, engine: str, workers: int, shard_size: int, master: str | None,
          no_stories: bool) -> None:
    from marsad.batch import run_batch

    try:
        m = run_batch(input_path, output, engine=engine, workers=workers, shard_size=shard_size,
                      stories=not no_stories, master=master)
    except (MarsadError, ImportError) as err:
        raise click.ClickException(str(err)) from None
    for f in m.failed_shards:
        click.echo(f"marsad: skipped corrupt shard {f['reason']}", err=True)
    resumed = f", {m.shards_resumed} resumed" if m.shards_resumed else ""
    click.echo(f"analysed {m.documents} documents ({m.shards} shards{resumed}, {m.shards_failed} corrupt, "
               f"{m.bad_records} bad records, {m.failed_documents} failed documents); {m.stories} stories; "
               f"manifest: {os.path.join(m.output, '_manifest.json')}")
    if m.documents == 0 and (m.shards_failed or m.bad_records):
        raise SystemExit(1)


@click.command("ingest-parquet", help="Load a `marsad batch` OUTPUT into the SQLite store (loading twice keeps "
                                      "one copy of each article).")
@click.argument("output", metavar="OUTPUT")
@click.option("--db", default="marsad.db", show_default=True, help="SQLite file.")
def ingest_parquet_command(output: str, db: str) -> None:
    from marsad.batch import ingest_parquet

    try:
        n = ingest_parquet(output, db)
    except (MarsadError, FileNotFoundError, ImportError) as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"loaded {n} documents from {output} into {db}")
