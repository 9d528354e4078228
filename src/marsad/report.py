"""Readable terminal reports of analysed documents, with English glosses beside Arabic."""

from __future__ import annotations

from typing import Any

from marsad.contract import document_json
from marsad.model.document import Document


def _actor(a: dict[str, Any] | None) -> str:
    if not a:
        return "?"
    role = f", {a['role_en']}" if a.get("role_en") else ""
    return f"{a.get('name_en')} ({a.get('country') or '-'}{role})"


def text_report_json(d: dict[str, Any]) -> str:
    lines = [f"== {d['id']}  {d.get('title') or ''}",
             f"   outlet: {d.get('outlet') or '-'}   published: {d.get('published') or '-'}   story: {d.get('story') or '-'}"]
    people = {}
    for e in d["entities"]:
        if e["label"] == "PER" and e.get("actor"):
            people.setdefault(e["actor"]["name_en"], (e["text"], e["actor"]))
    if people:
        lines.append("   people: " + "; ".join(f"{ar} = {_actor(a)}" for ar, a in people.values()))
    dated = [f"{t['text']} → {t['value'] or '?'}" for t in d["timex"]]
    if dated:
        lines.append("   dates: " + "; ".join(dated))
    for e in d["events"]:
        where = f" @ {e['location']['name_en']}" if e.get("location") else ""
        by = f" [per {e['attributed_to']}]" if e.get("attributed_to") else ""
        lines.append(f"   EVENT {e['type']}/{e.get('mode') or '-'} {e['status']}: {_actor(e['source'])} → "
                     f"{_actor(e['target'])} date={e.get('date') or '?'}{where}{by}")
        lines.append(f"         «{e['evidence']['text'][:160]}»")
    for q in d["quotes"]:
        lines.append(f"   QUOTE {_actor(q['speaker'])} ({q['cue']}): «{q['text'][:120]}»")
    for w in d.get("warnings") or []:
        lines.append(f"   warning: {w}")
    return "\n".join(lines)


def text_report(doc: Document) -> str:
    return text_report_json(document_json(doc))


def story_report(comparison) -> str:
    """The cross-outlet comparison of a story, readable in a terminal."""
    docs = comparison.documents
    lines = [f"== story {comparison.story}: {len(docs)} articles from "
             f"{len({d.outlet or d.id for d in docs})} outlets"]
    for d in docs:
        lines.append(f"   [{d.id}] {d.outlet or '-'}  {d.published or '-'}  {d.title or ''}")
    for se in comparison.events:
        e = se.event
        lines.append(f"   EVENT {e.type}/{e.mode or '-'} {e.status}: {_name(e.source)} → {_name(e.target)} "
                     f"date={e.date or '?'}  reported by {len(se.outlets)} ({se.sources} independent): {', '.join(se.outlets)}")
        first = se.first_report
        lines.append(f"         first: {first.outlet or first.doc_id} {first.published or ''} «{first.evidence[:120]}»")
        for attr, says in se.conflicts.items():
            lines.append(f"         differ on {attr}: " + "; ".join(f"{o}: {v or '?'}" for o, v in says))
        missing = comparison.omitted_by(se)
        if missing:
            lines.append(f"         not reported by: {', '.join(missing)}")
    for d in docs:
        for q in d.quotes:
            who = q.speaker.name_en if q.speaker else "?"
            lines.append(f"   QUOTE [{d.outlet or d.id}] {who}: «{q.text[:100]}»")
    return "\n".join(lines)


def _name(a) -> str:
    return f"{a.name_en} ({a.country or '-'})" if a else "?"
