"""The file formats a resource may carry (those of documents, recognised by `hub.uploads`)."""

from django.utils.translation import gettext_lazy as _

from hub.uploads import DOCUMENT_FORMATS, FORMATS

FORMAT_CHOICES = [(code, FORMATS[code].label) for code in DOCUMENT_FORMATS]

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
    return [code for code in DOCUMENT_FORMATS if FORMATS[code].family == family]
