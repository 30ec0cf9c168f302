from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _


class NewsFeed(Feed):
    """Atom feed of a news listing (one département or the whole network)."""

    feed_type = Atom1Feed

    def __init__(self, index_page, news):
        super().__init__()
        self.index_page = index_page
        self.news = news

    def title(self):
        section = self.index_page.section
        if section:
            return _("Actualités – %(departement)s – Hub Parentalité") % {
                "departement": section.departement.nom
            }
        return _("Actualités du réseau – Hub Parentalité")

    def link(self):
        return self.index_page.url

    def subtitle(self):
        return _("Les dernières actualités de la parentalité.")

    def items(self):
        return self.news

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
