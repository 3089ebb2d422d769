"""A reviewer publishes a practice with a private message to its submitter and a public note:
the form says who reads each, the submitter reads the message, and the public reads only
the note, on the practice's pages, in the open data and in the feed."""

from e2e.conftest import fill_a_practice, screenshot, sign_in, sign_out

TITLE = "Solar pumps shared by three villages"
PRIVATE = "Between us: the cost figures look optimistic, please keep the receipts."
PUBLIC = "Checked against the district's 2024 water survey."


def submit_a_practice(page):
    page.goto("/practices/new/")
    fill_a_practice(
        page,
        title=TITLE,
        summary="Three villages share solar water pumps and their upkeep.",
        done="Pumps were installed and a village fund set up.",
        started_on="2022-01-10",
        level="National",
        theme="Water and sanitation",
        actor="Village water committee",
        country="Kenya",
    )
    page.get_by_role("button", name="Save and send for review").click()
    page.wait_for_url("**/workspace/")
    return page.url.split("/practices/")[1].split("/")[0]


def test_the_reviewers_private_message_never_reaches_the_public_but_the_note_does(page, platform):
    sign_in(page, platform, "contributor")
    pk = submit_a_practice(page)
    sign_out(page)

    # The reviewer's form says which text is private and which is public.
    sign_in(page, platform, "reviewer")
    page.goto(f"/practices/{pk}/workspace/")
    private = page.get_by_role("textbox", name="Private message to the submitter")
    public = page.get_by_role("textbox", name="Public note on this version (optional)")
    assert "never published" in private.evaluate(
        "el => document.getElementById(el.getAttribute('aria-describedby')).textContent"
    )
    assert "Everyone sees it" in public.evaluate(
        "el => document.getElementById(el.getAttribute('aria-describedby')).textContent"
    )
    private.fill(PRIVATE)
    public.fill(PUBLIC)
    screenshot(page, "publish-private-message-and-public-note")
    page.get_by_role("button", name="Publish").click()
    assert page.get_by_role("status").inner_text() == "Published as version 1."
    sign_out(page)

    # The submitter reads the private message in the review thread.
    sign_in(page, platform, "contributor")
    page.goto(f"/practices/{pk}/workspace/")
    assert page.locator(".thread").get_by_text(PRIVATE).is_visible()
    sign_out(page)

    # A visitor sees the note with the version, never the message.
    page.goto(f"/practices/{pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    page.get_by_role("link", name="History").click()
    page.wait_for_url(f"**/practices/{pk}/history/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="1", exact=True))
    assert PUBLIC in row.inner_text()
    seen = [page.content()]
    page.get_by_role("link", name="1", exact=True).click()
    assert page.get_by_text(PUBLIC).is_visible()
    seen.append(page.content())
    for path in (
        f"/practices/{pk}/",
        f"/api/v1/practices/{pk}",
        f"/api/v1/practices/{pk}/versions",
        "/api/v1/practices?limit=100",
        "/practices/feed/",
    ):
        response = page.request.get(path)
        assert response.ok, path
        seen.append(response.text())
    assert page.request.get(f"/api/v1/practices/{pk}/versions").json()[0]["note"] == PUBLIC
    assert not [text for text in seen if "cost figures" in text]
    assert page.console_errors == []
