"""Quoted stretches of text: «…», “…”, "…" (shared by the events and quotes stages)."""

from __future__ import annotations

import re

_QUOTE = re.compile(r"«([^«»]{2,})»|“([^“”]{2,})[”“]|\"([^\"\n]{2,})\"")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the quoted content (without the quote marks)."""
    out = []
    for m in _QUOTE.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        out.append((m.start(g), m.end(g)))
    return out
