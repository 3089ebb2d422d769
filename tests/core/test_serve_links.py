"""`solidarity serve` in development, on a port of one's choosing: the links in the
e-mails it prints lead back to that server."""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.core.test_jobs import _free_port, _Output

ROOT = Path(__file__).resolve().parents[2]


def _first_page(browser, url: str) -> str:
    """The page, once the server listens (it says so a moment before it does)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            return browser.open(url, timeout=30).read().decode()
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_sign_up_on_a_development_server_gets_a_link_back_to_that_server(tmp_path):
    env = {
        **os.environ,
        "SOLIDARITY_ENV": "development",
        "SOLIDARITY_VAR_DIR": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "SOLIDARITY_SITE_URL"):
        env.pop(name, None)
    cli = [sys.executable, "-m", "solidarity.cli"]
    subprocess.run(
        [*cli, "migrate", "--no-input"], env=env, cwd=ROOT, check=True, capture_output=True
    )
    port = _free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--no-reload", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = _Output(server)
    try:
        for started in (r"Queued jobs \(e-mail\) are run by", r"Quit the server with"):
            assert output.wait_for(started, timeout=30), "".join(output.lines)
        base = f"http://127.0.0.1:{port}"
        browser = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        page = _first_page(browser, f"{base}/fr/accounts/sign-up/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {
            "csrfmiddlewaretoken": token,
            "full_name": "Awa Diop",
            "email": "awa@example.org",
            "password": "solidarity-across-borders-2024",
            "new_organization_name": "Réseau Teranga",
            "new_organization_type": "ngo",
        }
        answer = browser.open(
            f"{base}/fr/accounts/sign-up/", urllib.parse.urlencode(form).encode(), timeout=30
        )
        assert answer.status == 200
        link = output.wait_for(r"(http\S+/accounts/verify/\S+/)", timeout=30)
        assert link, "".join(output.lines)
        assert link.group(1).startswith(f"{base}/fr/accounts/verify/")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
