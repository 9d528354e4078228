"""Story clustering: B³ on the ANT development set, and time and memory against corpus size.

usage: python bench/stories.py [--sizes 10000 30000 100000] [--base 2000]
The scale curve replicates `--base` analysed ANT articles (spread over 30 days) with shifted
publication dates (each copy 40 days later, so copies never share a window) up to each size.
"""

from __future__ import annotations

import argparse
import copy
import resource
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval" / "stories"))

from load import load_dev  # noqa: E402

from marsad.analyze import analyze_many  # noqa: E402
from marsad.evaluate import bcubed  # noqa: E402
from marsad.stages.ingest import document_from_text  # noqa: E402
from marsad.stages.stories import StoryClusterer  # noqa: E402


def analysed(records: list[dict]) -> list:
    docs = [document_from_text(r["text"], doc_id=r["id"], meta={"title": r["title"], "outlet": r["outlet"],
                                                                 "published": r["published"]}) for r in records]
    return list(analyze_many(docs))


def dev_score() -> None:
    recs = load_dev()
    docs = analysed(recs)
    StoryClusterer().add(docs)
    b = bcubed({r["id"]: r["story"] for r in recs}, {d.id: d.story for d in docs})
    stories = len({r["story"] for r in recs})
    print(f"ANT development set: {len(recs)} articles, {stories} gold stories: "
          f"B3 P={b['p']:.3f} R={b['r']:.3f} F1={b['f1']:.3f}")


def replicate(base: list, n: int) -> list:
    out = []
    k = 0
    while len(out) < n:
        for d in base:
            if len(out) >= n:
                break
            c = copy.copy(d)
            c.id, c.hash, c.story = f"{d.id}#{k}", f"{d.hash}{k}", None
            if d.published:
                c.published = (date.fromisoformat(d.published[:10]) + timedelta(days=40 * k)).isoformat()
            out.append(c)
        k += 1
    return out


def base_corpus(n: int) -> list:
    import gzip
    import json

    path = ROOT.parent / "shared" / "data" / "ant_corpus_multisource" / "ant_multisource_v2.1.jsonl.gz"
    recs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("text"):
                day = date(2018, 1, 1) + timedelta(days=len(recs) % 30)
                recs.append({"id": r["docno"], "text": r["text"], "title": r.get("title"), "outlet": r.get("src"),
                             "published": day.isoformat()})
            if len(recs) >= n:
                break
    return analysed(recs)


def curve(sizes: list[int], base_n: int) -> None:
    base = base_corpus(base_n)
    print(f"{'articles':>9s} {'seconds':>8s} {'docs/s':>8s} {'peak MB (tracemalloc)':>22s} {'stories':>8s}")
    for n in sizes:
        docs = replicate(base, n)
        tracemalloc.start()
        t0 = time.perf_counter()
        c = StoryClusterer()
        c.add(docs)
        secs = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(f"{n:9d} {secs:8.1f} {n / secs:8.0f} {peak:22.0f} {len(c.stories):8d}")
    print(f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 30_000, 100_000])
    ap.add_argument("--base", type=int, default=2000)
    a = ap.parse_args()
    dev_score()
    curve(a.sizes, a.base)
