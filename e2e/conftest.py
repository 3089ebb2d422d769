"""Browser tests: the platform started as a person starts it, driven by Debian's chromium.

The server is the real thing (``solidarity migrate``, ``demo``, ``serve``) on a
fresh SQLite database in a temporary folder; Playwright drives /usr/bin/chromium
(Playwright's own browser download is not used).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

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
SOLIDARITY = str(Path(sys.executable).with_name("solidarity"))
RESULTS = Path(__file__).resolve().parent.parent / "test-results"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def platform(tmp_path_factory):
    """A running Solidarity with its demo data; yields its base URL and demo accounts."""
    var = tmp_path_factory.mktemp("var")
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "SOLIDARITY_ENV": "test",
        "SOLIDARITY_VAR_DIR": str(var),
    }
    subprocess.run([SOLIDARITY, "migrate", "--no-input"], env=env, check=True, capture_output=True)
    subprocess.run([SOLIDARITY, "demo"], env=env, check=True, capture_output=True)
    port = _free_port()
    log = open(var / "server.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [SOLIDARITY, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-reload"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base_url + "/health/", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError((var / "server.log").read_text()) from None
            time.sleep(0.3)
    accounts = {}
    for line in (var / "demo-credentials.txt").read_text().splitlines():
        role, email, _label, password = line.split()
        accounts[role] = (email, password)
    yield {"url": base_url, "accounts": accounts}
    server.terminate()
    server.wait(timeout=20)
    log.close()


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
