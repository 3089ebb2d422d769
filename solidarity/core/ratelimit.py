"""How often one client may do something, counted atomically across processes.

A limit is a fixed window: ``300/m`` lets a client address make 300 requests
in each minute of the clock, and the 301st is answered 429 with
``Retry-After`` (the seconds left in the minute). Each request is one atomic
operation on a counter shared by every process:

- with ``REDIS_URL``: one Lua script (``INCR``, and ``EXPIRE`` on the first
  hit of a window), so no two processes read the same count (Redis runs
  scripts one at a time);
- without: one ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` on a small
  SQLite file (``RATE_LIMIT_PATH``, under var/), which SQLite's write lock
  makes atomic for every process and thread of this machine. Machines that
  share a database but not Redis would each count apart: production requires
  ``REDIS_URL`` (settings).

Django's cache was not used: its local-memory backend is per process (three
workers let three times the limit through), and ``incr`` on the other
backends is a read followed by a write. A fixed window may let a client make
twice the limit across the boundary of two windows; it never lets more through
in one window, however many processes serve it.

If the counter cannot be reached (Redis down, the file unwritable) the request
is served and the failure logged: a limit protects the service, and failing
closed would take the service down with its counter.

Counted here: the API (``DataRateThrottle``), and every address that serves
the same data outside it (``LimitDataExports``): any ``?format=`` (catalogue
CSV and JSON, resolutions CSV), the Atom feeds and the downloads named in
``DOWNLOADS``. They share one count per client address.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import random
import sqlite3
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja.throttling import BaseThrottle

from solidarity.environment import parse_rate

log = logging.getLogger(__name__)

# The count that the API, exports, feeds and downloads share.
DATA_SCOPE = "data"

# Views that serve the platform's data as files, outside the API. Any request
# with a ``format`` parameter is counted too.
DOWNLOADS = frozenset(
    {
        "practices:feed",
        "practices:attachment",
        "resolutions:json",
        "resolutions:akn",
        "resolutions:source",
    }
)


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        return _parse(text)


@lru_cache(maxsize=32)
def _parse(text: str) -> Rate:
    return Rate(*parse_rate(text))


@dataclass(frozen=True)
class Decision:
    allowed: bool
    count: int
    retry_after: int  # whole seconds until the window ends


def _now() -> float:
    return time.time()


def hit(scope: str, ident: str, rate: Rate, *, now: float | None = None) -> Decision:
    """Count one request of ``ident`` in ``scope`` and say whether it is within ``rate``."""
    now = _now() if now is None else now
    slot = int(now // rate.seconds)
    retry_after = max(1, math.ceil((slot + 1) * rate.seconds - now))
    try:
        count = _counter().incr(f"{scope}:{rate.seconds}:{ident}", slot, rate.seconds)
    except Exception:
        log.exception("The rate-limit counter could not be reached; the request is served.")
        return Decision(True, 0, retry_after)
    return Decision(count <= rate.count, count, retry_after)


def undo(scope: str, ident: str, rate: Rate, *, now: float | None = None) -> None:
    """Take back one count of the current window (an attempt that turned out well)."""
    now = _now() if now is None else now
    try:
        _counter().decr(f"{scope}:{rate.seconds}:{ident}", int(now // rate.seconds))
    except Exception:
        log.exception("The rate-limit counter could not be reached.")


def forwarded_address(request) -> str:
    """The address a request comes from, read behind ``PROXY_COUNT`` proxies only.

    X-Forwarded-For is read that many hops from its end, the part our own
    proxies wrote; what a client sends in it is never used. (django-axes reads
    it here too, for its lock of one e-mail from one address.)
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if hops:
            address = hops[-min(proxies, len(hops))]
    return address


def client_address(request) -> str:
    """The client counted by a limit: ``forwarded_address``, with IPv6 addresses
    counted by their /64 network, which one subscriber holds whole."""
    address = forwarded_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def data_rate() -> Rate:
    return Rate.parse(settings.API_RATE)


def too_many_requests(decision: Decision) -> HttpResponse:
    response = HttpResponse(
        _("Too many requests from your address. Try again in %(seconds)s seconds.")
        % {"seconds": decision.retry_after},
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(decision.retry_after)
    return response


class DataRateThrottle(BaseThrottle):
    """The API's limit: ``API_RATE`` per client address, shared with the exports.

    django-ninja asks ``wait()`` right after ``allow_request()``, on the same
    throttle object that every request thread shares: the answer is kept per
    thread.
    """

    def __init__(self) -> None:
        self._waits = threading.local()

    def allow_request(self, request) -> bool:
        decision = hit(DATA_SCOPE, client_address(request), data_rate())
        self._waits.retry_after = decision.retry_after
        return decision.allowed

    def wait(self) -> float | None:
        return getattr(self._waits, "retry_after", None)


class LimitDataExports:
    """Counts the exports, feeds and downloads with the API, per client address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "api" in match.namespaces:  # the API counts its own requests
            return None
        if not (request.GET.get("format") or match.view_name in DOWNLOADS):
            return None
        decision = hit(DATA_SCOPE, client_address(request), data_rate())
        return None if decision.allowed else too_many_requests(decision)


# Counters -------------------------------------------------------------------


def _counter():
    if settings.REDIS_URL:
        return _redis_counter(settings.REDIS_URL, settings.RATE_LIMIT_KEY_PREFIX)
    return _FileCounter(Path(settings.RATE_LIMIT_PATH))


_INCR = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""
_DECR = """
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end
return 0
"""


class _RedisCounter:
    def __init__(self, url: str, prefix: str):
        import redis

        # A counter that does not answer within half a second is treated as down.
        client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self.prefix = prefix
        self.incr_script = client.register_script(_INCR)
        self.decr_script = client.register_script(_DECR)

    def incr(self, key: str, slot: int, seconds: int) -> int:
        # One round trip (EVALSHA), run by Redis as one operation.
        return int(self.incr_script(keys=[f"{self.prefix}:{key}:{slot}"], args=[seconds + 1]))

    def decr(self, key: str, slot: int) -> None:
        self.decr_script(keys=[f"{self.prefix}:{key}:{slot}"])


@lru_cache(maxsize=4)
def _redis_counter(url: str, prefix: str) -> _RedisCounter:
    return _RedisCounter(url, prefix)


_connections = threading.local()


class _FileCounter:
    """Counts in an SQLite file, one connection per thread and file."""

    UPSERT = (
        "INSERT INTO counts (key, slot, expires, n) VALUES (?, ?, ?, 1) "
        "ON CONFLICT (key) DO UPDATE SET "
        # A process whose clock is a little behind counts in the current window.
        "n = CASE WHEN excluded.slot <= counts.slot THEN counts.n + 1 ELSE 1 END, "
        "slot = max(counts.slot, excluded.slot), expires = max(counts.expires, excluded.expires) "
        "RETURNING n"
    )

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connection(self) -> sqlite3.Connection:
        path = self.path
        connections: dict[Path, sqlite3.Connection] = _connections.__dict__.setdefault("open", {})
        connection = connections.get(path)
        if connection is None:
            while len(connections) >= 4:  # tests point each at a file of its own
                connections.pop(next(iter(connections))).close()
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=5, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            # Counts of the current minute: losing them with the machine costs nothing.
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS counts (key TEXT PRIMARY KEY, slot INTEGER NOT NULL, "
                "expires REAL NOT NULL, n INTEGER NOT NULL) WITHOUT ROWID"
            )
            connections[path] = connection
        return connection

    def incr(self, key: str, slot: int, seconds: int) -> int:
        connection = self._connection()
        # fetchall: the statement is finished, and the write lock let go, at once.
        ((count,),) = connection.execute(self.UPSERT, (key, slot, (slot + 1) * seconds)).fetchall()
        if count == 1 and random.random() < 0.01:
            connection.execute("DELETE FROM counts WHERE expires < ?", (time.time(),))
        return count

    def decr(self, key: str, slot: int) -> None:
        self._connection().execute(
            "UPDATE counts SET n = n - 1 WHERE key = ? AND slot = ? AND n > 0", (key, slot)
        )
