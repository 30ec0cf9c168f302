from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    """Synonyms of the search, edited by national administrators."""

    model = Synonym
    icon = "search"
    menu_label = _("Synonymes de recherche")
    add_to_admin_menu = True
    list_display = ["terms"]


register_snippet(SynonymViewSet)
