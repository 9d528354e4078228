"""The CRF NER model: the packaged model on real sentences, char spans, errors, and training a tiny one."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest

from marsad.arabic import fold, normalize, tokenize
from marsad.kb.gazetteer import build_gazetteer
from marsad.stages.entities import ner as ner_mod
from marsad.stages.entities.ner import CrfNer, Lexicon, NerModelError, bio_spans, span_scores, train
from marsad.stages.entities.recognize import scan
from tests.conftest import ROOT, SEEDS

pytest.importorskip("pycrfsuite")

SEED = SEEDS / "000_0d97d3c62f2aa8dd.txt"


def _gazetteer_people(text: str) -> set[str]:
    norm = normalize(text)
    return {text[r.start : r.end] for r in scan(norm, build_gazetteer()).raws if r.entry.kind == "PER"}


def _found(model: CrfNer, text: str, kind: str) -> set[str]:
    return {text[s:e] for s, e, t in model.spans(text) if t == kind}


# --------------------------------------------------------------------------- packaged model


def test_packaged_model_loads_once_with_its_card() -> None:
    model = CrfNer.load()
    assert model is CrfNer.load()
    assert model.card["params"]["c1"] > 0
    assert model.lexicon.first_names and model.lexicon.title_words


def test_finds_people_the_gazetteer_also_knows_in_a_seed() -> None:
    text = SEED.read_text(encoding="utf-8")
    people = _found(CrfNer.load(), text, "PER")
    known = _gazetteer_people(text)
    assert {"فلاديمير بوتين", "عباس عراقجي"} <= people & known


def test_finds_a_person_the_gazetteer_does_not_know() -> None:
    text = "الباحث السياسي صدام الجاسر يؤكد أن الاتفاق لن يصمد"
    assert not _gazetteer_people(text)
    assert ("صدام الجاسر", "PER") in {(text[s:e], t) for s, e, t in CrfNer.load().spans(text)}


def test_tag_gives_one_bio_label_per_folded_token() -> None:
    words = [t.text for t in tokenize(fold("التقى وزير الخارجية الإيراني عباس عراقجي نظيره في موسكو"))]
    labels = CrfNer.load().tag(words)
    assert len(labels) == len(words)
    assert all(re.fullmatch(r"O|[BI]-(PER|ORG|LOC)", x) for x in labels)
    assert CrfNer.load().tag([]) == []


def test_spans_point_at_the_exact_surface() -> None:
    text = "وقال المتحدثُ باسم الخارجيّة إن طهران وموسكو تتشاوران، وإن الرئيس فلاديميـر بوتين سيزور إيران."
    spans = CrfNer.load().spans(text)
    surfaces = {text[s:e] for s, e, _ in spans}
    assert "فلاديميـر بوتين" in surfaces  # the tatweel of the original is inside the span
    assert "موسكو" in surfaces  # the conjunction و is not
    for s, e, _ in spans:
        surface = text[s:e]
        assert surface == surface.strip() and surface
        assert fold(surface) == " ".join(t.text for t in tokenize(fold(surface)))


def test_spans_across_sentences_are_offsets_into_the_whole_text() -> None:
    text = "وصل الوفد إلى القاهرة.\nوقال الباحث السياسي صدام الجاسر إن الأمر صعب."
    for s, e, _ in CrfNer.load().spans(text):
        assert text[s:e] in {"القاهرة", "صدام الجاسر"}


# --------------------------------------------------------------------------- errors


def test_missing_model_path_raises_a_clear_error(tmp_path) -> None:
    missing = tmp_path / "nope.crfsuite"
    with pytest.raises(NerModelError, match="not found: .*nope.crfsuite"):
        CrfNer.load(missing)


def test_unreadable_model_raises_a_clear_error(tmp_path) -> None:
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(NerModelError, match="cannot read NER model"):
        CrfNer.load(bad)


def test_missing_python_crfsuite_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    with pytest.raises(NerModelError, match=r"marsad\[ml\]"):
        ner_mod._crfsuite()


# --------------------------------------------------------------------------- helpers


def test_bio_spans_and_scores() -> None:
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")]
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    scores = span_scores(gold, pred)
    assert scores["LOC"]["f1"] == 100.0 and scores["PER"]["f1"] == 0.0
    assert scores["ALL"] == {"p": 50.0, "r": 50.0, "f1": 50.0, "gold": 2, "pred": 2}


# --------------------------------------------------------------------------- training a tiny model

TINY = """
التقى [PER محمد العلي] رئيس [ORG شركة النور] في [LOC القاهرة] أمس
قال [PER أحمد السالم] إن [ORG وزارة الصحة] تعمل في [LOC عمان]
وصل [PER خالد المصري] إلى [LOC بيروت] قادما من [LOC دمشق]
أعلنت [ORG جامعة بيرزيت] أن [PER سمير الحسن] سيلقي محاضرة
زار [PER يوسف الخطيب] مقر [ORG الأمم المتحدة] في [LOC جنيف]
أكد [PER محمد الحسن] أن [ORG البنك العربي] حقق أرباحا
استقبل [PER علي الأحمد] وفدا من [ORG جامعة القدس] في [LOC رام الله]
وقال [PER أحمد العلي] إن الوضع في [LOC غزة] صعب
التقى [PER خالد السالم] ممثلي [ORG شركة النور] في [LOC دبي]
أشار [PER يوسف المصري] إلى أن [ORG وزارة التعليم] أصدرت قرارا
سافر [PER سمير الخطيب] إلى [LOC باريس] لحضور مؤتمر
قالت [ORG منظمة الصحة العالمية] إن الوباء انحسر في [LOC مصر]
وأضاف [PER محمد السالم] أن [ORG البنك الدولي] سيدعم [LOC الأردن]
التقى [PER أحمد الخطيب] طلاب [ORG جامعة بيرزيت] في [LOC نابلس]
صرح [PER خالد الحسن] بأن [ORG الأمم المتحدة] قلقة
وصل [PER علي المصري] إلى [LOC عمان] في زيارة رسمية
أعلن [PER يوسف العلي] عن افتتاح فرع [ORG البنك العربي] في [LOC الخليل]
قال [PER سمير السالم] إن [ORG شركة النور] توسعت في [LOC تونس]
زار [PER محمد الخطيب] [LOC القدس] والتقى ممثلي [ORG وزارة الصحة]
أكد [PER أحمد الحسن] أن [LOC لبنان] بحاجة إلى دعم [ORG البنك الدولي]
"""


def parse_marked(line: str) -> tuple[list[str], list[str]]:
    """'قال [PER أحمد السالم] إن …' → folded tokens and BIO labels."""
    words: list[str] = []
    labels: list[str] = []
    for m in re.finditer(r"\[(PER|ORG|LOC) ([^\]]+)\]|([^\s\[\]]+)", line):
        kind, inner, plain = m.groups()
        toks = [t.text for t in tokenize(fold(inner or plain))]
        words += toks
        labels += [f"{'B' if i == 0 else 'I'}-{kind}" for i in range(len(toks))] if kind else ["O"] * len(toks)
    return words, labels


def _train_script():
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_read_wojood_maps_nested_types_to_ours(tmp_path) -> None:
    conll = tmp_path / "mini.txt"
    conll.write_text(
        "سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالقومية I-OCC I-ORG\nفي I-OCC\nنابلس I-OCC B-GPE\n، O\n\n"
        "الإيراني B-NORP\nخليل B-PERS\nالسكاكيني I-PERS\n$#$ O\n", encoding="utf-8")
    script = _train_script()
    mapped = script.read_wojood(conll)
    assert mapped[0] == (["سكرتير", "اللجنه", "القوميه", "في", "نابلس"], ["O", "B-ORG", "I-ORG", "O", "B-LOC"])
    assert mapped[1] == (["الايراني", "خليل", "السكاكيني"], ["O", "B-PER", "I-PER"])
    outer = script.read_wojood(conll, layer="outer")
    assert outer[0][1] == ["O"] * 5


def test_train_a_tiny_model_and_tag_with_it(tmp_path) -> None:
    data = [parse_marked(line) for line in TINY.strip().splitlines()]
    assert len(data) == 20
    lex = Lexicon(frozenset(fold(w) for w in "محمد أحمد خالد سمير يوسف علي".split()), frozenset({"رييس"}))
    path = train(data, tmp_path / "tiny.crfsuite", lex, {"c1": 0.0, "c2": 0.01}, {"note": "test"})
    model = CrfNer.load(path)
    assert model.card["note"] == "test" and model.lexicon == lex
    fitted = sum(model.tag(words) == labels for words, labels in data)
    assert fitted >= 18
    text = "وقال محمد الخطيب إن الوضع في بيروت صعب"
    assert ("محمد الخطيب", "PER") in {(text[s:e], t) for s, e, t in model.spans(text)}
