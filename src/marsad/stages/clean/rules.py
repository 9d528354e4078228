"""Load the Arabic boilerplate rules (resources/clean/boilerplate.tsv) once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.arabic import fold
from marsad.errors import KnowledgeBaseError


@dataclass(frozen=True, slots=True)
class Rules:
    block: re.Pattern[str]
    line: re.Pattern[str]
    top: re.Pattern[str]


@cache
def load_rules() -> Rules:
    res = resources.files("marsad") / "resources" / "clean" / "boilerplate.tsv"
    parts: dict[str, list[str]] = {"block": [], "line": [], "top": []}
    for n, raw in enumerate(res.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, _, pattern = raw.partition("\t")
        if kind not in parts or not pattern:
            raise KnowledgeBaseError(str(res), n, f"expected KIND<TAB>REGEX with KIND in {sorted(parts)}")
        try:
            re.compile(fold(pattern))
        except re.error as exc:
            raise KnowledgeBaseError(str(res), n, f"bad regex: {exc}") from None
        parts[kind].append(fold(pattern))
    return Rules(*(re.compile("(?:" + "|".join(f"(?:{p})" for p in parts[k]) + r")\Z", re.I) for k in ("block", "line", "top")))
