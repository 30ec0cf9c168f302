from django.core.exceptions import BadRequest, ValidationError
from django.core.files.base import ContentFile
from django.db import connection, models
from django.db.models import OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from hub.fields import MultipleChoiceField, choice_label
from hub.models.pages import SectionIndexPage
from hub.sections import name_sections
from hub.taxonomies import Theme
from hub.uploads import FORMATS, validate_upload
from search.api import ResultList, SearchRequest

from . import serving
from .choices import Audience, Licence, ResourceKind
from .extraction import pdf_thumbnail
from .feeds import ResourceFeed
from .formats import FORMAT_CHOICES
from .forms import ResourcePageForm
from .library import LibraryFilterForm
from .storage import resource_storage
from .uploads import analyse

RESERVED_SLUGS = {"flux", "etiquettes"}


class ResourceIndexPage(RoutablePageMixin, SectionIndexPage):
    """The pedagogical resource library of a département, or of the whole network: filters,
    a page per tag and an Atom feed of new resources.

    Words and filters go to the site's search engine, which orders by relevance or date; the
    library orders by downloads itself, on the ids the engine found.
    """

    subpage_types = ["resources.ResourcePage"]
    form_class = LibraryFilterForm
    per_page = 20
    folds_before_search = True
    feed_length = 30
    # The tag whose page is served (None for the library itself): set by the route.
    library_tag = None

    class Meta:
        verbose_name = _("ressourcerie")
        verbose_name_plural = _("ressourceries")

    def resources(self):
        """The published resources of this library."""
        return self.scoped(ResourcePage.objects.live().public())

    # -- the listing hooks ---------------------------------------------------------------

    def form_kwargs(self, request):
        resources = self.resources()
        return {
            "tags": tags_in_use(resources),
            "years": years_in_use(resources),
            "tag": self.library_tag,
        }

    def search_request(self, filters):
        """Best match first when words are typed and no order is chosen; newest otherwise."""
        facets = {
            "type_ressource": filters["type"],
            "thematique": filters["theme"],
            "public": filters["public"],
            "etiquette": self.library_tag.slug if self.library_tag else filters["etiquette"],
            "annee": filters["annee"],
            "format_ressource": filters["format"],
        }
        text = filters["q"]
        return SearchRequest(
            text=text,
            types=["ressource"],
            filters={
                **{name: [value] for name, value in facets.items() if value},
                **self.scope_filters(),
            },
            sort="relevance" if text and not filters["tri"] else "date",
            facets=False,
            snippets=False,
        )

    def listing_items(self, filters, search_request):
        if filters["tri"] == "telechargements":
            found = self.resources().filter(pk__in=ResultList(search_request).ids())
            return for_listing(with_downloads(found).order_by(*BY_DOWNLOADS))
        return super().listing_items(filters, search_request)

    def display_queryset(self, filters):
        return for_listing(with_downloads(self.resources()))

    def listing_context(self, request, form, page_obj):
        feed_query = request.GET.copy()
        for name in ("page", "tri"):
            feed_query.pop(name, None)
        if page_obj is not None and self.section is None:
            name_sections(page_obj.object_list)
        context = {"filters": form, "tag": self.library_tag, "feed_query": feed_query.urlencode()}
        if page_obj is not None and not page_obj.paginator.count and form.is_filtered():
            context["ways_out"] = self.ways_out(request, form)
        return context

    # -- routes ----------------------------------------------------------------------------

    @path("")
    def listing(self, request):
        return self.serve_listing(request)

    @path("etiquettes/<str:tag_slug>/", name="tag")
    def tag(self, request, tag_slug):
        self.library_tag = get_object_or_404(Tag, slug=tag_slug)
        return self.serve_listing(request)

    @path("flux/", name="feed")
    def feed(self, request):
        """The newest resources matching the listing's filters."""
        form, filters = self.valid_filters(request)
        if filters is None:
            raise BadRequest(" ".join(form.problems()))
        found = ResultList(self.search_request(filters)).ids()
        resources = self.resources().filter(pk__in=found).defer("document_text")
        newest = resources.order_by("-first_published_at", "-pk")[: self.feed_length]
        return ResourceFeed(self, newest)(request)


class ResourcePageTag(TaggedItemBase):
    """A free tag ("étiquette") put on a resource."""

    content_object = ParentalKey(
        "resources.ResourcePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ResourcePage(RoutablePageMixin, Page):
    """A tool for parents or professionals: files to download and/or a link, described so that
    the library can filter it. Lives under a département's library (or the national one)."""

    _get_FIELD_display = choice_label

    summary = models.TextField(_("résumé"), max_length=800)
    kind = models.CharField(_("type de ressource"), max_length=30, choices=ResourceKind.choices)
    themes = MultipleChoiceField(_("thèmes"), choices=Theme.choices)
    audiences = MultipleChoiceField(_("publics"), choices=Audience.choices, blank=False)
    tags = ClusterTaggableManager(
        _("étiquettes"), through=ResourcePageTag, blank=True, help_text=_("Mots-clés libres.")
    )
    external_url = models.URLField(
        _("lien externe"),
        blank=True,
        help_text=_("Vidéo, podcast ou page d'un partenaire, si la ressource est en ligne."),
    )
    licence = models.CharField(
        _("licence"), max_length=30, choices=Licence.choices, default=Licence.ALL_RIGHTS
    )
    author = models.CharField(_("auteur ou structure"), max_length=200)
    produced_by_coordination = models.BooleanField(
        _("produit par la coordination départementale"),
        default=False,
        help_text=_("Compte dans l'indicateur « outils produits » de la coordination."),
    )
    publication_date = models.DateField(_("date de publication"), default=timezone.localdate)
    document_text = models.TextField(
        _("texte des fichiers"),
        blank=True,
        editable=False,
        help_text=_("Extrait des fichiers au dépôt, pour la recherche."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("themes"),
                FieldPanel("audiences"),
                FieldPanel("tags"),
            ],
            heading=_("Classement"),
        ),
        InlinePanel("files", label=_("Fichier"), heading=_("Fichiers")),
        FieldPanel("external_url"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("licence"),
                FieldPanel("produced_by_coordination"),
                FieldPanel("publication_date"),
            ],
            heading=_("Origine"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("author"),
        index.SearchField("document_text"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
        index.FilterField("produced_by_coordination"),
    ]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    base_form_class = ResourcePageForm

    class Meta:
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")

    @path("telecharger/<int:file_id>/", name="download")
    def download(self, request, file_id):
        """The file as an attachment, with its real type; each GET counts one download."""
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        resource_file = self._file(file_id)
        response = serving.download_response(resource_file, resource_file.download_name(self))
        if request.method == "GET":
            record_download(resource_file.pk)
        return response

    @path("vignette/<int:file_id>/", name="thumbnail")
    def thumbnail(self, request, file_id):
        return serving.thumbnail_response(self._file(file_id))

    def _file(self, file_id):
        return get_object_or_404(
            ResourceFile.objects.defer("extracted_text"), page=self, pk=file_id
        )

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("« %(slug)s » est réservé par la ressourcerie.") % {"slug": self.slug}}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview shows the files of the draft, which are not in the database yet.
        preview = getattr(request, "is_preview", False)
        context["files"] = list(self.files.all()) if preview else self.files_with_downloads()
        context["library"] = ResourceIndexPage.objects.parent_of(self).first()
        return context

    def ingest_files(self):
        """Store new uploads with their text and thumbnail, and gather the text for search."""
        for resource_file in self.files.all():
            resource_file.ingest()
        self.document_text = "\n\n".join(
            resource_file.extracted_text for resource_file in self.files.all()
        )

    def save(self, *args, **kwargs):
        self.ingest_files()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        self.ingest_files()
        return super().save_revision(*args, **kwargs)

    def files_with_downloads(self):
        """The files of the published resource, each with its `downloads` total (one query)."""
        return list(
            ResourceFile.objects.filter(page=self)
            .defer("extracted_text")
            .annotate(downloads=Coalesce(Sum("monthly_downloads__count"), Value(0)))
            .order_by("sort_order", "pk")
        )

    @cached_property
    def kind_label(self):
        return self.get_kind_display()

    @property
    def theme_labels(self):
        return self._meta.get_field("themes").get_choices_labels(self.themes)

    @property
    def audience_labels(self):
        return self._meta.get_field("audiences").get_choices_labels(self.audiences)


class ResourceFile(Orderable):
    """One downloadable file of a resource, checked and analysed when it is uploaded."""

    page = ParentalKey(ResourcePage, related_name="files", on_delete=models.CASCADE)
    title = models.CharField(
        _("intitulé"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : « Version à imprimer ». Par défaut, le titre de la ressource."),
    )
    file = models.FileField(
        _("fichier"),
        storage=resource_storage,
        upload_to="fichiers/%Y/%m/",
        max_length=255,
        validators=[validate_upload],
    )
    format = models.CharField(
        _("format"), max_length=10, choices=FORMAT_CHOICES, blank=True, editable=False
    )
    size = models.PositiveBigIntegerField(_("taille en octets"), default=0, editable=False)
    extracted_text = models.TextField(_("texte extrait"), blank=True, editable=False)
    thumbnail = models.FileField(
        _("vignette"),
        storage=resource_storage,
        upload_to="vignettes/%Y/%m/",
        max_length=255,
        blank=True,
        editable=False,
    )

    panels = [FieldPanel("title"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("fichier")
        verbose_name_plural = _("fichiers")

    def __str__(self):
        return self.title or self.file.name

    @property
    def file_format(self):
        return FORMATS.get(self.format)

    def download_name(self, page):
        """« titre-de-la-ressource[-intitule].pdf », whatever name the storage gave the file."""
        stem = slugify(page.title)[:80] or "ressource"
        if self.title:
            stem = f"{stem}-{slugify(self.title)[:40]}"
        extension = self.file_format.extension if self.file_format else "bin"
        return f"{stem}.{extension}"

    def ingest(self):
        """For a new upload: check it, store it under a clean name, keep its text and thumbnail."""
        if not self.file or self.file._committed:
            return
        upload = self.file.file
        analysis = analyse(upload)
        self.format = analysis.format.code
        self.size = upload.size
        self.extracted_text = analysis.text
        page = getattr(self, "page", None)  # unset until the file is attached to a resource
        stem = slugify(page.title if page else upload.name.rsplit(".", 1)[0])[:80] or "ressource"
        thumbnail = pdf_thumbnail(upload) if analysis.format.code == "pdf" else None
        self.file.save(f"{stem}.{analysis.format.extension}", upload, save=False)
        if thumbnail:
            self.thumbnail.save(f"{stem}.jpg", ContentFile(thumbnail), save=False)


class MonthlyDownloads(models.Model):
    """How many times a file was downloaded during a month (Paris time). Nothing about who."""

    file = models.ForeignKey(
        ResourceFile, on_delete=models.CASCADE, related_name="monthly_downloads"
    )
    month = models.DateField(_("mois"), help_text=_("Premier jour du mois."))
    count = models.PositiveIntegerField(_("téléchargements"), default=0)

    class Meta:
        verbose_name = _("téléchargements du mois")
        verbose_name_plural = _("téléchargements par mois")
        constraints = [
            models.UniqueConstraint(fields=["file", "month"], name="one_counter_per_file_and_month")
        ]

    def __str__(self):
        return f"{self.file_id} {self.month:%Y-%m}: {self.count}"


# -- downloads and the library's querysets --------------------------------------------------

BY_DOWNLOADS = ("-total_downloads", "-publication_date", "-pk")


def record_download(file_id, when=None):
    """Add one download to the file's counter of the month, in one statement.

    An upsert (SQLite and PostgreSQL alike) creates the counter or increments it atomically:
    no read-then-write, so simultaneous downloads neither race nor wait on each other's reads.
    Nothing about the visitor is stored.
    """
    month = timezone.localdate(when).replace(day=1)
    table = connection.ops.quote_name(MonthlyDownloads._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (file_id, month, count) VALUES (%s, %s, 1) "
            f"ON CONFLICT (file_id, month) DO UPDATE SET count = {table}.count + 1",
            [file_id, connection.ops.adapt_datefield_value(month)],
        )


def total_downloads_of_resource():
    """An expression: all downloads of the files of the resource in the outer query."""
    totals = (
        MonthlyDownloads.objects.filter(file__page=OuterRef("pk"))
        .order_by()
        .values("file__page")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return Coalesce(Subquery(totals), Value(0))


def with_downloads(resources):
    """`resources`, each with its `total_downloads`."""
    return resources.annotate(total_downloads=total_downloads_of_resource())


def for_listing(resources):
    """What a list of resources shows, fetched in a constant number of queries."""
    return resources.defer("document_text").prefetch_related(
        Prefetch(
            "files",
            queryset=ResourceFile.objects.defer("extracted_text").order_by("sort_order", "pk"),
        ),
        "tags",
    )


def tags_in_use(resources):
    return (
        Tag.objects.filter(
            resources_resourcepagetag_items__content_object__in=resources.values("pk")
        )
        .distinct()
        .order_by("name")
    )


def years_in_use(resources):
    return sorted(
        {date.year for date in resources.order_by().dates("publication_date", "year")},
        reverse=True,
    )
