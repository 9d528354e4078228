"""NER quality and speed on the Wojood sample's test split: the packaged CRF vs marsad's gazetteer scan.

Gold: test.txt mapped as in scripts/train_ner.py (PERS→PER, ORG→ORG, GPE/LOC/FAC→LOC, the rest O) over
marsad tokens. Scores: exact span match (start, end and type), per type and micro-averaged. Speed:
tokens per second of tagging, features included, after one warm-up pass (model/KB loading excluded).
The gazetteer baseline labels a sentence the way the training script labels silver data, with the
shipped KB only.

usage: python bench/ner_eval.py [--model PATH] [--layer mapped|outer] [--wojood DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from marsad.kb.gazetteer import build_gazetteer
from marsad.stages.entities.ner import TYPES, CrfNer, span_scores

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from train_ner import WOJOOD, Seq, gazetteer_labels, ministry_titles, read_wojood  # noqa: E402

Tagger = Callable[[list[str]], list[str]]


def timed(tag: Tagger, data: list[Seq], repeat: int) -> tuple[list[list[str]], float]:
    """Predictions for every sentence, and the best wall time of `repeat` passes."""
    preds = [tag(words) for words, _ in data]  # warm-up (lazy loads happen here)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for words, _ in data:
            tag(words)
        best = min(best, time.perf_counter() - t0)
    return preds, best


def gazetteer_tagger() -> Tagger:
    gaz, ministries = build_gazetteer(), ministry_titles()
    return lambda words: gazetteer_labels(" ".join(words), gaz, ministries)[1]


def report(name: str, data: list[Seq], preds: list[list[str]], seconds: float) -> dict:
    scores = span_scores([lab for _, lab in data], preds)
    tokens = sum(len(w) for w, _ in data)
    print(f"\n{name}: {tokens:,} tokens in {seconds:.3f} s = {tokens / seconds:,.0f} tokens/s")
    print(f"{'type':<5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for t in (*TYPES, "ALL"):
        s = scores[t]
        print(f"{t:<5} {s['p']:>6.1f} {s['r']:>6.1f} {s['f1']:>6.1f} {s['gold']:>5} {s['pred']:>5}")
    return scores


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=None, help="a .crfsuite file (default: the packaged model)")
    ap.add_argument("--layer", choices=("mapped", "outer"), default="mapped")
    ap.add_argument("--wojood", type=Path, default=WOJOOD)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    data = read_wojood(args.wojood / "test.txt", args.layer)
    print(f"Wojood sample test.txt ({args.layer} layer): {len(data)} sentences")
    t0 = time.perf_counter()
    ner = CrfNer.load(args.model)
    print(f"CRF model loaded in {time.perf_counter() - t0:.3f} s")
    report("crf (marsad.stages.entities.ner)", data, *timed(ner.tag, data, args.repeat))
    report("gazetteer only (marsad scan, shipped KB)", data, *timed(gazetteer_tagger(), data, args.repeat))


if __name__ == "__main__":
    main()
