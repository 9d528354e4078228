"""Print, per article, the gold events the pipeline missed and the events it invented.

usage: python bench/devset_misses.py GOLD.jsonl ARTICLES.jsonl [--type ACCUSE]
"""

from __future__ import annotations

import argparse

from marsad.analyze import analyze_many
from marsad.contract import document_json
from marsad.evaluate import read_jsonl, unit_match, units
from marsad.stages.ingest import read_inputs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold")
    ap.add_argument("articles")
    ap.add_argument("--type")
    args = ap.parse_args()
    gold = read_jsonl(args.gold)
    for doc in analyze_many(read_inputs([args.articles])):
        g = gold.get(doc.id)
        if g is None:
            continue
        pred = document_json(doc)["events"]
        P = [(u, e) for e in pred for u in units(e)]
        G = [(u, e) for e in g.get("events") or [] for u in units(e)]
        G.sort(key=lambda ue: ue[0]["optional"])  # required units are matched first, as the scorer does
        used: set[int] = set()
        fps = []
        for pu, pe in P:
            hit = next((k for k, (gu, _) in enumerate(G) if k not in used and unit_match(pu, gu, 0)), None)
            if hit is None:
                fps.append(pe)
            else:
                used.add(hit)
        misses = [ge for k, (gu, ge) in enumerate(G) if k not in used and not gu["optional"]]
        show = [m for m in misses if not args.type or m["type"] == args.type]
        shown_fp = [f for f in fps if not args.type or f["type"] == args.type]
        if not show and not shown_fp:
            continue
        print(f"== {doc.id}")
        for m in show:
            bg = " (background)" if m.get("background") else ""
            print(f"  MISS {m['type']}/{m.get('mode')} {m['source']['name_en']} → {m['target']['name_en']}{bg}: {m['evidence'][:110]}")
        for f in shown_fp:
            print(f"  FP   {f['type']}/{f.get('mode')} {f['source']['name_en']} → {f['target']['name_en']}: "
                  f"{f['evidence']['text'][:110]}")


if __name__ == "__main__":
    main()
