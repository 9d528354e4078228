"""The hand-checked timex fixture set (tests/data/timex/fixtures.jsonl) and how an answer is judged,
shared by the accuracy test and the dateparser benchmark."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.model.document import Span


@dataclass(frozen=True, slots=True)
class Fixture:
    """One sentence with one expression and the value the annotation rules give it."""

    id: str
    kind: str
    published: date | None
    sentence: str
    expression: str
    value: str | None

    @property
    def span(self) -> Span:
        start = self.sentence.index(self.expression)
        return Span(start, start + len(self.expression))


def load_fixtures(path: Path) -> list[Fixture]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            published = date.fromisoformat(rec["published"]) if rec["published"] else None
            out.append(
                Fixture(rec["id"], rec["kind"], published, rec["sentence"], rec["expression"], rec["value"])
            )
        except (ValueError, KeyError) as err:
            raise ValueError(f"{path}:{number}: {err}") from err
    return out


def judge(answers: Iterable[tuple[Span, str | None]], fixture: Fixture) -> bool:
    """Right when an answer overlapping the expression has the expected value; for an expected
    null, when no overlapping answer has a value."""
    values = [value for span, value in answers if span.overlaps(fixture.span)]
    if fixture.value is None:
        return all(v is None for v in values)
    return fixture.value in values
