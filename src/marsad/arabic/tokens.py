"""Word tokens over folded text, with the proclitics و ف ب ل ك and the article ال separable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u06F0-\u06F9\w]+")
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Whitespace/punctuation tokens with character offsets into `text`."""
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=262_144)  # words repeat: each distinct word is peeled once (bounded for archives)
def strip_clitics(word: str) -> tuple[str, ...]:
    """Candidate stems of a folded word, longest first: وللرئيس → [وللرئيس, للرئيس, الرئيس, رئيس].

    Peels at most one conjunction (و ف), one preposition (ب ل ك) and the article ال (لل = ل + ال).
    Every candidate keeps at least two letters.
    """
    out = [word]
    w = word
    if len(w) > 3 and w[0] in _CONJ:
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("لل"):
        out.append("ال" + w[2:])
        w = w[2:]
        out.append(w)
        return _dedupe(out)
    if len(w) > 3 and w[0] in _PREP:
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("ال"):
        w = w[2:]
        out.append(w)
    return _dedupe(out)


def _dedupe(items: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    return tuple(c for c in items if len(c) >= 2 and not (c in seen or seen.add(c)))
