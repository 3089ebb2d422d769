"""Browser tests: the platform started as a person starts it, driven by Debian's chromium.

The server is the real thing (``solidarity migrate``, ``demo``, ``serve``) on a
fresh SQLite database in a temporary folder; Playwright drives /usr/bin/chromium
(Playwright's own browser download is not used).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from e2e.server import running_platform

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RESULTS = Path(__file__).resolve().parent.parent / "test-results"


@pytest.fixture(scope="session")
def platform(tmp_path_factory):
    """A running Solidarity with its demo data; yields its base URL and demo accounts."""
    with running_platform(tmp_path_factory.mktemp("var")) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        raise RuntimeError(f"browser tests need Debian's chromium at {CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, platform):
    context = browser.new_context(base_url=platform["url"], viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.console_errors = errors
    yield page
    RESULTS.mkdir(exist_ok=True)
    context.close()


def screenshot(page, name: str) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page, platform, role: str) -> None:
    """Sign in through the home page as the demo account of a role."""
    email, password = platform["accounts"][role]
    page.goto("/")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/desk/")


def sign_out(page) -> None:
    """Sign out from the header and wait for the signed-out header."""
    account = page.get_by_role("navigation", name="Your account")
    account.get_by_role("button", name="Sign out").click()
    account.get_by_role("link", name="Sign in").wait_for()


def fill_a_practice(
    page,
    *,
    title: str,
    summary: str,
    done: str,
    started_on: str,
    level: str,
    theme: str,
    actor: str,
    country: str,
    description: str = "",
) -> None:
    """Fill what the open submit form needs to send a practice for review."""
    page.get_by_role("textbox", name="Title", exact=True).fill(title)
    page.get_by_label("Summary").fill(summary)
    if description:
        page.get_by_label("Description").fill(description)
    page.get_by_label("What was done").fill(done)
    page.get_by_label("Started on").fill(started_on)
    page.get_by_label("Level", exact=True).select_option(label=level)
    page.get_by_label(theme, exact=True).check()
    page.get_by_label("South-South cooperation", exact=True).check()
    who = page.get_by_role("group", name="Who did it")
    who.get_by_label("Actor 1: name").fill(actor)
    who.get_by_label("Actor 1: type").select_option(label="Non-governmental organization")
    where = page.get_by_role("group", name="Countries involved")
    where.get_by_label("Country 1", exact=True).select_option(label=country)
    where.get_by_label("Country 1: role").select_option(label="Beneficiary")
