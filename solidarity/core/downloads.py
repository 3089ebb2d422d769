"""Serving files that people uploaded: documents of practices, sources of resolutions.

Whatever a file holds, a browser must not run it in the platform's origin. So
every upload is served:

- as an attachment (saved, not shown), unless it is an image of a type
  browsers only draw (PNG, JPEG, GIF, WebP) and its bytes say so, checked
  again here, so a row stored before documents were checked, or one whose
  type says image while its bytes are something else, is not shown either;
- with ``X-Content-Type-Options: nosniff``, so the browser keeps to the type
  we send;
- with its own Content Security Policy, ``default-src 'none'; sandbox``: even
  a file a browser did open (a PDF viewer, an HTML file saved as something
  else) loads nothing and runs no script, in a unique origin without cookies.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header

DOWNLOAD_CSP = "default-src 'none'; sandbox"
INLINE_IMAGES = ("image/png", "image/jpeg", "image/gif", "image/webp")


def image_type_of(data: bytes) -> str | None:
    """The type of an image browsers may show, read from its first bytes."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def uploaded_file_response(data: bytes, *, name: str, media_type: str) -> HttpResponse:
    """The file with the headers above; the name is quoted and encoded by Django."""
    inline = media_type in INLINE_IMAGES and image_type_of(data) == media_type
    response = HttpResponse(data, content_type=media_type)
    response["Content-Disposition"] = content_disposition_header(not inline, name)
    response["X-Content-Type-Options"] = "nosniff"
    # Set here, so the site-wide policy (which the middleware adds only when a
    # response has none) does not replace it.
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    return response
