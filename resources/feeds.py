from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _


class ResourceFeed(Feed):
    """Atom feed of the newest resources of a library, with the library's filters applied."""

    feed_type = Atom1Feed
    limit = 30

    def __init__(self, index_page, resources):
        super().__init__()
        self.index_page = index_page
        self.resources = resources

    def title(self):
        section = self.index_page.section
        if section:
            return _("Ressources – %(departement)s – Hub Parentalité") % {
                "departement": section.departement.nom
            }
        return _("Ressources du réseau – Hub Parentalité")

    def link(self):
        return self.index_page.url

    def subtitle(self):
        return _("Les nouvelles ressources pour les parents et les professionnels.")

    def items(self):
        return self.resources[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_author_name(self, item):
        return item.author

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.kind_label, *item.theme_labels]
