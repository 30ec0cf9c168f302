"""Validation of every file attached to a resource, in one place.

A file is recognised by its content, never by its name: the allow-list is PDF, OpenDocument
(ODT, ODS, ODP), Office Open XML (DOCX, XLSX, PPTX), PNG, JPEG, MP3, MP4 and ZIP archives of
those. Everything else is refused with a French message, notably HTML and SVG (which can carry
scripts), executables whatever their name, PDFs that run actions, Office files with macros, and
archives that would expand beyond `RESOURCES_MAX_EXPANDED_SIZE` (zip bombs).
"""

import tempfile
import zipfile
from dataclasses import dataclass

import pypdfium2
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

from .extraction import extract_text
from .formats import FORMATS, FileFormat, human_size

DEFAULT_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
DEFAULT_MAX_EXPANDED_SIZE = 200 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_MEMBERS = 1000
SNIFF_LENGTH = 4096
CHUNK = 1024 * 1024

ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
OOXML_MAIN_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
MP4_BRANDS = {
    b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1",
    b"M4A ", b"M4V ", b"M4B ", b"dash", b"MSNV", b"3gp4", b"3gp5",
}  # fmt: skip
EXECUTABLE_SIGNATURES = (
    b"MZ",  # Windows
    b"\x7fELF",  # Linux
    b"\xcf\xfa\xed\xfe",  # macOS
    b"\xce\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",  # scripts
)
PDF_ACTIVE_CONTENT = (b"/JavaScript", b"/Launch")


def max_upload_size():
    return getattr(settings, "RESOURCES_MAX_UPLOAD_SIZE", DEFAULT_MAX_UPLOAD_SIZE)


def max_expanded_size():
    return getattr(settings, "RESOURCES_MAX_EXPANDED_SIZE", DEFAULT_MAX_EXPANDED_SIZE)


def max_archive_members():
    return getattr(settings, "RESOURCES_MAX_ARCHIVE_MEMBERS", DEFAULT_MAX_ARCHIVE_MEMBERS)


def refuse(message, code):
    raise ValidationError(message, code=code)


@dataclass(frozen=True)
class Analysis:
    format: FileFormat
    text: str


def validate_upload(value):
    """Model-field validator: checks a newly uploaded file; stored files were checked already."""
    if value and not getattr(value, "_committed", True):
        analyse(value.file)


def analyse(upload):
    """Check an uploaded file and read its text; the result is kept on the upload object."""
    cached = getattr(upload, "resource_analysis", None)
    if cached is not None:
        return cached
    check_size(upload.size)
    file_format = inspect(upload)
    try:
        text = extract_text(upload, file_format.code)
    except (ValueError, SyntaxError, KeyError, OSError, zipfile.BadZipFile, pypdfium2.PdfiumError):
        refuse(
            _("Le texte de ce document ne peut pas être lu : il est sans doute endommagé."),
            "unreadable_text",
        )
    upload.resource_analysis = Analysis(file_format, text)
    return upload.resource_analysis


def check_size(size):
    limit = max_upload_size()
    if size > limit:
        refuse(
            _(
                "Ce fichier pèse %(size)s : la taille maximale acceptée est de %(limit)s. "
                "Réduisez-le (export PDF compressé, vidéo plus courte) ou publiez un lien."
            )
            % {"size": human_size(size), "limit": human_size(limit)},
            "too_large",
        )


class _Budget:
    """Bytes an upload may still expand to, shared by an archive and the documents inside it."""

    def __init__(self):
        self.remaining = max_expanded_size()

    def spend(self, amount):
        self.remaining -= amount
        if self.remaining < 0:
            refuse(
                _(
                    "Cette archive se décompresse en plus de %(limit)s : elle est refusée "
                    "(elle pourrait saturer le serveur)."
                )
                % {"limit": human_size(max_expanded_size())},
                "expands_too_much",
            )


def inspect(fileobj, *, inside_archive=False, budget=None):
    """The `FileFormat` of a readable, seekable file, or a ValidationError saying why not."""
    fileobj.seek(0)
    head = fileobj.read(SNIFF_LENGTH)
    fileobj.seek(0)
    if not head:
        refuse(_("Ce fichier est vide."), "empty")
    if head.startswith(b"%PDF-"):
        _check_pdf(fileobj)
        return FORMATS["pdf"]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        _check_image(fileobj, "PNG")
        return FORMATS["png"]
    if head.startswith(b"\xff\xd8\xff"):
        _check_image(fileobj, "JPEG")
        return FORMATS["jpeg"]
    if head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return FORMATS["mp4"]
    if head.startswith(b"ID3") or _is_mpeg_audio_frame(head):
        return FORMATS["mp3"]
    if head.startswith(b"PK\x03\x04"):
        return _inspect_zip(fileobj, inside_archive, budget or _Budget())
    if head.startswith(EXECUTABLE_SIGNATURES):
        refuse(
            _("Ce fichier est un programme exécutable, quel que soit son nom : il est refusé."),
            "executable",
        )
    if _looks_like_markup(head):
        refuse(
            _(
                "Les pages HTML, les images SVG et les autres fichiers de balisage sont refusés, "
                "car ils peuvent contenir des scripts. Déposez un PDF, une image PNG ou JPEG."
            ),
            "markup",
        )
    refuse(
        _(
            "Ce format de fichier n'est pas accepté. Formats acceptés : PDF, ODT, ODS, ODP, DOCX, "
            "XLSX, PPTX, PNG, JPEG, MP3, MP4 et archives ZIP de ces fichiers."
        ),
        "unsupported",
    )


def _is_mpeg_audio_frame(head):
    # Frame sync (11 bits set), MPEG version not reserved, layer III.
    return len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and head[1] & 0x06 == 2


def _looks_like_markup(head):
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff\x00 \t\r\n").lower().replace(b"\x00", b"")
    return text.startswith(b"<") or any(tag in text for tag in (b"<html", b"<svg", b"<script"))


def _check_pdf(fileobj):
    previous = b""
    while chunk := fileobj.read(CHUNK):
        window = previous + chunk
        if any(marker in window for marker in PDF_ACTIVE_CONTENT):
            refuse(
                _("Ce PDF contient du code exécutable (JavaScript ou lancement d'application)."),
                "pdf_active_content",
            )
        previous = chunk[-32:]
    fileobj.seek(0)
    try:
        document = pypdfium2.PdfDocument(fileobj.read())
    except pypdfium2.PdfiumError:
        refuse(_("Ce PDF est endommagé ou protégé par un mot de passe."), "pdf_unreadable")
    else:
        document.close()
    finally:
        fileobj.seek(0)


def _check_image(fileobj, kind):
    try:
        with Image.open(fileobj) as image:
            image.verify()
    except Exception:  # Pillow raises many types for a damaged or hostile image.
        refuse(_("Cette image %(kind)s est endommagée.") % {"kind": kind}, "image_unreadable")
    finally:
        fileobj.seek(0)


def _inspect_zip(fileobj, inside_archive, budget):
    try:
        archive = zipfile.ZipFile(fileobj)
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        refuse(_("Cette archive ZIP est endommagée."), "zip_unreadable")
    if len(infos) > max_archive_members():
        refuse(
            _("Cette archive contient plus de %(count)s fichiers.")
            % {"count": max_archive_members()},
            "too_many_members",
        )
    budget.spend(sum(info.file_size for info in infos))
    names = {info.filename for info in infos}

    if "mimetype" in names:
        mimetype = _read_member(archive, "mimetype", 200).strip()
        if mimetype in ODF_MIMETYPES and "content.xml" in names:
            return FORMATS[ODF_MIMETYPES[mimetype]]
    if "[Content_Types].xml" in names:
        content_types = _read_member(archive, "[Content_Types].xml", 1024 * 1024)
        if b"macroEnabled" in content_types or any(
            name.lower().endswith("vbaproject.bin") for name in names
        ):
            refuse(_("Les documents Office contenant des macros sont refusés."), "office_macros")
        for part, code in OOXML_MAIN_PARTS.items():
            if part in names:
                return FORMATS[code]
    if inside_archive:
        refuse(
            _("Une archive ZIP ne peut pas contenir d'autre archive."),
            "nested_archive",
        )
    for info in infos:
        if info.is_dir():
            continue
        _check_member(archive, info, budget)
    return FORMATS["zip"]


def _read_member(archive, name, limit):
    try:
        with archive.open(name) as member:
            return member.read(limit)
    except (zipfile.BadZipFile, RuntimeError, OSError, NotImplementedError):
        refuse(_("Cette archive ZIP est endommagée."), "zip_unreadable")


def _check_member(archive, info, budget):
    name = info.filename
    if info.flag_bits & 0x1:
        refuse(
            _("Le fichier « %(name)s » de l'archive est chiffré.") % {"name": name},
            "zip_encrypted",
        )
    if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/"):
        refuse(
            _("Le fichier « %(name)s » de l'archive a un chemin interdit.") % {"name": name},
            "zip_path",
        )
    with tempfile.SpooledTemporaryFile(max_size=8 * CHUNK) as copy:
        try:
            with archive.open(info) as member:
                while chunk := member.read(CHUNK):
                    copy.write(chunk)
        except (zipfile.BadZipFile, RuntimeError, OSError, NotImplementedError):
            refuse(_("Cette archive ZIP est endommagée."), "zip_unreadable")
        try:
            inspect(copy, inside_archive=True, budget=budget)
        except ValidationError as error:
            refuse(
                _("Le fichier « %(name)s » de l'archive est refusé : %(reason)s")
                % {"name": name, "reason": " ".join(error.messages)},
                error.code,
            )
