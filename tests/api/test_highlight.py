from __future__ import annotations

import html
import re

from marsad.web.highlight import Mark, highlight


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_overlapping_marks_nest_and_keep_the_text() -> None:
    text = "aa <b>bb</b> cc dd ee"
    marks = [
        Mark(0, 15, "ev", "ev", "e", "ev-0-15", {"ev": "ev-0-15"}),
        Mark(10, 21, "quote", "quote", "q", "q-10-21", {"ev": "q-10-21"}),
        Mark(3, 12, "ent", "ent ent-PER", "<x>"),
        Mark(13, 15, "timex", "timex", "--10"),
    ]
    out = str(highlight(text, marks))
    assert _text(out) == text
    assert out.count("<span") == out.count("</span>")
    assert out.count('id="ev-0-15"') == 1 and out.count('id="q-10-21"') == 1
    assert out.count('data-ev="q-10-21"') == 2  # the quote is cut where the evidence sentence ends
    assert "<b>" not in out and "&lt;b&gt;" in out and 'title="&lt;x&gt;"' in out


def test_no_marks_is_escaped_text() -> None:
    assert str(highlight("<script>x</script>", [])) == "&lt;script&gt;x&lt;/script&gt;"
