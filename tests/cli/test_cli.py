import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command: str) -> None:
    res = CliRunner().invoke(main, [command, "--help"])
    assert res.exit_code == 0 and "Usage" in res.output
    assert main.commands[command].help


def test_cli_analyze_prints_one_contract_object_per_document(seed_paths: list[str]) -> None:
    res = CliRunner().invoke(main, ["analyze", *seed_paths, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    docs = [json.loads(x) for x in res.output.splitlines()]
    assert [d["id"] for d in docs] == [Path(p).stem for p in seed_paths]
    for d in docs:
        assert {"id", "source", "outlet", "title", "published", "text", "entities", "timex", "events", "quotes", "story"} <= d.keys()


def test_cli_analyze_reads_stdin() -> None:
    text = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو في أنقرة."
    res = CliRunner().invoke(main, ["analyze", "-"], input=text)
    assert res.exit_code == 0
    assert json.loads(res.output)["text"] == text


def test_cli_bad_input_is_one_line_and_the_batch_goes_on(tmp_path: Path, seed_paths: list[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["analyze", str(bad), seed_paths[0]])
    assert res.exit_code == 0
    lines = res.stdout.splitlines() if hasattr(res, "stdout") else res.output.splitlines()
    assert sum(1 for x in lines if x.startswith("{")) == 1
    assert f"{bad}:1: record has no 'text' or 'html'" in res.output


def test_cli_ingest_search_show(tmp_path: Path, seed_paths: list[str]) -> None:
    db = str(tmp_path / "m.db")
    r = CliRunner()
    assert "5 new" in r.invoke(main, ["ingest", *seed_paths, "--db", db]).output
    assert "0 new, 5 updated" in r.invoke(main, ["ingest", *seed_paths, "--db", db]).output
    out = r.invoke(main, ["search", "لافروف", "--db", db]).output
    assert "004_82b0062d205d1957" in out
    shown = r.invoke(main, ["show", "004_82b0062d205d1957", "--db", db]).output
    assert "EVENT CONSULT" in shown
