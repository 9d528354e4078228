"""Metadata from the text itself: language, title, outlet datelines."""

from __future__ import annotations

import re

_PERSIAN_CHARS = re.compile("[پچژگکی]")
_PERSIAN_WORDS = re.compile(r"(?:^|\s)(?:است|این|که|را|می|های|برای|شده|کرد|بود|اند|آن|با|از)(?=\s|$)")
_ARABIC_WORDS = re.compile(r"(?:^|\s)(?:في|من|على|إلى|الى|التي|الذي|أن|عن|هذا|كان|قد)(?=\s|$)")
_ARABIC_LETTERS = re.compile("[\u0600-\u06FF]")
_LATIN = re.compile("[A-Za-z]")

# "ميدل ايست نيوز: استقبلت …" — an outlet name opening the first paragraph.
_DATELINE = re.compile(r"^([^\s:،,.]+(?:\s+[^\s:،,.]+){0,3})\s*:\s+")
_OUTLET_WORDS = re.compile(r"(نيوز|نت|تايمز|بوست|الإخبارية|الاخبارية|برس|وكالة|صحيفة|موقع|قناة|تي ?في|24|أونلاين|اونلاين|اليوم|عربي)")


def detect_language(text: str) -> str:
    """'ar', 'fa' or 'other', from letters and function words (fast; no model needed)."""
    sample = text[:4000]
    letters = len(_ARABIC_LETTERS.findall(sample))
    if letters < 0.3 * max(1, letters + len(_LATIN.findall(sample))):
        return "other"
    fa = len(_PERSIAN_CHARS.findall(sample)) + 3 * len(_PERSIAN_WORDS.findall(sample))
    ar = len(_ARABIC_WORDS.findall(sample)) * 3
    return "fa" if fa > ar and fa > 5 else "ar"


def dateline_outlet(lines: list[str], known_outlets: frozenset[str]) -> str | None:
    """The outlet named at the start of one of the first paragraphs, if it looks like one."""
    for line in lines[:4]:
        m = _DATELINE.match(line)
        if not m:
            continue
        name = m.group(1).strip()
        if name in known_outlets or _OUTLET_WORDS.search(name):
            return name
    return None
