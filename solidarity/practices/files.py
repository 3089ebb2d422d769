"""Checking attached documents by their content, not their name. Plain Python."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ACCEPTED = "PDF, DOCX, ODT, PNG, JPEG, GIF, WebP"


class AttachmentRefused(ValueError):
    """A file that cannot be attached; the message names the file and the reason."""


@dataclass(frozen=True)
class CheckedFile:
    name: str
    media_type: str
    data: bytes


_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_ODT = "application/vnd.oasis.opendocument.text"


def _zip_document_type(data: bytes) -> str | None:
    """DOCX or ODT: both are ZIP packages, told apart by the parts they hold."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "mimetype" in names and package.read("mimetype").strip() == _ODT.encode():
                return _ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return _DOCX
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError):
        return None
    return None


def media_type_of(data: bytes) -> str | None:
    """The type of an accepted document, read from its bytes; None if not accepted."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"PK\x03\x04"):
        return _zip_document_type(data)
    return None


def check_attachment(name: str, data: bytes, *, size: int | None = None) -> CheckedFile:
    """The file, typed by its content; AttachmentRefused names it and says why."""
    name = (name or "document").replace("\\", "/").rsplit("/", 1)[-1][:255] or "document"
    size = len(data) if size is None else size
    if size > MAX_ATTACHMENT_BYTES:
        raise AttachmentRefused(
            _("%(name)s: %(size).1f MB is more than the %(limit)d MB allowed for one file.")
            % {"name": name, "size": size / 1024 / 1024, "limit": MAX_ATTACHMENT_BYTES >> 20}
        )
    if size == 0:
        raise AttachmentRefused(_("%(name)s: the file is empty.") % {"name": name})
    media_type = media_type_of(data)
    if media_type is None:
        raise AttachmentRefused(
            _(
                "%(name)s: its content is not a document of an accepted type "
                "(%(accepted)s), whatever its name says."
            )
            % {"name": name, "accepted": ACCEPTED}
        )
    return CheckedFile(name, media_type, data)
