"""Search snippets cut from the article's own text (the full-text index holds folded text), with
the matched words between two markers."""

from __future__ import annotations

import re

from marsad.arabic import normalize

BEFORE, AFTER = 8, 18  # words of context around the first match
_CONTROL = {c: " " for c in range(0x20) if chr(c) not in "\t\n\r"}


def _spans(folded: str, terms: list[str]) -> list[tuple[int, int]]:
    found = []
    for t in terms:
        found += [(m.start(), m.end()) for m in re.finditer(re.escape(t), folded)]
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def snippet(text: str, terms: list[str], marks: tuple[str, str] = ("[", "]")) -> str:
    """About BEFORE + AFTER words of `text` around the first place a folded term occurs, each
    occurrence between `marks`; the opening words when no term occurs in the text."""
    text = text.translate(_CONTROL)  # never let the text itself carry a marker
    norm = normalize(text)
    folded = norm.text.lower() if len(norm.text.lower()) == len(norm.text) else norm.text
    hits = [norm.to_source(s, e) for s, e in _spans(folded, [t.lower() for t in terms if t])]
    words = [m.span() for m in re.finditer(r"\S+", text)]
    if not words:
        return ""
    first = hits[0][0] if hits else 0
    at = next((i for i, (s, e) in enumerate(words) if e > first), 0)
    lo, hi = max(0, at - BEFORE), min(len(words), at + AFTER)
    start, end = words[lo][0], words[hi - 1][1]
    out, pos = [], start
    for s, e in hits:
        if s < start or e > end:
            continue
        out += [text[pos:s], marks[0], text[s:e], marks[1]]
        pos = e
    out.append(text[pos:end])
    body = " ".join("".join(out).split())
    return ("… " if lo > 0 else "") + body + (" …" if hi < len(words) else "")
