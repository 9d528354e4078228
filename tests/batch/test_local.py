"""The local engine: the same analysis as `marsad analyze`, month partitions, workers, the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.batch import ingest_parquet, run_batch
from marsad.batch.ingest import month_contracts
from marsad.batch.manifest import Manifest
from marsad.batch.stories import months
from tests.batch.conftest import read_table


def _analysed(path: Path) -> dict[tuple[str, str], dict]:
    from marsad.analyze import analyze_many
    from marsad.contract import document_json
    from marsad.stages.ingest import read_inputs

    return {(d.id, d.hash): document_json(d) for d in analyze_many(read_inputs([str(path)]))}


def test_batch_outputs_the_contract_of_analyze(local_output: Path, mixed_input: Path) -> None:
    expected = _analysed(mixed_input)
    got = {(d["id"], d["hash"]): d for m in months(local_output) for d in month_contracts(local_output, m)}
    assert len(got) == len(expected) == 305
    for key, d in got.items():
        assert d["story"] and d["story"].startswith("s-")
        assert d | {"story": None} == expected[key], key


def test_batch_partitions_by_month_and_writes_a_manifest(local_output: Path) -> None:
    names = {p.name for p in (local_output / "documents").iterdir()}
    assert {"month=2018-05", "month=unknown"} <= names  # four seeds have no publication date
    docs = read_table(local_output, "documents")
    assert all(r["month"] == (r["published"] or "unknown")[:7] or r["month"] == "unknown" for r in docs)
    m = Manifest.read(local_output)
    assert (m.documents, m.shards_failed, m.bad_records, m.failed_documents) == (305, 0, 0, 0)
    assert m.rows["documents"] == 305 and m.rows["events"] == len(read_table(local_output, "events"))
    assert m.stories == len(read_table(local_output, "stories")) > 0
    assert sum(r["size"] for r in read_table(local_output, "stories")) == 305


def test_one_and_two_workers_write_the_same_rows(local_output: Path, mixed_input: Path, tmp_path: Path) -> None:
    run_batch(str(mixed_input), str(tmp_path / "w1"), workers=1, shard_size=64)
    for table in ("documents", "entities", "events", "quotes", "doc_story", "stories"):
        assert read_table(tmp_path / "w1", table) == read_table(local_output, table), table


def test_ingest_parquet_loads_the_store(local_output: Path, tmp_path: Path) -> None:
    from marsad.store import Store

    db = tmp_path / "m.db"
    assert ingest_parquet(local_output, db) == 305
    assert ingest_parquet(local_output, db) == 305  # again: upsert, one copy each
    with Store(db) as store:
        assert store.count() == 305
        seed = store.get("004_82b0062d205d1957")
        assert seed is not None and any(e["type"] == "CONSULT" for e in seed["events"])
        assert seed["story"] and store.search("لافروف")
        n_events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert n_events == len(read_table(local_output, "events"))


def test_parquet_input_is_read_like_jsonl(mixed_input: Path, tmp_path: Path) -> None:
    import gzip

    import pyarrow as pa
    import pyarrow.parquet as pq

    recs = [json.loads(x) for x in gzip.open(mixed_input / "ant" / "ant.jsonl.gz", "rt").read().splitlines()[:40]]
    pq.write_table(pa.Table.from_pylist(recs), tmp_path / "ant.parquet", row_group_size=15)
    m = run_batch(str(tmp_path / "ant.parquet"), str(tmp_path / "out"), shard_size=16)
    assert (m.documents, m.shards, m.shards_failed) == (40, 3, 0)
    ids = [r["id"] for r in read_table(tmp_path / "out", "documents")]
    assert sorted(ids) == sorted(r["id"] for r in recs)


def test_emptying_the_memo_tables_changes_no_result(mixed_input: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.batch import local
    from marsad.batch.readers import iter_shards
    from marsad.contract import document_json
    from marsad.stages.events.triggers import load_lexicon

    items = [it for sh in iter_shards(str(mixed_input / "ant"), 60) for it in sh.items][:60]
    before = [document_json(d) for d in local.analyse(items, print)]
    monkeypatch.setattr(local, "MEMO_LIMIT", 0)
    after = []
    for d in local.analyse(items, print):
        after.append(document_json(d))
        local.trim_memos()  # after every document
        assert not load_lexicon()._single
    assert after == before
