from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from hub.fields import MultipleChoiceField
from hub.models.pages import SectionIndexPage
from hub.taxonomies import Theme

from .extraction import pdf_thumbnail
from .formats import FORMAT_CHOICES, FORMATS
from .forms import ResourcePageForm
from .storage import resource_storage
from .uploads import analyse, validate_upload

RESERVED_SLUGS = {"flux", "etiquettes"}


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    FICHE = "fiche-pratique", _("Fiche pratique")
    KIT = "kit-animation", _("Kit ou outil d'animation")
    AFFICHE = "affiche-flyer", _("Affiche ou flyer")
    VIDEO = "video", _("Vidéo")
    PODCAST = "podcast", _("Podcast")
    ETUDE = "etude-rapport", _("Étude ou rapport")
    FORMATION = "support-formation", _("Support de formation")
    MODELE = "modele-document", _("Modèle de document")


class Audience(models.TextChoices):
    PARENTS = "parents", _("Parents")
    PROFESSIONNELS = "professionnels", _("Professionnels")
    PROMENEURS = "promeneurs", _("Promeneurs du Net")
    COORDINATEURS = "coordinateurs", _("Coordinateurs")


class Licence(models.TextChoices):
    CC_BY = "cc-by", _("Creative Commons Attribution (CC BY 4.0)")
    CC_BY_SA = "cc-by-sa", _("Creative Commons Attribution – Partage dans les mêmes conditions")
    CC_BY_NC = "cc-by-nc", _("Creative Commons Attribution – Pas d'utilisation commerciale")
    CC_BY_NC_SA = (
        "cc-by-nc-sa",
        _("Creative Commons Attribution – Pas d'utilisation commerciale – Partage à l'identique"),
    )
    CC_BY_ND = "cc-by-nd", _("Creative Commons Attribution – Pas de modification")
    CC0 = "cc0", _("Domaine public (CC0)")
    ETALAB = "licence-ouverte", _("Licence Ouverte Etalab 2.0")
    ALL_RIGHTS = "tous-droits-reserves", _("Tous droits réservés")


class ResourceIndexPage(RoutablePageMixin, SectionIndexPage):
    """The pedagogical resource library of a département, or of the whole network: filters,
    a page per tag and an Atom feed of new resources."""

    subpage_types = ["resources.ResourcePage"]

    class Meta:
        verbose_name = _("ressourcerie")
        verbose_name_plural = _("ressourceries")

    def resources(self):
        """The published resources of this library."""
        return self.scoped(ResourcePage.objects.live().public())

    @path("")
    def listing(self, request):
        from . import views

        return views.library(request, self)

    @path("etiquettes/<str:tag_slug>/", name="tag")
    def tag(self, request, tag_slug):
        from . import views

        return views.library(request, self, tag_slug=tag_slug)

    @path("flux/", name="feed")
    def feed(self, request):
        from . import views

        return views.feed(request, self)


class ResourcePageTag(TaggedItemBase):
    """A free tag ("étiquette") put on a resource."""

    content_object = ParentalKey(
        "resources.ResourcePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ResourcePage(RoutablePageMixin, Page):
    """A tool for parents or professionals: files to download and/or a link, described so that
    the library can filter it. Lives under a département's library (or the national one)."""

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
        from . import views

        return views.download(request, self, file_id)

    @path("vignette/<int:file_id>/", name="thumbnail")
    def thumbnail(self, request, file_id):
        from . import views

        return views.thumbnail(request, self, file_id)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("« %(slug)s » est réservé par la ressourcerie.") % {"slug": self.slug}}
            )

    def get_context(self, request, *args, **kwargs):
        from .downloads import files_with_downloads

        context = super().get_context(request, *args, **kwargs)
        # A preview shows the files of the draft, which are not in the database yet.
        preview = getattr(request, "is_preview", False)
        context["files"] = list(self.files.all()) if preview else files_with_downloads(self)
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
