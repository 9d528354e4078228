"""Which spans are time expressions: surfaces, proclitics, longest match, non-dates, header lines."""

from __future__ import annotations

import re
from datetime import date

import pytest

from marsad.stages.time import find_timex, is_datetime_line, parse_header_date
from marsad.stages.time.patterns import trie

ANCHOR = date(2025, 10, 21)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        pytest.param("وفي 5 مارس الماضي، أعلن الرئيسان", ["5 مارس الماضي"], id="proclitic-wafi-outside"),
        pytest.param(
            "استقبلت الوزارة، يوم الاثنين 21 أكتوبر، المبعوث",
            ["يوم الاثنين 21 أكتوبر"],
            id="yawm-weekday-date-one",
        ),
        pytest.param("وصل الوفد يوم 3 جويلية", ["3 جويلية"], id="yawm-before-day-outside"),
        pytest.param("يصوت الأتراك يوم الأحد المقبل", ["يوم الأحد المقبل"], id="yawm-weekday-qualifier"),
        pytest.param(
            "الثلاثاء، 21 أكتوبر 2025 02:38 م", ["الثلاثاء، 21 أكتوبر 2025"], id="header-clock-outside"
        ),
        pytest.param("في 22 أبريل/نيسان الحالي.", ["22 أبريل/نيسان الحالي"], id="double-form-slash"),
        pytest.param("في نيسان (أبريل) 2019", ["نيسان (أبريل) 2019"], id="double-form-parenthesis"),
        pytest.param("بتاريخ 15 تشرين الأول. حيث", ["15 تشرين الأول"], id="levantine-two-words"),
        pytest.param("قتل 34 جنديا تركيا أواخر فبراير الماضي", ["أواخر فبراير الماضي"], id="part-of-month"),
        pytest.param("بين 5 و7 مارس 2023", ["5 و7 مارس 2023"], id="range-bayna"),
        pytest.param("من 28 فبراير إلى 3 مارس 2023", ["28 فبراير إلى 3 مارس 2023"], id="range-across-months"),
        pytest.param("في 5 و7 مارس", ["7 مارس"], id="enumeration-not-range"),
        pytest.param("الرابع من مارس 2018", ["الرابع من مارس 2018"], id="ordinal-day"),
        pytest.param("صدر يوم 29 ربيع الآخر 1447 هـ.", ["29 ربيع الآخر 1447 هـ"], id="hijri-tatweel-inside"),
        pytest.param("يعقد المجلس جلسة غداً.", ["غداً"], id="tanween-inside"),
        pytest.param("في ٢١ أكتوبر ٢٠٢٥ في", ["٢١ أكتوبر ٢٠٢٥"], id="arabic-indic-digits"),
        pytest.param("منذ ثلاثة أيام", ["منذ ثلاثة أيام"], id="ago-days-point"),
        pytest.param("بدأت الأزمة عام 2017 وتستمر", ["عام 2017"], id="year-keyword"),
        pytest.param("ولد في بغداد 1957م وعاش", ["1957م"], id="year-era-suffix"),
        pytest.param("في الثمانينيات من القرن", ["الثمانينيات"], id="decade"),
        pytest.param(
            "الأسبوع الماضي والشهر المقبل", ["الأسبوع الماضي", "الشهر المقبل"], id="two-relatives-sorted"
        ),
        pytest.param("الأحد والاثنين", ["الأحد", "الاثنين"], id="weekday-with-wa"),
        pytest.param("اليوم الخميس", ["اليوم الخميس"], id="today-weekday-one"),
    ],
)
def test_recognize_surfaces(text, surfaces):
    found = find_timex(text, ANCHOR)
    assert [t.text for t in found] == surfaces
    assert all(text[t.span.start : t.span.end] == t.text for t in found)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("أعلن الرئيس التركي رجب طيب أردوغان", id="rajab-name"),
        pytest.param("مارس ضغوطا كبيرة على الحكومة", id="maris-verb"),
        pytest.param("أعلنت شركة نيسان عن طراز جديد", id="nissan-brand"),
        pytest.param("قتل 34 جنديا تركيا", id="count-soldiers"),
        pytest.param("ترميم 750 مدرسة في سوريا", id="count-schools"),
        pytest.param("أكثر من 150 سنة", id="count-years"),
        pytest.param("انقطعت العلاقات منذ 11 عاماً", id="duration-years"),
        pytest.param("يحاصر الجيش المدينة منذ شهرين", id="duration-months"),
        pytest.param("أمهلت الحكومة المحتجين 48 ساعة", id="duration-hours"),
        pytest.param("نشر الخبر منذ 3 ساعات", id="clock-ago"),
        pytest.param("تتوقع الأرصاد أمطارا في الأيام المقبلة", id="vague-days"),
        pytest.param("وصلت تعزيزات قبل أيام", id="vague-ago"),
        pytest.param("أعلن انسحابه قبل يومين من الانتخابات", id="ago-from-other-event"),
        pytest.param("التقى الأمين العام الحالي للأمم المتحدة", id="general-secretary"),
        pytest.param("البلاد بأمس الحاجة إلى إصلاحات", id="bi-amass-need"),
        pytest.param("وفي اليوم التالي أعلنت الحكومة", id="the-next-day"),
        pytest.param('نقلت صحيفة "اليوم" عن مصادر', id="newspaper-name"),
        pytest.param("وزعت المساعدات في 2000 قرية", id="count-villages"),
        pytest.param("في 15 رمضان", id="hijri-without-year"),
        pytest.param("ارتفعت بنسبة 8,1 بالمئة", id="decimal"),
    ],
)
def test_recognize_ignores_non_dates(text):
    assert find_timex(text, ANCHOR) == []


def test_recognize_spans_sorted_and_disjoint():
    text = "زار الوزير موسكو الخميس 16 أكتوبر، وعاد أمس، ويسافر الأسبوع المقبل إلى بكين عام 2025."
    found = find_timex(text, ANCHOR)
    assert len(found) == 4
    assert all(a.span.end <= b.span.start for a, b in zip(found, found[1:], strict=False))


def test_recognize_empty_and_plain_text():
    assert find_timex("", None) == []
    assert find_timex("لا شيء هنا يدل على زمن", None) == []


def test_patterns_trie_matches_whole_words_longest_first():
    pattern = re.compile(f"(?:{trie(['ماي', 'مايو', 'كانون الأول', 'كانون الثاني'])})$")
    for word in ["ماي", "مايو", "كانون الأول", "كانون  الثاني"]:
        assert pattern.match(word), word
    assert not pattern.match("كانون")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("الثلاثاء، 21 أكتوبر 2025", date(2025, 10, 21), id="weekday-date"),
        pytest.param("الثلاثاء، 21 أكتوبر 2025 02:38 م", date(2025, 10, 21), id="weekday-date-clock"),
        pytest.param("21/10/2025 - 14:32", date(2025, 10, 21), id="numeric-clock"),
        pytest.param("نشر في: 12/03/2019 - 10:15", date(2019, 3, 12), id="label-numeric-clock"),
        pytest.param("2025-10-21T14:20:00+03:00", date(2025, 10, 21), id="iso-datetime"),
        pytest.param("آخر تحديث: 9 أكتوبر 2023", date(2023, 10, 9), id="label-updated"),
        pytest.param("السبت 12 مارس 2022 | 10:30 صباحا", date(2022, 3, 12), id="pipe-clock"),
        pytest.param("21 أكتوبر", None, id="year-open"),
        pytest.param("02:38 م", None, id="clock-only"),
        pytest.param("زار الوزير موسكو في 21 أكتوبر 2025 والتقى بوتين", None, id="sentence"),
        pytest.param("من 5 إلى 7 مارس 2023", None, id="range"),
    ],
)
def test_header_parse_header_date(line, expected):
    assert parse_header_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("02:38 م", True, id="clock-pm"),
        pytest.param("10:15 ص", True, id="clock-am"),
        pytest.param("منذ 3 ساعات", True, id="hours-ago"),
        pytest.param("الثلاثاء، 21 أكتوبر 2025", True, id="header"),
        pytest.param("نشر في: 12/03/2019 - 10:15", True, id="label-header"),
        pytest.param("21 أكتوبر", True, id="date-only"),
        pytest.param("زيارة لاريجاني لموسكو، هل تكسر إيران عزلتها الدولية؟", False, id="title"),
        pytest.param("التقى الوزير نظيره الخميس", False, id="sentence-with-weekday"),
        pytest.param("2017", False, id="bare-number"),
        pytest.param("", False, id="empty"),
    ],
)
def test_header_is_datetime_line(line, expected):
    assert is_datetime_line(line) is expected
