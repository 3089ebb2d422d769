"""The open data's rate limit holds however many threads, processes and exports ask."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import uuid
from collections import Counter

import pytest
from django.test import Client

from solidarity.core import ratelimit

pytestmark = pytest.mark.django_db

REDIS_TEST_URL = "redis://127.0.0.1:6379/14"
# A moment well inside a window of every length used here, so no test sees two windows.
NOON = 1_800_000_000.0 + 43_200 + 30


@pytest.fixture(params=["file", "redis"])
def counter(request, settings, monkeypatch):
    """Counts kept in the SQLite file (no Redis) or in Redis, each test under its own keys."""
    monkeypatch.setattr(ratelimit, "_now", lambda: NOON)
    if request.param == "redis":
        settings.REDIS_URL = REDIS_TEST_URL
        settings.RATE_LIMIT_KEY_PREFIX = f"solidarity-test:{uuid.uuid4().hex}"
    else:
        settings.REDIS_URL = ""
    return request.param


def _fire(paths: list[str], threads: int) -> Counter:
    """Every path requested once, spread over ``threads`` clients running at once."""
    codes: Counter = Counter()
    lock = threading.Lock()
    start = threading.Barrier(threads)

    def work(share: list[str]) -> None:
        client = Client()
        start.wait()
        for path in share:
            status = client.get(path).status_code
            with lock:
                codes[status] += 1

    workers = [threading.Thread(target=work, args=(paths[n::threads],)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return codes


def test_concurrent_api_clients_get_exactly_the_rate_through(counter, settings):
    settings.API_RATE = "25/m"
    codes = _fire(["/api/v1/countries/CUB"] * 120, threads=8)
    assert codes == {200: 25, 429: 95}


def test_the_answer_past_the_rate_says_when_to_come_back(counter, settings, client):
    settings.API_RATE = "2/m"
    assert [client.get("/api/v1/countries/CUB").status_code for _ in range(2)] == [200, 200]
    refused = client.get("/api/v1/countries/CUB")
    assert refused.status_code == 429
    # NOON is 30 seconds into its minute.
    assert refused["Retry-After"] == "30"


def test_the_exports_count_with_the_api(counter, settings, client, resolution_56_4):
    settings.API_RATE = "4/m"
    served = [
        client.get("/api/v1/countries/CUB").status_code,
        client.get("/practices/?format=csv").status_code,
        client.get("/resolutions/A/HRC/RES/56/4/resolution.json").status_code,
        client.get("/practices/feed/").status_code,
    ]
    assert served == [200, 200, 200, 200]
    for path in [
        "/api/v1/countries/CUB",
        "/practices/?format=json",
        "/practices/?format=csv",
        "/resolutions/?format=csv",
        "/practices/feed/",
        "/fr/practices/feed/",
        "/resolutions/A/HRC/RES/56/4/resolution.json",
        "/resolutions/A/HRC/RES/56/4/resolution.akn.xml",
        "/resolutions/A/HRC/RES/56/4/source",
        "/countries/?format=csv",
    ]:
        response = client.get(path)
        assert response.status_code == 429, path
        assert response["Retry-After"] == "30", path
    # Pages people read are not counted.
    assert client.get("/practices/").status_code == 200
    assert client.get("/resolutions/A/HRC/RES/56/4/").status_code == 200


def test_each_client_address_has_its_own_count(counter, settings):
    settings.API_RATE = "1/m"
    first, second = Client(REMOTE_ADDR="192.0.2.1"), Client(REMOTE_ADDR="192.0.2.2")
    assert first.get("/api/v1/countries/CUB").status_code == 200
    assert first.get("/api/v1/countries/CUB").status_code == 429
    assert second.get("/api/v1/countries/CUB").status_code == 200


def test_an_ipv6_client_is_counted_by_its_64_network(counter, settings):
    settings.API_RATE = "1/m"
    assert Client(REMOTE_ADDR="2001:db8::1").get("/api/v1/countries/CUB").status_code == 200
    other_host = Client(REMOTE_ADDR="2001:db8::ffff:2")
    assert other_host.get("/api/v1/countries/CUB").status_code == 429


def test_a_forged_forwarded_for_header_does_not_escape_the_rate(counter, settings, client):
    settings.API_RATE = "2/m"
    codes = [
        client.get("/api/v1/countries/CUB", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(4)
    ]
    assert codes == [200, 200, 429, 429]


def test_behind_a_proxy_the_address_it_saw_is_counted(counter, settings):
    settings.API_RATE = "1/m"
    settings.PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    # The client wrote the first hop itself; the proxy appended the address it saw.
    assert proxy.get("/api/v1/countries/CUB", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.7")
    refused = proxy.get("/api/v1/countries/CUB", HTTP_X_FORWARDED_FOR="2.2.2.2, 198.51.100.7")
    assert refused.status_code == 429
    other = proxy.get("/api/v1/countries/CUB", HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert other.status_code == 200


_WORKER = textwrap.dedent(
    """
    import os, sys, time
    from solidarity.core import ratelimit
    rate = ratelimit.Rate(40, 3600)
    while not os.path.exists(sys.argv[2]):  # all processes start together
        time.sleep(0.001)
    allowed = sum(
        ratelimit.hit(sys.argv[1], "203.0.113.9", rate, now=float(sys.argv[3])).allowed
        for _ in range(30)
    )
    print(allowed)
    """
)


@pytest.mark.parametrize("store", ["file", "redis"])
def test_processes_counting_at_once_let_exactly_the_rate_through(store, tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SOLIDARITY_", "REDIS_"))},
        "DJANGO_SETTINGS_MODULE": "solidarity.settings",
        "SOLIDARITY_ENV": "test",
        "SOLIDARITY_VAR_DIR": str(tmp_path),
    }
    if store == "redis":
        env["REDIS_URL"] = REDIS_TEST_URL
    scope, go = f"test-{uuid.uuid4().hex}", tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, scope, str(go), str(NOON)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    go.touch()
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert all(worker.returncode == 0 for worker in workers), [err for _, err in outputs]
    # 4 processes x 30 requests, 40 allowed in the hour.
    assert sum(int(out) for out, _ in outputs) == 40
    if store == "file":
        assert (tmp_path / "ratelimit.sqlite3").exists()


def test_a_counter_that_cannot_be_reached_lets_requests_through(settings, client, caplog):
    settings.API_RATE = "1/m"
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    codes = [client.get("/api/v1/countries/CUB").status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    assert "rate-limit counter could not be reached" in caplog.text
