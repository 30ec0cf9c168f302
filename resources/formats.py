"""The file formats a resource may carry, as recognised by `resources.uploads`."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileFormat:
    code: str
    label: str
    extension: str
    content_type: str
    family: str


FORMATS = {
    fmt.code: fmt
    for fmt in [
        FileFormat("pdf", _("PDF"), "pdf", "application/pdf", "pdf"),
        FileFormat(
            "odt",
            _("Texte OpenDocument"),
            "odt",
            "application/vnd.oasis.opendocument.text",
            "texte",
        ),
        FileFormat(
            "ods",
            _("Tableur OpenDocument"),
            "ods",
            "application/vnd.oasis.opendocument.spreadsheet",
            "tableur",
        ),
        FileFormat(
            "odp",
            _("Présentation OpenDocument"),
            "odp",
            "application/vnd.oasis.opendocument.presentation",
            "presentation",
        ),
        FileFormat(
            "docx",
            _("Document Word"),
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "texte",
        ),
        FileFormat(
            "xlsx",
            _("Classeur Excel"),
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "tableur",
        ),
        FileFormat(
            "pptx",
            _("Présentation PowerPoint"),
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "presentation",
        ),
        FileFormat("png", _("Image PNG"), "png", "image/png", "image"),
        FileFormat("jpeg", _("Image JPEG"), "jpg", "image/jpeg", "image"),
        FileFormat("mp3", _("Son MP3"), "mp3", "audio/mpeg", "audio"),
        FileFormat("mp4", _("Vidéo MP4"), "mp4", "video/mp4", "video"),
        FileFormat("zip", _("Archive ZIP"), "zip", "application/zip", "archive"),
    ]
}

FORMAT_CHOICES = [(fmt.code, fmt.label) for fmt in FORMATS.values()]

# The "format" filter of the library groups formats by what a visitor expects to open.
LINK_FAMILY = "lien"
FAMILY_CHOICES = [
    ("pdf", _("PDF")),
    ("texte", _("Texte (ODT, DOCX)")),
    ("tableur", _("Tableur (ODS, XLSX)")),
    ("presentation", _("Présentation (ODP, PPTX)")),
    ("image", _("Image")),
    ("audio", _("Audio")),
    ("video", _("Vidéo")),
    ("archive", _("Archive ZIP")),
    (LINK_FAMILY, _("Lien externe")),
]


def formats_of_family(family):
    return [fmt.code for fmt in FORMATS.values() if fmt.family == family]


def human_size(size):
    """A size as French readers write it: « 850 octets », « 12,5 Ko », « 50 Mo »."""
    units = [(1024**3, gettext("Go")), (1024**2, gettext("Mo")), (1024, gettext("Ko"))]
    for factor, unit in units:
        if size >= factor:
            value = round(size / factor, 1)
            decimals = 0 if value == int(value) else 1
            return f"{number_format(value, decimal_pos=decimals)}\xa0{unit}"
    return gettext("%(size)s octets") % {"size": size}
