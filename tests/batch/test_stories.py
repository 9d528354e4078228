"""The story stage: the clusterer's decisions, blocking that keeps them, boundaries that vanish."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.batch import run_batch
from marsad.batch.replica import replicate
from marsad.batch.stories import cluster_stories
from tests.batch.conftest import ant_records, read_table, story_partition, write_jsonl_gz


def _pairs(partition: list[list[tuple[str, str]]]) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    return {(a, b) for g in partition for a in g for b in g if a < b}


@pytest.fixture(scope="module")
def ant_output(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("ant")
    src = write_jsonl_gz(root / "ant.jsonl.gz", ant_records(300))
    run_batch(str(src), str(root / "out"), workers=2, stories=False)
    return src, root / "out"


def test_sweep_without_blocking_decides_as_the_clusterer(ant_output: tuple[Path, Path]) -> None:
    from marsad.analyze import analyze_many
    from marsad.stages.ingest import read_inputs
    from marsad.stages.stories import StoryClusterer

    src, out = ant_output
    docs = sorted(analyze_many(read_inputs([str(src)])), key=lambda d: (d.published, d.id, d.hash))
    assert all(d.published for d in docs)
    StoryClusterer(top_terms=10**9).add(docs)  # every shared term a candidate: no blocking
    groups: dict[str, set[tuple[str, str]]] = {}
    for d in docs:
        groups.setdefault(d.story or "", set()).add((d.id, d.hash))
    cluster_stories(out, blocking=False)
    assert story_partition(out) == sorted(sorted(g) for g in groups.values())
    assert any(len(g) > 1 for g in groups.values())


def test_blocking_keeps_the_stories_with_fewer_comparisons(ant_output: tuple[Path, Path]) -> None:
    _, out = ant_output
    exact_stats = cluster_stories(out, blocking=False)
    exact = _pairs(story_partition(out))
    stats = cluster_stories(out)
    blocked = _pairs(story_partition(out))
    assert stats.comparisons < exact_stats.comparisons / 2
    assert len(exact & blocked) >= 0.97 * len(exact) and len(exact & blocked) >= 0.97 * len(blocked)


def test_comparisons_grow_linearly_with_a_longer_archive(ant_output: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = ant_output
    per_doc = []
    for copies in (1, 4):
        dst = tmp_path / f"x{copies}"
        replicate(out, dst, 300 * copies, shift_days=60)
        stats = cluster_stories(dst)
        assert stats.documents == 300 * copies
        per_doc.append(stats.comparisons / stats.documents)
    assert per_doc[1] <= 1.2 * per_doc[0]
    # Four copies, four times the stories (up to the IDF, which the copies shift a little).
    ratio = len(read_table(tmp_path / "x4", "stories")) / len(read_table(tmp_path / "x1", "stories"))
    assert 3.8 <= ratio <= 4.2


def test_a_story_spans_month_partitions_and_shards(tmp_path: Path) -> None:
    rec, *others = ant_records(21)
    days = {"a": "2018-05-31", "b": "2018-06-01", "c": "2018-06-05"}
    for name, day in days.items():
        write_jsonl_gz(tmp_path / "in" / f"{name}.jsonl.gz", [rec | {"id": name, "published": day}])
    write_jsonl_gz(tmp_path / "in" / "others.jsonl.gz", others)  # for the IDF
    m = run_batch(str(tmp_path / "in"), str(tmp_path / "out"), workers=2, shard_size=1)
    assert m.shards == 23
    story = {r["doc_id"]: r["story"] for r in read_table(tmp_path / "out", "doc_story")}
    assert story["a"] == story["b"] != story["c"]  # 31 May and 1 June: one story; 5 June: another
    months = {r["doc_id"]: r["month"] for r in read_table(tmp_path / "out", "doc_story")}
    assert (months["a"], months["b"]) == ("2018-05", "2018-06")
    stories = {r["story"]: r for r in read_table(tmp_path / "out", "stories")}
    assert stories[story["a"]]["size"] == 2 and stories[story["a"]]["last_published"] == "2018-06-01"
