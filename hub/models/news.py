from dataclasses import replace

from django.core.exceptions import BadRequest
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from hub.admin_forms import SectionScopedPageForm
from search.api import ResultList, SearchRequest, load_objects
from search.listing import ListingForm, WordsField

from .pages import SectionIndexPage


class NewsFilterForm(ListingForm):
    q = WordsField(label=_("Rechercher dans les actualités"))


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The "Actualités" of a département (or of the whole network), with an Atom feed."""

    subpage_types = ["hub.NewsPage"]
    per_page = 10
    form_class = NewsFilterForm
    feed_length = 30

    class Meta:
        verbose_name = _("liste des actualités")
        verbose_name_plural = _("listes des actualités")

    def search_request(self, filters):
        """Newest first; best match first when words are typed."""
        text = filters.get("q", "")
        return SearchRequest(
            text=text,
            types=["news"],
            filters=self.scope_filters(),
            sort="relevance" if text else "date",
            facets=False,
            snippets=False,
        )

    def display_queryset(self, filters):
        return NewsPage.objects.live().select_related("feed_image")

    def listing_context(self, request, form, page_obj):
        return {"query": form.cleaned_data.get("q", "") if form.is_valid() else ""}

    def latest(self, filters):
        """The newest items of the listing (words of `filters` applied), for its feed."""
        wanted = replace(self.search_request(filters), per_page=self.feed_length)
        return load_objects(ResultList(wanted).hits, self.display_queryset(filters))

    @path("")
    def listing(self, request):
        return self.serve_listing(request)

    @path("flux/", name="feed")
    def feed(self, request):
        from hub.feeds import NewsFeed

        form, filters = self.valid_filters(request)
        if filters is None:
            raise BadRequest(" ".join(form.problems()))
        return NewsFeed(self, self.latest(filters))(request)


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
    base_form_class = SectionScopedPageForm
    parent_page_types = ["hub.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")
