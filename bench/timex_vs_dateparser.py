"""marsad's time expressions against dateparser on the timex fixtures, per kind, plus throughput.

    python bench/timex_vs_dateparser.py [--fixtures tests/data/timex/fixtures.jsonl]

marsad is right on a fixture when a timex it finds overlapping the expression has the expected
value (for an expected null: when none overlapping has a value). dateparser runs as
`search_dates(sentence, languages=["ar"], settings={"RELATIVE_BASE": published, "PREFER_DATES_FROM":
"past"})` (no RELATIVE_BASE when the fixture has no publication date). It always returns full
datetimes, so it is judged leniently: a hit overlapping the expression counts when the datetime,
cut to the expected value's granularity (day, month, year, ISO week, decade, or the year-open forms
"--MM-DD"/"--MM"), equals the expected value; an interval counts when both of its ends are among the
overlapping hits; an expected null counts when no hit overlaps. Throughput is measured on ~1.5k-char
documents made by joining fixture sentences (dense: a date in every sentence) and, when the ANT
corpus is present in ../shared/data, on real news articles (first 500, anchored on their dates).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from marsad.model.document import Span
from marsad.stages.time import find_timex
from marsad.stages.time.fixtures import Fixture, judge, load_fixtures

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "data" / "ant_corpus_multisource" / "ant_multisource_v2.1.jsonl.gz"
Answers = list[tuple[Span, str | None]]


def marsad_answers(fx: Fixture) -> Answers:
    return [(t.span, t.value) for t in find_timex(fx.sentence, fx.published)]


def at_granularity(when: datetime, like: str) -> str:
    """`when` written at the granularity of the expected value `like`."""
    if re.fullmatch(r"\d{4}-W\d\d", like):
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}"
    formats = {
        r"\d{4}-\d\d-\d\d": "%Y-%m-%d",
        r"\d{4}-\d\d": "%Y-%m",
        r"\d{4}": "%Y",
        r"--\d\d-\d\d": "--%m-%d",
    }
    formats[r"--\d\d"] = "--%m"
    for pattern, fmt in formats.items():
        if re.fullmatch(pattern, like):
            return when.strftime(fmt)
    if re.fullmatch(r"\d{3}X", like):
        return f"{when.year // 10}X"
    return when.isoformat()


def dateparser_runner() -> Callable[[Fixture], list[tuple[Span, datetime]]] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def run(fx: Fixture) -> list[tuple[Span, datetime]]:
        settings = {"PREFER_DATES_FROM": "past"}
        if fx.published:
            settings["RELATIVE_BASE"] = datetime.combine(fx.published, datetime.min.time())
        hits, cursor = [], 0
        for surface, when in search_dates(fx.sentence, languages=["ar"], settings=settings) or []:
            start = fx.sentence.find(surface, cursor)
            start = start if start >= 0 else fx.sentence.find(surface)
            if start >= 0:
                hits.append((Span(start, start + len(surface)), when))
                cursor = start + len(surface)
        return hits

    return run


def dateparser_right(hits: list[tuple[Span, datetime]], fx: Fixture) -> bool:
    """The lenient judgement described in the module docstring."""
    overlapping = [when for span, when in hits if span.overlaps(fx.span)]
    if fx.value is None:
        return not overlapping
    ends = fx.value.split("/")
    return all(any(at_granularity(when, end) == end for when in overlapping) for end in ends)


def score(fixtures: list[Fixture], right: Callable[[Fixture], bool]) -> Counter[str]:
    hits: Counter[str] = Counter()
    for fx in fixtures:
        hits[fx.kind] += bool(right(fx))
    return hits


def documents(fixtures: list[Fixture], size: int = 1500) -> list[tuple[str, date | None]]:
    """Fixture sentences joined into documents of about `size` characters."""
    docs, parts, length = [], [], 0
    for fx in fixtures:
        parts.append(fx.sentence)
        length += len(fx.sentence) + 1
        if length >= size:
            docs.append((" ".join(parts), fx.published))
            parts, length = [], 0
    return docs


def articles(path: Path, limit: int = 500) -> list[tuple[str, date | None]]:
    """Real articles (text, publication date) from the ANT corpus, when it is there."""
    if not path.exists():
        return []
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            rec = json.loads(line)
            stamp = rec.get("time_iso")
            out.append((rec.get("text") or "", date.fromisoformat(stamp[:10]) if stamp else None))
            if len(out) >= limit:
                break
    return out


def throughput(
    run: Callable[[str, date | None], object], docs: list[tuple[str, date | None]], rounds: int
) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for text, published in docs:
            run(text, published)
    return rounds * len(docs) / (time.perf_counter() - start)


def dateparser_on_text(text: str, published: date | None) -> object:
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past"}
    if published:
        settings["RELATIVE_BASE"] = datetime.combine(published, datetime.min.time())
    return search_dates(text, languages=["ar"], settings=settings)


def report(fixtures: list[Fixture], ours: Counter[str], theirs: Counter[str] | None) -> None:
    total = Counter(fx.kind for fx in fixtures)
    print(f"{'kind':20s} {'n':>4s} {'marsad':>8s} {'dateparser':>11s}")
    for kind in sorted(total):
        other = f"{theirs[kind] / total[kind]:11.2f}" if theirs is not None else f"{'-':>11s}"
        print(f"{kind:20s} {total[kind]:4d} {ours[kind] / total[kind]:8.2f} {other}")
    n = sum(total.values())
    other = f"{sum(theirs.values()) / n:11.3f}" if theirs is not None else f"{'-':>11s}"
    print(f"{'overall':20s} {n:4d} {sum(ours.values()) / n:8.3f} {other}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=ROOT / "tests" / "data" / "timex" / "fixtures.jsonl")
    args = parser.parse_args()
    fixtures = load_fixtures(args.fixtures)
    ours = score(fixtures, lambda fx: judge(marsad_answers(fx), fx))
    run = dateparser_runner()
    if run is None:
        print("dateparser not installed: comparing marsad only (pip install dateparser)")
    theirs = score(fixtures, lambda fx: dateparser_right(run(fx), fx)) if run else None
    report(fixtures, ours, theirs)
    corpora = [("fixture documents (dense)", documents(fixtures), 50), ("ANT articles", articles(ANT), 3)]
    for name, docs, rounds in corpora:
        if not docs:
            continue
        chars = sum(len(text) for text, _ in docs) / len(docs)
        print(f"\nthroughput on {len(docs)} {name}, {chars:.0f} chars on average:")
        print(f"  marsad      {throughput(find_timex, docs, rounds=rounds):8.1f} docs/s")
        if run is not None:
            print(f"  dateparser  {throughput(dateparser_on_text, docs, rounds=1):8.1f} docs/s")


if __name__ == "__main__":
    main()
