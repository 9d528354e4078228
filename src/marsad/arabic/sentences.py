"""Sentence splitting that respects Arabic punctuation and leaves numbers and abbreviations whole."""

from __future__ import annotations

import re

from marsad.model.document import Span

# A sentence ends at . ! ? ؟ or a line break; the full stop must not sit between digits
# (3.5, 21.10.2025) nor end a one-letter abbreviation (د. / م. / U.S.).
_END = re.compile(r"[!?؟]+|\.(?!\d)|\n+|·")
_CONTINUES = re.compile(r"\s*(?:الذي|التي|الذين|اللذين|اللتين|حيث|مما|والتي|والذي|خصوصا|خصوصاً|يهدف|تهدف|مشددين|مؤكدين)\b")
_ABBREV = re.compile(r"(?:^|[\s(])(?:[\u0621-\u064A]|[A-Za-z]{1,3}|د|م|ص|ق|ج)$")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans over `text`, trimmed of surrounding whitespace."""
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group().startswith(".") and m.start() > 0:
            before = text[max(0, m.start() - 4) : m.start()]
            if text[m.start() - 1].isdigit() and end < len(text) and text[end : end + 1].isdigit():
                continue
            if _ABBREV.search(before):
                continue
        if m.group().startswith(".") and _CONTINUES.match(text, end):
            continue  # "… علي لاريجاني. الذي زار موسكو": a full stop used as a comma
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
