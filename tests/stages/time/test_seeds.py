"""The seeds' gold time expressions come out with the gold value and a span covering the surface."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from marsad.stages.time import find_timex

SEEDS = Path(__file__).parents[3].parent / "shared" / "examples" / "seeds"


@dataclass(frozen=True)
class SeedDoc:
    id: str
    text: str
    published: date | None
    timex: list[dict]


def _seed_docs() -> list[SeedDoc]:
    gold = SEEDS / "gold.jsonl"
    if not gold.exists():
        return []
    docs = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        published = date.fromisoformat(rec["published"]) if rec.get("published") else None
        text = (SEEDS / rec["file"]).read_text(encoding="utf-8")
        docs.append(SeedDoc(rec["id"], text, published, rec.get("timex") or []))
    return docs


DOCS = _seed_docs()
CASES = [(doc, gold) for doc in DOCS for gold in doc.timex]
needs_seeds = pytest.mark.skipif(not DOCS, reason="shared seeds not available")


@needs_seeds
@pytest.mark.parametrize(("doc", "gold"), CASES, ids=[f"{d.id[:3]}-{g['surface']}" for d, g in CASES])
def test_seeds_gold_timex_found_with_gold_value(doc, gold):
    start = doc.text.index(gold["surface"])
    end = start + len(gold["surface"])
    found = find_timex(doc.text, doc.published)
    covering = [t for t in found if t.span.start <= start and end <= t.span.end]
    assert covering, f"no timex covers {gold['surface']!r}; found {[t.text for t in found]}"
    assert covering[0].value == gold["value"]


@needs_seeds
@pytest.mark.parametrize("doc", DOCS, ids=[d.id[:3] for d in DOCS])
def test_seeds_no_timex_beyond_gold(doc):
    """Nothing else in the articles is taken for a date (رجب طيب أردوغان, 750 مدرسة, 34 جنديا)."""
    surfaces = {g["surface"] for g in doc.timex}
    assert [t.text for t in find_timex(doc.text, doc.published) if t.text not in surfaces] == []
