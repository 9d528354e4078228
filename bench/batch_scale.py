"""Batch at scale on the ANT corpus (read in place from ../shared/data): articles per second with the
local engine (1 and 2 workers) and Spark local[2], peak memory of the whole process tree, the story
stage's time against corpus size, and core-hours per million articles.

The story-stage curve replicates an analysed output (`marsad.batch.replica`: copies of documents
and events, each moved a year later), which costs seconds. `--replicate N` measures the engines end
to end on an N-article replica of the articles themselves: ANT read again and again, copy k with
its id suffixed "~k" and its publication date moved k years later (ten copies span a decade).
Nothing in the pipeline caches whole documents, so every copy is analysed in full.

usage: python bench/batch_scale.py [--limit 3000] [--replicate 300000 [--per-file 10000]]
                                   [--runs local1,local2,spark] [--no-stories] [--reuse-input]
                                   [--sizes 10000,30000,100000,300000] [--cluster-base OUTPUT] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant_corpus_multisource" / "ant_multisource_v2.1.jsonl.gz"
RUNS = {"local1": ("local", 1), "local2": ("local", 2), "spark": ("spark", 2)}


def make_input(corpus: Path, limit: int, dst: Path) -> int:
    """A uniform sample of `limit` ANT articles (every k-th line) in the JSONL form marsad reads."""
    total = sum(1 for _ in gzip.open(corpus, "rt", encoding="utf-8"))
    step = max(1, total // max(1, limit))
    n = 0
    dst.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(corpus, "rt", encoding="utf-8") as fh, gzip.open(dst, "wt", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i % step or n >= limit:
                continue
            r = json.loads(line)
            out.write(_marsad_line(r))
            n += 1
    return n


def _marsad_line(r: dict, copy: int = 0) -> str:
    """An ANT row as a line of the JSONL marsad reads; copy k gets the id suffix "~k" and its date
    moved k years later."""
    return json.dumps({"id": f"{r['docno']}~{copy}" if copy else r["docno"], "title": r.get("title"),
                       "outlet": r.get("src"), "url": r.get("url"), "published": _moved(r.get("time_iso"), copy),
                       "text": r.get("text")}, ensure_ascii=False) + "\n"


def _moved(published: str | None, years: int) -> str | None:
    if not published or not years:
        return published
    try:
        y = int(published[:4]) + years
    except ValueError:
        return published
    rest = published[4:]
    return f"{y:04d}{'-02-28' + rest[6:] if rest.startswith('-02-29') else rest}"


def make_replica(corpus: Path, n: int, dst: Path, per_file: int = 0) -> int:
    """`n` articles: the whole corpus copied until there are `n`, copy k moved k years later. With
    `per_file`, `dst` is a directory of JSONL.gz files of that many articles each, as an archive is
    (Spark reads each file whole: one 300 MB gzip does not fit a default 1 GB JVM heap)."""
    if per_file:
        dst.mkdir(parents=True, exist_ok=True)
        return _split(corpus, n, dst, per_file)
    dst.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with gzip.open(dst, "wt", encoding="utf-8", compresslevel=1) as out:
        for line in _replica_lines(corpus, n):
            out.write(line)
            written += 1
    return written


def _split(corpus: Path, n: int, dst: Path, per_file: int) -> int:
    written, part = 0, None
    for line in _replica_lines(corpus, n):
        if written % per_file == 0:
            if part:
                part.close()
            part = gzip.open(dst / f"part-{written // per_file:04d}.jsonl.gz", "wt", encoding="utf-8", compresslevel=1)
        part.write(line)
        written += 1
    if part:
        part.close()
    return written


def _replica_lines(corpus: Path, n: int):
    written, k = 0, 0
    while written < n:
        with gzip.open(corpus, "rt", encoding="utf-8") as fh:
            for line in fh:
                if written >= n:
                    return
                r = json.loads(line)
                yield _marsad_line(r, k)
                written += 1
        k += 1


def _tree_rss(root: int) -> int:
    """Resident memory (bytes) of `root` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                parents[int(p.name)] = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        kids = [c for c, pp in parents.items() if pp in frontier and c not in tree]
        tree.update(kids)
        frontier = kids
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def measured(cmd: list[str], log: Path | None = None) -> tuple[float, int, str]:
    """Run `cmd`; return wall seconds, peak resident memory of its process tree, and its stdout
    (its stderr goes to `log`)."""
    t0 = time.perf_counter()
    err = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.25)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, _ = proc.communicate()
    th.join()
    if log:
        err.close()
    if proc.returncode:
        raise RuntimeError(f"{cmd} failed with exit code {proc.returncode}" + (f"; see {log}" if log else ""))
    return time.perf_counter() - t0, peak[0], out


def run_engine(src: Path, out: Path, engine: str, workers: int, stories: bool = True) -> dict:
    """One engine run on `src` (a file or a directory of files); its stderr goes to OUT.stderr.log."""
    code = ("import json,sys; from marsad.batch import run_batch; "
            f"m = run_batch({str(src)!r}, {str(out)!r}, engine={engine!r}, workers={workers}, stories={stories}); "
            "print(json.dumps(m.to_json()))")
    wall, peak, stdout = measured([sys.executable, "-c", code], out.with_name(out.name + ".stderr.log"))
    m = json.loads(stdout.strip().splitlines()[-1])
    docs, secs = m["documents"], m["seconds"]["analyse"]
    return {"docs": docs, "analyse_s": secs, "stories_s": m["seconds"].get("stories", 0.0), "wall_s": wall,
            "rate": docs / secs, "per_core": docs / secs / workers, "peak_mb": peak / 2**20}


def cluster_point(base: Path, size: int, work: Path) -> dict:
    dst = work / f"replica-{size}"
    shutil.rmtree(dst, ignore_errors=True)
    code = ("import json; from marsad.batch.replica import replicate; "
            f"replicate({str(base)!r}, {str(dst)!r}, {size})")
    subprocess.run([sys.executable, "-c", code], check=True)
    code = ("import json, dataclasses; from marsad.batch.stories import cluster_stories; "
            f"print(json.dumps(dataclasses.asdict(cluster_stories({str(dst)!r}))))")
    wall, peak, stdout = measured([sys.executable, "-c", code])
    s = json.loads(stdout.strip().splitlines()[-1])
    shutil.rmtree(dst, ignore_errors=True)
    return s | {"peak_mb": peak / 2**20, "wall_s": wall}


def report_runs(results: dict[str, dict]) -> None:
    print(f"{'run':8s} {'docs':>6s} {'analyse s':>9s} {'art/s':>7s} {'art/s/core':>10s} {'stories s':>9s} "
          f"{'peak MB':>8s} {'core-h/M':>9s}")
    for name, r in results.items():
        print(f"{name:8s} {r['docs']:6d} {r['analyse_s']:9.1f} {r['rate']:7.1f} {r['per_core']:10.1f} "
              f"{r['stories_s']:9.2f} {r['peak_mb']:8.0f} {1e6 / r['per_core'] / 3600:9.1f}")


def report_curve(points: list[dict]) -> None:
    print(f"{'docs':>8s} {'stories':>8s} {'seconds':>8s} {'docs/s':>8s} {'cmp/doc':>8s} {'peak MB':>8s}")
    for p in points:
        print(f"{p['documents']:8d} {p['stories']:8d} {p['seconds']:8.1f} {p['documents'] / p['seconds']:8.0f} "
              f"{p['comparisons'] / p['documents']:8.1f} {p['peak_mb']:8.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=3000, help="articles per engine run (31523: all of ANT)")
    ap.add_argument("--replicate", type=int, help="articles in an end-to-end replica of the corpus (instead of --limit)")
    ap.add_argument("--runs", default="local1,local2,spark")
    ap.add_argument("--no-stories", dest="stories", action="store_false",
                    help="engine runs analyse only (the story stage is measured by --sizes)")
    ap.add_argument("--reuse-input", action="store_true", help="keep WORKDIR/input from an earlier run")
    ap.add_argument("--per-file", type=int, default=0,
                    help="write the replica as a directory of JSONL.gz files of this many articles each")
    ap.add_argument("--sizes", default="10000,30000,100000,300000")
    ap.add_argument("--cluster-base", type=Path, help="analysed output to replicate (default: the last run's)")
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    src = work / "input" / ("ant" if args.per_file else "ant.jsonl.gz")
    if args.reuse_input and src.exists():
        files = sorted(src.glob("*.jsonl.gz")) if src.is_dir() else [src]
        n, how = sum(1 for f in files for _ in gzip.open(f, "rt", encoding="utf-8")), f"reused input, {len(files)} files"
    elif args.replicate and args.runs:
        n = make_replica(args.corpus, args.replicate, src, args.per_file)
        how = "replica, copy k moved k years" + (f", files of {args.per_file}" if args.per_file else "")
    else:
        n, how = (make_input(args.corpus, args.limit, src) if args.runs else 0), "uniform sample"
    print(f"{n} ANT articles ({how}), {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    results, base = {}, args.cluster_base
    for name in [r for r in args.runs.split(",") if r]:
        engine, workers = RUNS[name]
        out = work / f"out-{name}"
        shutil.rmtree(out, ignore_errors=True)
        results[name] = run_engine(src, out, engine, workers, args.stories)
        report_runs({name: results[name]})  # as it finishes: a later run's failure loses nothing
        base = base or (out if name == "local2" else None)
    if len(results) > 1:
        report_runs(results)
    base = base or (work / f"out-{next(iter(results))}" if results else None)
    if base and args.sizes:
        print(f"story stage on replicas of {base} (documents and events copied, each copy a year later)")
        report_curve([cluster_point(base, int(s), work) for s in args.sizes.split(",")])
    print(f"work directory: {work}")


if __name__ == "__main__":
    main()
