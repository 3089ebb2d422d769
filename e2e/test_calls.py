"""Issue 11's story for calls for input, in a real browser: the secretariat opens a call; a
State focal point answers with a file, "publish without my name"; a contributor who tries
to send after the deadline is refused, and keeps their draft; the secretariat publishes; a
visitor downloads the ZIP and finds the submission by a word that is only inside its PDF."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import zipfile
import zoneinfo

from fpdf import FPDF

from e2e.conftest import screenshot, sign_in

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
TITLE = "Call for input on solidarity in the fight against poverty"
SLUG = "browser-poverty-call"
# A word found nowhere else on the platform, written only inside the State's PDF.
WORD = "quillworts"
MINUTES_OPEN = 3


def pdf_with(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def geneva_minute(moment: dt.datetime) -> str:
    return moment.astimezone(GENEVA).strftime("%Y-%m-%dT%H:%M")


def test_a_call_for_input_from_opening_to_published_submissions(browser, platform, tmp_path):
    def person(role: str | None):
        context = browser.new_context(base_url=platform["url"], accept_downloads=True)
        page = context.new_page()
        if role:
            sign_in(page, platform, role)
        return page

    # The secretariat opens a call, closing a few minutes from now.
    now = dt.datetime.now(dt.UTC)
    deadline = (now + dt.timedelta(minutes=MINUTES_OPEN)).replace(second=0, microsecond=0)
    secretariat = person("secretariat")
    secretariat.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Calls for input"
    ).click()
    secretariat.get_by_role("link", name="Open a call for input").click()
    secretariat.get_by_label("Title").fill(TITLE)
    secretariat.get_by_label("Short name in addresses").fill(SLUG)
    secretariat.get_by_label("Purpose and background").fill("Views for the next report.")
    secretariat.get_by_label("Operative paragraphs served").fill("15, 18")
    secretariat.get_by_label("States", exact=True).check()
    secretariat.get_by_label("Non-governmental organizations", exact=True).check()
    secretariat.locator("#id_languages").get_by_label("English").check()
    secretariat.get_by_label("Opens").fill(geneva_minute(now - dt.timedelta(days=1)))
    secretariat.get_by_label("Closes").fill(geneva_minute(deadline))
    question = secretariat.get_by_role("group", name="Question 1")
    question.get_by_label("Question 1").fill("What does your State do against poverty?")
    question.get_by_label("Required").check()
    secretariat.get_by_role("button", name="Save the call").click()
    secretariat.wait_for_url(f"**/calls/{SLUG}/")
    assert secretariat.locator("#call-status").inner_text() == "Open"
    paragraph = secretariat.get_by_role("link", name="operative paragraph 15")
    assert paragraph.get_attribute("href") == "/resolutions/A/HRC/RES/56/4/#op-15"

    # A State focal point answers with a file, to be published without the State's name.
    document = tmp_path / "cuba-submission.pdf"
    document.write_bytes(pdf_with(f"Our cooperation brigades and {WORD} of solidarity."))
    state = person("focal_point")
    state.goto(f"/calls/{SLUG}/")
    state.get_by_role("link", name="Answer this call").click()
    state.get_by_label("1. What does your State do against poverty?").fill(
        "Medical brigades abroad."
    )
    state.get_by_label("Documents", exact=True).set_input_files(str(document))
    state.get_by_label("Publish my submission without my name").check()
    state.get_by_role("button", name="Send the submission").click()
    receipt = state.locator("#receipt")
    receipt.wait_for()
    reference = re.search(r"CFI-\d{4}-\d{3}-\d{5}", receipt.inner_text())[0]

    # A contributor saves a draft, and tries to send it once the deadline has passed.
    contributor = person("contributor")
    contributor.goto(f"/calls/{SLUG}/answer/")
    contributor.get_by_label("1. What does your State do against poverty?").fill(
        "Our alliance's late thoughts."
    )
    contributor.get_by_role("button", name="Save draft").click()
    contributor.get_by_text("Draft saved.").wait_for()
    while dt.datetime.now(dt.UTC) < deadline + dt.timedelta(seconds=2):
        time.sleep(1)
    contributor.get_by_label("Publish my submission with my name").check()
    contributor.get_by_role("button", name="Send the submission").click()
    refusal = contributor.get_by_role("alert").filter(has_text="This call closed on")
    refusal.wait_for()
    assert "nothing can be sent or changed now" in refusal.inner_text()
    assert "Your draft is kept" in refusal.inner_text()
    contributor.goto(f"/calls/{SLUG}/answer/")
    assert (
        contributor.get_by_label("1. What does your State do against poverty?").input_value()
        == "Our alliance's late thoughts."
    )
    screenshot(contributor, "calls-refused-after-deadline")

    # The secretariat publishes the State's submission.
    secretariat.goto(f"/calls/{SLUG}/review/")
    secretariat.get_by_role("button", name=f"Publish {reference}").click()
    secretariat.get_by_text("Published on the call's page.").wait_for()

    # A visitor downloads the ZIP and finds the submission by the word inside its PDF.
    visitor = person(None)
    visitor.goto(f"/calls/{SLUG}/")
    assert visitor.locator("#call-status").inner_text() == "Closed"
    published = visitor.locator(".published-submissions")
    assert "Name withheld at the submitter's request" in published.inner_text()
    assert "Cuba" not in published.inner_text()
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="All published files (ZIP)").click()
    with zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes())) as package:
        # Published without the name: the file goes out under a neutral name.
        assert sorted(package.namelist()) == [
            f"{SLUG}/{reference}/{reference}-1.pdf",
            f"{SLUG}/submissions.csv",
        ]
    visitor.goto("/calls/search/")
    visitor.get_by_label("Words").fill(WORD)
    visitor.get_by_role("button", name="Search").click()
    visitor.get_by_text("1 submission found.").wait_for()
    visitor.get_by_role("link", name=re.compile(TITLE)).click()
    assert f"{reference}-1.pdf" in visitor.content()
    assert "cuba-submission.pdf" not in visitor.content()
    screenshot(visitor, "calls-published-submission")


def test_a_reader_elsewhere_sees_the_deadline_in_geneva_time_and_in_their_own(browser, platform):
    context = browser.new_context(base_url=platform["url"], timezone_id="America/New_York")
    page = context.new_page()
    page.goto("/calls/example-solidarity-and-poverty/")
    deadline = page.get_by_role("definition").filter(has_text="(Geneva time)").nth(1)
    assert "(Geneva time)" in deadline.inner_text()
    local = deadline.locator(".local-time")
    local.wait_for()
    assert "your time:" in local.inner_text() and re.search(r"EST|EDT|GMT-[45]", local.inner_text())
    context.close()
