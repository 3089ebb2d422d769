"""Issue 12's story for country visits, in a real browser: the secretariat records a request
to a State, sends a reminder, tries a step out of order and is told why, records the
acceptance with dates, the visit and its report; the public table and the State's page show
it with the right figures, and the calendar carries the visit."""

from __future__ import annotations

import datetime as dt
import re

from e2e.conftest import screenshot, sign_in

STATE = "Ghana"
REPORT = "https://example.org/visit-to-ghana-report"


def test_a_visit_request_from_the_letter_to_the_report(browser, platform):
    today = dt.date.today()
    requested_on = today - dt.timedelta(days=40)
    context = browser.new_context(base_url=platform["url"])
    page = context.new_page()
    sign_in(page, platform, "secretariat")

    # The request, from the public table's button.
    page.goto("/visits/")
    page.get_by_role("link", name="Record a visit request").click()
    page.get_by_label("State").select_option(label=STATE)
    page.get_by_label("Event").select_option(label="Visit requested")
    page.get_by_label("Date").fill(requested_on.isoformat())
    page.get_by_label("Note").fill("Letter to the Permanent Mission in Geneva.")
    page.get_by_role("button", name="Record").click()
    page.wait_for_url("**/visits/GHA/")
    assert page.locator(".visit-figures .status").inner_text() == "Visit requested"

    # A reminder, sent from its template by the job queue.
    page.get_by_role("button", name="Send a reminder to the State").click()
    page.wait_for_url("**/visits/GHA/")
    assert "The reminder is on its way" in page.locator(".messages").inner_text()
    assert page.locator(".visit-figures .reminders").inner_text() == "1"

    # A step out of order is refused, saying why.
    def record(event: str, *, on: dt.date, starts=None, ends=None, report=""):
        page.get_by_label("Event").select_option(label=event)
        page.get_by_label("Date").fill(on.isoformat())
        page.get_by_label("Visit from").fill(starts.isoformat() if starts else "")
        page.get_by_label("Visit to").fill(ends.isoformat() if ends else "")
        page.get_by_label("Report (web address)").fill(report)
        page.get_by_role("button", name="Record the event").click()
        page.wait_for_url("**/visits/GHA/")

    record("Visit completed", on=today)
    message = page.locator(".messages").inner_text()
    assert "A visit can be recorded as completed only after it was underway" in message
    assert "“visit requested”" in message
    assert page.locator(".visit-figures .status").inner_text() == "Visit requested"
    screenshot(page, "visits-refused-step")

    # The acceptance with dates, the visit, and its report.
    record("Accepted", on=today, starts=today, ends=today)
    assert page.locator(".visit-figures .status").inner_text() == "Accepted"
    assert page.locator(".visit-figures .days-to-reply").inner_text() == "40"
    record("Visit underway", on=today)
    record("Visit completed", on=today, report=REPORT)
    assert page.locator(".visit-figures .status").inner_text() == "Visit completed"
    assert page.get_by_role("link", name="The report").get_attribute("href") == REPORT
    context.close()

    # Anyone sees it in the public table with its figures, and on the State's page.
    visitor = browser.new_context(base_url=platform["url"]).new_page()
    visitor.goto("/")
    visitor.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Country visits"
    ).click()
    visitor.get_by_role("link", name="Completed", exact=True).click()
    row = visitor.locator('tr[data-iso3="GHA"]')
    assert row.locator(".status").inner_text() == "Visit completed"
    assert row.locator(".days-to-reply").inner_text() == "40"
    assert row.locator(".reminders").inner_text() == "1"
    assert row.locator(".days-pending").inner_text() == "—"
    screenshot(visitor, "visits-table")
    csv_text = visitor.request.get("/visits/?format=csv&view=completed").text()
    ghana = next(line for line in csv_text.splitlines() if line.startswith("GHA,"))
    assert ",completed," in ghana and ",40,1," in ghana
    api = visitor.request.get("/api/v1/visits/GHA").json()
    assert (api["status"], api["days_to_first_reply"], api["reminders"]) == ("completed", 40, 1)
    assert api["events"][-1]["report_url"] == REPORT

    row.get_by_role("link", name=STATE).click()
    visitor.get_by_role("link", name=STATE).last.click()
    visitor.wait_for_url("**/countries/GHA/")
    section = visitor.get_by_role("region", name="Country visits of the Independent Expert")
    assert "Status of the request: Visit completed." in section.inner_text()
    assert re.search(r"Reminders sent\s*1", section.inner_text())
    assert section.get_by_role("link", name="report").get_attribute("href") == REPORT

    calendar = visitor.request.get("/events.ics").text()
    assert "SUMMARY:Country visit: Ghana" in calendar
    assert f"DTSTART;VALUE=DATE:{today:%Y%m%d}" in calendar
