"""Trigger lexicon (resources/events/triggers.tsv): folded word → PLOVER type, mode and frame."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.arabic import strip_clitics
from marsad.errors import KnowledgeBaseError

PLOVER_TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT"
).split()
FRAMES = ("verb", "host", "visit", "joint", "noun", "masdar")


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None
    frame: str
    future: bool = False  # the verb carries the future prefix سـ


@dataclass(frozen=True, slots=True)
class Lexicon:
    rules: tuple[tuple[re.Pattern[str], str, str | None, str], ...]
    pairs: tuple[tuple[re.Pattern[str], str, str | None, str], ...] = ()

    def match(self, word: str, next_word: str = "") -> Trigger | None:
        """The trigger a word fires; two-word rules ("عودة العلاقات") see the next word too."""
        if self.pairs and next_word:
            hit = _match_pair(self, word, next_word)
            if hit is not None:
                return hit
        return _match(self, word)


@cache
def _match_pair(lex: Lexicon, word: str, next_word: str) -> Trigger | None:
    for stem in strip_clitics(word):
        phrase = f"{stem} {next_word}"
        for rx, typ, mode, frame in lex.pairs:
            if rx.fullmatch(phrase):
                return Trigger(typ, mode, frame)
    return None


@cache
def _match(lex: Lexicon, word: str) -> Trigger | None:
    stems = strip_clitics(word)
    for k, stem in enumerate(stems):
        # A form reached by dropping the article ال is a noun: it cannot be a verb trigger.
        nominal = k > 0 and stems[k - 1].startswith("ال") and stems[k - 1][2:] == stem
        for rx, typ, mode, frame in lex.rules:
            if nominal and frame in ("verb", "host"):
                continue
            if rx.fullmatch(stem):
                future = stem.startswith(("سي", "ست", "سن")) and frame in ("verb", "host")
                return Trigger(typ, mode, frame, future)
    return None


@cache
def load_lexicon() -> Lexicon:
    res = resources.files("marsad") / "resources" / "events" / "triggers.tsv"
    rules, pairs = [], []
    for n, line in enumerate(res.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[0] not in PLOVER_TYPES or parts[2] not in FRAMES:
            raise KnowledgeBaseError(str(res), n, "expected TYPE<TAB>MODE<TAB>FRAME<TAB>REGEX with a PLOVER type")
        try:
            rx = re.compile(parts[3].strip())
        except re.error as exc:
            raise KnowledgeBaseError(str(res), n, f"bad regex: {exc}") from None
        rule = (rx, parts[0], None if parts[1] == "-" else parts[1], parts[2])
        (pairs if " " in parts[3].strip() else rules).append(rule)
    return Lexicon(tuple(rules), tuple(pairs))
