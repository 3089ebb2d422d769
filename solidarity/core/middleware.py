"""Refuse requests no page can answer, before they reach a view."""

from django.http import HttpResponseBadRequest


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
