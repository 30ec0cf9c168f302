"""Hub content in the site-wide search: news items."""

from django.utils.translation import gettext_lazy as _

from search.registry import SearchableType, register, register_listings

from .models import NewsPage
from .sections import departement_code_of, listing_links, remember_departement_codes

# The type keys each national listing shows (the apps that own them register the types).
LISTING_TYPES = {
    "annuaire": ["action", "lieu", "promeneur"],
    "agenda": ["evenement"],
    "ressources": ["ressource"],
    "actualites": ["news"],
}

register(
    SearchableType(
        key="news",
        model=NewsPage,
        label=_("Actualité"),
        body=lambda page: f"{page.intro} {page.body}",
        departement=departement_code_of,
        prefetch=remember_departement_codes,
        date=lambda page: page.date,
        queryset=lambda: NewsPage.objects.live().public(),
    )
)


def national_listings():
    """The national listing pages, for the ways out of a search that found nothing."""
    return [
        {"label": link["label"], "url": link["url"], "types": LISTING_TYPES[link["slug"]]}
        for link in listing_links()
        if link["slug"] in LISTING_TYPES
    ]


register_listings(national_listings)
