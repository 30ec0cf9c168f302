from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ResourcePageForm(WagtailAdminPageForm):
    """The admin form of a resource: it needs at least one file or an external link."""

    def clean(self):
        cleaned_data = super().clean()
        files = self.formsets.get("files")
        if files is None or not files.is_valid():
            return cleaned_data
        has_file = any(
            form.cleaned_data.get("file") and not form.cleaned_data.get("DELETE")
            for form in files.forms
        )
        if not has_file and not cleaned_data.get("external_url"):
            self.add_error("external_url", _("Ajoutez au moins un fichier ou un lien externe."))
        return cleaned_data
