"""Statistical NER (CRF over folded tokens) for people, organisations and places the KB does not list.

The model is trained by scripts/train_ner.py on the Wojood sample plus gazetteer-labelled news
sentences and ships as resources/models/ner.crfsuite with its card ner.json (training sizes,
scores and the word lists its features use). Labels are BIO over PER, ORG and LOC.

Needs python-crfsuite (the `ml` extra). Nothing is loaded at import; `CrfNer.load()` reads the
packaged model once and caches it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.arabic import fold, normalize, split_sentences, strip_clitics, tokenize
from marsad.errors import MarsadError

TYPES = ("PER", "ORG", "LOC")
MODEL_NAME = "ner.crfsuite"
# L1/L2 weights chosen by 5-fold cross-validation on the Wojood sample (scripts/train_ner.py).
DEFAULT_PARAMS: dict[str, Any] = {"c1": 0.1, "c2": 0.01, "max_iterations": 200, "feature.minfreq": 1}
# Proclitic letters that may be trimmed off the first token of a span (وبغداد → بغداد).
_PROCLITICS = frozenset("وفبلك")
# Short function words that must never count as first names or title words (على folds to علي).
_NOT_NAMES = frozenset(fold(w) for w in "على إلى لي في من عن مع أن إن ما لا هو هي أبو".split())


class NerModelError(MarsadError):
    """The NER model cannot be used: python-crfsuite is missing or the model file is absent/unreadable."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists behind the lexical features (folded): first names and title words."""

    first_names: frozenset[str]
    title_words: frozenset[str]

    def to_json(self) -> dict[str, str]:
        """Space-separated, sorted word lists (compact in the model card)."""
        return {"first_names": " ".join(sorted(self.first_names)), "title_words": " ".join(sorted(self.title_words))}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Lexicon:
        return cls(frozenset(data.get("first_names", "").split()), frozenset(data.get("title_words", "").split()))


def kb_lexicon(extra_first_names: Iterable[str] = ()) -> Lexicon:
    """First tokens of the KB's people names (plus `extra_first_names`) and the words of its titles."""
    from marsad.kb import load_kb

    kb = load_kb()
    first = {fold(n).split()[0] for p in kb.people.values() for n in p.names_ar if n.strip()}
    first |= {fold(n) for n in extra_first_names}
    titles = {t.text for title in kb.titles for t in tokenize(fold(title.ar))}
    return Lexicon(frozenset(filter(_lexical, first)), frozenset(filter(_lexical, titles)))


def _lexical(w: str) -> bool:
    return len(w) >= 3 and w not in _NOT_NAMES


# --------------------------------------------------------------------------- features


def _shape(w: str) -> str:
    if w.isdigit():
        return "num"
    if any(c.isdigit() for c in w):
        return "hasnum"
    if w.isascii():
        return "latin"
    return "ar"


def _word_feats(w: str, lex: Lexicon) -> tuple[str, list[str]]:
    """The stem of `w` and its own (position-independent) features."""
    cands = strip_clitics(w) or (w,)
    stem = cands[-1]
    f = [f"w={w}", f"stem={stem}", f"shape={_shape(w)}", f"len={min(len(w), 8)}"]
    f += [f"p{k}={w[:k]}" for k in (1, 2, 3) if len(w) > k]
    f += [f"s{k}={w[-k:]}" for k in (1, 2, 3) if len(w) > k]
    if any(c.startswith("ال") for c in cands):
        f.append("al")
    if any(c in lex.first_names for c in cands):
        f.append("fname")
    if any(c in lex.title_words for c in cands):
        f.append("title")
    if len(stem) > 3 and (stem.endswith("ي") or stem.endswith("يه")):
        f.append("nisba")
    return stem, f


def features(words: Sequence[str], lex: Lexicon) -> list[list[str]]:
    """CRF features for each folded token: its own, and words/stems/flags of its ±2 neighbours."""
    own = [_word_feats(w, lex) for w in words]
    n = len(words)
    out: list[list[str]] = []
    for i, w in enumerate(words):
        f = ["bias", f"pos={min(i, 3)}", *own[i][1]]
        if i == n - 1:
            f.append("last")
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < n:
                f.append(f"{d}:pad")
                continue
            f += [f"{d}:w={words[j]}", f"{d}:stem={own[j][0]}"]
            if abs(d) == 1:
                f += [f"{d}:{x}" for x in own[j][1] if x in ("fname", "title", "al", "nisba")]
        if i > 0:
            f.append(f"-1|0={words[i - 1]}|{w}")
        out.append(f)
    return out


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token ranges [start, end) with their type; an I- that does not continue a span starts one."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        tag, _, typ = lab.partition("-")
        if start >= 0 and (tag != "I" or typ != kind):
            out.append((start, i, kind))
            start = -1
        if tag == "B" or (tag == "I" and start < 0):
            start, kind = i, typ
    return out


def span_scores(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Exact-span precision/recall/F1 (in %) and gold counts per type, and micro-averaged ("ALL")."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        n_gold.update(s[2] for s in gs)
        n_pred.update(s[2] for s in ps)
        tp.update(s[2] for s in ps & gs)
    out = {}
    for t in (*TYPES, "ALL"):
        keys = TYPES if t == "ALL" else (t,)
        a, b, c = (sum(x[k] for k in keys) for x in (tp, n_pred, n_gold))
        pr, rc = (100 * a / b if b else 0.0), (100 * a / c if c else 0.0)
        f1 = 2 * pr * rc / (pr + rc) if a else 0.0
        out[t] = {"p": round(pr, 1), "r": round(rc, 1), "f1": round(f1, 1), "gold": c, "pred": b}
    return out


# --------------------------------------------------------------------------- model


def _crfsuite() -> Any:
    try:
        import pycrfsuite
    except ImportError:
        raise NerModelError(
            "the NER model needs python-crfsuite: pip install 'marsad[ml]' (or pip install python-crfsuite)"
        ) from None
    return pycrfsuite


def train(
    data: Iterable[tuple[Sequence[str], Sequence[str]]],
    path: str | Path,
    lexicon: Lexicon,
    params: dict[str, Any] | None = None,
    card: dict[str, Any] | None = None,
) -> Path:
    """Train a CRF on (folded words, BIO labels) pairs; write the model and its card (.json) beside it."""
    trainer = _crfsuite().Trainer(verbose=False)
    for words, labels in data:
        trainer.append(features(words, lexicon), list(labels))
    trainer.select("lbfgs", "crf1d")
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    info = {**(card or {}), "params": {**DEFAULT_PARAMS, **(params or {})}, "lexicon": lexicon.to_json()}
    path.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


class CrfNer:
    """A loaded CRF tagger plus the word lists its features were trained with."""

    def __init__(self, tagger: Any, lexicon: Lexicon, card: dict[str, Any] | None = None, blob: bytes = b"") -> None:
        self._tagger = tagger
        self._blob = blob  # crfsuite reads the model in place: the buffer must outlive the tagger
        self.lexicon = lexicon
        self.card = card or {}

    @classmethod
    def load(cls, path: str | Path | None = None) -> CrfNer:
        """The model at `path` (its card is `path` with .json), or the packaged one; cached per path."""
        return _load(None if path is None else str(Path(path).resolve()))

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO labels (B-PER, I-ORG, O …) for a sentence of folded tokens."""
        if not words:
            return []
        return list(self._tagger.tag(features(words, self.lexicon)))

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, type) character spans into `text`, sentence by sentence.

        A span's first token loses its proclitics (و ف ب ل ك) where the gazetteer matches the rest
        (وموسكو → موسكو), or the rest starts with ال or is a known first name (والسعودية → السعودية);
        otherwise it stays whole (وزارة, وليد).
        """
        out: list[tuple[int, int, str]] = []
        for sent in split_sentences(text):
            norm = normalize(text[sent.start : sent.end])
            toks = tokenize(norm.text)
            words = [t.text for t in toks]
            for t0, t1, kind in bio_spans(self.tag(words)):
                cut = self._proclitic(words, t0)
                s, e = norm.to_source(toks[t0].start + cut, toks[t1 - 1].end)
                out.append((sent.start + s, sent.start + e, kind))
        return out

    def _proclitic(self, words: list[str], i: int) -> int:
        """How many leading characters of words[i] are proclitics, not part of the name."""
        from marsad.kb.gazetteer import build_gazetteer

        w = words[i]
        for m in build_gazetteer().lookup(words, i):
            if w.endswith(m.stem):
                return len(w) - len(m.stem)
        cut = 0
        while cut < 2 and len(w) - cut > 3 and w[cut] in _PROCLITICS:
            rest = w[cut + 1 :]
            cut += 1
            if (rest.startswith("ال") and len(rest) > 4) or rest in self.lexicon.first_names:
                return cut
        return 0


@cache
def _load(path: str | None) -> CrfNer:
    crf = _crfsuite()
    if path is None:
        res = resources.files("marsad") / "resources" / "models" / MODEL_NAME
        where = str(res)
        try:
            blob = res.read_bytes()
            card_text = (resources.files("marsad") / "resources" / "models" / "ner.json").read_text("utf-8")
        except OSError:
            raise NerModelError(f"packaged NER model missing: {where} (run scripts/train_ner.py)") from None
    else:
        where, p = path, Path(path)
        if not p.is_file():
            raise NerModelError(f"NER model not found: {path}")
        blob = p.read_bytes()
        card_file = p.with_suffix(".json")
        card_text = card_file.read_text("utf-8") if card_file.is_file() else "{}"
    tagger = crf.Tagger()
    try:
        tagger.open_inmemory(blob)
    except Exception as exc:  # pycrfsuite raises a bare ValueError/OSError on a bad file
        raise NerModelError(f"cannot read NER model {where}: {exc}") from None
    card = json.loads(card_text)
    lexicon = Lexicon.from_json(card["lexicon"]) if "lexicon" in card else kb_lexicon()
    return CrfNer(tagger, lexicon, card, blob)


__all__ = ["TYPES", "CrfNer", "Lexicon", "NerModelError", "bio_spans", "features", "kb_lexicon", "span_scores",
           "train"]
