from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from hub import routing
from hub.permissions import StructuralPagePermissionTester
from search.listing import SearchListing
from territories.models import Departement

NEAR_ME_RADII = (5, 10, 20, 30, 50)


class StructuralPage(Page):
    """A page the site's structure depends on: only national administrators delete or move it."""

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return StructuralPagePermissionTester(user, self)


class HomePage(StructuralPage):
    """The national home page: presents the networks and lists the départements."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    def route(self, request, path_components):
        """The site's routing from its root, in two queries (`hub.routing`)."""
        return routing.route(self, request, path_components, super().route)

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil nationale")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = {
            page.departement_id: page
            for page in DepartementPage.objects.live().select_related("departement")
        }
        context["sections"] = sorted(sections.values(), key=lambda page: page.departement.code)
        context["departements"] = [
            (departement, sections.get(departement.pk))
            for departement in Departement.objects.order_by("code")
        ]
        # The national directory ("annuaire", see `hub.sections.LISTINGS`), where the near-me
        # search goes.
        context["directory"] = self.get_children().live().filter(slug="annuaire").first()
        context["radii"] = NEAR_ME_RADII
        return context


class DepartementPage(StructuralPage):
    """The section of one département: its directory, events, resources and news live under it.

    Saving one creates or updates the "Coordination <département>" group, whose members edit
    only this section and its collection of images and documents (see `hub.permissions`).
    """

    departement = models.OneToOneField(
        "territories.Departement",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        related_name="section",
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    coordination_name = models.CharField(
        _("coordination"), max_length=200, blank=True, help_text=_("Par exemple : Caf du Nord.")
    )
    coordination_email = models.EmailField(_("courriel de la coordination"), blank=True)
    coordination_phone = models.CharField(
        _("téléphone de la coordination"), max_length=30, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("departement"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("coordination_name"),
                FieldPanel("coordination_email"),
                FieldPanel("coordination_phone"),
            ],
            heading=_("Coordination départementale"),
        ),
    ]
    parent_page_types = ["hub.HomePage"]

    class Meta:
        verbose_name = _("section départementale")
        verbose_name_plural = _("sections départementales")

    @property
    def coordination_group_name(self):
        return _("Coordination %(departement)s") % {"departement": self.departement.nom}


class SectionIndexPage(SearchListing, StructuralPage):
    """A listing page placed once under the national home page and once under each section.

    Under a département section it lists that département's content; under the home page it
    lists the content of every département. Each listing fills in the hooks of
    `search.listing.SearchListing` in its own model module; its section is resolved once.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["hub.HomePage", "hub.DepartementPage"]
    subpage_types = []

    class Meta:
        abstract = True

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and not parent.get_children().type(cls).exists()

    @cached_property
    def section(self):
        """The département section this listing belongs to, or None for a national listing."""
        return DepartementPage.objects.ancestor_of(self).select_related("departement").first()

    @property
    def departement_code(self):
        return self.section.departement.code if self.section else None

    def scope_filters(self):
        """The search filters that keep this listing to its département."""
        return {"departement": [self.departement_code]} if self.section else {}

    def scoped(self, queryset):
        """Restrict a page queryset to this listing's département, when it has one."""
        return queryset.descendant_of(self.section) if self.section else queryset

    def render_listing(self, request, context, status=200):
        response = self.render(request, context_overrides=context)
        response.status_code = status
        return response
