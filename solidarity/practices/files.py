"""Checking attached documents by their content, not their name. Plain Python.

A document is typed by its bytes, and hostile ones are refused here, before
anything is stored or shown to a reviewer:

- DOCX and ODT are ZIP packages, and a ZIP can expand a thousandfold (1 GiB of
  zeros fits in 1 MB). No part is ever read whole: the end record is read
  before the directory (so a directory of a million tiny parts is never
  built), then the declared sizes are checked, then every part is expanded in
  chunks of 64 KiB, counting, so memory stays at one chunk whatever the
  package claims. A package is refused when it has more than
  ``ATTACHMENT_MAX_ARCHIVE_MEMBERS`` parts (2,000), when one part expands past
  ``ATTACHMENT_MAX_MEMBER_BYTES`` (100 MiB) or all of them past
  ``ATTACHMENT_MAX_EXPANDED_BYTES`` (200 MiB), declared or actual, when a
  part is encrypted or compressed otherwise than stored or deflated (the only
  methods DOCX and ODT use), or when a part does not match its checksum (a
  declared size that lies). Each limit can be changed in Django settings under
  its name.
- PDF: one that carries JavaScript, actions run on opening or viewing (/AA),
  launch actions, embedded files, rich media or XFA forms is refused (see
  ``_pdf_active_content``).
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import struct
import zipfile
import zlib
from collections import deque
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from solidarity.core.downloads import image_type_of

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ACCEPTED = "PDF, DOCX, ODT, PNG, JPEG, GIF, WebP"

# ZIP packages (DOCX, ODT). A real document has tens of parts, rarely hundreds,
# and expands to a few times its size; these leave ten times the room of a
# 20 MB upload and refuse a bomb long before it costs memory (never more than
# one chunk is held) or much time (expanding 200 MiB of deflate takes well
# under a second).
MAX_ARCHIVE_MEMBERS = 2_000
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_EXPANDED_BYTES = 200 * 1024 * 1024
_CHUNK = 64 * 1024
# zipfile builds an object per entry of the directory, and counts entries by
# walking the directory's bytes, whatever the end record says; so the
# directory's size is bounded too (names, extra fields and comments included).
_DIRECTORY_BYTES_PER_MEMBER = 1024


@dataclass(frozen=True)
class ArchiveLimits:
    members: int
    member_bytes: int
    expanded_bytes: int


def archive_limits() -> ArchiveLimits:
    """The limits in force: the defaults above unless Django settings change them."""
    return ArchiveLimits(
        members=getattr(settings, "ATTACHMENT_MAX_ARCHIVE_MEMBERS", MAX_ARCHIVE_MEMBERS),
        member_bytes=getattr(settings, "ATTACHMENT_MAX_MEMBER_BYTES", MAX_MEMBER_BYTES),
        expanded_bytes=getattr(settings, "ATTACHMENT_MAX_EXPANDED_BYTES", MAX_EXPANDED_BYTES),
    )


class AttachmentRefused(ValueError):
    """A file that cannot be attached; the message names the file and the reason."""


@dataclass(frozen=True)
class CheckedFile:
    name: str
    media_type: str
    data: bytes


_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_ODT = "application/vnd.oasis.opendocument.text"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:g}"


def _shown(member: str) -> str:
    """A part's name as it may appear in a message: printable and short."""
    text = "".join(c if c.isprintable() else "?" for c in member)
    return text if len(text) <= 80 else text[:77] + "..."


_EOCD = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")


def _directory_extent(data: bytes) -> tuple[int, int] | None:
    """(entries, bytes) of the central directory as the end record declares them.

    Read the way zipfile finds the end record (the last signature within the
    comment's reach), so the sizes checked are those zipfile will use.
    """
    start = data.rfind(b"PK\x05\x06", max(0, len(data) - _EOCD.size - 0xFFFF))
    if start < 0 or len(data) - start < _EOCD.size:
        return None
    fields = _EOCD.unpack_from(data, start)
    entries, size = fields[4], fields[5]
    locator = start - _ZIP64_LOCATOR.size
    if locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        offset = _ZIP64_LOCATOR.unpack_from(data, locator)[2]
        if offset + _ZIP64_EOCD.size <= len(data) and data[offset : offset + 4] == b"PK\x06\x06":
            zip64 = _ZIP64_EOCD.unpack_from(data, offset)
            entries, size = max(entries, zip64[7]), max(size, zip64[8])
    return entries, size


def _expand(package: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> int:
    """How many bytes the part expands to, reading 64 KiB at a time and stopping
    as soon as the budget is passed (zipfile itself stops at the declared size,
    and the checksum then fails when the declaration lied)."""
    expanded = 0
    with package.open(info) as member:
        while chunk := member.read(_CHUNK):
            expanded += len(chunk)
            if expanded > budget:
                break
    return expanded


def _head(package: zipfile.ZipFile, member: str, size: int) -> bytes:
    with package.open(member) as part:
        return part.read(size)


def _zip_document_type(name: str, data: bytes) -> str | None:
    """DOCX or ODT: both are ZIP packages, told apart by the parts they hold.

    None when the bytes are not such a package; AttachmentRefused when they are
    one (or claim to be) that passes the limits of ``archive_limits``.
    """
    limits = archive_limits()
    extent = _directory_extent(data)
    if extent is None:
        return None
    entries, directory_bytes = extent

    def too_many() -> AttachmentRefused:
        return AttachmentRefused(
            _("%(name)s: the package holds more than %(limit)d parts.")
            % {"name": name, "limit": limits.members}
        )

    def too_big(member: str) -> AttachmentRefused:
        return AttachmentRefused(
            _("%(name)s: its part %(member)s expands to more than %(limit)s MB.")
            % {"name": name, "member": _shown(member), "limit": _mb(limits.member_bytes)}
        )

    def too_big_in_all() -> AttachmentRefused:
        return AttachmentRefused(
            _("%(name)s: its parts expand to more than %(limit)s MB in all.")
            % {"name": name, "limit": _mb(limits.expanded_bytes)}
        )

    if entries > limits.members or directory_bytes > limits.members * _DIRECTORY_BYTES_PER_MEMBER:
        raise too_many()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            if len(members) > limits.members:
                raise too_many()
            # What the directory declares, checked before anything is expanded.
            declared = 0
            for info in members:
                if info.flag_bits & 0x1:
                    raise AttachmentRefused(
                        _("%(name)s: its part %(member)s is encrypted and cannot be checked.")
                        % {"name": name, "member": _shown(info.filename)}
                    )
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise AttachmentRefused(
                        _(
                            "%(name)s: its part %(member)s is compressed in a way "
                            "DOCX and ODT documents do not use."
                        )
                        % {"name": name, "member": _shown(info.filename)}
                    )
                if info.file_size > limits.member_bytes:
                    raise too_big(info.filename)
                declared += info.file_size
                if declared > limits.expanded_bytes:
                    raise too_big_in_all()
            names = {info.filename for info in members}
            media_type = None
            if "mimetype" in names and _head(package, "mimetype", 256).strip() == _ODT.encode():
                media_type = _ODT
            elif "[Content_Types].xml" in names and "word/document.xml" in names:
                media_type = _DOCX
            if media_type is None:
                return None
            # What the parts really expand to: the declarations may lie.
            expanded = 0
            for info in members:
                budget = min(limits.member_bytes, limits.expanded_bytes - expanded)
                size = _expand(package, info, budget)
                if size > budget:
                    if budget < limits.member_bytes:
                        raise too_big_in_all()
                    raise too_big(info.filename)
                expanded += size
            return media_type
    except AttachmentRefused:
        raise  # a ValueError, which the last clause would take for a broken file
    except zipfile.BadZipFile as error:
        if "CRC" not in str(error):
            return None
        raise AttachmentRefused(
            _("%(name)s: the package is damaged (a part does not match its checksum).")
            % {"name": name}
        ) from error
    except (KeyError, OSError, RuntimeError, ValueError, NotImplementedError, EOFError, zlib.error):
        return None


# PDF. Refused rather than flagged: a flag would still put the file before
# reviewers (whose readers run what it carries), and the submitter, told why
# at once, can print or export the document again as a plain PDF, which
# loses nothing a reviewer needs. Each name is one a reader acts on:
_ACTIVE_PDF_NAMES = {
    b"JavaScript": "javascript",
    b"JS": "javascript",
    # Additional actions, run when a page or field is opened, closed or
    # touched. /OpenAction is not refused by itself: most producers use it to
    # open the first page at a zoom; the JavaScript or launch action it could
    # hold is caught by that action's own name.
    b"AA": "actions",
    b"Launch": "launch",
    b"EmbeddedFile": "embedded",
    b"EmbeddedFiles": "embedded",
    b"EF": "embedded",  # the embedded file of a file specification
    b"FileAttachment": "embedded",
    b"RichMedia": "media",
    b"XFA": "xfa",  # XML forms, which carry their own scripts
}
# Names long enough never to occur by chance in compressed bytes are also
# looked for inside the streams the walk below skips, so that a stream keyword
# planted in a comment cannot hide an object from it.
_LONG_PDF_NAMES = {name for name in _ACTIVE_PDF_NAMES if len(name) >= 6}
_PDF_NAME_CHAR = rb"[^\x00\t\n\x0c\r /<>\[\](){}%]"
_PDF_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")


def _pdf_name_pattern(names) -> re.Pattern[bytes]:
    """Whole PDF names among `names`, each character written as itself or as a
    #xx escape (/J#61vaScript is /JavaScript), found by the regular expression
    engine alone: a file of ten million other names costs no Python loop."""

    def spelled(name: bytes) -> bytes:
        pattern = b""
        for code in name:
            escape = b"".join(
                b"[%c%c]" % (digit, digit + 32) if digit >= ord("A") else bytes([digit])
                for digit in b"%02X" % code
            )
            pattern += b"(?:" + re.escape(bytes([code])) + b"|#" + escape + b")"
        return pattern

    alternatives = b"|".join(spelled(name) for name in sorted(names, key=len, reverse=True))
    # The lookahead on the first characters lets the engine pass over other
    # names at once.
    first = re.escape(bytes(sorted({name[0] for name in names})))
    return re.compile(b"/(?=[#" + first + b"])(" + alternatives + b")(?!" + _PDF_NAME_CHAR + b")")


_PDF_ACTIVE = _pdf_name_pattern(_ACTIVE_PDF_NAMES)
_PDF_ACTIVE_LONG = _pdf_name_pattern(_LONG_PDF_NAMES)
_PDF_OBJECT_STREAM = _pdf_name_pattern({b"ObjStm"})
_PDF_UNCHECKABLE = _pdf_name_pattern({b"Predictor", b"Crypt"})
_PDF_FILTER_NAME = re.compile(b"/(" + _PDF_NAME_CHAR + b"*)")
_PDF_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_PDF_STREAM = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r)")
_PDF_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_PDF_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/<>\[\]()]+)")
_PDF_DICTIONARY_WINDOW = 64 * 1024  # a stream's dictionary is looked for this far back
# Object streams are expanded to look inside them (they hold objects, so the
# names above can hide there); other streams hold page contents, images and
# fonts, where no action can be, and are skipped unread.
MAX_PDF_OBJECT_STREAM_BYTES = 16 * 1024 * 1024
MAX_PDF_OBJECT_STREAMS_BYTES = 64 * 1024 * 1024
# A 500-page report has a few thousand streams; walking one costs a few
# microseconds. With this bound, the most hostile 20 MB files measured (ten
# million names, a million empty streams) are checked in about a second.
MAX_PDF_STREAMS = 100_000


class _Unreadable(Exception):
    """An object stream that cannot be checked: its encoding, encryption or size."""


def _unescaped(text: bytes) -> bytes:
    return _PDF_HEX.sub(lambda m: bytes([int(m[1], 16)]), text)


def _pdf_found(pattern: re.Pattern[bytes], data: bytes, start: int = 0, end: int | None = None):
    matches = pattern.finditer(data, start, len(data) if end is None else end)
    return {_unescaped(m[1]) for m in matches}


def _pdf_decode(raw: bytes, filters: list[bytes], budget: int) -> bytes:
    """A stream's bytes through its filters, never expanding past the budget."""
    data = raw
    for name in filters:
        if name in (b"FlateDecode", b"Fl"):
            try:
                data = zlib.decompressobj().decompress(data, budget + 1)
            except zlib.error as error:
                raise _Unreadable from error
        elif name in (b"ASCIIHexDecode", b"AHx"):
            text = re.sub(rb"\s", b"", data.split(b">", 1)[0])
            try:
                data = binascii.unhexlify(text + b"0" * (len(text) % 2))
            except binascii.Error as error:
                raise _Unreadable from error
        elif name in (b"ASCII85Decode", b"A85"):
            text = data.split(b"~>", 1)[0].removeprefix(b"<~")
            if len(text) // 5 * 4 + 4 + text.count(b"z") * 4 > budget:
                raise _Unreadable  # "z" stands for four zero bytes
            try:
                data = base64.a85decode(text)
            except ValueError as error:
                raise _Unreadable from error
        else:  # LZW, run length, crypt filters: not used for objects by producers we accept
            raise _Unreadable
        if len(data) > budget:
            raise _Unreadable
    return data


def _pdf_active_content(data: bytes) -> set[str]:
    """What active content the PDF carries (values of ``_ACTIVE_PDF_NAMES``).

    The file is read as bytes, not rendered (pdfium, which the resolution
    parser uses, is not safe to call from several request threads at once):
    every name outside streams, and every name inside object streams, expanded
    within a budget, is compared with the list. A name inside a string of
    text, as in a title "(About /JavaScript)", is counted too: rare, and
    refusing it is the safe side. Raises _Unreadable when an object stream
    cannot be expanded (an encoding producers do not use for objects, an
    encrypted file, or past the budget), since what it holds cannot be
    checked, and when the file has more than MAX_PDF_STREAMS streams.

    This is a filter for the readers reviewers open documents with, not the
    browser's protection: downloads are served as attachments in a sandbox
    (``core.downloads``), whatever a file carries.
    """
    found: set[bytes] = set()
    budget = MAX_PDF_OBJECT_STREAMS_BYTES
    position = streams = 0
    while match := _PDF_STREAM.search(data, position):
        streams += 1
        if streams > MAX_PDF_STREAMS:
            raise _Unreadable
        keyword = match.start()
        found |= _pdf_found(_PDF_ACTIVE, data, position, keyword)
        window = max(position, keyword - _PDF_DICTIONARY_WINDOW)
        opening = deque(_PDF_OBJ.finditer(data, window, keyword), maxlen=1)
        dictionary = opening[0].end() if opening else window
        body = match.end()
        end = -1
        if length := _PDF_LENGTH.search(data, dictionary, keyword):
            candidate = body + int(length[1])
            if data[candidate : candidate + 40].lstrip().startswith(b"endstream"):
                end = candidate
        if end < 0:
            end = data.find(b"endstream", body)
            end = len(data) if end < 0 else end
        if _PDF_OBJECT_STREAM.search(data, dictionary, keyword):
            if _PDF_UNCHECKABLE.search(data, dictionary, keyword):
                raise _Unreadable
            filters = _PDF_FILTER.search(_unescaped(data[dictionary:keyword]))
            decoded = _pdf_decode(
                data[body:end],
                [m[1] for m in _PDF_FILTER_NAME.finditer(filters[1])] if filters else [],
                min(MAX_PDF_OBJECT_STREAM_BYTES, budget),
            )
            budget -= len(decoded)
            found |= _pdf_found(_PDF_ACTIVE, decoded)
        found |= _pdf_found(_PDF_ACTIVE_LONG, data, body, end)
        position = end
    found |= _pdf_found(_PDF_ACTIVE, data, position)
    return {_ACTIVE_PDF_NAMES[name] for name in found}


def _refuse_active_pdf(name: str, data: bytes) -> None:
    try:
        active = _pdf_active_content(data)
    except _Unreadable:
        raise AttachmentRefused(
            _(
                "%(name)s: part of this PDF is encrypted or encoded in a way that "
                "cannot be checked. Print or export it again as a plain PDF."
            )
            % {"name": name}
        ) from None
    if active:
        labels = {
            "javascript": _("JavaScript"),
            "actions": _("actions run when it is opened or viewed"),
            "launch": _("commands that start programs"),
            "embedded": _("embedded files"),
            "media": _("embedded media"),
            "xfa": _("XFA forms"),
        }
        raise AttachmentRefused(
            _(
                "%(name)s: this PDF carries %(what)s, which are not accepted. "
                "Print or export it again as a plain PDF."
            )
            % {"name": name, "what": ", ".join(sorted(str(labels[key]) for key in active))}
        )


def media_type_of(data: bytes, *, name: str = "document") -> str | None:
    """The type of an accepted document, read from its bytes; None if not accepted.

    AttachmentRefused (naming the file) when it is of an accepted type but
    hostile: a ZIP bomb, a PDF with active content.
    """
    if data.startswith(b"%PDF-"):
        _refuse_active_pdf(name, data)
        return "application/pdf"
    if image := image_type_of(data):
        return image
    if data.startswith(b"PK\x03\x04"):
        return _zip_document_type(name, data)
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
    media_type = media_type_of(data, name=name)
    if media_type is None:
        raise AttachmentRefused(
            _(
                "%(name)s: its content is not a document of an accepted type "
                "(%(accepted)s), whatever its name says."
            )
            % {"name": name, "accepted": ACCEPTED}
        )
    return CheckedFile(name, media_type, data)
