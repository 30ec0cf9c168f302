"""Hub content in the site-wide search: news items."""

from django.utils.translation import gettext_lazy as _

from search.registry import SearchableType, register

from .models import NewsPage
from .sections import departement_code_of

register(
    SearchableType(
        key="news",
        model=NewsPage,
        label=_("Actualité"),
        body=lambda page: f"{page.intro} {page.body}",
        departement=departement_code_of,
        date=lambda page: page.date,
        queryset=lambda: NewsPage.objects.live().public(),
    )
)
