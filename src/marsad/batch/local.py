"""The local engine: every core of one machine through multiprocessing; streaming and resumable.

The driver reads the input shard by shard and keeps at most two shards per worker in flight, so
memory stays flat however large the corpus. Each worker process builds the pipeline once (in its
initializer) and turns a shard into Parquet files written under hidden temporary names and renamed
into place; the driver then writes the shard's marker. See `manifest` for how a rerun resumes.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from marsad.batch.manifest import (
    Ledger,
    Manifest,
    ShardResult,
    load_settings,
    remove_shard_files,
    remove_temporaries,
    shard_file,
    shard_key,
)
from marsad.batch.readers import DEFAULT_SHARD_SIZE, Item, Shard, documents, iter_shards
from marsad.batch.tables import TABLES, arrow_tables, document_rows, month_of
from marsad.errors import InputError, MarsadError, StageError
from marsad.model.document import Document
from marsad.pipeline import Pipeline
from marsad.stages.ingest import document_from_text

_PIPELINE: Pipeline | None = None
BUILDS = 0  # how many times this process built the pipeline (1 in a worker; tests check it)


def worker_pipeline() -> Pipeline:
    """The pipeline of this process, built (and its resources loaded) on first use only."""
    global _PIPELINE, BUILDS
    if _PIPELINE is None:
        _PIPELINE = Pipeline.from_names()
        _PIPELINE.run(document_from_text("التقى وزير الخارجية الروسي نظيره في موسكو."))
        BUILDS += 1
    return _PIPELINE


def init_worker() -> None:
    worker_pipeline()


def analyse(items: Iterable[Item], on_error: Callable[[MarsadError], None]) -> Iterator[Document]:
    """Analysed Documents of `items`; bad records and failing documents go to `on_error`."""
    pipeline = worker_pipeline()
    for n, doc in enumerate(documents(items, on_error), 1):
        try:
            yield pipeline.run(doc)
        except StageError as err:
            on_error(err)
        if n % 500 == 0:
            trim_memos()


MEMO_LIMIT = 100_000


def trim_memos() -> None:
    """Keep a long-lived worker's memory flat: the trigger lexicon memoises every word and word
    pair it has seen, so its tables grow with the corpus (about 30 MB per thousand articles).
    Emptying them when large changes no result; they refill from the next articles."""
    from marsad.stages.events.triggers import load_lexicon

    lex = load_lexicon()
    for name in ("_pair", "_single"):
        memo = getattr(lex, name, None)
        if isinstance(memo, dict) and len(memo) > MEMO_LIMIT:
            memo.clear()


def rows_by_month(docs: Iterable[Document]) -> tuple[dict[str, dict[str, list[dict[str, Any]]]], int]:
    """{table: {month: rows}} of `docs`, and how many documents there were."""
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {t: {} for t in TABLES}
    n = 0
    for doc in docs:
        month = month_of(doc.published)
        for table, rs in document_rows(doc).items():
            rows[table].setdefault(month, []).extend(rs)
        n += 1
    return rows, n


def process_shard(task: tuple[str, Shard]) -> ShardResult:
    """Analyse one shard and put its files in place (runs in a worker process)."""
    import pyarrow.parquet as pq

    t0 = time.perf_counter()
    output, shard = Path(task[0]), task[1]
    key = shard_key(shard.id)
    remove_shard_files(output, key)
    result = ShardResult(shard.id, shard.digest, shard.path)

    def report(err: MarsadError) -> None:
        if isinstance(err, StageError):
            result.failed_documents += 1
        else:
            result.bad_records += 1
        result.messages.append(str(err))

    rows, result.documents = rows_by_month(analyse(shard.items, report))
    for (table, month), tbl in sorted(arrow_tables(rows).items()):
        rel = shard_file(table, month, key)
        final = output / rel
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(f".{final.name}.tmp-{os.getpid()}")
        pq.write_table(tbl, tmp)
        os.replace(tmp, final)
        result.files.append(rel)
        result.rows[table] = result.rows.get(table, 0) + tbl.num_rows
    result.seconds = round(time.perf_counter() - t0, 3)
    return result


def run_local(input: str, output: str, workers: int = 1, shard_size: int = DEFAULT_SHARD_SIZE) -> Manifest:
    """Analyse every record under `input` into Parquet datasets under `output` (resuming a run)."""
    out = Path(output).resolve()
    if not Path(input).exists():
        raise InputError(input, "no such file or directory")
    shard_size = load_settings(out, shard_size, "local")
    remove_temporaries(out)
    manifest = Manifest(str(input), str(out), "local", workers, shard_size, pipeline_builds=workers)
    ledger = Ledger(out, manifest)
    todo = _todo(iter_shards(input, shard_size), ledger)
    if workers <= 1:
        init_worker()
        for shard in todo:
            ledger.record(process_shard((str(out), shard)))
    else:
        _run_pool(todo, str(out), workers, ledger)
    ledger.remove_stale()
    return ledger.finish()


def _todo(shards: Iterable[Shard], ledger: Ledger) -> Iterator[Shard]:
    """The shards still to analyse; finished ones are counted, corrupt ones recorded as failed."""
    for shard in shards:
        if ledger.done(shard):
            continue
        if shard.error is not None:
            ledger.failed(shard)
            continue
        yield shard


def _run_pool(todo: Iterable[Shard], output: str, workers: int, ledger: Ledger) -> None:
    ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=init_worker) as pool:
        pending: set[Future[ShardResult]] = set()
        for shard in todo:
            pending.add(pool.submit(process_shard, (output, shard)))
            if len(pending) >= 2 * workers:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    ledger.record(f.result())
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in finished:
                ledger.record(f.result())
