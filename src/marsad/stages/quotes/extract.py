"""Direct quotes and their speakers.

A quote is a quoted clause (not a name in guillemets, not a scare-quoted word) introduced by a
cue (قال، أكد، أوضح، أضاف، صرّح، شدد، كتب …, or a participle such as موضحاً، مؤكداً) whose
subject is the speaker. A continuing cue (وأضاف، وتابع) or a participle keeps the last speaker.
"""

from __future__ import annotations

import re

from marsad.arabic import fold, strip_clitics
from marsad.model.actors import ActorRef
from marsad.model.document import Document, Span
from marsad.model.events import Quote
from marsad.stages.quotes.spans import quoted_spans

CUES = re.compile(
    r"^(?:ي|ت)?(?:قول|قال|قالت|اكد|اكدت|يوكد|توكد|اوضح|اوضحت|يوضح|توضح|اضاف|اضافت|يضيف|تضيف|صرح|صرحت|يصرح|"
    r"شدد|شددت|يشدد|تشدد|كتب|كتبت|يكتب|تابع|تابعت|يتابع|اعتبر|اعتبرت|يعتبر|لفت|لفتت|اشار|اشارت|يشير|"
    r"اعلن|اعلنت|يعلن|ذكر|ذكرت|نفي|نفت|ينفي|حذر|حذرت|يحذر|ختم|يختم|قايلا|قايله|موضحا|موضحه|موكدا|موكده|"
    r"مضيفا|مضيفه|مشددا|مشدده|معتبرا|معتبره|مشيرا|مشيره|لافتا|محذرا|بحسب|جاء|وفق|قوله|قولها|ردت|رد|مرددا|"
    r"ابلغ|ابلغه|ابلغت|وصف|وصفت|هدد|هددت|تساءل|تساءلت|اعتبر|كتبت|غرد|غردت|داعيا|داعيه)$"
)
CONTINUING = re.compile(r"^(?:اضاف|اضافت|تابع|تابعت|يضيف|تضيف|يتابع|موضحا|موضحه|موكدا|موكده|مضيفا|مضيفه|مشددا|مشيرا|لافتا|معتبرا|قايلا|قايله|محذرا|يختم|ختم)$")
MIN_WORDS = 4
_WORD = re.compile(r"\S+")


def extract_quotes(doc: Document) -> list[Quote]:
    people = [m for m in doc.entities if m.actor is not None and m.label in ("PER", "TITLE")]
    out: list[Quote] = []
    last: ActorRef | None = None
    for qs, qe in quoted_spans(doc.text):
        body = doc.text[qs:qe].strip()
        if len(body.split()) < MIN_WORDS:
            continue
        cue, cue_pos = _cue_before(doc.text, qs)
        if cue is None:
            continue
        continuing = bool(CONTINUING.match(fold(cue).lstrip("و")))
        speaker = _speaker(doc, people, cue_pos, qs, continuing)
        if speaker is None and continuing:
            speaker = _clause_subject(doc, people, cue_pos) or last
        if speaker is None:
            speaker = _last_person_before(doc, people, cue_pos)
        out.append(Quote(Span(qs, qe), doc.text[qs:qe], cue, speaker))
        last = speaker or last
    return out


def _cue_before(text: str, qs: int) -> tuple[str | None, int]:
    """The cue word nearest before the quote, within its sentence (up to ~25 words back)."""
    start = max(0, qs - 400)
    seg = text[start:qs]
    cut = max(seg.rfind("\n"), -1)
    words = list(_WORD.finditer(seg[cut + 1 :]))
    for m in reversed(words[-25:]):
        w = m.group().strip("،,.:«“\"")
        for stem in strip_clitics(fold(w)):
            if CUES.match(stem):
                return w, start + cut + 1 + m.start()
    return None, -1


def _speaker(doc: Document, people: list, cue_pos: int, qs: int, continuing: bool = False) -> ActorRef | None:
    """The person or title right after the cue (VSO), else the nearest one before it in the
    sentence (SVO). A continuing cue (وأضاف، مؤكداً) without a name right after keeps the speaker."""
    after = [m for m in people if cue_pos < m.span.start < qs and m.span.start - cue_pos < 45]
    if after:
        return after[0].actor
    if continuing:
        return None
    sent = doc.sentence_of(cue_pos)
    lo = sent.start if sent else max(0, cue_pos - 200)
    before = [m for m in people if lo <= m.span.start < cue_pos]
    return before[-1].actor if before else None


NOT_SUBJECT_BEFORE = frozenset(fold(w) for w in (
    "في من إلى على عن مع بين لدى حول ضد زيارة لقاء حكومة نظام إدارة مكتب رسالة مستشار مبعوث وفد الرئيس").split())


def _clause_subject(doc: Document, people: list, cue_pos: int) -> ActorRef | None:
    """The subject of the sentence a participle cue (مؤكداً، موضحاً) continues: the first person
    in it that is not inside a genitive or a prepositional phrase."""
    sent = doc.sentence_of(cue_pos)
    lo = sent.start if sent else max(0, cue_pos - 300)
    heads = _title_starts(doc)
    for m in people:
        if not lo <= m.span.start < cue_pos:
            continue
        start = heads.get(m.span.start, m.span.start)
        prev = doc.text[max(lo, start - 20) : start].split()
        if not prev or fold(prev[-1].strip("،,")) not in NOT_SUBJECT_BEFORE:
            return m.actor
    return None


def _title_starts(doc: Document) -> dict[int, int]:
    """Where a name's apposed title begins ("وزير الخارجية الإيراني حسين …" → at وزير); once per document."""
    if "title_starts" in doc.cache:
        return doc.cache["title_starts"]
    out = doc.cache["title_starts"] = {}
    for t in doc.cache.get("titles", []):
        if t.person is not None:
            for m in doc.entities:
                if m.label == "PER" and 0 <= m.span.start - t.end <= 2:
                    out[m.span.start] = t.start
    return out


def _last_person_before(doc: Document, people: list, pos: int) -> ActorRef | None:
    """The paragraph's most recent person: the speaker a participle cue (موضحاً) continues."""
    para = doc.text.rfind("\n", 0, pos) + 1
    before = [m for m in people if para <= m.span.start < pos]
    return before[-1].actor if before else None
