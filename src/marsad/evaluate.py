"""Score analysis output against gold annotations (the seeds' gold.jsonl format).

Same measures as the project's scorer: events as country-pair dyads (all pairs for three or
more participants; optional gold events neither help nor hurt), + dates, + actor names, status
accuracy on matched events, person linking recall, timex accuracy, quote recall, story B³.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any


def norm_name(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\b(al|el|ad|an|as|ash|at|az)[- ]", "", s)
    return " ".join(re.sub(r"[^a-z ]", " ", s).split())


def same_name(a: str | None, b: str | None) -> bool:
    a, b = norm_name(a), norm_name(b)
    if not a or not b:
        return False
    return a == b or a.split()[-1] == b.split()[-1] or SequenceMatcher(None, a, b).ratio() >= 0.85


def _country(actor: dict | None) -> str | None:
    return ((actor or {}).get("country") or "").upper() or None


def date_ok(pred: str | None, gold: str | None) -> bool:
    if pred == gold or (not pred and not gold):
        return True
    if gold and pred and "/" in gold and "/" not in pred:
        lo, hi = gold.split("/", 1)
        return len(pred) == len(lo) and lo <= pred <= hi
    return False


def units(ev: dict[str, Any]) -> list[dict[str, Any]]:
    names = {}
    for role in ("source", "target"):
        a = ev.get(role) or {}
        if _country(a) and a.get("name_en"):
            names.setdefault(_country(a), a["name_en"])
    cs = sorted({c for c in (_country(ev.get("source")), _country(ev.get("target"))) if c}
                | {c.upper() for c in ev.get("participants") or [] if c})
    pairs = [frozenset(cs)] if len(cs) <= 2 else [frozenset((a, b)) for i, a in enumerate(cs) for b in cs[i + 1 :]]
    types = {ev.get("type")} | set(ev.get("alt_types") or [])
    return [dict(types=types, type=ev.get("type"), pair=p, names=names, date=ev.get("date"), status=ev.get("status"),
                 mode=ev.get("mode"), optional=bool(ev.get("optional")), background=bool(ev.get("background")))
            for p in pairs]


def unit_match(p: dict, g: dict, level: int) -> bool:
    if p["type"] not in g["types"] or p["pair"] != g["pair"]:
        return False
    if level >= 1 and not date_ok(p["date"], g["date"]):
        return False
    return level < 2 or all(same_name(n, p["names"].get(c, "")) for c, n in g["names"].items())


def match_events(pred: list, gold: list, level: int, absorb: tuple[str, ...] = ("optional",)) -> tuple[int, int, int]:
    P = [u for e in pred for u in units(e)]
    G = [u for e in gold for u in units(e)]
    required = [g for g in G if not any(g[f] for f in absorb)]
    soft = [g for g in G if any(g[f] for f in absorb)]
    tp = fp = 0
    used: set[int] = set()
    for p in P:
        hit = next((i for i, g in enumerate(required) if i not in used and unit_match(p, g, level)), None)
        if hit is not None:
            used.add(hit)
            tp += 1
        elif not any(unit_match(p, g, 0) for g in soft):
            fp += 1
    return tp, fp, len(required) - len(used)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict[str, Any]:
    out: dict[str, Any] = {"documents": len(gold), "docs_missing": sum(1 for i in gold if i not in pred)}
    for level, name in ((0, "events_type_dyad"), (1, "events_+date"), (2, "events_+actors")):
        tot = [0, 0, 0]
        for i, g in gold.items():
            r = match_events(pred.get(i, {}).get("events") or [], g.get("events") or [], level)
            tot = [a + b for a, b in zip(tot, r, strict=True)]
        out[name] = prf(*tot)
    out["by_type_f1"] = _by_type(gold, pred)
    out["status_acc"] = _status(gold, pred)
    out["distractor_events"] = sum(len(pred.get(i, {}).get("events") or []) for i, g in gold.items() if g.get("distractor"))
    out["persons_linked_recall"] = _persons(gold, pred)
    out["timex_acc"] = _timex(gold, pred)
    out["quotes_recall"] = _quotes(gold, pred)
    out["stories_bcubed"] = bcubed({i: g.get("story") for i, g in gold.items()}, {i: pred.get(i, {}).get("story") for i in gold})
    return out


def _by_type(gold: dict, pred: dict) -> dict[str, float]:
    counts: dict[str, list[int]] = {}
    for i, g in gold.items():
        P = [u for e in pred.get(i, {}).get("events") or [] for u in units(e)]
        G = [u for e in g.get("events") or [] for u in units(e)]
        used: set[int] = set()
        for pu in P:
            hit = next((k for k, gu in enumerate(G) if k not in used and unit_match(pu, gu, 0)), None)
            if hit is not None:
                used.add(hit)
                if not G[hit]["optional"]:
                    counts.setdefault(G[hit]["type"], [0, 0, 0])[0] += 1
            else:
                counts.setdefault(pu["type"], [0, 0, 0])[1] += 1
        for k, gu in enumerate(G):
            if k not in used and not gu["optional"]:
                counts.setdefault(gu["type"], [0, 0, 0])[2] += 1
    return {t: round(prf(*v)["f1"], 3) for t, v in sorted(counts.items(), key=lambda kv: str(kv[0]))}


def _status(gold: dict, pred: dict) -> float:
    ok = n = 0
    for i, g in gold.items():
        P = [u for e in pred.get(i, {}).get("events") or [] for u in units(e)]
        used: set[int] = set()
        for gu in (u for e in g.get("events") or [] for u in units(e)):
            cands = [k for k, pu in enumerate(P) if k not in used and unit_match(pu, gu, 0)]
            if cands:
                k = next((k for k in cands if P[k]["mode"] == gu["mode"]), cands[0])
                used.add(k)
                n += 1
                ok += P[k]["status"] == gu["status"]
    return ok / n if n else 0.0


def _persons(gold: dict, pred: dict) -> float:
    hit = tot = 0
    for i, g in gold.items():
        linked = [e.get("actor") or {} for e in pred.get(i, {}).get("entities") or []]
        for gp in g.get("persons") or []:
            tot += 1
            hit += any(same_name(gp["name_en"], a.get("name_en")) and (gp.get("country") is None or _country(a) == gp["country"])
                       for a in linked)
    return hit / tot if tot else 0.0


def _timex(gold: dict, pred: dict) -> float:
    ok = tot = 0
    for i, g in gold.items():
        p = pred.get(i, {})
        text = p.get("text") or ""
        for gt in g.get("timex") or []:
            tot += 1
            pos = text.find(gt["surface"])
            if pos >= 0:
                e = pos + len(gt["surface"])
                ok += any(t.get("start", -1) < e and t.get("end", -1) > pos and date_ok(t.get("value"), gt.get("value"))
                          for t in p.get("timex") or [])
    return ok / tot if tot else 0.0


def _quotes(gold: dict, pred: dict) -> float:
    ok = tot = 0
    for i, g in gold.items():
        for gq in g.get("quotes") or []:
            tot += 1
            ok += any(gq["text_start"] in (q.get("text") or "") and same_name(gq["speaker_en"], (q.get("speaker") or {}).get("name_en"))
                      for q in pred.get(i, {}).get("quotes") or [])
    return ok / tot if tot else 0.0


def bcubed(gl: dict[str, str | None], pl: dict[str, str | None]) -> dict[str, float]:
    ids = list(gl)
    if not ids:
        return {"p": 0.0, "r": 0.0, "f1": 0.0}
    g = {i: gl[i] or f"_g{i}" for i in ids}
    p = {i: pl.get(i) or f"_p{i}" for i in ids}
    P = R = 0.0
    for i in ids:
        sp = {j for j in ids if p[j] == p[i]}
        sg = {j for j in ids if g[j] == g[i]}
        P += len(sp & sg) / len(sp)
        R += len(sp & sg) / len(sg)
    P, R = P / len(ids), R / len(ids)
    return {"p": P, "r": R, "f1": 2 * P * R / (P + R) if P + R else 0.0}


def read_jsonl(path: str | Path) -> dict[str, dict]:
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out[str(d.get("id"))] = d
    return out


def evaluate_paths(gold_path: str, pred_path: str | None, inputs: Iterable[str] = ()) -> dict[str, Any]:
    """Score a saved prediction file, or analyse `inputs` (default: the files the gold names,
    beside the gold file) and score the result."""
    gold = read_jsonl(gold_path)
    if pred_path:
        return score(gold, read_jsonl(pred_path))
    from marsad.analyze import analyze_many
    from marsad.contract import document_json
    from marsad.stages.ingest import IngestOptions, read_inputs
    from marsad.stages.stories import assign_stories

    paths = list(inputs) or [str(Path(gold_path).parent / g["file"]) for g in gold.values() if g.get("file")]
    docs = list(analyze_many(read_inputs(paths, IngestOptions(), lambda e: None)))
    assign_stories(docs)
    return score(gold, {d.id: document_json(d) for d in docs})


def format_scores(s: dict[str, Any]) -> str:
    lines = []
    for k, v in s.items():
        if isinstance(v, dict) and "f1" in v:
            extra = f"  (tp={v['tp']} fp={v['fp']} fn={v['fn']})" if "tp" in v else ""
            lines.append(f"{k:24s} P={v['p']:.3f} R={v['r']:.3f} F1={v['f1']:.3f}{extra}")
        elif isinstance(v, float):
            lines.append(f"{k:24s} {v:.3f}")
        else:
            lines.append(f"{k:24s} {json.dumps(v, ensure_ascii=False)}")
    return "\n".join(lines)
