"""Keep the actions of a lieu ressource findable by its opening hours.

An action held in a lieu is "ouvert le samedi" or "après 18 h" when the lieu is: republishing
the lieu (new opening hours) reindexes its live actions.
"""

from django.dispatch import receiver
from wagtail.signals import page_published

from directory.models import ActionPage, LieuRessourcePage
from search import indexing


@receiver(page_published, sender=LieuRessourcePage)
def reindex_actions_of_lieu(sender, instance, **kwargs):
    actions = ActionPage.objects.live().filter(lieu=instance).select_related("commune", "lieu")
    indexing.update_objects(actions)
