"""The porteurs' space's navigation: a small registry the space's features add their entry to.

Each feature of the space (records, updates, call for projects, bilans…) registers one
`Section` from its own module, with the URL patterns it serves under `/espace-porteurs/`:

    from porteurs import space

    space.register(
        space.Section(label=_("Bilans"), url_name="porteurs:bilans", order=40),
        urls=[path("bilans/", views.bilans, name="bilans")],
    )

Names in `urls` live in the `porteurs` namespace (`reverse("porteurs:bilans")`). A module that
registers is imported when Django starts (`porteurs/apps.py`): any module of the `porteurs`
package whose name ends in `_space` (`porteurs/bilans_space.py`), and a `porteur_space` module in
any other installed app. The navigation lists the sections by `order`: the home page is 0, the
records' updates 20, the call for projects 30, the bilans 40.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    """One entry of the space's navigation."""

    label: str
    url_name: str
    order: int

    @property
    def url(self):
        return reverse(self.url_name)


SECTIONS = [Section(label=_("Mes structures"), url_name="porteurs:home", order=0)]
URLPATTERNS = []


def register(section, urls=()):
    """Add `section` to the navigation and mount `urls` in the space (`porteurs` namespace)."""
    if any(known.url_name == section.url_name for known in SECTIONS):
        return
    SECTIONS.append(section)
    URLPATTERNS.extend(urls)


def navigation():
    """The sections in the order the navigation shows them."""
    return sorted(SECTIONS, key=lambda section: (section.order, str(section.label)))
