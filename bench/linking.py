"""Entity linking against tests/data/linking/mentions.jsonl: precision, recall, and per kind.

A prediction is the actor of the recognised mention that overlaps the fixture's mention. It is
right when it is the expected knowledge-base actor; for a person the base does not hold, when it
is a non-base actor of the expected country; for "not an entity", when nothing is linked.
usage: python bench/linking.py [--fixtures PATH] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from marsad.analyze import analyze
from marsad.stages.ingest import document_from_text

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "linking" / "mentions.jsonl"


def predict(case: dict) -> dict | None:
    doc = analyze(document_from_text(case["sentence"], meta={"published": case.get("published") or ""}))
    # a short reference comes after the full name it shortens: score that later occurrence
    find = case["sentence"].rfind if case.get("kind") == "short-name" else case["sentence"].find
    start = find(case["mention"])
    end = start + len(case["mention"])
    hits = [m for m in doc.entities if m.span.start < end and m.span.end > start and m.actor is not None]
    if not hits:
        return None
    best = max(hits, key=lambda m: min(end, m.span.end) - max(start, m.span.start))
    return best.actor.to_json()


def correct(case: dict, pred: dict | None) -> bool:
    exp = case["expected"]
    if exp is None:
        return pred is None
    if pred is None:
        return False
    if exp.get("kb_id"):
        return pred.get("id") == exp["kb_id"] or (exp["kb_id"].startswith("c:") and pred.get("country") == exp["country"])
    if exp.get("name_en") is None:  # a descriptive or unknown actor: right country, not a base person
        return not (pred.get("id") or "").startswith("p:") and (exp.get("country") in (None, pred.get("country")))
    return pred.get("name_en") == exp["name_en"] and pred.get("country") == exp.get("country")


def evaluate(path: Path, show: bool = False) -> dict[str, float]:
    cases = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    tp = linked = expected = 0
    by_kind: Counter[str] = Counter()
    right_kind: Counter[str] = Counter()
    t0 = time.perf_counter()
    for c in cases:
        pred = predict(c)
        ok = correct(c, pred)
        by_kind[c["kind"]] += 1
        right_kind[c["kind"]] += ok
        linked += pred is not None
        expected += c["expected"] is not None
        tp += ok and pred is not None
        if show and not ok:
            print(f"  {c['id']} {c['kind']}: {c['mention']} ({c.get('published')}) expected "
                  f"{(c['expected'] or {}).get('name_en')} got {(pred or {}).get('name_en')}")
    secs = time.perf_counter() - t0
    p = tp / linked if linked else 0.0
    r = tp / expected if expected else 0.0
    print(f"{len(cases)} mentions  precision={p:.3f}  recall={r:.3f}  ({len(cases) / secs:.0f} sentences/s)")
    for kind in sorted(by_kind):
        print(f"  {kind:18s} {right_kind[kind]:4d}/{by_kind[kind]:<4d} {right_kind[kind] / by_kind[kind]:.3f}")
    return {"precision": p, "recall": r}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--fixtures", type=Path, default=DEFAULT)
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args()
    evaluate(a.fixtures, a.show_errors)
