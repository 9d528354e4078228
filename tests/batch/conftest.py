"""Batch fixtures: inputs built in tmp from the seeds and from ANT articles read in place."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS, SHARED

ANT = SHARED / "data" / "ant_corpus_multisource" / "ant_multisource_v2.1.jsonl.gz"

def ant_records(n: int, cats: tuple[str, ...] = ("middleEast", "internationalNews"),
                months: tuple[str, ...] = ("2018-05",)) -> list[dict]:
    """The first `n` ANT articles of these categories and months, in the JSONL form marsad reads."""
    if not ANT.is_file():
        pytest.skip(f"ANT corpus not found at {ANT}")
    out = []
    with gzip.open(ANT, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["cat"] in cats and (r.get("time_iso") or "")[:7] in months:
                out.append({"id": r["docno"], "title": r["title"], "outlet": r["src"], "url": r["url"],
                            "published": r["time_iso"], "text": r["text"]})
                if len(out) == n:
                    break
    return out

def write_jsonl_gz(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path

def copy_seeds(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(p, folder)) for p in sorted(SEEDS.glob("*.txt"))]

def read_table(output: Path, table: str) -> list[dict]:
    """Every row of one dataset of a batch output (with its month), in a canonical order."""
    import pyarrow.dataset as ds

    rows = ds.dataset(output / table, format="parquet", partitioning="hive").to_table().to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))

def story_partition(output: Path) -> list[list[tuple[str, str]]]:
    """The stories of a batch output as sorted groups of (doc id, hash): ids set aside."""
    groups: dict[str, set[tuple[str, str]]] = {}
    for r in read_table(output, "doc_story"):
        groups.setdefault(r["story"], set()).add((r["doc_id"], r["doc_hash"]))
    return sorted(sorted(g) for g in groups.values())

@pytest.fixture(scope="session")
def mixed_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds (text files) and 300 ANT articles (JSONL.gz) in one directory."""
    root = tmp_path_factory.mktemp("mixed")
    copy_seeds(root / "seeds")
    write_jsonl_gz(root / "ant" / "ant.jsonl.gz", ant_records(300))
    return root

@pytest.fixture(scope="session")
def local_output(tmp_path_factory: pytest.TempPathFactory, mixed_input: Path) -> Path:
    from marsad.batch import run_batch

    out = tmp_path_factory.mktemp("out") / "batch"
    run_batch(str(mixed_input), str(out), workers=2, shard_size=64)
    return out
