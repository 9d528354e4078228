"""The Spark engine (`pip install marsad[spark]`): the same per-document `analyze`, on executors.

Files are read with the `binaryFile` source (any URI Hadoop reads: file://, hdfs://, s3a://) and
cut into records by the very functions the local engine uses (`readers.file_shards`,
`bytes_document`), so both engines see the same records and report the same corrupt shards.
Records are spread over the cluster, then analysed partition by partition (`mapInArrow`, Arrow
batches in and out) with the pipeline of the Python worker: built once per worker process (workers
are reused across tasks), never per record. Each document comes out as one nested row, written
once to a temporary dataset; the four tables are projections of it, written partitioned by month.
The driver receives counts and at most MAX_MESSAGES error lines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from marsad.batch.manifest import MAX_MESSAGES, Manifest, load_settings
from marsad.batch.readers import DEFAULT_SHARD_SIZE, Item, file_shards, kind_of, source_name
from marsad.batch.tables import SCHEMAS, TABLES, document_rows, month_of
from marsad.errors import MarsadError, StageError

TMP = "_spark_analysed"


def spark_type(t: pa.DataType) -> Any:
    """The Spark SQL type of an Arrow type of the batch schemas."""
    from pyspark.sql import types as T

    if pa.types.is_string(t):
        return T.StringType()
    if pa.types.is_int32(t):
        return T.IntegerType()
    if pa.types.is_boolean(t):
        return T.BooleanType()
    if pa.types.is_binary(t):
        return T.BinaryType()
    if pa.types.is_list(t):
        return T.ArrayType(spark_type(t.value_type), True)
    if pa.types.is_struct(t):
        return T.StructType([T.StructField(f.name, spark_type(f.type), True) for f in t])
    raise TypeError(f"no Spark type for {t}")


ITEMS = pa.schema([("kind", pa.string()), ("path", pa.string()), ("message", pa.string()), ("item", pa.binary())])
NESTED = pa.schema([
    ("kind", pa.string()), ("month", pa.string()), ("path", pa.string()), ("message", pa.string()),
    ("document", pa.struct(list(SCHEMAS["documents"]))),
    *[(t, pa.list_(pa.struct(list(SCHEMAS[t])))) for t in TABLES[1:]],
])
BATCH = 128


def spark_schema(schema: pa.Schema) -> Any:
    from pyspark.sql import types as T

    return T.StructType([T.StructField(f.name, spark_type(f.type), True) for f in schema])


def _batches(rows: Iterable[dict[str, Any]], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    chunk: list[dict[str, Any]] = []
    for r in rows:
        chunk.append(r)
        if len(chunk) == BATCH:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pylist(chunk, schema=schema)


def file_items(path_and_bytes: tuple[str, bytes], shard_size: int) -> Iterator[tuple[str, Any]]:
    """("item", Item) for every record of one file, ("corrupt", (path, reason)) for a corrupt shard."""
    import io

    uri, data = path_and_bytes
    name = source_name(uri)
    kind = kind_of(name)
    if kind == "text":
        yield "item", Item("blob", name, 0, bytes(data))
    elif kind is not None:
        for shard in file_shards(name, name, lambda: io.BytesIO(bytes(data)), shard_size):
            if shard.error is not None:
                yield "corrupt", (name, str(shard.error))
            for it in shard.items:
                yield "item", it


def explode_files(batches: Iterable[pa.RecordBatch], shard_size: int) -> Iterator[pa.RecordBatch]:
    """binaryFile rows (path, content) → one row per record (a pickled Item) or corrupt shard."""
    import pickle

    def rows() -> Iterator[dict[str, Any]]:
        for b in batches:
            for path, content in zip(b.column("path").to_pylist(), b.column("content").to_pylist(), strict=True):
                for kind, payload in file_items((path, content), shard_size):
                    if kind == "corrupt":
                        yield {"kind": kind, "path": payload[0], "message": payload[1]}
                    else:
                        yield {"kind": kind, "item": pickle.dumps(payload)}

    return _batches(rows(), ITEMS)


def analyse_batches(batches: Iterable[pa.RecordBatch], builds: Any = None) -> Iterator[pa.RecordBatch]:
    """Item rows → nested output rows, analysed with this Python worker's pipeline."""
    import pickle

    def records() -> Iterator[tuple[str, Any]]:
        for b in batches:
            for r in b.to_pylist():
                yield r["kind"], (pickle.loads(r["item"]) if r["kind"] == "item" else (r["path"], r["message"]))

    return _batches(analyse_partition(records(), builds), NESTED)


def analyse_partition(records: Iterable[tuple[str, Any]], builds: Any = None) -> Iterator[dict[str, Any]]:
    """Nested output rows of one partition (streamed), analysed with this worker's pipeline."""
    from marsad.batch import local

    before = local.BUILDS
    local.worker_pipeline()
    if builds is not None:
        builds.add(local.BUILDS - before)
    errors: list[MarsadError] = []
    corrupt: list[tuple[str, str]] = []

    def items() -> Iterator[Item]:
        for kind, payload in records:
            if kind == "corrupt":
                corrupt.append(payload)
            else:
                yield payload

    for doc in local.analyse(items(), errors.append):
        rows = document_rows(doc)
        yield {"kind": "doc", "month": month_of(doc.published), "document": rows["documents"][0],
               **{t: rows[t] for t in TABLES[1:]}}
        yield from _error_rows(errors)
    yield from _error_rows(errors)
    for path, reason in corrupt:
        yield {"kind": "corrupt", "path": path, "message": reason}


def _error_rows(errors: list[MarsadError]) -> Iterator[dict[str, Any]]:
    while errors:
        err = errors.pop(0)
        kind = "failed_document" if isinstance(err, StageError) else "bad_record"
        yield {"kind": kind, "path": getattr(err, "path", None) or getattr(err, "doc_id", None), "message": str(err)}


def _session(master: str) -> tuple[Any, bool]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    existing = SparkSession.getActiveSession()
    if existing is not None:
        return existing, False
    spark = (SparkSession.builder.master(master).appName("marsad-batch")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.python.worker.reuse", "true").config("spark.sql.shuffle.partitions", "8")
             .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


def _uri(path: str) -> str:
    return path if "://" in path else Path(path).resolve().as_uri()


def run_spark(input: str, output: str, workers: int = 2, shard_size: int = DEFAULT_SHARD_SIZE,
              master: str | None = None) -> Manifest:
    """Analyse `input` on Spark (`master`, default local[workers]) into the batch datasets at `output`."""
    import time

    t0 = time.perf_counter()
    if "://" not in output:
        load_settings(Path(output), shard_size, "spark")
    spark, owned = _session(master or f"local[{workers}]")
    try:
        manifest = _run(spark, _uri(input), _uri(output), workers, shard_size)
    except Exception as exc:  # py4j wraps the JVM's error; its text names it
        if "OutOfMemoryError" in _java_text(exc):
            raise MarsadError(
                f"{input}: Spark ran out of JVM memory. Each input file is read whole by one task, so a "
                "file of hundreds of MB needs more than the default 1 GB heap: split the input into smaller "
                "files (JSONL.gz of about 10,000 articles each) or raise spark.driver.memory / "
                "spark.executor.memory") from None
        raise
    finally:
        if owned:
            spark.stop()
    manifest.input = input
    manifest.seconds["analyse"] = round(time.perf_counter() - t0, 3)
    return manifest


def _java_text(exc: BaseException) -> str:
    """The message of an exception, including the Java side of a Py4JJavaError (whose str() can fail)."""
    parts = [type(exc).__name__]
    for get in (lambda: str(exc), lambda: exc.java_exception.toString()):  # type: ignore[attr-defined]
        try:
            parts.append(get())
        except Exception:  # noqa: BLE001 - a dead JVM or a missing attribute: nothing more to read
            pass
    return " ".join(parts)


def _run(spark: Any, input_uri: str, output_uri: str, workers: int, shard_size: int) -> Manifest:
    from pyspark.sql import functions as F

    builds = spark.sparkContext.accumulator(0)
    parts = max(4, 4 * spark.sparkContext.defaultParallelism)
    files = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(input_uri)
    items = files.select("path", "content").mapInArrow(lambda bs: explode_files(bs, shard_size), spark_schema(ITEMS))
    nested = items.repartition(parts).mapInArrow(lambda bs: analyse_batches(bs, builds), spark_schema(NESTED))
    tmp = f"{output_uri.rstrip('/')}/{TMP}"
    nested.write.mode("overwrite").parquet(tmp)
    data = spark.read.parquet(tmp)
    docs = data.where(F.col("kind") == "doc")
    docs.select("month", "document.*").write.partitionBy("month").mode("overwrite").parquet(
        f"{output_uri}/documents")
    for t in TABLES[1:]:
        (docs.select("month", F.explode(t).alias("r")).select("month", "r.*")
         .write.partitionBy("month").mode("overwrite").parquet(f"{output_uri}/{t}"))
    manifest = _summary(data, output_uri, workers, shard_size)
    manifest.pipeline_builds = builds.value
    _delete(spark, tmp)
    return manifest


def _summary(data: Any, output_uri: str, workers: int, shard_size: int) -> Manifest:
    """Counts and the first error lines: all the driver ever receives."""
    from pyspark.sql import functions as F

    counts = {r["kind"]: r["count"] for r in data.groupBy("kind").count().collect()}
    sizes = data.where(F.col("kind") == "doc").select(
        *[F.sum(F.size(t)).alias(t) for t in TABLES[1:]]).collect()[0].asDict()
    m = Manifest("", source_name(output_uri), "spark", workers, shard_size)
    m.documents = counts.get("doc", 0)
    m.bad_records, m.failed_documents = counts.get("bad_record", 0), counts.get("failed_document", 0)
    m.shards_failed = counts.get("corrupt", 0)
    m.rows = {"documents": m.documents} | {t: int(sizes[t] or 0) for t in TABLES[1:]}
    for r in data.where(F.col("kind") != "doc").select("kind", "path", "message").limit(MAX_MESSAGES).collect():
        if r["kind"] == "corrupt":
            m.failed_shards.append({"shard": r["path"], "path": r["path"], "reason": r["message"]})
        m.messages.append(r["message"])
    return m


def _delete(spark: Any, uri: str) -> None:
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(path, True)
