"""The analyst's commands over a store: stories, comparison, timelines, dyads, events, exports, actors."""

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main

LAVRENTIEV = "000_0d97d3c62f2aa8dd"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[str]) -> str:
    path = str(tmp_path_factory.mktemp("db") / "m.db")
    # Two batches: the second article of the Lavrentiev story must join the stored story.
    r = CliRunner()
    first = [p for p in seed_paths if "001_" not in p]
    assert r.invoke(main, ["ingest", *first, "--db", path]).exit_code == 0
    assert r.invoke(main, ["ingest", *[p for p in seed_paths if "001_" in p], "--db", path]).exit_code == 0
    return path


def _run(*args: str) -> str:
    res = CliRunner().invoke(main, list(args))
    assert res.exit_code == 0, res.output
    return res.output


def test_cli_stories_groups_the_two_reports_across_batches(db: str) -> None:
    out = _run("stories", "--db", db)
    assert sum(1 for line in out.splitlines() if "2 articles" in line) == 1
    assert sum(1 for line in out.splitlines() if "1 articles" in line) == 3


def test_cli_story_compares_outlets(db: str) -> None:
    sid = next(line.split()[0] for line in _run("stories", "--db", db).splitlines() if "2 articles" in line)
    out = _run("story", sid, "--db", db)
    assert "Alexander Lavrentiev (RUS) → Abbas Araghchi (IRN)" in out
    assert "reported by 2" in out and "differ on date" in out


def test_cli_timeline_orders_partial_dates_and_keeps_unknown_years_open(db: str) -> None:
    lines = _run("timeline", "--dyad", "RUS", "IRN", "--db", db).splitlines()
    dated = [line.split()[0] for line in lines if not line.startswith("(undated)")]
    assert dated == sorted(dated, key=lambda d: ("0000" + d[1:]) if d.startswith("--") else d)
    assert "--10-21" in dated  # seed 000 has no publication date: the year of 21 October stays open
    lavrentiev = next(line for line in lines if "Lavrentiev (RUS) → Abbas Araghchi" in line)
    assert lavrentiev.startswith("--10-21")


def test_cli_dyads_and_series(db: str) -> None:
    assert _run("dyads", "--db", db).splitlines()[0].startswith("IRN-RUS")
    assert "no events" not in _run("events", "--dyad", "RUS", "IRN", "--type", "CONSULT", "--db", db)


def test_cli_events_filters_by_actor_and_status(db: str) -> None:
    out = _run("events", "--actor", "Lavrov", "--db", db)
    assert "Sergey Lavrov (RUS)" in out and "004_82b0062d205d1957" in out
    planned = _run("events", "--status", "planned", "--db", db)
    assert all("planned" in line for line in planned.splitlines() if "/" in line and "»" not in line)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "plover"])
def test_cli_export_writes_every_table(db: str, tmp_path: Path, fmt: str) -> None:
    out = _run("export", "--db", db, "--format", fmt, "--out", str(tmp_path))
    files = [Path(p) for p in out.split()]
    assert all(f.exists() and f.stat().st_size > 0 for f in files)
    if fmt == "csv":
        rows = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))
        assert {"type", "source_name", "target_name", "evidence"} <= rows[0].keys()
    if fmt == "plover":
        recs = [json.loads(x) for x in (tmp_path / "plover.jsonl").read_text(encoding="utf-8").splitlines()]
        planned = [r for r in recs if r["status"] == "planned" and r["mode"] is None]
        assert planned and all(r["event"] in ("AGREE", "REQUEST", "THREATEN") for r in planned)


def test_cli_actors_by_name_and_by_office() -> None:
    assert "Sergey Lavrov" in _run("actors", "لافروف")
    assert "Sergey Lavrov" in _run("actors", "lavrov")
    out = _run("actors", "--role", "Foreign Minister", "--country", "IRN", "--on", "2022-06-23")
    assert out.startswith("Hossein Amir-Abdollahian")


def test_cli_kb_import_wikidata_reads_an_extract(tmp_path: Path) -> None:
    extract = [
        {"id": "Q900001", "labels": {"en": {"value": "Minister of Foreign Affairs of Oman"}}},
        {"id": "Q900002", "labels": {"en": {"value": "Testa Person"}, "ar": {"value": "تيستا بيرسون"}},
         "aliases": {"ar": [{"value": "تستا برسون"}]},
         "claims": {"P39": [{"mainsnak": {"datavalue": {"value": {"id": "Q900001"}}},
                             "qualifiers": {"P580": [{"datavalue": {"value": {"time": "+2031-02-01T00:00:00Z", "precision": 11}}}]}}]}},
    ]
    src = tmp_path / "extract.json"
    src.write_text(json.dumps(extract), encoding="utf-8")
    out = _run("kb", "import-wikidata", str(src), "--out", str(tmp_path / "kb"))
    assert "imported 1 people" in out
    rec = json.loads((tmp_path / "kb" / "people" / "wikidata.jsonl").read_text(encoding="utf-8").splitlines()[1])
    assert rec["roles"] == [{"key": "foreign_minister", "title_en": "Foreign Minister", "country": "OMN",
                             "start": "2031-02-01", "end": None}]
    assert rec["names_ar"] == ["تيستا بيرسون", "تستا برسون"]
