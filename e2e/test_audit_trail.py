"""The secretariat reads the audit trail at 1280 pixels: each entry says who did what in words,
names the record by its title with a link, and shows each change as a field's label with
readable values; the action filter lists words and narrows the list."""

import re

from e2e.conftest import screenshot, sign_in

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_the_audit_trail_reads_in_words_and_fits_the_screen(page, platform):
    sign_in(page, platform, "secretariat")
    page.goto("/audit/")
    assert page.get_by_role("heading", level=1).inner_text() == "Audit trail"
    table = page.get_by_role("table")
    text = table.inner_text()
    for raw in ("engagement.create", "visit.requested", "visits.visitrequest"):
        assert raw not in text, raw
    codes = (
        page.get_by_label("Action", exact=True)
        .locator("option")
        .evaluate_all("options => options.map(o => o.value).filter(Boolean)")
    )
    assert "practice.publish" in codes and "visit.requested" in codes
    shown = [code for code in codes if code in text]
    assert shown == [], shown
    for raw in ("<p>", "&lt;p&gt;", "practices.practice", "engagements.engagement"):
        assert raw not in text, raw
    assert not ISO_DATE.search(text), ISO_DATE.search(text)
    # Every record is named, never by a bare number or a code (a visit by its State's name).
    for cell in table.locator("tbody tr td:nth-child(4)").all_inner_texts():
        assert not re.fullmatch(r"\s*\d+\s*", cell), cell
        assert "(ie-international-solidarity)" not in cell, cell
    assert "The platform (a command or a scheduled job)" in text
    screenshot(page, "audit-trail")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280

    # The filter offers actions in words and narrows the trail to one.
    action = page.get_by_label("Action", exact=True)
    options = action.locator("option").all_inner_texts()
    assert "Imported a practice" in options and "Recorded a visit request" in options
    assert not set(options) & set(codes)
    action.select_option(label="Imported a practice")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"action=practice.import"))
    whats = table.locator("tbody tr td:nth-child(3)").all_inner_texts()
    assert whats and set(whats) == {"Imported a practice"}
    text = table.inner_text()
    assert "<p>" not in text and not ISO_DATE.search(text)
    assert "South-South cooperation" in text or "North-South cooperation" in text
    first = table.locator("tbody tr").first.locator("td:nth-child(4)").get_by_role("link")
    title = first.inner_text()
    first.click()
    assert page.get_by_role("heading", level=1).inner_text() == title
    page.go_back()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.console_errors == []
