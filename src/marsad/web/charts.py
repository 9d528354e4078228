"""Server-side SVG: the monthly chart of a country pair and the actor graph. No script, no styles
in attributes (the pages' Content-Security-Policy allows neither); every label is escaped."""

from __future__ import annotations

import math
from typing import Any

from markupsafe import Markup, escape

from marsad.store.queries import QUAD
from marsad.web.gloss import Gloss

W, H, PAD = 860, 300, 44


def month_range(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` ("YYYY-MM"), gaps included."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _split(types: dict[str, int]) -> tuple[int, int]:
    coop = sum(n for t, n in types.items() if QUAD.get(t, ("", 0))[1] > 0)
    return coop, sum(types.values()) - coop


def _month_marks(month: str, m: dict[str, Any], x: float, bw: float, top: int, y: float) -> list[str]:
    """The bars (cooperation up, conflict down) and score dot of one month."""
    mid, half = H / 2, H / 2 - PAD
    coop, conf = _split(m["types"])
    tip = escape(f"{month}: {m['events']} events, cooperation {coop}, conflict {conf}, score {m['score']:+d}")
    out = []
    if coop:
        h = half * coop / top
        out.append(
            f'<rect class="coop" x="{x:.1f}" y="{mid - h:.1f}" width="{bw:.1f}" height="{h:.1f}">'
            f"<title>{tip}</title></rect>"
        )
    if conf:
        h = half * conf / top
        out.append(
            f'<rect class="conf" x="{x:.1f}" y="{mid:.1f}" width="{bw:.1f}" height="{h:.1f}">'
            f"<title>{tip}</title></rect>"
        )
    if m["events"]:
        out.append(
            f'<circle class="dot" cx="{x + bw / 2:.1f}" cy="{y:.1f}" r="3"><title>{tip}</title></circle>'
        )
    return out


def series_svg(months: list[dict[str, Any]], title: str) -> Markup:
    """Bars of cooperation (up) and conflict (down) events per month, and the net score as a line."""
    if not months:
        return Markup("")
    by = {m["month"]: m for m in months}
    axis = month_range(months[0]["month"], months[-1]["month"])
    top = max(max(_split(m["types"])) for m in months) or 1
    score_max = max(abs(m["score"]) for m in months) or 1
    mid, half = H / 2, H / 2 - PAD
    step = (W - 2 * PAD) / len(axis)
    bw = max(step * 0.7, 1.0)
    out = [
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(title)}" direction="ltr">',
        f"<title>{escape(title)}</title>",
        f'<line class="axis" x1="{PAD}" y1="{mid}" x2="{W - PAD}" y2="{mid}"/>',
    ]
    points = []
    for i, month in enumerate(axis):
        x = PAD + i * step + (step - bw) / 2
        m = by.get(month, {"types": {}, "events": 0, "score": 0})
        y = mid - half * m["score"] / score_max
        points.append(f"{x + bw / 2:.1f},{y:.1f}")
        out += _month_marks(month, m, x, bw, top, y)
        if i % max(1, len(axis) // 12) == 0:
            out.append(f'<text class="tick" x="{x + bw / 2:.1f}" y="{H - 8}">{escape(month)}</text>')
    out.append(f'<polyline class="score" points="{" ".join(points)}"/>')
    out.append(f'<text class="label" x="{PAD}" y="16">↑ cooperation (max {top}) · net score line</text>')
    out.append(f'<text class="label" x="{PAD}" y="{H - 24}">↓ conflict</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _circle(keys: list[str], width: int, height: int) -> dict[str, tuple[float, float, bool]]:
    """Positions on a circle, and whether each label goes to the right of its node."""
    cx, cy, r = width / 2, height / 2, min(height / 2 - 60, width / 2 - 300)  # room for labels at the sides
    out = {}
    for i, k in enumerate(keys):
        a = 2 * math.pi * i / len(keys)
        out[k] = (cx + r * math.cos(a), cy + r * math.sin(a), math.cos(a) >= 0)
    return out


def graph_svg(edges: list[dict[str, Any]], gloss: Any, width: int = 1100, height: int = 760) -> Markup:
    """Actors on a circle (grouped by country), a line per pair, thicker for more meetings.
    `gloss(actor) -> Gloss` names each node; nodes link to the actor's page."""
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for a in (e["source"], e["target"]):
            nodes.setdefault(a.get("id") or "?", a)
    if not nodes:
        return Markup("")
    order = sorted(nodes, key=lambda k: (nodes[k].get("country") or "~", k))
    pos = _circle(order, width, height)
    most = max(e["n"] for e in edges)
    svg = f'<svg class="graph" viewBox="0 0 {width} {height}" role="img" aria-label="actor graph"'
    out = [svg + ' direction="ltr">']
    for e in edges:
        (x1, y1, _), (x2, y2, _) = pos[e["source"].get("id") or "?"], pos[e["target"].get("id") or "?"]
        g1, g2 = gloss(e["source"]), gloss(e["target"])
        out.append(
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
            f' stroke-width="{1 + 5 * e["n"] / most:.1f}">'
            f"<title>{escape(g1.en)} — {escape(g2.en)}: {e['n']}</title></line>"
        )
    for k in order:
        x, y, right = pos[k]
        g: Gloss = gloss(nodes[k])
        anchor, dx = ("start", 10) if right else ("end", -10)
        label = f"{g.ar} · {g.en}" if g.ar else g.en
        node = (
            f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="6"/>'
            f'<text class="node-label" x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">'
            f"{escape(label)}</text>"
        )
        out.append(f'<a href="{escape(g.href)}">{node}</a>' if g.href else node)
    out.append("</svg>")
    return Markup("".join(out))
