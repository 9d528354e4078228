"""Values: granularity, the anchor's role, qualifiers, weekdays, Hijri, and what stays open."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.stages.time import dates, find_timex, resolve

TUE = date(2025, 10, 21)  # a Tuesday, ISO week 43


@pytest.mark.parametrize(
    ("expression", "anchor", "value"),
    [
        pytest.param("21 أكتوبر 2025", None, "2025-10-21", id="full-date"),
        pytest.param("مايو 2017", None, "2017-05", id="month-year"),
        pytest.param("عام 2017", None, "2017", id="year"),
        pytest.param("سنة ٢٠١٧", None, "2017", id="year-arabic-indic"),
        pytest.param("الثمانينيات", None, "198X", id="decade"),
        pytest.param("بين 5 و7 مارس 2023", None, "2023-03-05/2023-03-07", id="range"),
        pytest.param("من 6 إلى 10 مارس", None, "--03-06/--03-10", id="range-year-open"),
        pytest.param("21 أكتوبر", None, "--10-21", id="day-year-open"),
        pytest.param("كانون الأول الماضي", None, "--12", id="month-year-open"),
        pytest.param("21 أكتوبر", TUE, "2025-10-21", id="day-anchor-year"),
        pytest.param("10 يناير", date(2014, 12, 20), "2015-01-10", id="nearest-next-year"),
        pytest.param("28 ديسمبر", date(2016, 1, 5), "2015-12-28", id="nearest-previous-year"),
        pytest.param("أكتوبر", date(2020, 4, 10), "2019-10", id="six-months-tie-goes-past"),
        pytest.param("5 مارس الماضي", date(2020, 4, 15), "2020-03-05", id="past-same-year"),
        pytest.param("5 مارس الماضي", date(2020, 2, 10), "2019-03-05", id="past-previous-year"),
        pytest.param("مارس الماضي", date(2020, 3, 20), "2019-03", id="past-same-month-last-year"),
        pytest.param("يناير المقبل", date(2018, 11, 20), "2019-01", id="next-across-year"),
        pytest.param("أكتوبر المقبل", date(2014, 10, 5), "2015-10", id="next-same-month-next-year"),
        pytest.param("17 تشرين الأول الجاري", TUE, "2025-10-17", id="current"),
        pytest.param("نوفمبر من العام الماضي", date(2019, 2, 10), "2018-11", id="month-of-last-year"),
        pytest.param("الخميس", TUE, "2025-10-16", id="weekday-on-or-before"),
        pytest.param("الثلاثاء", TUE, "2025-10-21", id="weekday-same-day"),
        pytest.param("الثلاثاء الماضي", TUE, "2025-10-14", id="weekday-strictly-before"),
        pytest.param("الثلاثاء المقبل", TUE, "2025-10-28", id="weekday-next"),
        pytest.param("الخميس", None, None, id="weekday-no-anchor"),
        pytest.param("اليوم", TUE, "2025-10-21", id="today"),
        pytest.param("أمس", TUE, "2025-10-20", id="yesterday"),
        pytest.param("أول من أمس", TUE, "2025-10-19", id="day-before-yesterday"),
        pytest.param("غداً", date(2019, 12, 31), "2020-01-01", id="tomorrow-new-year"),
        pytest.param("بعد غد", date(2016, 2, 28), "2016-03-01", id="after-tomorrow-leap"),
        pytest.param("الأسبوع الماضي", TUE, "2025-W42", id="last-week"),
        pytest.param("الأسبوع الماضي", date(2021, 1, 5), "2020-W53", id="last-week-iso-year"),
        pytest.param("الأسبوع المقبل", TUE, "2025-W44", id="next-week"),
        pytest.param("الشهر الماضي", date(2020, 1, 15), "2019-12", id="last-month"),
        pytest.param("العام الفائت", TUE, "2024", id="last-year"),
        pytest.param("السنة المقبلة", TUE, "2026", id="next-year"),
        pytest.param("الأسبوع الماضي", None, None, id="relative-no-anchor"),
        pytest.param("منذ ثلاثة أيام", date(2024, 3, 2), "2024-02-28", id="ago-days-leap"),
        pytest.param("قبل يومين", TUE, "2025-10-19", id="ago-dual"),
        pytest.param("قبل أسبوع", TUE, "2025-W42", id="ago-week"),
        pytest.param("قبل ثلاثة أشهر", date(2021, 2, 10), "2020-11", id="ago-months"),
        pytest.param("قبل عامين", date(2014, 1, 15), "2012", id="ago-years"),
        pytest.param("29 ربيع الآخر 1447 هـ", None, "2025-10-21", id="hijri-day"),
        pytest.param("1447/4/29 هـ", None, "2025-10-21", id="hijri-numeric"),
        pytest.param("رمضان 1445 هـ", None, "2024-03-11/2024-04-09", id="hijri-month-span"),
        pytest.param("21/10/2025", None, "2025-10-21", id="numeric-dmy"),
        pytest.param("2025-10-21", None, "2025-10-21", id="numeric-iso"),
        pytest.param("أواخر العام الفائت", None, None, id="part-year-no-anchor"),
        pytest.param("أواخر فبراير الماضي", None, "--02", id="part-month-year-open"),
    ],
)
def test_resolve_values(expression, anchor, value):
    assert resolve(expression, anchor) == value


@pytest.mark.parametrize(
    ("expression", "anchor"),
    [
        pytest.param("30 فبراير 2020", None, id="feb-30"),
        pytest.param("31 أبريل", TUE, id="april-31"),
        pytest.param("29 فبراير", date(2022, 6, 1), id="feb-29-no-leap-year-near"),
        pytest.param("29/02/2021", None, id="numeric-feb-29"),
        pytest.param("عام 3025", None, id="year-out-of-range"),
        pytest.param("1447/4/29", None, id="hijri-year-without-marker"),
        pytest.param("30 صفر 1447 هـ", None, id="hijri-day-30-of-29"),
        pytest.param("رمضان 2024", None, id="hijri-month-gregorian-year"),
        pytest.param("ديسمبر من العام نفسه", TUE, id="same-year-without-context"),
        pytest.param("كلام عادي", TUE, id="no-expression"),
    ],
)
def test_resolve_impossible_gives_none(expression, anchor):
    assert resolve(expression, anchor) is None


@pytest.mark.parametrize(
    ("text", "anchor", "flag"),
    [
        pytest.param("يوم الاثنين 21 أكتوبر", TUE, "weekday-mismatch", id="weekday-mismatch"),
        pytest.param("أمس الأحد", TUE, "weekday-mismatch", id="yesterday-mismatch"),
        pytest.param("أواخر فبراير الماضي", None, "part:late", id="part-late"),
        pytest.param("مطلع العام الجاري", TUE, "part:early", id="part-early"),
        pytest.param("منتصف مارس", TUE, "part:mid", id="part-mid"),
        pytest.param("30 فبراير 2020", None, "invalid-date", id="invalid"),
        pytest.param("عام 3025", None, "out-of-range", id="out-of-range"),
    ],
)
def test_resolve_flags(text, anchor, flag):
    (timex,) = find_timex(text, anchor)
    assert flag in timex.flags


def test_resolve_weekday_mismatch_keeps_the_date():
    (timex,) = find_timex("يوم الاثنين 21 أكتوبر", TUE)
    assert timex.value == "2025-10-21"
    assert timex.kind == "date"


def test_resolve_weekday_unchecked_when_year_open():
    (timex,) = find_timex("يوم الاثنين 21 أكتوبر", None)
    assert (timex.value, timex.flags) == ("--10-21", [])


def test_resolve_same_year_takes_the_previous_year_in_text():
    found = find_timex("اعتقل في أكتوبر 2016، وأفرج عنه في ديسمبر من العام نفسه.", TUE)
    assert [t.value for t in found] == ["2016-10", "2016-12"]


def test_resolve_never_guesses_a_year_without_anchor():
    text = "زار الرئيس موسكو في 5 مارس، والتقى نظيره الخميس، ثم عاد الأسبوع الماضي."
    values = [t.value for t in find_timex(text, None)]
    assert values == ["--03-05", None, None]


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        pytest.param(0, date(2025, 10, 16), id="on-or-before"),
        pytest.param(-1, date(2025, 10, 16), id="before"),
        pytest.param(1, date(2025, 10, 23), id="after"),
    ],
)
def test_dates_weekday_near(direction, expected):
    assert dates.weekday_near(TUE, 4, direction) == expected


def test_dates_closest_year_prefers_past_on_tie():
    assert dates.closest_year(date(2020, 4, 10), 10, None) == 2019


@pytest.mark.parametrize(
    "anchor",
    [pytest.param(date(9999, 12, 31), id="year-9999"), pytest.param(date(1, 1, 1), id="year-1")],
)
def test_resolve_implausible_anchor_treated_as_unknown(anchor):
    assert [t.value for t in find_timex("غدا وصل الوفد في 5 مارس", anchor)] == [None, "--03-05"]
