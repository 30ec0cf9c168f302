"""What a resource keeps of an uploaded file: its format, checked by the site's upload gate
(`hub.uploads`), and its text, for search."""

import zipfile
from dataclasses import dataclass

import pypdfium2
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hub.uploads import DOCUMENT_FORMATS, FileFormat, check_upload

from .extraction import extract_text


@dataclass(frozen=True)
class Analysis:
    format: FileFormat
    text: str


def analyse(upload):
    """Check an uploaded file and read its text; the result is kept on the upload object."""
    cached = getattr(upload, "resource_analysis", None)
    if cached is not None:
        return cached
    file_format = check_upload(upload, DOCUMENT_FORMATS)
    try:
        text = extract_text(upload, file_format.code)
    except (ValueError, SyntaxError, KeyError, OSError, zipfile.BadZipFile, pypdfium2.PdfiumError):
        raise ValidationError(
            _("Le texte de ce document ne peut pas être lu : il est sans doute endommagé."),
            code="unreadable_text",
        ) from None
    upload.resource_analysis = Analysis(file_format, text)
    return upload.resource_analysis
