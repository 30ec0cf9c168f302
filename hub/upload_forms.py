"""The upload gate (`hub.uploads`) on the forms of Wagtail's documents and images, and on the
project's own upload forms.

Wagtail builds every form that takes a document or an image file from the two bases below
(`WAGTAILDOCS_DOCUMENT_FORM_BASE`, `WAGTAILIMAGES_IMAGE_FORM_BASE`): the add and edit views, the
multiple uploader and the choosers' upload tabs. Their file field is swapped for one that passes
the file through the gate before Wagtail's own checks, so the refusals read the same everywhere,
and that names the file after its content (« guide.html » holding a PDF is stored as
« guide.pdf », and served as a PDF).
"""

from django import forms
from django.utils.translation import gettext as _
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .uploads import (
    CSV_FORMATS,
    DOCUMENT_FORMATS,
    IMAGE_FORMATS,
    accepted_formats_text,
    check_upload,
    human_size,
    max_image_size,
    max_size,
    name_for,
)


class GatedFileMixin:
    """A file field whose uploads pass the gate first, then the field's own checks."""

    accepted_formats = DOCUMENT_FORMATS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's multiple uploader checks the size in the browser with these two.
        self.max_upload_size = self.size_limit()
        self.error_messages["file_too_large_unknown_size"] = _(
            "Ce fichier dépasse la taille maximale acceptée, %(limit)s."
        ) % {"limit": human_size(self.max_upload_size)}

    def size_limit(self):
        return max_size()

    def gate_help_text(self):
        return " ".join(
            [
                _("Formats acceptés : %(formats)s.")
                % {"formats": accepted_formats_text(self.accepted_formats)},
                _("Taille maximale : %(size)s.") % {"size": human_size(self.size_limit())},
            ]
        )

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "read"):
            file_format = check_upload(data, self.accepted_formats, limit=self.size_limit())
            data.name = name_for(file_format, data.name)
        return super().to_python(data)


class GatedDocumentField(GatedFileMixin, WagtailDocumentField):
    pass


class GatedImageField(GatedFileMixin, WagtailImageField):
    accepted_formats = IMAGE_FORMATS

    def size_limit(self):
        return max_image_size()


class GatedCsvField(GatedFileMixin, forms.FileField):
    accepted_formats = CSV_FORMATS


def _gate_file_field(form, field_class):
    field = form.fields.get("file")
    if field is None:  # the multiple uploader's metadata form has no file
        return
    gated = field_class(label=field.label, required=field.required, widget=field.widget)
    gated.help_text = gated.gate_help_text()
    form.fields["file"] = gated


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, its file checked by the gate."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _gate_file_field(self, GatedDocumentField)


class ImageForm(BaseImageForm):
    """Wagtail's image form, its file checked by the gate (bitmaps only: no SVG)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _gate_file_field(self, GatedImageField)
