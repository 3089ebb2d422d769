"""Refuse requests no page can answer, before they reach a view."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest


class RefuseNulBytes:
    """A NUL byte in the address or a parameter is never meaningful; PostgreSQL rejects it.

    Answer 400 at once, instead of a database error deep in a view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in request.GET.getlist(key))
            for key in request.GET
        ):
            return HttpResponseBadRequest(
                "The address contains a NUL character.", content_type="text/plain"
            )
        return self.get_response(request)


class RefuseOversizedBodies:
    """Refuse a request whose body is larger than any form accepts, before reading it.

    A 60 MB scan sent to a 20 MB field is answered at once with 413 and a
    sentence saying the limit, instead of after a long upload.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.SOLIDARITY_MAX_REQUEST_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return HttpResponse(
                f"The upload is {length / 1024 / 1024:.0f} MB; the platform accepts at most "
                f"{limit / 1024 / 1024:.0f} MB in one request.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
