"""The secretariat confirms the tasks read from 56/4: the Expert's from op. 14, 15, 16, 18
and 19, the States' from op. 13, each linked to its paragraph; a correction is kept."""

from e2e.conftest import screenshot, sign_in

EXPERT_PARAGRAPHS = ["14", "15", "16", "18", "19"]


def _open_task(page, number: str) -> None:
    page.goto("/mandate/tasks/")
    page.get_by_role("link", name=f"56/4, op. {number}", exact=True).click()
    page.wait_for_url("**/mandate/tasks/*/")


def test_the_secretariat_confirms_the_tasks_of_56_4(page, platform):
    sign_in(page, platform, "secretariat")
    page.get_by_role("link", name="Desk").click()
    page.wait_for_url("**/desk/")
    assert page.get_by_role("heading", name="Tasks by status").is_visible()

    # The Expert's tasks, read from the paragraphs that ask her.
    page.goto("/mandate/tasks/?addressee=Independent+Expert")
    rows = page.locator("#tasks tbody tr th a")
    assert [text.rsplit(" ", 1)[-1] for text in rows.all_inner_texts()] == EXPERT_PARAGRAPHS

    # The States' task from op. 13, confirmed as read; its link leads to the paragraph.
    _open_task(page, "13")
    assert page.locator("#task-addressees").inner_text().startswith("States")
    page.get_by_role("button", name="Confirm").click()
    assert page.locator("#task-confirmed").inner_text().startswith("confirmed on")
    page.locator("#paragraph-link").click()
    page.wait_for_url("**/resolutions/A/HRC/RES/56/4/#op-13")
    assert page.locator("#op-13").is_visible()

    # Each of the Expert's tasks confirmed; op. 19 corrected to what the mandate does.
    for number in EXPERT_PARAGRAPHS:
        _open_task(page, number)
        if number == "19":
            page.get_by_label("Frequency").select_option("annually")
        page.get_by_role("button", name="Confirm").click()
        assert page.locator("#task-confirmed").inner_text().startswith("confirmed on")
    assert "(corrected: frequency)" in page.locator("#task-confirmed").inner_text()
    screenshot(page, "mandate-task-confirmed")

    # The resolution's page lists its tasks, confirmed; A/HRC/56/57 links to the report.
    page.goto("/resolutions/A/HRC/RES/56/4/")
    tasks = page.locator("#tasks").inner_text()
    assert tasks.count("not yet confirmed") == 2  # op. 11 and 17 are left for later
    page.locator("#footnotes").get_by_role("link", name="A/HRC/56/57").click()
    page.wait_for_url("**/mandate/documents/A/HRC/56/57/")
    assert page.console_errors == []
