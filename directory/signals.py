"""Keep the actions of a lieu ressource findable by its opening hours, and the directory's
JSON API purged from the reverse proxy with the records it lists.

An action held in a lieu is "ouvert le samedi" or "après 18 h" when the lieu is: republishing
the lieu (new opening hours) reindexes its live actions.
"""

from django.dispatch import receiver
from wagtail.signals import page_published

from directory.models import ActionPage, LieuRessourcePage, PromeneurPage, StructurePage
from hub import frontend_cache
from search import indexing

frontend_cache.register_dependent_paths(
    [ActionPage, LieuRessourcePage, PromeneurPage, StructurePage],
    ["directory_api_actions", "directory_api_lieux", "directory_api_promeneurs"],
)


@receiver(page_published, sender=LieuRessourcePage)
def reindex_actions_of_lieu(sender, instance, **kwargs):
    actions = ActionPage.objects.live().filter(lieu=instance).select_related("commune", "lieu")
    indexing.update_objects(actions)
