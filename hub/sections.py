"""The structure of the site: the national home page, one section per département, and the
listing pages ("Trouver une action près de chez moi", "Agenda", "Ressources", "Actualités")
found once nationally and once in every section."""

from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision, Site


@dataclass(frozen=True)
class ListingKind:
    model_label: str
    slug: str
    title: str
    nav_label: str

    @property
    def model(self):
        return apps.get_model(self.model_label)


LISTINGS = [
    ListingKind(
        "directory.DirectoryIndexPage",
        "annuaire",
        _("Trouver une action près de chez moi"),
        _("Trouver une action près de chez moi"),
    ),
    ListingKind("events.EventIndexPage", "agenda", _("Agenda"), _("Agenda")),
    ListingKind("resources.ResourceIndexPage", "ressources", _("Ressources"), _("Ressources")),
    ListingKind("hub.NewsIndexPage", "actualites", _("Actualités"), _("Actualités")),
]


def add_published_child(parent, page, published_at=None):
    """Add `page` under `parent` and publish it, with a first revision like the admin makes.

    `published_at` backdates that publication (page dates and revision) once it is done: demo
    content published months ago, such as directory records due for an update.
    """
    parent.add_child(instance=page)
    revision = page.save_revision()
    revision.publish()
    if published_at is not None:
        Revision.objects.filter(pk=revision.pk).update(created_at=published_at)
        Page.objects.filter(pk=page.pk).update(
            first_published_at=published_at,
            last_published_at=published_at,
            latest_revision_created_at=published_at,
        )
    page.refresh_from_db()
    return page


def ensure_listings(parent):
    """Give `parent` (home page or section) each listing page it lacks, published."""
    existing = {type(page) for page in parent.get_children().specific()}
    for kind in LISTINGS:
        if kind.model not in existing:
            add_published_child(parent, kind.model(title=str(kind.title), slug=kind.slug))


@transaction.atomic
def ensure_home_page():
    """The national home page, set as the default site's root; created on first call."""
    from hub.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration creates a placeholder welcome page: replace it.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = add_published_child(
            root,
            HomePage(
                title=str(_("Hub Parentalité")),
                slug="accueil",
                intro=str(
                    _(
                        "<p>Les actions de soutien à la parentalité près de chez vous, l'agenda "
                        "du réseau et des ressources pour les parents et les professionnels.</p>"
                    )
                ),
            ),
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="Hub Parentalité"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    ensure_listings(home)
    return home


@transaction.atomic
def create_section(departement, **fields):
    """Create (or return) the published section of `departement`, with its listings."""
    from hub.models import DepartementPage

    section = DepartementPage.objects.filter(departement=departement).first()
    if section is None:
        home = ensure_home_page()
        section = add_published_child(
            home,
            DepartementPage(
                title=departement.nom, slug=departement.slug, departement=departement, **fields
            ),
        )
    ensure_listings(section)
    return section


def section_of(page):
    """The département section `page` belongs to (itself for a section), or None if national."""
    from hub.models import DepartementPage

    return (
        DepartementPage.objects.ancestor_of(page, inclusive=True)
        .select_related("departement")
        .first()
    )


def departement_code_of(page):
    """The INSEE code of the département `page` belongs to, "" for national pages.

    Reads what `remember_departement_codes` found for a batch of pages, if it ran.
    """
    if hasattr(page, "_departement_code"):
        return page._departement_code
    section = section_of(page)
    return section.departement.code if section else ""


def remember_departement_codes(pages):
    """Give each of `pages` its département code for `departement_code_of`, in one query."""
    from hub.models import DepartementPage

    codes = dict(DepartementPage.objects.values_list("path", "departement__code"))
    length = len(next(iter(codes), ""))
    for page in pages:
        page._departement_code = codes.get(page.path[:length], "") if length else ""


def name_sections(pages):
    """Give each of `pages` its `section` (None if national), in one query for them all.

    The bulk form of `section_of`, for national listings that name each item's département.
    """
    from hub.models import DepartementPage

    sections = {
        section.path: section
        for section in DepartementPage.objects.live()
        .select_related("departement")
        .only("path", "depth", "url_path", "title", "departement__nom", "departement__code")
    }
    length = len(next(iter(sections), ""))
    for page in pages:
        page.section = sections.get(page.path[:length]) if length else None
    return pages


def listing_links(section=None, request=None):
    """Navigation links to the listings of a section, or to the national ones.

    One query, whatever the number of listings; with the `request`, the site's root paths are
    read once for all the links.
    """
    from hub.models import HomePage

    parent = section or HomePage.objects.first()
    if parent is None:
        return []
    # Plain pages (one query): their class comes from the content type, their URL from the
    # path; fetching the specific pages took a query per type.
    by_type = {page.specific_class: page for page in parent.get_children().live()}
    return [
        {"label": kind.nav_label, "url": by_type[kind.model].get_url(request), "slug": kind.slug}
        for kind in LISTINGS
        if kind.model in by_type
    ]
