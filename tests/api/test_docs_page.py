"""The API documentation is a page of the site: its header and way back, every operation
written out, and each control and table named for assistive technology."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    """What a screen reader needs named on a page: controls, tables, landmarks."""

    def __init__(self):
        super().__init__()
        self.labels_for: set[str] = set()
        self.controls: list[dict] = []
        self.open_label = 0
        self.tables = 0
        self.captions = 0
        self.navs: list[dict] = []
        self.tags: list[tuple[str, dict]] = []
        self.open_button: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attrs))
        if tag == "label":
            self.open_label += 1
            if attrs.get("for"):
                self.labels_for.add(attrs["for"])
        elif tag in ("input", "select", "textarea", "button"):
            if attrs.get("type") not in ("hidden", "submit") or tag == "button":
                control = {"tag": tag, "inside_label": bool(self.open_label), "text": "", **attrs}
                self.controls.append(control)
                if tag == "button":
                    self.open_button = control
        elif tag == "table":
            self.tables += 1
        elif tag == "caption":
            self.captions += 1
        elif tag == "nav":
            self.navs.append(attrs)

    def handle_data(self, data):
        if self.open_button is not None:
            self.open_button["text"] += data.strip()

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_label -= 1
        elif tag == "button":
            self.open_button = None


def _read(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_the_api_documentation_is_inside_the_site_with_a_way_back(client):
    html = client.get("/api/v1/docs").content.decode()
    page = _read(html)
    assert ("html", {"lang": "en", "dir": "ltr"}) in page.tags
    assert '<header class="site-header">' in html
    assert '<a class="brand" href="/">' in html  # the way back, with the main navigation
    assert 'href="/resolutions/"' in html and 'href="/practices/"' in html
    assert '<main id="main"' in html and '<footer class="site-footer">' in html
    assert "<title>API documentation · Solidarity</title>" in html


def test_every_operation_of_the_openapi_document_is_written_out(client):
    html = client.get("/api/v1/docs").content.decode()
    spec = client.get("/api/v1/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            assert f"<code>{method.upper()} {path}</code>" in html, path
            assert operation["summary"].replace("'", "&#x27;") in html, path


def test_every_control_table_and_navigation_of_the_page_is_named(client):
    page = _read(client.get("/api/v1/docs").content.decode())
    for control in page.controls:
        named = (
            control["inside_label"]
            or (control["tag"] == "button" and control["text"])  # a button is named by its text
            or control.get("id") in page.labels_for
            or control.get("aria-label")
            or control.get("aria-labelledby")
        )
        assert named, control
    assert page.tables and page.captions == page.tables
    assert all(nav.get("aria-label") for nav in page.navs)
    names = [nav["aria-label"] for nav in page.navs]
    assert len(names) == len(set(names))


def test_the_interactive_explorer_is_served_from_the_platform_itself(client):
    html = client.get("/api/v1/docs").content.decode()
    assert '<script id="swagger-settings" type="application/json">' in html
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
