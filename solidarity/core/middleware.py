"""Refuse requests no page can answer, before they reach a view."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, UnreadablePostError
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _


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
            # Answered before LocaleMiddleware: in the language the address asks for.
            with translation.override(translation.get_language_from_request(request, True)):
                return HttpResponseBadRequest(
                    _("The address contains a NUL character."),
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)


class PrivateWhenSignedIn:
    """Tell browsers and shared caches to keep no copy of what a signed-in person is shown.

    A draft, a review thread, the account page or the audit trail must not stay
    in a shared computer's browser cache or a proxy's (ASVS 8.2.1): every answer
    to a signed-in request is ``Cache-Control: private, no-store`` (with
    Django's ``never_cache`` headers). Static files never get here (WhiteNoise
    answers them first), and anonymous answers keep their own headers, so the
    public pages, API and exports stay cacheable. A request without a session
    cookie is not looked up, so its answer gains no ``Vary: Cookie``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            add_never_cache_headers(response)
        return response


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


FORM_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})


class _WholeBody:
    """The request body, which must arrive to its announced length.

    A server reading from a visitor who hung up gives the bytes that came and
    then an end; this says it is an unreadable body, as a failed read would.
    """

    def __init__(self, stream, length: int):
        self._stream = stream
        self._left = length

    def _counted(self, chunk: bytes, size) -> bytes:
        self._left -= len(chunk)
        if not chunk and self._left > 0 and size != 0:
            raise OSError(f"The request body ended {self._left} bytes before its announced end.")
        return chunk

    def read(self, size=-1, /) -> bytes:
        return self._counted(self._stream.read(size), size)

    def readline(self, size=-1, /) -> bytes:
        return self._counted(self._stream.readline(size), size)

    def __getattr__(self, name):
        # Everything else a server's stream offers (close, seekable, ...) is the stream's own.
        return getattr(self._stream, name)


class RefuseIncompleteBodies:
    """Refuse a form whose body stopped short (a dropped connection) with 400, never half-read.

    Django reads a body that ends early as if it were whole: the fields that
    arrived, and as much of a document as came. A view would then store a cut
    file or a cut text. The form is read here, as the CSRF check would read it,
    and an unreadable one is answered at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > 0 and hasattr(request, "_stream"):
            request._stream = _WholeBody(request._stream, length)
            if request.method == "POST" and request.content_type in FORM_TYPES:
                try:
                    request.POST  # noqa: B018 (read now, refused now)
                except UnreadablePostError:
                    for handler in request.upload_handlers:
                        handler.upload_interrupted()  # the part of a document that came
                    return HttpResponseBadRequest(
                        _("The form did not arrive whole; nothing was saved. Send it again."),
                        content_type="text/plain; charset=utf-8",
                    )
        return self.get_response(request)
