"""The admin form of pages that link to other pages, images or documents: the server refuses a
link outside the coordinator's département, even when the form was crafted by hand."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from hub.point_panel import place_point
from hub.scoping import choosable_collections, same_section, section_of
from territories.models import Commune


class SectionScopedPageForm(WagtailAdminPageForm):
    """Refuses a chosen page of another département, and an image or document outside the
    collections the user may choose from; sets the page's point from its commune unless it was
    placed by hand (`hub.point_panel`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        section = section_of(self.parent_page)
        for field in self.fields.values():
            # Widgets that prefer the département being edited (a commune typed by name).
            if section and hasattr(field.widget, "departement_code"):
                field.widget.departement_code = section.departement.code

    def clean(self):
        cleaned_data = super().clean()
        section = section_of(self.parent_page)
        user = self.for_user
        for name, value in list(cleaned_data.items()):
            if isinstance(value, Page) and not same_section(value, section):
                self.add_error(
                    name,
                    _("Choisissez un contenu du même département que cette page."),
                )
            elif isinstance(value, AbstractImage | AbstractDocument) and user is not None:
                allowed = choosable_collections(user, type(value))
                if not allowed.filter(pk=value.collection_id).exists():
                    self.add_error(
                        name,
                        _(
                            "Choisissez une image ou un document de la collection de votre "
                            "département."
                        ),
                    )
        if "point_placed" in self.fields:
            place_point(
                self, cleaned_data, self.point_commune(cleaned_data), self.commune_changed()
            )
        return cleaned_data

    def point_commune(self, cleaned_data):
        """The commune whose centre is the page's point unless placed by hand."""
        commune = cleaned_data.get("commune")
        return commune if isinstance(commune, Commune) else None

    def commune_changed(self):
        return "commune" in self.changed_data
