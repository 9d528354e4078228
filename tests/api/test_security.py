"""Article text, titles, outlets and ids come from the open web: no page may carry them unescaped."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from tests.api.fixtures import DANGEROUS, HOSTILE, HOSTILE_TITLE, audit

HID = quote(HOSTILE["id"], safe="")
PAGES = [
    "/",
    "/documents",
    f"/documents/{HID}",
    "/stories/s-hostile",
    "/events",
    "/events?actor=لافروف",
    "/timeline?actor=p:sergey-lavrov",
    "/timeline?dyad=RUS,IRN",
    "/actors/p:sergey-lavrov",
    "/actors?name=لافروف",
    "/graph",
    "/search?q=لافروف",
    "/search?q=" + quote("<script>alert(7)</script>"),
    "/actors?name=" + quote("<img src=x onerror=alert(8)>"),
    "/events?actor=" + quote("<iframe>"),
    "/stories/" + quote("<script>alert(10)", safe=""),
    "/api-docs",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_escape_everything_from_articles(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (200, 404)
    html = r.text
    for raw in DANGEROUS:
        assert raw not in html, (path, raw)
    if r.headers["content-type"].startswith("text/html"):
        problems, scripts = audit(html)
        assert problems == [] and scripts == ["/static/app.js"], (path, problems, scripts)


def test_hostile_title_is_shown_as_text(client) -> None:
    html = client.get(f"/documents/{HID}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;iframe src=&#34;javascript:alert(4)&#34;&gt;" in html
    assert "&lt;b onmouseover=alert(3)&gt;Evil&lt;/b&gt;" in html
    story = client.get("/stories/s-hostile").text
    assert HOSTILE_TITLE not in story and "&lt;script&gt;alert(1)" in story


def test_pages_forbid_inline_and_foreign_scripts(client) -> None:
    r = client.get(f"/documents/{HID}")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-type"].startswith("text/html")


def test_api_returns_json_not_html(client) -> None:
    r = client.get(f"/api/documents/{HID}")
    assert r.headers["content-type"] == "application/json" and r.json()["title"] == HOSTILE_TITLE
    assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_need_no_network(client) -> None:
    """Every stylesheet and script a page names is served by the app itself."""
    html = client.get("/").text
    refs = re.findall(r'(?:src|href)="([^"#]+)"', html)
    assert refs and all(u.startswith("/") and not u.startswith("//") for u in refs), refs
    for u in ("/static/app.css", "/static/app.js"):
        assert client.get(u).status_code == 200


def test_the_audit_sees_what_a_browser_would_run() -> None:
    problems, scripts = audit(
        '<p title="<img src=x onerror=alert(1)>">&lt;script&gt;</p><img src=x onerror=alert(2)>'
        '<a href=" javascript:alert(3)">x</a><script>alert(4)</script>'
    )
    assert problems == ["<img>", "<img onerror=…>", "<a href=javascript:…>"] and scripts == [None]
