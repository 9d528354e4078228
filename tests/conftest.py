"""Shared fixtures: the seed articles, their gold, a temporary store; the network is off."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "src" / "marsad" / "examples"
DATA = ROOT / "tests" / "data"

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access is disabled in tests")

    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="session")
def seed_paths() -> list[str]:
    return sorted(str(p) for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_docs(seed_paths: list[str]):
    from marsad.analyze import analyze_many
    from marsad.stages.ingest import read_inputs
    from marsad.stages.stories import assign_stories

    docs = list(analyze_many(read_inputs(seed_paths)))
    assign_stories(docs)
    return {d.id: d for d in docs}


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, dict]:
    from marsad.evaluate import read_jsonl

    return read_jsonl(SEEDS / "gold.jsonl")


@pytest.fixture
def tmp_store(tmp_path: Path):
    from marsad.store import Store

    with Store(tmp_path / "t.db") as s:
        yield s
