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


Rule = tuple[re.Pattern[str], str, str | None, str]


class Lexicon:
    """Trigger rules with per-word memo tables (each distinct word is matched once)."""

    def __init__(self, rules: tuple[Rule, ...], pairs: tuple[Rule, ...] = ()) -> None:
        self.rules, self.pairs = rules, pairs
        self._single: dict[str, Trigger | None] = {}
        self._pair: dict[tuple[str, str], Trigger | None] = {}
        # One alternation per rule set: the first alternative that matches is the first rule.
        self._any = _union(rules)
        self._nominal = _union(tuple(r for r in rules if r[3] not in ("verb", "host")))
        self._pair_first = re.compile("|".join(f"(?:{r[0].pattern.split(' ', 1)[0]})" for r in pairs) or "(?!)")

    MEMO_LIMIT = 200_000  # entries per table; cleared when full so memory stays bounded on archives

    def match(self, word: str, next_word: str = "") -> Trigger | None:
        """The trigger a word fires; two-word rules ("عودة العلاقات") see the next word too."""
        if len(self._pair) > self.MEMO_LIMIT:
            self._pair.clear()
        if len(self._single) > self.MEMO_LIMIT:
            self._single.clear()
        if self.pairs and next_word:
            key = (word, next_word)
            if key not in self._pair:
                self._pair[key] = self._match_pair(word, next_word)
            if self._pair[key] is not None:
                return self._pair[key]
        if word not in self._single:
            self._single[word] = self._match(word)
        return self._single[word]

    def _match_pair(self, word: str, next_word: str) -> Trigger | None:
        for stem in strip_clitics(word):
            if not self._pair_first.fullmatch(stem):
                continue
            phrase = f"{stem} {next_word}"
            for rx, typ, mode, frame in self.pairs:
                if rx.fullmatch(phrase):
                    return Trigger(typ, mode, frame)
        return None

    def _match(self, word: str) -> Trigger | None:
        stems = strip_clitics(word)
        for k, stem in enumerate(stems):
            # A form reached by dropping the article ال is a noun: it cannot be a verb trigger.
            nominal = k > 0 and stems[k - 1].startswith("ال") and stems[k - 1][2:] == stem
            rules = [r for r in self.rules if r[3] not in ("verb", "host")] if nominal else self.rules
            m = (self._nominal if nominal else self._any).fullmatch(stem)
            if m is None:
                continue
            _, typ, mode, frame = rules[int(m.lastgroup[1:])]
            future = stem.startswith(("سي", "ست", "سن")) and frame in ("verb", "host")
            return Trigger(typ, mode, frame, future)
        return None


def _union(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<r{i}>{r[0].pattern})" for i, r in enumerate(rules)) or "(?!)")


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
        if " " in parts[3].strip():
            try:
                re.compile(parts[3].strip().split(" ", 1)[0])
            except re.error:
                raise KnowledgeBaseError(str(res), n, "a two-word rule needs its space between the two words") from None
        rule = (rx, parts[0], None if parts[1] == "-" else parts[1], parts[2])
        (pairs if " " in parts[3].strip() else rules).append(rule)
    return Lexicon(tuple(rules), tuple(pairs))
