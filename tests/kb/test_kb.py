"""The whole knowledge base: it loads, its records are consistent, and role-at-date answers."""

from collections import defaultdict
from pathlib import Path

import pytest

from marsad.errors import KnowledgeBaseError
from marsad.kb import load_kb
from marsad.kb.load import load_dir
from marsad.kb.records import _pad

SINGLE_HOLDER = {"president", "prime_minister", "foreign_minister", "defence_minister", "supreme_leader", "king",
                 "emir", "chancellor"}
TOLERANCE_DAYS = 7
# Rival governments each with their own prime minister (Libya 2014–, Sudan's RSF council 2025–).
RIVAL_GOVERNMENTS = {("prime_minister", "LBY"), ("prime_minister", "SDN")}


def test_kb_loads_with_enough_people_and_every_un_member() -> None:
    kb = load_kb()
    assert len(kb.people) >= 800
    assert len(kb.countries) >= 197
    assert {"RUS", "IRN", "SYR", "PSE", "XKX", "TWN", "ESH"} <= kb.countries.keys()


def test_kb_no_role_ends_before_it_starts() -> None:
    bad = [(p.id, r.key) for p in load_kb().people.values() for r in p.roles
           if r.start and r.end and _pad(r.end, "", low=False) < _pad(r.start, "", low=True)]
    assert bad == []


def test_kb_single_holder_offices_never_overlap() -> None:
    from datetime import date

    holders = defaultdict(list)
    for p in load_kb().people.values():
        for r in p.roles:
            if r.key in SINGLE_HOLDER and r.country and r.country != "IGO" and not r.interim and not r.org:
                # A bound known only to the month or year is read at its most favourable day.
                holders[(r.key, r.country)].append((_pad(r.start, "1900-01-01", low=False),
                                                    _pad(r.end, "9999-12-31", low=True), p.id))
    clashes = []
    for office, spans in holders.items():
        if office in RIVAL_GOVERNMENTS:
            continue
        spans.sort()
        for (_, e1, a), (s2, _, b) in zip(spans, spans[1:], strict=False):
            if a != b and s2 < e1:
                e1d = date.fromisoformat(e1[:8] + min(e1[8:], "28"))
                s2d = date.fromisoformat(s2[:8] + min(s2[8:], "28"))
                if (e1d - s2d).days > TOLERANCE_DAYS:
                    clashes.append((office, a, b, s2, e1))
    assert clashes == []


@pytest.mark.parametrize(
    ("key", "country", "day", "name"),
    [
        ("foreign_minister", "IRN", "2020-04-15", "Mohammad Javad Zarif"),
        ("foreign_minister", "IRN", "2022-06-23", "Hossein Amir-Abdollahian"),
        ("foreign_minister", "IRN", "2025-10-21", "Abbas Araghchi"),
        ("president", "USA", "2019-05-01", "Donald Trump"),
        ("president", "USA", "2022-05-01", "Joe Biden"),
        ("foreign_minister", "RUS", "2022-06-23", "Sergey Lavrov"),
        ("president", "SYR", "2020-04-15", "Bashar al-Assad"),
    ],
)
def test_kb_holders_answer_who_held_an_office(key: str, country: str, day: str, name: str) -> None:
    assert [p.name_en for p, _ in load_kb().holders(key, country, day)] == [name]


def test_kb_malformed_record_names_file_line_and_reason(tmp_path: Path) -> None:
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "x.jsonl").write_text(
        '# test\n{"id": "p:a", "name_en": "A", "names_ar": ["ا ب"]}\n{"id": "p:b", "name_en": "B", "names_ar": ["ب"], '
        '"roles": [{"key": "president", "start": "2020-01-01", "end": "2019-01-01"}]}\n', encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        load_dir(tmp_path)
    assert err.value.line == 3 and "ends" in err.value.reason and err.value.path.endswith("x.jsonl")
