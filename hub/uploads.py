"""The one gate every file entering the site passes: resource files, Wagtail documents and
images (single and multiple upload, choosers), CSV imports.

A file is recognised by its content, never by its name, and must be of a format the place it
enters accepts (`DOCUMENT_FORMATS`, `IMAGE_FORMATS`, `CSV_FORMATS`). Everything else is refused
with a French message: HTML and SVG (which can carry scripts), executables whatever their name,
PDFs that run JavaScript or launch applications, Office files with macros, archives that would
expand beyond `UPLOAD_MAX_EXPANDED_SIZE` (zip bombs), files over `UPLOAD_MAX_SIZE`.
"""

import codecs
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _
from PIL import Image

DEFAULT_MAX_SIZE = 50 * 1024 * 1024
DEFAULT_MAX_IMAGE_SIZE = 10 * 1024 * 1024
DEFAULT_MAX_EXPANDED_SIZE = 200 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_MEMBERS = 1000
SNIFF_LENGTH = 4096
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class FileFormat:
    code: str
    label: str
    extension: str
    content_type: str
    family: str
    short_name: str = ""

    @property
    def extensions(self):
        """The file name endings this format may keep (the first is the one given)."""
        return (self.extension, "jpeg") if self.code == "jpeg" else (self.extension,)


FORMATS = {
    fmt.code: fmt
    for fmt in [
        FileFormat("pdf", gettext_lazy("PDF"), "pdf", "application/pdf", "pdf", "PDF"),
        FileFormat(
            "odt",
            gettext_lazy("Texte OpenDocument"),
            "odt",
            "application/vnd.oasis.opendocument.text",
            "texte",
            "ODT",
        ),
        FileFormat(
            "ods",
            gettext_lazy("Tableur OpenDocument"),
            "ods",
            "application/vnd.oasis.opendocument.spreadsheet",
            "tableur",
            "ODS",
        ),
        FileFormat(
            "odp",
            gettext_lazy("Présentation OpenDocument"),
            "odp",
            "application/vnd.oasis.opendocument.presentation",
            "presentation",
            "ODP",
        ),
        FileFormat(
            "docx",
            gettext_lazy("Document Word"),
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "texte",
            "DOCX",
        ),
        FileFormat(
            "xlsx",
            gettext_lazy("Classeur Excel"),
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "tableur",
            "XLSX",
        ),
        FileFormat(
            "pptx",
            gettext_lazy("Présentation PowerPoint"),
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "presentation",
            "PPTX",
        ),
        FileFormat("png", gettext_lazy("Image PNG"), "png", "image/png", "image", "PNG"),
        FileFormat("jpeg", gettext_lazy("Image JPEG"), "jpg", "image/jpeg", "image", "JPEG"),
        FileFormat("gif", gettext_lazy("Image GIF"), "gif", "image/gif", "image", "GIF"),
        FileFormat("webp", gettext_lazy("Image WebP"), "webp", "image/webp", "image", "WebP"),
        FileFormat("mp3", gettext_lazy("Son MP3"), "mp3", "audio/mpeg", "audio", "MP3"),
        FileFormat("mp4", gettext_lazy("Vidéo MP4"), "mp4", "video/mp4", "video", "MP4"),
        FileFormat("zip", gettext_lazy("Archive ZIP"), "zip", "application/zip", "archive", "ZIP"),
        FileFormat("csv", gettext_lazy("Tableau CSV"), "csv", "text/csv", "tableur", "CSV"),
    ]
}

# What each entrance accepts. Documents and resources: office files, media and archives of them.
DOCUMENT_FORMATS = (
    "pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "png", "jpeg", "mp3", "mp4", "zip",
)  # fmt: skip
# Images: bitmaps only. SVG is refused outright: sanitising it safely would need a parser of
# its own, and the site has no image that needs to be a vector.
IMAGE_FORMATS = ("png", "jpeg", "gif", "webp")
CSV_FORMATS = ("csv",)

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
# PDF names that run code: JavaScript (in /OpenAction, /AA or the /Names tree) and /Launch.
# Names may spell any character as #xx (/Java#53cript), so they are decoded before comparison.
PDF_NAME = re.compile(rb"/((?:[A-Za-z0-9_.+-]|#[0-9A-Fa-f]{2})+)")
PDF_ACTIVE_NAMES = {b"JS", b"JavaScript", b"Launch"}
PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")


def human_size(size):
    """A size as French readers write it: « 850 octets », « 12,5 Ko », « 50 Mo »."""
    units = [(1024**3, gettext("Go")), (1024**2, gettext("Mo")), (1024, gettext("Ko"))]
    for factor, unit in units:
        if size >= factor:
            value = round(size / factor, 1)
            decimals = 0 if value == int(value) else 1
            return f"{number_format(value, decimal_pos=decimals)}\xa0{unit}"
    return gettext("%(size)s octets") % {"size": size}


def max_size():
    return getattr(settings, "UPLOAD_MAX_SIZE", DEFAULT_MAX_SIZE)


def max_image_size():
    return min(getattr(settings, "UPLOAD_MAX_IMAGE_SIZE", DEFAULT_MAX_IMAGE_SIZE), max_size())


def max_expanded_size():
    return getattr(settings, "UPLOAD_MAX_EXPANDED_SIZE", DEFAULT_MAX_EXPANDED_SIZE)


def max_archive_members():
    return getattr(settings, "UPLOAD_MAX_ARCHIVE_MEMBERS", DEFAULT_MAX_ARCHIVE_MEMBERS)


def accepted_formats_text(accepted):
    """« PDF, ODT, … et archives ZIP de ces fichiers », for help texts and refusals."""
    names = [FORMATS[code].short_name for code in accepted if code != "zip"]
    if "zip" in accepted:
        names.append(gettext("archives ZIP de ces fichiers"))
    return str(get_text_list(names, gettext("et")))


def refuse(message, code):
    raise ValidationError(message, code=code)


def validate_upload(value):
    """Model-field validator for document-like files: checks a new upload; stored files were
    checked when they came in (and `recheck_uploads` checks them again)."""
    if value and not getattr(value, "_committed", True):
        check_upload(value.file)


def check_upload(upload, accepted=DOCUMENT_FORMATS, *, limit=None):
    """The `FileFormat` of an upload (a readable, seekable file with a `size`), or a
    ValidationError with a French message saying why it is refused."""
    check_size(upload.size, max_size() if limit is None else limit)
    cached = getattr(upload, "checked_format", None)
    if cached is not None and cached.code in accepted:
        return cached
    upload.checked_format = inspect(upload, accepted)
    return upload.checked_format


def check_size(size, limit):
    if size > limit:
        refuse(
            _(
                "Ce fichier pèse %(size)s : la taille maximale acceptée est de %(limit)s. "
                "Réduisez-le (export PDF compressé, vidéo plus courte) ou publiez un lien."
            )
            % {"size": human_size(size), "limit": human_size(limit)},
            "too_large",
        )


def name_for(file_format, name):
    """`name` ending as its content requires (« guide.html » holding a PDF: « guide.pdf »)."""
    stem, dot, extension = name.rpartition(".")
    if dot and extension.lower() in file_format.extensions:
        return name
    return f"{stem if dot else name}.{file_format.extension}"


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


def inspect(fileobj, accepted=DOCUMENT_FORMATS, *, inside_archive=False, budget=None):
    """The `FileFormat` of a readable, seekable file, or a ValidationError saying why not."""
    file_format = _identify(fileobj, accepted, inside_archive, budget or _Budget())
    if file_format.code not in accepted:
        refuse(
            _(
                "Ce fichier est de type « %(label)s », qui n'est pas accepté ici. "
                "Formats acceptés : %(formats)s."
            )
            % {"label": file_format.label, "formats": accepted_formats_text(accepted)},
            "format_not_accepted",
        )
    return file_format


def _identify(fileobj, accepted, inside_archive, budget):
    fileobj.seek(0)
    head = fileobj.read(SNIFF_LENGTH)
    fileobj.seek(0)
    if not head:
        refuse(_("Ce fichier est vide."), "empty")
    if head.startswith(b"%PDF-"):
        _check_pdf(fileobj, budget)
        return FORMATS["pdf"]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _checked_image(fileobj, "png")
    if head.startswith(b"\xff\xd8\xff"):
        return _checked_image(fileobj, "jpeg")
    if head.startswith((b"GIF87a", b"GIF89a")):
        return _checked_image(fileobj, "gif")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _checked_image(fileobj, "webp")
    if head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return FORMATS["mp4"]
    if head.startswith(b"ID3") or _is_mpeg_audio_frame(head):
        return FORMATS["mp3"]
    if head.startswith(b"PK\x03\x04"):
        return _inspect_zip(fileobj, accepted, inside_archive, budget)
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
    if "csv" in accepted and b"\x00" not in head:
        _check_utf8(fileobj)
        return FORMATS["csv"]
    refuse(
        _("Ce format de fichier n'est pas accepté. Formats acceptés : %(formats)s.")
        % {"formats": accepted_formats_text(accepted)},
        "unsupported",
    )


def _is_mpeg_audio_frame(head):
    # Frame sync (11 bits set), MPEG version not reserved, layer III.
    return len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and head[1] & 0x06 == 2


def _looks_like_markup(head):
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff\x00 \t\r\n").lower().replace(b"\x00", b"")
    return text.startswith(b"<") or any(tag in text for tag in (b"<html", b"<svg", b"<script"))


def _check_utf8(fileobj):
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := fileobj.read(CHUNK):
            if b"\x00" in chunk:
                raise UnicodeDecodeError("utf-8", chunk, 0, 1, "NUL byte")
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        refuse(_("Le fichier doit être un texte encodé en UTF-8."), "not_utf8")
    finally:
        fileobj.seek(0)


def _pdf_names(data):
    for match in PDF_NAME.finditer(data):
        name = match.group(1)
        if b"#" in name:
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name)
        yield name


def _object_streams(data, budget):
    """The decompressed content of the PDF's object streams, where dictionaries can hide."""
    for match in PDF_STREAM.finditer(data):
        start = match.end()
        dictionary = data[data.rfind(b"obj", 0, match.start()) : match.start()]
        if b"ObjStm" not in b"".join(_pdf_names(dictionary)):
            continue
        end = data.find(b"endstream", start)
        decompressor = zlib.decompressobj()
        try:
            content = decompressor.decompress(data[start:end], max(budget.remaining, 0) + 1)
        except zlib.error:
            continue
        budget.spend(len(content))
        yield content


def _check_pdf(fileobj, budget):
    fileobj.seek(0)
    data = fileobj.read()
    fileobj.seek(0)
    parts = [data, *_object_streams(data, budget)]
    if any(name in PDF_ACTIVE_NAMES for part in parts for name in _pdf_names(part)):
        _refuse_active_pdf()
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        refuse(_("Ce PDF est endommagé ou protégé par un mot de passe."), "pdf_unreadable")
    try:
        if pdfium.FPDFDoc_GetJavaScriptActionCount(document.raw) > 0:
            _refuse_active_pdf()
    finally:
        document.close()


def _refuse_active_pdf():
    refuse(
        _("Ce PDF contient du code exécutable (JavaScript ou lancement d'application)."),
        "pdf_active_content",
    )


def _checked_image(fileobj, code):
    file_format = FORMATS[code]
    try:
        with Image.open(fileobj) as image:
            image.verify()
    except Exception:  # Pillow raises many types for a damaged or hostile image.
        refuse(
            _("Cette image %(kind)s est endommagée.") % {"kind": file_format.short_name},
            "image_unreadable",
        )
    finally:
        fileobj.seek(0)
    return file_format


def _inspect_zip(fileobj, accepted, inside_archive, budget):
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
    if "zip" not in accepted:
        return FORMATS["zip"]  # refused by `inspect`, without reading the members
    for info in infos:
        if info.is_dir():
            continue
        _check_member(archive, info, accepted, budget)
    return FORMATS["zip"]


def _read_member(archive, name, limit):
    try:
        with archive.open(name) as member:
            return member.read(limit)
    except (zipfile.BadZipFile, RuntimeError, OSError, NotImplementedError):
        refuse(_("Cette archive ZIP est endommagée."), "zip_unreadable")


def _check_member(archive, info, accepted, budget):
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
            inspect(copy, accepted, inside_archive=True, budget=budget)
        except ValidationError as error:
            refuse(
                _("Le fichier « %(name)s » de l'archive est refusé : %(reason)s")
                % {"name": name, "reason": " ".join(error.messages)},
                error.code,
            )
