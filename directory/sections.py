"""Finding a département's directory from a code or slug typed on the command line or chosen
in the admin."""

from django.utils.translation import gettext as _

from directory.models import DirectoryIndexPage
from hub.models import DepartementPage


def directory_of(departement):
    """The directory page of the section whose département code or slug is `departement`."""
    section = (
        DepartementPage.objects.filter(departement__code=departement).first()
        or DepartementPage.objects.filter(departement__slug=departement).first()
    )
    if section is None:
        raise LookupError(
            _("Aucune section pour le département « %(value)s ».") % {"value": departement}
        )
    return section.get_children().type(DirectoryIndexPage).get().specific
