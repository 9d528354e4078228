"""Throughput per stage on the ANT corpus (read in place from ../shared/data): docs/s, MB/s, peak memory.

usage: python bench/throughput.py [--n 2000] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from pathlib import Path

from marsad.pipeline import Pipeline
from marsad.stages.ingest import document_from_text

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant_corpus_multisource" / "ant_multisource_v2.1.jsonl.gz"


def load(path: Path, n: int) -> list[dict]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("text"):
                out.append(rec)
            if len(out) >= n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    args = ap.parse_args()
    recs = load(args.corpus, args.n)
    docs = [document_from_text(r["text"], doc_id=r["docno"], meta={"title": r.get("title"), "outlet": r.get("src")}) for r in recs]
    mb = sum(len(r["text"].encode("utf-8")) for r in recs) / 1e6
    pipe = Pipeline.from_names()
    pipe.run(document_from_text("تمهيد: التقى لافروف نظيره في موسكو."))  # load resources once
    times = dict.fromkeys(pipe.names, 0.0)
    total0 = time.perf_counter()
    for d in docs:
        for st in pipe.stages:
            t0 = time.perf_counter()
            d = st(d)
            times[st.name] += time.perf_counter() - t0
    total = time.perf_counter() - total0
    print(f"{len(docs)} ANT articles, {mb:.1f} MB of text")
    print(f"{'stage':12s} {'seconds':>8s} {'docs/s':>9s} {'MB/s':>7s}")
    for name, sec in times.items():
        print(f"{name:12s} {sec:8.2f} {len(docs) / sec:9.0f} {mb / sec:7.2f}")
    print(f"{'pipeline':12s} {total:8.2f} {len(docs) / total:9.0f} {mb / total:7.2f}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
