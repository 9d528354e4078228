import pytest

from marsad.arabic import fold, normalize, split_sentences, strip_clitics


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("الإيرانيّة", "الايرانيه"),
        ("أحمد إبراهيم آمال", "احمد ابراهيم امال"),
        ("على مستوى", "علي مستوي"),
        ("مسؤول رئيس", "مسوول رييس"),
        ("عـــاجل", "عاجل"),
        ("٢٠٢٥ ۱۴۰۴", "2025 1404"),
        ("لاریجانی کشور", "لاريجاني كشور"),
    ],
    ids=["ta-marbuta-shadda", "alef-forms", "alef-maqsura", "hamza-carriers", "tatweel", "digits", "persian-letters"],
)
def test_fold_folds_orthographic_variants(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_normalize_maps_offsets_back_to_source() -> None:
    src = "قال وزيرُ الخارجيّة لافروف"
    n = normalize(src)
    i = n.text.index("لافروف")
    s, e = n.to_source(i, i + len("لافروف"))
    assert src[s:e] == "لافروف"
    j = n.text.index("الخارجيه")
    s, e = n.to_source(j, j + len("الخارجيه"))
    assert src[s:e] == "الخارجيّة"


def test_split_sentences_keeps_numbers_and_abbreviations_whole() -> None:
    text = "قال د. أحمد إن النمو بلغ 3.5 في المئة. وأضاف: هل هذا صحيح؟ نعم!\nسطر جديد"
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == ["قال د. أحمد إن النمو بلغ 3.5 في المئة.", "وأضاف: هل هذا صحيح؟", "نعم!", "سطر جديد"]


@pytest.mark.parametrize(
    ("word", "stem"),
    [("وللرئيس", "رييس"), ("بالرئيس", "الرييس"), ("ولموسكو", "موسكو"), ("وبوتين", "بوتين"), ("للكرملين", "الكرملين")],
)
def test_strip_clitics_finds_the_bare_word(word: str, stem: str) -> None:
    assert stem in strip_clitics(fold(word))
