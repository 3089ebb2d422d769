"""Every page a visitor or a member can open, checked by axe-core in English, Arabic and Chinese,
at 1280 and 390 pixels: any violation fails the page, naming the language, the width, the rule
and the elements that break it.

axe-core comes inside axe-playwright-python (no download). Its default rules run: WCAG 2.x A and
AA and axe's best practices. Each page is loaded once per language and checked at
both widths; one browser context serves a role in a language, so a role signs in once.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from e2e.conftest import fill_a_practice, sign_in

LANGUAGES = {"en": "", "ar": "/ar", "zh-hans": "/zh-hans"}
WIDTHS = (1280, 390)
OPEN_CALL = "/calls/example-solidarity-and-poverty/"
CLOSED_CALL = "/calls/example-solidarity-and-pandemics/"

# What anyone can open. {practice} is the first practice of the catalogue.
PUBLIC = [
    "/",
    "/resolutions/",
    "/resolutions/?q=solidarity",
    "/resolutions/A/HRC/RES/56/4/",
    "/countries/",
    "/countries/CUB/",
    "/countries/NOR/",
    "/practices/",
    "/practices/?q=water",
    "{practice}",
    "{practice}history/",
    "{practice}history/1/",
    "/calls/",
    OPEN_CALL,
    CLOSED_CALL,
    CLOSED_CALL + "submissions/1/",
    "/calls/search/?q=solidarity",
    "/declaration/",
    "/declaration/versions/",
    "/declaration/versions/1/",
    "/declaration/versions/2/",
    "/declaration/versions/2/art_1/",
    "/declaration/compare/",
    "/mandate/",
    "/mandate/tasks/",
    "/mandate/tasks/1/",
    "/mandate/reports/",
    "/mandate/reports/1/",
    "/mandate/documents/A/HRC/56/57/",
    "/visits/",
    "/visits/CUB/",
    "/engagements/",
    "/engagements/1/",
    "/votes/",
    "/votes/?a=CUB&b=NOR",
    "/indicators/oda/",
    "/indicators/oda/NOR/",
    "/indicators/contributions/",
    "/organizations/",
    "/organizations/civicus-world-alliance-for-citizen-participation/",
    "/accounts/login/",
    "/accounts/sign-up/",
    "/accounts/password/reset/",
    "/accounts/password/reset/sent/",
    "/no-such-page/",
]

# What each demo role opens once signed in, beyond the public pages (whose signed-in form
# differs only in the header, checked on the desk). {in_review} is a practice a contributor
# sent for review before the checks.
SIGNED_IN = {
    "secretariat": [
        "/desk/",
        "/accounts/me/",
        "/accounts/password/change/",
        "/accounts/pending/",
        "/audit/",
        "/resolutions/ingest/",
        "/practices/review/",
        "{in_review}workspace/",
        "{practice}edit/",
        "/calls/new/",
        OPEN_CALL + "edit/",
        CLOSED_CALL + "review/",
        CLOSED_CALL + "submissions/1/",
        "/declaration/versions/new/",
        "/declaration/versions/2/art_1/",
        "/mandate/tasks/1/",
        "/mandate/reports/new/",
        "/mandate/reports/1/",
        "/visits/desk/",
        "/visits/new/",
        "/visits/CUB/",
        "/engagements/new/",
        "/engagements/1/edit/",
    ],
    "reviewer": [
        "/desk/",
        "/practices/review/",
        "{in_review}workspace/",
        CLOSED_CALL + "review/",
    ],
    "focal_point": [
        "/desk/",
        "/countries/CUB/",
        OPEN_CALL + "answer/",
        "/calls/mine/",
        "/visits/CUB/answer/",
        "/declaration/versions/2/art_1/",
    ],
    "contributor": [
        "/desk/",
        "/practices/new/",
        "/practices/mine/",
        "{in_review}workspace/",
        OPEN_CALL + "answer/",
    ],
    "public": [
        "/desk/",
        "/accounts/me/",
        "/practices/new/",
    ],
}

# The pages that say no: not found, and a form a reader's role may not use.
STATUS = {"/no-such-page/": 404, ("public", "/practices/new/"): 403}

# The API reference lives outside the language prefixes; it is checked in the language it is
# served in, once per width.
UNPREFIXED = ["/api/v1/docs"]

# Elements left out of the check, each with the reason it cannot be judged by axe here.
EXCLUDED: list[list[str]] = []

CASES = [
    *(("visitor", language, path) for language in LANGUAGES for path in PUBLIC),
    *(("visitor", "en", path) for path in UNPREFIXED),
    *(
        (role, language, path)
        for role, paths in SIGNED_IN.items()
        for language in LANGUAGES
        for path in paths
    ),
]
AXE_SCRIPT = Axe().axe_script
AXE_OPTIONS = {"resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def places(browser, platform):
    """Addresses found in the running demonstration: a published practice and one in review."""
    context = browser.new_context(base_url=platform["url"])
    page = context.new_page()
    page.goto("/practices/")
    practice = page.locator(".results .result-title a").first.get_attribute("href")
    sign_in(page, platform, "contributor")
    page.goto("/practices/new/")
    fill_a_practice(
        page,
        title="Seed banks shared across borders",
        summary="Farmers of two neighbouring States share a seed bank.",
        description="Each village keeps seeds the other can borrow.",
        done="A shared seed bank was built and stocked.",
        started_on="2022-04-01",
        level="Regional",
        theme="Food insecurity",
        actor="Sahel Seed Network",
        country="Mali",
    )
    page.get_by_role("button", name="Save and send for review").click()
    page.wait_for_url("**/workspace/")
    in_review = page.url.removeprefix(platform["url"]).removesuffix("workspace/")
    context.close()
    return {"practice": practice, "in_review": in_review}


@pytest.fixture(scope="module")
def tab(browser, platform):
    """A page for a role and a language, one browser context open at a time: the cases come
    grouped, so each role signs in once and each context serves all its pages."""
    sessions: dict[str, dict] = {}
    current: dict = {}

    def open_tab(role: str, language: str):
        if current.get("key") != (role, language):
            if current:
                current["context"].close()
            if role != "visitor" and role not in sessions:
                context = browser.new_context(base_url=platform["url"])
                sign_in(context.new_page(), platform, role)
                sessions[role] = context.storage_state()
                context.close()
            context = browser.new_context(
                base_url=platform["url"],
                viewport={"width": WIDTHS[0], "height": 900},
                storage_state=sessions.get(role),
            )
            current.update(key=(role, language), context=context, page=context.new_page())
        return current["page"]

    yield open_tab
    if current:
        current["context"].close()


def violations_at(page, width: int) -> list[dict]:
    """axe-core's violations with the page laid out at ``width`` pixels (the layout follows
    the width through CSS alone, so resizing lays it out as a load at that width would)."""
    page.set_viewport_size({"width": width, "height": 900})
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => done()))")
    context = {"exclude": EXCLUDED}
    return page.evaluate(
        "([context, options]) => axe.run(context, options)", [context, AXE_OPTIONS]
    )["violations"]


def describe(violations: list[dict], width: int) -> list[str]:
    lines = []
    for violation in violations:
        lines.append(
            f"at {width} px: {violation['id']} ({violation['impact']}): {violation['help']}"
        )
        for node in violation["nodes"]:
            target = " ".join(" >> ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    {target}: {node['failureSummary'].replace(chr(10), ' ')}")
    return lines


@pytest.mark.parametrize(
    ("role", "language", "path"),
    CASES,
    ids=[f"{role}-{language}-{path}" for role, language, path in CASES],
)
def test_the_page_has_no_accessibility_violation_at_either_width(tab, places, role, language, path):
    page = tab(role, language)
    address = LANGUAGES[language] + path.format(**places)
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    response = page.goto(address)
    expected = STATUS.get((role, path), STATUS.get(path, 200))
    assert response is not None and response.status == expected, f"{address}: {response}"
    page.evaluate(AXE_SCRIPT)
    report = [line for width in WIDTHS for line in describe(violations_at(page, width), width)]
    assert not report, f"{address} as {role} in {language} breaks axe rules:\n" + "\n".join(report)


def test_the_api_explorer_has_no_accessibility_violation_once_a_request_is_tried(browser, platform):
    """Swagger UI draws the explorer in the browser, so it is checked as a person leaves it:
    opened, an operation tried and its answer shown (everything drawn on the way stays)."""
    context = browser.new_context(
        base_url=platform["url"], viewport={"width": WIDTHS[0], "height": 900}
    )
    page = context.new_page()
    page.goto("/api/v1/docs")
    page.get_by_text("Open the interactive explorer").click()
    page.locator(
        "#swagger-ui .opblock-summary-control",
        has=page.locator(".opblock-summary-path[data-path='/api/v1/countries/{iso3}']"),
    ).click()
    page.get_by_role("button", name="Try it out").click()
    page.locator("#swagger-ui .parameters input").first.fill("CUB")
    page.get_by_role("button", name="Execute").click()
    page.locator("#swagger-ui .live-responses-table").wait_for()
    page.get_by_role("button", name="Copy to clipboard").first.wait_for(state="attached")
    page.evaluate(AXE_SCRIPT)
    report = [line for width in WIDTHS for line in describe(violations_at(page, width), width)]
    context.close()
    assert not report, "the API explorer breaks axe rules:\n" + "\n".join(report)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_main_menu_opened_on_a_phone_has_no_accessibility_violation(
    browser, platform, language
):
    """At 390 pixels the main navigation folds behind its Menu button; the page checks above
    see it folded, so here it is opened."""
    context = browser.new_context(base_url=platform["url"], viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(LANGUAGES[language] + "/practices/")
    page.locator(".main-nav .menu-toggle").click()
    page.locator(".main-nav ul a").last.wait_for()
    page.evaluate(AXE_SCRIPT)
    report = describe(violations_at(page, 390), 390)
    context.close()
    assert not report, f"the opened menu in {language} breaks axe rules:\n" + "\n".join(report)
