"""Train marsad's CRF NER model (PER / ORG / LOC) and write it with its card into the package.

Data (tokens are marsad's: every token is folded and re-tokenized, as CrfNer.tag sees it at run time):
  (a) Wojood sample (../shared/data/wojood_sample) train.txt + val.txt (--no-val holds val out); test.txt
      is only scored. Nested BIO: a token keeps the outermost of its tags whose type maps (WOJOOD_MAP),
      so "سكرتير [اللجنة القومية العربية] في [نابلس]" (an OCC) keeps its ORG and place; --layer outer
      takes the first column only. NORP and the other 16 types are O.
  (b) silver: marsad's gazetteer scan, plus world_cities_ar_en cities of 200k+ people, over sentences of
      --silver-articles ANT articles (internationalNews, middleEast; read in place): PER (PER, PER_SHORT,
      honorifics dropped), ORG (ORG, institution titles with their nisba: وزارة الخارجية الإيرانية), LOC
      (GPE, CAPITAL, PLACE, SEAT, with a head noun: مدينة غزة). Dropped: sentences with a known first
      name outside every match, and those where a model trained on (a) alone finds an entity outside
      the silver spans (both most likely hide something the KB does not list). Sentences without any
      match are kept with probability --keep-empty. At most --silver-max sentences are used.

usage (from the repository root; about 1-2 minutes on 2 cores):
  .venv/bin/python scripts/train_ner.py                      # packaged model + card (seed 13)
  .venv/bin/python scripts/train_ner.py --silver-articles 0  # Wojood only
  .venv/bin/python scripts/train_ner.py --out /tmp/ner.crfsuite --no-val --c1 0.2 --minfreq 2
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from marsad.arabic import fold, normalize, split_sentences, strip_clitics, tokenize
from marsad.kb import load_kb
from marsad.kb.gazetteer import Entry, Gazetteer, build_gazetteer
from marsad.kb.records import Place
from marsad.stages.entities.ner import TYPES, CrfNer, Lexicon, bio_spans, kb_lexicon, span_scores, train
from marsad.stages.entities.recognize import Raw, scan

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
WOJOOD = SHARED / "wojood_sample"
ANT = SHARED / "ant_corpus_multisource" / "ant_multisource_v2.1.jsonl.gz"
CITIES = SHARED / "world_cities_ar_en" / "world-cities.jsonl"
MODEL = ROOT / "src" / "marsad" / "resources" / "models" / "ner.crfsuite"

# Wojood's 21 types → ours. NORP (nationalities, sects, parties-as-groups: الإيراني، الفلسطينيون) is
# not a place: it stays O, as in marsad where nisbas are a separate kind resolved by the gazetteer.
WOJOOD_MAP = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SILVER_MAP = {"PER": "PER", "PER_SHORT": "PER", "ORG": "ORG", "GPE": "LOC", "CAPITAL": "LOC",
              "PLACE": "LOC", "SEAT": "LOC"}
SILVER_CATS = ("internationalNews", "middleEast")
# City names that are also everyday words or given names (folded), and prefixes some labels carry.
CITY_STOP = frozenset("""كان الجديده الابيض البحر البلد ذكر جبل معرفه العزيز الخمس اللاتينيه ليل اراد حمد ديلي
    ميدي سعيده بشار ماري ميدان عشاق انسان مريم مينا فرح هاله انقسام علانيه صافي واري ايدن باري البيضاء بوجه
    الحسن الرحمن الامل السلام النصر الوحده الشروق الحريه العين""".split())
CITY_PREFIXES = tuple(fold(w) for w in "ولاية محافظة منطقة مقاطعة مدينة بلدية إمارة".split())
# Head nouns Wojood keeps inside a place name ("مدينة غزة", "قطاع غزة"); silver LOC spans take them in.
GEO_HEADS = frozenset(fold(w) for w in "مدينة قرية منطقة محافظة قطاع بلدة ولاية مخيم إقليم جزيرة ميناء".split())
# Honorifics some KB names carry ("السيد حسن نصر الله"); Wojood leaves them out of PERS, so silver does too.
HONORIFICS = frozenset(fold(w) for w in "السيد الشيخ الجنرال الرئيس الأمير الملك السلطان الإمام آية الله الدكتور".split())

Seq = tuple[list[str], list[str]]



def _pick(tags: Sequence[str], layer: str) -> tuple[str, str]:
    """(B|I, our type) for one token's nested tags, or ("O", "")."""
    for tag in tags[:1] if layer == "outer" else tags:
        bio, _, typ = tag.partition("-")
        if typ in WOJOOD_MAP:
            return bio, WOJOOD_MAP[typ]
    return "O", ""


def _sentence(rows: list[list[str]], layer: str) -> Seq:
    words: list[str] = []
    labels: list[str] = []
    for token, *tags in rows:
        bio, typ = _pick(tags, layer)
        for k, sub in enumerate(tokenize(fold(token))):
            if not typ:
                labels.append("O")
            else:
                cont = k > 0 or bio == "I"
                prev = labels[-1] if labels else "O"
                labels.append(f"I-{typ}" if cont and prev != "O" and prev[2:] == typ else f"B-{typ}")
            words.append(sub.text)
    return words, labels


def read_wojood(path: Path, layer: str = "mapped") -> list[Seq]:
    """Sentences of a Wojood CoNLL file as (folded marsad tokens, BIO labels over PER/ORG/LOC)."""
    out: list[Seq] = []
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        cols = line.split()
        if cols:
            rows.append(cols)
            continue
        if rows:
            words, labels = _sentence(rows, layer)
            if words:
                out.append((words, labels))
            rows = []
    return out



def _articles(path: Path, n: int, seed: int) -> list[str]:
    """`n` article texts drawn with `seed` from the political categories of the ANT corpus."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        texts = [r["text"] for r in map(json.loads, fh) if r.get("cat") in SILVER_CATS and r.get("text")]
    random.Random(seed).shuffle(texts)
    return texts[:n]


def city_places(path: Path, lex: Lexicon, common: set[str], min_pop: int = 200_000) -> list[Place]:
    """Cities of `min_pop`+ from world_cities_ar_en, minus names that are also common words or names."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        name = fold(rec.get("CityNameAr") or "").strip()
        for prefix in CITY_PREFIXES:
            name = name.removeprefix(prefix + " ")
        if int(rec.get("Population") or 0) < min_pop or len(name) < 3:
            continue
        if name in CITY_STOP or name in common or name in lex.first_names or name in lex.title_words:
            continue
        out.append(Place(rec["CityNameEn"], name, rec.get("Country") or "", int(rec["Population"])))
    return out


def silver_gazetteer(places: list[Place]) -> Gazetteer:
    """A copy of marsad's gazetteer plus `places` (the shared, cached one is left alone)."""
    gaz = copy.deepcopy(build_gazetteer())
    for pl in places:
        gaz.add(pl.name_ar, Entry("PLACE", pl.name_en, pl.country))
    return gaz


def _span(r: Raw, nxt: Raw | None, words: list[str], ministries: frozenset[str]) -> tuple[int, int, str, bool]:
    """(start, end, our type or "", whether `nxt` was absorbed) for one gazetteer match."""
    kind, t0, t1 = r.entry.kind, r.t0, r.t1
    if kind in ("TITLE", "TITLE_CONSTRUCT"):
        # Institutions (وزارة الخارجية, الجيش, حكومة) are ORG, with their nisba or construct country.
        if fold(r.entry.ref) not in ministries:
            return t0, t1, "", False
        construct = kind == "TITLE_CONSTRUCT" or not words[t1 - 1].startswith("ال")
        if nxt and nxt.t0 == t1 and (nxt.entry.kind == "NISBA" or (construct and nxt.entry.kind == "GPE")):
            return t0, nxt.t1, "ORG", True
        return t0, t1, "ORG", False
    typ = SILVER_MAP.get(kind, "")
    while typ == "PER" and t0 < t1 - 1 and words[t0] in HONORIFICS:
        t0 += 1
    if typ == "LOC" and t0 > 0 and GEO_HEADS & set(strip_clitics(words[t0 - 1])):
        t0 -= 1
    return t0, t1, typ, False


def gazetteer_labels(sentence: str, gaz: Gazetteer, ministries: frozenset[str]) -> Seq:
    """marsad's gazetteer scan of one sentence as (folded tokens, BIO labels over PER/ORG/LOC)."""
    sc = scan(normalize(sentence), gaz)
    labels = ["O"] * len(sc.words)
    k = 0
    while k < len(sc.raws):
        nxt = sc.raws[k + 1] if k + 1 < len(sc.raws) else None
        t0, t1, typ, absorbed = _span(sc.raws[k], nxt, sc.words, ministries)
        if typ and all(x == "O" for x in labels[t0:t1]):
            labels[t0:t1] = [f"B-{typ}"] + [f"I-{typ}"] * (t1 - t0 - 1)
        k += 2 if absorbed else 1
    return sc.words, labels


def ministry_titles() -> frozenset[str]:
    """Folded KB titles that name institutions (key "ministry": وزارة الخارجية, الجيش, الحكومة)."""
    return frozenset(fold(t.ar) for t in load_kb().titles if t.key == "ministry")


def silver_sentence(sentence: str, gaz: Gazetteer, lex: Lexicon, ministries: frozenset[str]) -> Seq | None:
    """Gazetteer labels for one sentence; None when it probably hides an unlisted person."""
    words, labels = gazetteer_labels(sentence, gaz, ministries)
    for w, lab in zip(words, labels, strict=True):
        if lab == "O" and any(c in lex.first_names for c in strip_clitics(w)):
            return None
    return words, labels


def read_silver(path: Path, n_articles: int, gaz: Gazetteer, lex: Lexicon, keep_empty: float,
                seed: int) -> Iterator[Seq]:
    """Silver sentences (3-80 tokens) from `n_articles` ANT articles."""
    rng = random.Random(seed)
    ministries = ministry_titles()
    for text in _articles(path, n_articles, seed):
        for sp in split_sentences(text):
            seq = silver_sentence(text[sp.start : sp.end], gaz, lex, ministries)
            if seq is None or not 3 <= len(seq[0]) <= 80:
                continue
            if all(lab == "O" for lab in seq[1]) and rng.random() >= keep_empty:
                continue
            yield seq


def agree(ner: CrfNer, silver: list[Seq], types: Sequence[str] = TYPES) -> list[Seq]:
    """Silver sentences in which `ner` (trained on gold only) finds no entity of `types` outside the
    silver spans: such an entity is most likely one the knowledge base does not list."""
    out = []
    for words, labels in silver:
        pred = bio_spans(ner.tag(words))
        if not any(t in types and all(x == "O" for x in labels[s:e]) for s, e, t in pred):
            out.append((words, labels))
    return out


def common_words(data: list[Seq], min_count: int = 2) -> set[str]:
    """Words seen at least `min_count` times in `data` and always outside entities (كان، البحر، ذكر)."""
    inside = {w for words, labels in data for w, lab in zip(words, labels, strict=True) if lab != "O"}
    counts = Counter(w for words, _ in data for w in words)
    return {w for w, n in counts.items() if n >= min_count and w not in inside}



def score_model(ner: CrfNer, data: list[Seq]) -> dict[str, dict[str, float]]:
    return span_scores([lab for _, lab in data], [ner.tag(w) for w, _ in data])



def _counts(data: list[Seq]) -> dict[str, int]:
    c = Counter(s[2] for _, lab in data for s in bio_spans(lab))
    return {"sentences": len(data), "tokens": sum(len(w) for w, _ in data), **{t: c[t] for t in TYPES}}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--wojood", type=Path, default=WOJOOD)
    ap.add_argument("--corpus", type=Path, default=ANT)
    ap.add_argument("--cities", type=Path, default=CITIES)
    ap.add_argument("--layer", choices=("mapped", "outer"), default="mapped")
    ap.add_argument("--silver-articles", type=int, default=3000)
    ap.add_argument("--silver-max", type=int, default=3000, help="cap on silver sentences")
    ap.add_argument("--keep-empty", type=float, default=0.1, help="share of entity-less silver sentences kept")
    ap.add_argument("--no-agree", dest="agree", action="store_false", help="skip the gold-model entity filter")
    ap.add_argument("--no-val", dest="with_val", action="store_false", help="train on train.txt only (val held out)")
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--minfreq", type=float, default=1)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--seed", type=int, default=13)
    return ap.parse_args(argv)


def build_silver(args: argparse.Namespace, gold: list[Seq], lex: Lexicon, params: dict) -> tuple[list[Seq], dict]:
    """Silver sentences after the filters, shuffled with the seed and capped; plus their counts."""
    if args.silver_articles <= 0:
        return [], {}
    places = city_places(args.cities, lex, common_words(gold)) if args.cities.is_file() else []
    gaz = silver_gazetteer(places)
    silver = list(read_silver(args.corpus, args.silver_articles, gaz, lex, args.keep_empty, args.seed))
    info = {"articles": args.silver_articles, "cities": len(places), "sentences_scanned_kept": len(silver)}
    if args.agree:
        with tempfile.TemporaryDirectory() as tmp:
            silver = agree(CrfNer.load(train(gold, Path(tmp) / "gold.crfsuite", lex, params)), silver)
        info["after_gold_model_filter"] = len(silver)
    random.Random(args.seed).shuffle(silver)
    return silver[: args.silver_max], info


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    t0 = time.perf_counter()
    split = {n: read_wojood(args.wojood / f"{n}.txt", args.layer) for n in ("train", "val", "test")}
    gold = split["train"] + split["val"] if args.with_val else split["train"]
    lex = kb_lexicon(person_first_words(gold))
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iters, "feature.minfreq": args.minfreq}
    silver, silver_info = build_silver(args, gold, lex, params)
    t1 = time.perf_counter()
    card = {"model": "python-crfsuite CRF (lbfgs, crf1d), BIO over PER/ORG/LOC on folded marsad tokens",
            "command": " ".join(["python scripts/train_ner.py", *(argv if argv is not None else sys.argv[1:])]),
            "wojood_layer": args.layer, "wojood_map": WOJOOD_MAP, "wojood_other_types": "O (NORP included)",
            "silver_map": SILVER_MAP, "seed": args.seed,
            "data": {"wojood_train": _counts(gold), "silver": {**_counts(silver), **silver_info},
                     "silver_keep_empty": args.keep_empty}}
    train(gold + silver, args.out, lex, params, card)
    t2 = time.perf_counter()
    ner = CrfNer.load(args.out)
    held_out = ("test",) if args.with_val else ("val", "test")
    card["scores"] = {n: score_model(ner, split[n]) for n in held_out}
    card.update(data_seconds=round(t1 - t0, 1), train_seconds=round(t2 - t1, 1), size_bytes=args.out.stat().st_size)
    info = json.loads(args.out.with_suffix(".json").read_text(encoding="utf-8"))
    info.update(card)
    args.out.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"data {t1 - t0:.1f}s  train {t2 - t1:.1f}s  model {args.out} {card['size_bytes'] / 1e6:.2f} MB")
    print(json.dumps(card["data"], ensure_ascii=False))
    for name in held_out:
        print(name, "  ".join(f"{t} {v['p']}/{v['r']}/{v['f1']}" for t, v in card["scores"][name].items()))


def person_first_words(data: list[Seq]) -> set[str]:
    """First words of the multi-word PER spans in `data` (they join the KB's first names)."""
    return {words[s] for words, labels in data for s, e, t in bio_spans(labels) if t == "PER" and e - s >= 2}


if __name__ == "__main__":
    main()
