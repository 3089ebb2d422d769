"""Public pages rendered once and served from the cache until what they show changes.

A resolution, a State's page, a practice and the catalogue's first page change
only when their data does, yet rendering them costs 5-10 ms of templates. A
view decorated with :func:`public_page` is rendered once per language and kept
in Django's cache (Redis when ``REDIS_URL`` is set, local memory otherwise)
under a key made of:

- the page (scheme, host, path: the language prefix is part of it) and the
  active language;
- the current token of each *subject* the page shows (``resolution:<symbol>``,
  ``state:<ISO3>``, ``practices``, ...), read from the database in one small
  query (:class:`~solidarity.core.models.PageRevision`);
- the release (the platform's files and the static files' manifest, so a new
  version never serves a page naming old templates or old asset addresses),
  the database, and the day (a visit request shows how long it has been
  pending).

A service that changes what a subject shows calls :func:`changed` inside its
transaction: the subject gets a new token, so every page showing it has a new
key from the commit on, in every process and on every machine; nothing has to
be found and deleted, and the old copies expire. The tokens live in the
database rather than the cache because a command, a job consumer or a second
web worker without Redis each has a local cache of its own: a token there
would be bumped for that process only.

Only what is the same for every visitor is kept: answers to anonymous GET or
HEAD requests without a query string (no session or message cookie), of
status 200, that set no cookie, did not use the CSRF token and do not say
``private`` or ``no-store``. Anything else is rendered as before. What the
middleware adds (security and CSP headers, ``Content-Language``, ``Vary``, the
rate limit) runs on every request, cached or not, since only the view's own
answer is kept.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Iterable
from functools import lru_cache, wraps
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age
from django.utils.translation import get_language

import solidarity
from solidarity.core.models import PageRevision

# A page kept longer than a day is rendered again anyway (the key names the day).
TIMEOUT = 24 * 3600

# Subjects shown by many pages.
STATES = "states"  # the States: names, regional groups, Council seats
PRACTICES = "practices"  # the published good practices and their vocabulary
ROLL_CALLS = "roll-calls"  # every recorded vote (agreement and partners of every State)
CITED_DOCUMENTS = "cited-documents"  # the mandate's documents a resolution's page links to
# Shown by every kept page: renewed by `solidarity renew_pages` and by a restore, for
# records changed outside the services.
EVERY_PAGE = "every-page"


def resolution(symbol: str) -> str:
    """The subject of one resolution's page: its text, vote, tasks, series."""
    return f"resolution:{symbol}"


def state(iso3: str) -> str:
    """The subject of one State's page: every section of its record."""
    return f"state:{iso3}"


def changed(*subjects: str) -> None:
    """Every page showing one of ``subjects`` is rendered again at its next request.

    Call it inside the transaction that makes the change: the new token is
    committed with it (or not at all).
    """
    wanted = sorted(set(subjects))
    if not wanted:
        return
    token = uuid.uuid4().hex
    _write([(subject, token) for subject in wanted])


def follow(subject: str, leader: str) -> None:
    """Pages naming ``subject`` change whenever ``leader`` does, and when it follows another.

    For what many pages show and changes often: each member's page of a series lists
    the series, and renewing every member's subject at each new member wrote as many
    rows as the series has members. A member's page names a subject that follows
    the series' own: one row when a resolution joins a series, one when the series
    changes. The follower's row holds its leader's name as its token. Call it inside
    the transaction that makes the change.
    """
    _write([(subject, leader)])


def _write(rows: list[tuple[str, str]]) -> None:
    """Insert or replace (subject, token) rows, with a plain cursor: storing a resolution
    writes three or four, and the ORM's upsert cost 0.2-0.3 ms each to build."""
    table = connection.ops.quote_name(PageRevision._meta.db_table)
    values = ", ".join(["(%s, %s)"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (subject, token) VALUES {values} "
            "ON CONFLICT (subject) DO UPDATE SET token = excluded.token",
            [value for row in rows for value in row],
        )


def public_page(subjects: Callable[..., Iterable[str]]):
    """Serve the decorated view from the cache for anonymous visitors.

    ``subjects(*args, **kwargs)`` (the view's own arguments, without the
    request) names what the page shows.
    """

    def decorate(view):
        @wraps(view)
        def page(request: HttpRequest, *args, **kwargs):
            if not same_for_everyone(request):
                return view(request, *args, **kwargs)
            key = page_key(request, subjects(*args, **kwargs))
            kept = cache.get(key)
            if kept is not None:
                # As the rendering would have: the session is asked who is there
                # (nobody), so the answer varies by cookie like a rendered one.
                request.user.is_authenticated  # noqa: B018
                content, headers = kept
                return HttpResponse(content, headers=headers)
            response = view(request, *args, **kwargs)
            if keepable(request, response):
                cache.set(key, (response.content, dict(response.headers)), TIMEOUT)
            return response

        return page

    return decorate


def same_for_everyone(request: HttpRequest) -> bool:
    """Whether the answer to ``request`` is the page every anonymous visitor sees."""
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def keepable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the view's answer may be given to the next anonymous visitor."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a form with this visitor's token
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control and get_max_age(response) != 0


def page_key(request: HttpRequest, subjects: Iterable[str]) -> str:
    names = sorted({EVERY_PAGE, *subjects})
    tokens = revision_tokens(names)
    state = hashlib.blake2b(
        "|".join(f"{name}={tokens.get(name, '')}" for name in names).encode(), digest_size=12
    ).hexdigest()
    where = quote(f"{request.scheme}://{request.get_host()}{request.path}", safe="/:")
    day = timezone.localdate().isoformat()
    return f"page:{release()}:{day}:{get_language()}:{state}:{where}"


def revision_tokens(subjects: list[str]) -> dict[str, str]:
    """The current token of each subject that has changed at least once.

    A subject that follows another (:func:`follow`) has its leader's name and
    current token, read in the same query.

    Asked with a plain cursor: building the query through the ORM cost more
    than running it (0.3-1 ms of the 2-2.5 ms a kept page takes in one process).
    """
    if not subjects:
        return {}
    table = connection.ops.quote_name(PageRevision._meta.db_table)
    marks = ", ".join(["%s"] * len(subjects))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT page.subject, page.token || ':' || COALESCE(leader.token, '') "
            f"FROM {table} page LEFT JOIN {table} leader ON leader.subject = page.token "
            f"WHERE page.subject IN ({marks})",
            subjects,
        )
        return dict(cursor.fetchall())


def release() -> str:
    """A name for this version of the platform, its static files and its database."""
    return _release(str(connection.settings_dict.get("NAME")), str(settings.STATIC_ROOT))


@lru_cache(maxsize=8)
def _release(database: str, static_root: str) -> str:
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{solidarity.__version__}|{database}".encode())
    package = Path(solidarity.__file__).resolve().parent
    for root, _dirs, files in sorted(os.walk(package)):
        for name in sorted(files):
            if name.endswith((".py", ".html", ".txt", ".mo")):
                found = os.stat(os.path.join(root, name))
                digest.update(f"{root}/{name}:{found.st_mtime_ns}:{found.st_size}".encode())
    manifest = Path(static_root) / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()
