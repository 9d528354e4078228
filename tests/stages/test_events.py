"""Event frames on single sentences: who did what to whom."""

from marsad.analyze import analyze_text


def _events(text: str, published: str) -> list[tuple[str, str | None, str | None]]:
    doc = analyze_text(text, published=published)
    return [(e.type, e.source.name_en if e.source else None, e.target.name_en if e.target else None)
            for e in doc.events]


def test_an_accusing_participle_takes_the_clause_subject_as_source_and_its_object_as_target() -> None:
    got = _events("خرج وزير الخارجية الإسرائيلي بتصريح متهماً إيران بالوقوف خلف الهجوم.", "2021-08-01")
    assert got == [("ACCUSE", "Yair Lapid", "Iran")]


def test_a_city_is_not_a_condemnation() -> None:
    # مدينة (city) folds like مدينةً (condemning): only the masculine participle is a trigger
    got = _events("وصل وزير الخارجية الإيراني إلى مدينة حلب السورية.", "2016-12-20")
    assert all(t != "ACCUSE" for t, _, _ in got), got


def test_a_counterpart_meeting_names_the_counterpart() -> None:
    got = _events("استقبل وزير الخارجية المصري نظيره الأردني في القاهرة.", "2023-11-25")
    assert any(t == "CONSULT" and {src, tgt} == {"Sameh Shoukry", "Ayman Safadi"} for t, src, tgt in got), got
