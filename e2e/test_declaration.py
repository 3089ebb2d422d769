"""The consultation on the draft declaration: the secretariat imports a version, a State
comments on article 2 from a phone, with the keyboard, and proposes wording; the
secretariat publishes the next version with article 2 changed and article 5 removed; the
compare view shows the change; the comment on article 2 follows the text while the one
on article 5 stays with the version it was made on."""

import json
import re
import urllib.request

from e2e.conftest import screenshot, sign_in

FIRST = """Draft declaration on the right to international solidarity (browser test example)

Preamble

Recalling the Charter of the United Nations,

Article 1: Definitions
1. International solidarity is the union of interests and purposes.
2. It binds peoples and States.

Article 2: Duties of States
States shall cooperate to realize the right to international solidarity.

Article 3
Everyone may take part.

Article 4
States shall report on their cooperation.

Article 5: Reviews
States shall review this declaration every ten years.
"""
SECOND = FIRST.replace(
    "States shall cooperate to realize",
    "States shall cooperate in good faith with international organizations to realize",
).replace("\nArticle 5: Reviews\nStates shall review this declaration every ten years.\n", "")
ON_ARTICLE_2 = "Cooperation should include international organizations."
PROPOSAL = "States shall cooperate with international organizations to realize the right."
ON_ARTICLE_5 = "A ten-year review is too rare."


def _published_versions(platform) -> list[dict]:
    with urllib.request.urlopen(platform["url"] + "/api/v1/declaration/versions") as response:
        return json.load(response)


def _import(page, label: str, text: str, *, publish: bool) -> str:
    page.goto("/declaration/versions/")
    page.get_by_role("link", name="Import a version").click()
    page.get_by_label("Label of the version").fill(label)
    page.get_by_label("Text file").set_input_files(
        {"name": "draft.txt", "mimeType": "text/plain", "buffer": text.encode()}
    )
    if publish:
        page.get_by_label("Publish it now and open it for comments").check()
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/declaration/versions/*/")
    return page.url


def _comment_with_the_keyboard(page, on: str, body: str, proposal: str = "") -> None:
    page.get_by_label("Your comment is on").select_option(label=on)
    page.get_by_label("Your comment is on").focus()
    page.keyboard.press("Tab")
    page.keyboard.type(body)
    page.keyboard.press("Tab")
    page.keyboard.type(proposal)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Your comment is published.").wait_for()


def test_comments_on_the_draft_declaration_follow_the_text_from_version_to_version(
    page, browser, platform
):
    before = len(_published_versions(platform))  # the demo's versions
    first, second = before + 1, before + 2

    # The secretariat imports the draft and opens it for comments.
    sign_in(page, platform, "secretariat")
    url = _import(page, "Consultation draft", FIRST, publish=True)
    assert url.endswith(f"/declaration/versions/{first}/")
    assert page.get_by_text("Open for comments").first.is_visible()
    assert page.get_by_role("heading", name="Article 5: Reviews").is_visible()

    # A State's focal point comments from a phone, with the keyboard only.
    phone = browser.new_context(
        base_url=platform["url"],
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    participant = phone.new_page()
    sign_in(participant, platform, "focal_point")
    navigation = participant.get_by_role("navigation", name="Main")
    navigation.get_by_role("button", name="Menu").click()  # folded on a phone
    navigation.get_by_role("link", name="Draft declaration").click()
    # The demo's comments on article 2 came along with the earlier versions: any count.
    participant.get_by_role("link", name=re.compile(r"^Article 2: [0-9]+ comments?$")).click()
    participant.wait_for_url(f"**/declaration/versions/{first}/art_2/")
    _comment_with_the_keyboard(participant, "Article 2", ON_ARTICLE_2, PROPOSAL)
    comment = participant.locator("li.comment").filter(has_text=ON_ARTICLE_2)
    assert comment.is_visible()
    assert "Proposed wording:" in comment.inner_text() and PROPOSAL in comment.inner_text()
    width = participant.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px phone"
    screenshot(participant, "declaration-comment-on-a-phone")
    participant.goto(f"/declaration/versions/{first}/art_5/")
    _comment_with_the_keyboard(participant, "Article 5", ON_ARTICLE_5)
    phone.close()

    # The secretariat imports the next version, reads it, and publishes it.
    url = _import(page, "Revised draft", SECOND, publish=False)
    assert url.endswith(f"/declaration/versions/{second}/")
    page.get_by_role("button", name="Publish this version").click()
    page.get_by_text(f"Version {second} is published and open for comments.").wait_for()

    # The compare view shows what changed, article by article.
    page.goto("/declaration/versions/")
    page.get_by_label("From version").select_option(str(first))
    page.get_by_label("to version").select_option(str(second))
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/declaration/compare/**")
    article_2 = page.locator("#change-art_2")
    assert "changed" in article_2.get_by_role("heading").inner_text()
    assert article_2.locator("ins").inner_text().strip() == (
        "in good faith with international organizations"
    )
    article_5 = page.locator("#change-art_5")
    assert "removed" in article_5.get_by_role("heading").inner_text()
    assert "every ten years" in article_5.locator("del").inner_text()
    screenshot(page, "declaration-compare")

    # The comment on article 2 is carried forward, shown as made on the earlier version.
    page.goto(f"/declaration/versions/{second}/art_2/")
    carried = page.locator("li.comment").filter(has_text=ON_ARTICLE_2)
    assert carried.is_visible()
    assert f"made on version {first}" in carried.inner_text()
    # The comment on article 5 stays with the version it was made on.
    page.goto(f"/declaration/versions/{second}/")
    assert page.get_by_role("heading", name="Article 5: Reviews").count() == 0
    assert ON_ARTICLE_5 not in page.content()
    page.goto(f"/declaration/versions/{first}/art_5/")
    assert page.locator("li.comment").filter(has_text=ON_ARTICLE_5).is_visible()
    assert page.get_by_text(f"the text under consultation is version {second}").is_visible()
    assert page.console_errors == []
