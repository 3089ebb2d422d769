"""The floor ``benchmarks/over_http.py`` measures the platform against: bare Django views.

The platform's own settings (the same database, the same production
environment), but no middleware and a URL configuration of two views, each one
``.values()`` query turned into JSON by ``JsonResponse``:

- ``/countries``: the 195 States with the fields and order of ``/api/v1/countries``
  (the same bytes: that list comes out in the order of the code, ``iso3``);
- ``/countries/<iso3>``: one of them.

Served by gunicorn as a WSGI application: ``gunicorn benchmarks.bare_view``.
"""

from __future__ import annotations

import os

import django
from django.conf import settings

os.environ.setdefault("SOLIDARITY_ENV", "production")

if not settings.configured:
    from solidarity import settings as platform

    values = {name: getattr(platform, name) for name in dir(platform) if name.isupper()}
    values |= {"MIDDLEWARE": [], "ROOT_URLCONF": __name__}
    settings.configure(**values)
django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import Http404, JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402

from solidarity.countries.models import Country  # noqa: E402

FIELDS = ("iso3", "iso2", "un_name", "status", "regional_group")


def countries(request):
    return JsonResponse(list(Country.objects.order_by("iso3").values(*FIELDS)), safe=False)


def country(request, iso3: str):
    row = Country.objects.filter(iso3=iso3.upper()).values(*FIELDS).first()
    if row is None:
        raise Http404
    return JsonResponse(row)


def health(request):
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("countries", countries),
    path("countries/<str:iso3>", country),
    path("health/", health),
]

application = get_wsgi_application()
