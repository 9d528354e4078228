"""Accuracy on the hand-checked fixture set (tests/data/timex/fixtures.jsonl), every kind."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from marsad.stages.time import find_timex
from marsad.stages.time.fixtures import judge, load_fixtures

FIXTURES = Path(__file__).parents[2] / "data" / "timex" / "fixtures.jsonl"
FLOOR = 0.98


def test_fixtures_accuracy_at_least_floor():
    fixtures = load_fixtures(FIXTURES)
    right, total, failures = Counter(), Counter(), []
    for fx in fixtures:
        found = find_timex(fx.sentence, fx.published)
        ok = judge(((t.span, t.value) for t in found), fx)
        total[fx.kind] += 1
        right[fx.kind] += ok
        if not ok:
            failures.append(
                f"{fx.id}: {fx.expression!r} want {fx.value} got {[(t.text, t.value) for t in found]}"
            )
    for kind in sorted(total):
        print(f"{kind:20s} {right[kind]:3d}/{total[kind]:3d}")
    print("\n".join(failures))
    accuracy = sum(right.values()) / sum(total.values())
    assert accuracy >= FLOOR, f"accuracy {accuracy:.3f} < {FLOOR}:\n" + "\n".join(failures)


def test_fixtures_cover_every_kind_and_size():
    fixtures = load_fixtures(FIXTURES)
    kinds = {fx.kind for fx in fixtures}
    assert len(fixtures) >= 260
    assert {"hijri", "numeric", "weekday", "range", "invalid", "non-date", "header", "part"} <= kinds
    assert any(fx.published is None for fx in fixtures)
    assert len({fx.id for fx in fixtures}) == len(fixtures)


def test_fixtures_expression_in_sentence():
    for fx in load_fixtures(FIXTURES):
        assert fx.expression in fx.sentence, fx.id
