from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from search.api import SearchRequest
from search.listing import load_page, search_page

from .pages import SectionIndexPage

MAX_WORDS_LENGTH = 100


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The "Actualités" of a département (or of the whole network), with an Atom feed."""

    subpage_types = ["hub.NewsPage"]
    per_page = 10

    class Meta:
        verbose_name = _("liste des actualités")
        verbose_name_plural = _("listes des actualités")

    def news(self):
        return (
            self.scoped(NewsPage.objects.live())
            .select_related("feed_image")
            .order_by("-date", "-pk")
        )

    def search_request(self, text):
        """News of this listing through the site's search: newest first, best match with words."""
        section = self.section
        return SearchRequest(
            text=text,
            types=["news"],
            filters={"departement": [section.departement.code]} if section else {},
            sort="relevance" if text else "date",
            per_page=self.per_page,
            facets=False,
            snippets=False,
        )

    @path("")
    def listing(self, request):
        text = " ".join(request.GET.get("q", "").split())[:MAX_WORDS_LENGTH]
        _results, page_obj = search_page(request, self.search_request(text))
        load_page(page_obj, NewsPage.objects.live().select_related("feed_image"))
        return self.render(request, context_overrides={"page_obj": page_obj, "query": text})

    @path("flux/", name="feed")
    def feed(self, request):
        from hub.feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPage(Page):
    """A news item published by a coordination for parents and professionals."""

    date = models.DateField(_("date de publication"), default=timezone.localdate)
    intro = models.TextField(_("chapô"), max_length=400)
    body = RichTextField(_("texte"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    feed_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("feed_image"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["hub.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")
