"""Directory content as Wagtail pages under each section's directory, so that a coordination
edits only its own département (see `hub.permissions`)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from directory import alternatives, choices, maps, opening_hours, review, sessions
from directory.admin_forms import ActionPageForm
from directory.forms import DirectorySearchForm, Kind
from directory.hours_widget import OpeningHoursField, OpeningHoursWidget
from directory.search import search_request, with_distances
from directory.validators import validate_siret
from hub.admin_forms import SectionScopedPageForm
from hub.fields import MultipleChoiceField, choice_label
from hub.models.pages import SectionIndexPage
from hub.models.recurrence import RECURRENCE_HELP, RecurrenceRule
from hub.place_inputs import CommuneInput
from hub.point_panel import PointPanel
from hub.taxonomies import Theme
from search.api import ResultList
from search.ways_out import without_unmatched
from territories.communes import place_suggestions

ENTRY_TYPES = [
    "directory.ActionPage",
    "directory.LieuRessourcePage",
    "directory.PromeneurPage",
    "directory.StructurePage",
]


class DirectoryIndexPage(RoutablePageMixin, SectionIndexPage):
    """ "Trouver une action près de chez moi": the directory of a département, or national."""

    subpage_types = ENTRY_TYPES
    form_class = DirectorySearchForm
    per_page = 20

    class Meta:
        verbose_name = _("annuaire")
        verbose_name_plural = _("annuaires")

    def form_kwargs(self, request):
        return {"departement_code": self.departement_code}

    def search_request(self, filters):
        """The directory's request; words that cannot all match give the closest records."""
        request = search_request(filters, self.departement_code)
        request.approximate = True
        return request

    def display_queryset(self, filters):
        return records_queryset(filters.get("contenu") or Kind.ACTIONS)

    def listing_context(self, request, form, page_obj):
        context = {
            "kind": Kind.ACTIONS,
            "more_filters_open": form.opens_more_filters(),
        }
        if page_obj is None:
            return context
        filters = form.cleaned_data if form.is_bound else {}
        records = with_distances(page_obj.object_list)
        context.update(
            kind=filters.get("contenu") or Kind.ACTIONS,
            records=records,
            map=maps.results_map(
                records,
                origin=filters.get("lieu"),
                radius=filters.get("rayon"),
                start=page_obj.start_index(),
            ),
            origin=filters.get("lieu"),
            radius=filters.get("rayon"),
        )
        results = page_obj.paginator.object_list
        if isinstance(results, ResultList):
            context.update(
                approximate=results.approximate,
                unmatched=", ".join(f"« {word} »" for word in results.unmatched),
                without_unmatched=without_unmatched(results.request, results, request.GET),
            )
        if form.is_bound:
            context.update(
                alternatives.help_context(
                    form,
                    request.GET,
                    self.departement_code,
                    lambda: self.display_queryset(filters),
                    page_obj.paginator.count,
                )
            )
        return context

    def render_listing(self, request, context, status=200):
        response = super().render_listing(request, context, status)
        if (context.get("map") or {}).get("interactive"):
            response._csp_update = {"img-src": [maps.tile_source()]}
        return response

    @path("")
    def listing(self, request):
        return self.serve_listing(request)

    @path("communes/", name="communes")
    def communes(self, request):
        """Up to 10 communes for the place field, as JSON (the field works without it)."""
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return JsonResponse({"results": place_suggestions(request.GET.get("q", ""))})


class DirectoryEntry(Page):
    """Fields shared by every directory record: where it is and how to reach it."""

    address = models.CharField(_("adresse"), max_length=250, blank=True)
    commune = models.ForeignKey(
        "territories.Commune",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    point_placed = models.BooleanField(
        _("point placé à la main"),
        default=False,
        help_text=_("Sinon, le point suit le centre de la commune."),
    )
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    website = models.URLField(_("site web"), blank=True)
    external_id = models.CharField(
        _("identifiant d'import"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Identifiant stable utilisé par les imports CSV et data·inclusion."),
    )
    review_every_months = models.PositiveSmallIntegerField(
        _("vérification tous les (mois)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text=_(
            "Le porteur reçoit un courriel lui demandant de vérifier la fiche quand ce délai est "
            "passé depuis la dernière vérification (de 1 à 36 mois)."
        ),
    )
    confirmed_at = models.DateTimeField(
        _("confirmée à jour le"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Dernière fois que le porteur a confirmé « toujours à jour »."),
    )

    place_panels = [
        FieldPanel("address"),
        FieldPanel("commune", widget=CommuneInput),
        PointPanel(),
    ]
    contact_panels = [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel([FieldPanel("review_every_months")], heading=_("Fraîcheur de la fiche")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("address")]
    base_form_class = SectionScopedPageForm
    _get_FIELD_display = choice_label
    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="%(class)s_point"),
        ]

    @classmethod
    def can_create_at(cls, parent):
        # Records belong to a département: never directly under the national directory.
        return super().can_create_at(parent) and parent.depth > 3

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Indiquez la latitude et la longitude, ou aucune des deux."))

    def locate(self):
        """The point follows the commune's centre unless it was placed by hand (or imported)."""
        if self.latitude is None or self.longitude is None:
            self.point_placed = False
        if self.commune_id and not self.point_placed and self.commune.has_point:
            self.latitude = self.commune.latitude
            self.longitude = self.commune.longitude

    def save(self, *args, **kwargs):
        self.locate()
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        if "point_placed" not in content:
            # A revision saved before the flag existed: the migration set it on the record.
            obj.point_placed = self.point_placed
        # A confirmation is no revision: publishing an older draft keeps the latest one.
        obj.confirmed_at = self.confirmed_at
        return obj

    @property
    def last_update(self):
        return self.last_published_at or self.latest_revision_created_at or self.first_published_at

    @property
    def verified_at(self):
        """When the record was last known to be right: the porteur's latest confirmation
        « toujours à jour », or its latest publication (the coordination publishes, or approves
        the porteur's change), whichever is later."""
        return review.latest(self.confirmed_at, self.last_published_at)

    @property
    def review_due_on(self):
        """The day the record is due for its next review (Europe/Paris), or None if unpublished."""
        return review.due_on(self.verified_at, self.review_every_months)

    def is_due_for_review(self, today=None):
        return review.is_due(self.verified_at, self.review_every_months, today)


class StructurePage(DirectoryEntry):
    """A structure (porteur) that runs actions or lieux ressources."""

    kind = models.CharField(_("type de structure"), max_length=30, choices=choices.StructureKind)
    siret = models.CharField(_("SIRET"), max_length=14, blank=True, validators=[validate_siret])
    description = models.TextField(_("présentation"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("siret"),
        FieldPanel("description"),
        MultiFieldPanel(DirectoryEntry.place_panels, heading=_("Adresse")),
        MultiFieldPanel(DirectoryEntry.contact_panels, heading=_("Contact")),
    ]

    class Meta(DirectoryEntry.Meta):
        verbose_name = _("structure")
        verbose_name_plural = _("structures")


class OpeningHoursMixin(models.Model):
    """Opening hours in OSM syntax, with the Saturday and evening flags computed at save time."""

    opening_hours = OpeningHoursField(
        _("horaires d'ouverture"),
        max_length=500,
        blank=True,
        help_text=_(
            "Fermé les jours fériés, sauf mention contraire. Les fermetures temporaires se "
            "saisissent plus bas."
        ),
    )
    open_saturday = models.BooleanField(_("ouvert le samedi"), default=False, editable=False)
    open_evening = models.BooleanField(_("ouvert après 18 h"), default=False, editable=False)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.compute_opening_flags()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.opening_hours:
            try:
                opening_hours.parse(self.opening_hours)
            except ValidationError as error:
                raise ValidationError({"opening_hours": error}) from None

    def compute_opening_flags(self, reference=None):
        summary = None
        if self.opening_hours:
            try:
                summary = opening_hours.summarize(self.opening_hours, reference)
            except ValidationError:
                summary = None
        self.open_saturday = bool(summary and summary.open_saturday)
        self.open_evening = bool(summary and summary.open_evening)
        return summary


class LieuRessourcePage(OpeningHoursMixin, DirectoryEntry):
    """A lieu ressource parentalité: a place (or an itinerant service) open to parents."""

    kind = models.CharField(_("type de lieu"), max_length=30, choices=choices.LieuKind)
    structure = models.ForeignKey(
        StructurePage,
        verbose_name=_("structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lieux",
    )
    description = models.TextField(_("présentation"), blank=True)
    itinerant = models.BooleanField(_("itinérant"), default=False)
    services = MultipleChoiceField(_("services sur place"), choices=choices.Service.choices)
    accessibility = models.TextField(_("accessibilité"), blank=True)
    participation = models.CharField(
        _("participation"), max_length=20, choices=choices.Cost, default=choices.Cost.GRATUIT
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("structure"),
        FieldPanel("description"),
        MultiFieldPanel(DirectoryEntry.place_panels, heading=_("Adresse")),
        FieldPanel("itinerant"),
        InlinePanel("stops", label=_("Étapes (lieu itinérant)")),
        FieldPanel(
            "opening_hours",
            widget=OpeningHoursWidget(minimum_half_days=opening_hours.MINIMUM_HALF_DAYS),
        ),
        InlinePanel("closures", label=_("Fermetures temporaires")),
        FieldPanel("services"),
        FieldPanel("accessibility"),
        FieldPanel("participation"),
        MultiFieldPanel(DirectoryEntry.contact_panels, heading=_("Contact")),
    ]
    search_fields = [*DirectoryEntry.search_fields, index.SearchField("description")]

    class Meta(DirectoryEntry.Meta):
        verbose_name = _("lieu ressource parentalité")
        verbose_name_plural = _("lieux ressources parentalité")

    def service_labels(self):
        return self._meta.get_field("services").get_choices_labels(self.services)

    @property
    def opening_warning(self):
        """A warning under the Caf's minimum of five half-days a week, or None."""
        if not self.opening_hours:
            return None
        try:
            summary = opening_hours.summarize(self.opening_hours)
        except ValidationError:
            return None
        return opening_hours.half_day_warning(summary.half_days)


class LieuStop(Orderable):
    """One stop of an itinerant lieu ressource."""

    lieu = ParentalKey(LieuRessourcePage, on_delete=models.CASCADE, related_name="stops")
    commune = models.ForeignKey(
        "territories.Commune", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("lieu"), max_length=200)
    schedule = models.CharField(_("jours et horaires"), max_length=200)

    panels = [
        FieldPanel("commune", widget=CommuneInput),
        FieldPanel("place"),
        FieldPanel("schedule"),
    ]


class ActionPage(OpeningHoursMixin, DirectoryEntry):
    """An action offered to parents: a group, a workshop, individual support…"""

    action_type = models.CharField(_("type d'action"), max_length=40, choices=choices.ActionType)
    structure = models.ForeignKey(
        StructurePage,
        verbose_name=_("structure porteuse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    description = models.TextField(_("présentation"))
    themes = MultipleChoiceField(_("thèmes"), choices=Theme.choices)
    publics = MultipleChoiceField(_("publics particuliers"), choices=choices.Public.choices)
    age_min = models.PositiveSmallIntegerField(
        _("âge minimum des enfants"), default=0, validators=[MaxValueValidator(21)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("âge maximum des enfants"),
        default=21,
        validators=[MinValueValidator(0), MaxValueValidator(21)],
    )
    format = models.CharField(
        _("format"), max_length=20, choices=choices.Format, default=choices.Format.COLLECTIF
    )
    mode = models.CharField(
        _("modalité"), max_length=20, choices=choices.Mode, default=choices.Mode.PRESENTIEL
    )
    schedule = models.CharField(
        _("précisions sur le calendrier"),
        max_length=300,
        blank=True,
        help_text=_(
            "Ce que les séances ne disent pas (hors vacances scolaires, sur rendez-vous…). "
            "Les jours cités doivent être ceux des séances."
        ),
    )
    cost = models.CharField(
        _("coût"), max_length=20, choices=choices.Cost, default=choices.Cost.GRATUIT
    )
    cost_amount = models.DecimalField(
        _("montant (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    registration = models.CharField(
        _("inscription"),
        max_length=20,
        choices=choices.Registration,
        default=choices.Registration.INSCRIPTION,
    )
    registration_url = models.URLField(
        _("lien d'inscription"),
        blank=True,
        help_text=_(
            "Sinon, les parents s'inscrivent par le téléphone ou le courriel de l'action "
            "(ou de sa structure)."
        ),
    )
    capacity = models.PositiveSmallIntegerField(_("nombre de places"), null=True, blank=True)
    lieu = models.ForeignKey(
        LieuRessourcePage,
        verbose_name=_("lieu ressource"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        help_text=_("Vide : l'action a sa propre adresse."),
    )
    zone = models.CharField(
        _("territoire desservi"),
        max_length=500,
        blank=True,
        help_text=_(
            "Codes INSEE de communes, SIREN d'EPCI ou codes de département, séparés par des "
            "virgules."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("action_type"),
        FieldPanel("structure"),
        FieldPanel("description"),
        FieldPanel("themes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("publics"),
            ],
            heading=_("Publics"),
        ),
        FieldRowPanel([FieldPanel("format"), FieldPanel("mode")]),
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "Ajoutez chaque séance datée, ou la première d'une série qui se répète "
                        "(heure de Paris). Les prochaines séances en sont calculées."
                    )
                ),
                InlinePanel("sessions", heading=_("Séances"), label=_("Séance")),
                InlinePanel(
                    "cancelled_dates", heading=_("Séances annulées"), label=_("Date annulée")
                ),
                FieldPanel("schedule"),
                FieldPanel("opening_hours"),
                InlinePanel("closures", label=_("Fermetures temporaires")),
                FieldPanel("registration"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
            ],
            heading=_("Calendrier et inscription"),
        ),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_amount")]),
        MultiFieldPanel(
            [FieldPanel("lieu"), *DirectoryEntry.place_panels, FieldPanel("zone")],
            heading=_("Lieu"),
        ),
        MultiFieldPanel(DirectoryEntry.contact_panels, heading=_("Contact")),
    ]
    search_fields = [*DirectoryEntry.search_fields, index.SearchField("description")]
    base_form_class = ActionPageForm

    class Meta(DirectoryEntry.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def clean(self):
        super().clean()
        errors = {}
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors["age_max"] = _("L'âge maximum doit être supérieur ou égal à l'âge minimum.")
        if self.cost == choices.Cost.PAYANT and self.cost_amount is None:
            errors["cost_amount"] = _("Indiquez le montant d'une action payante.")
        if errors:
            raise ValidationError(errors)

    def locate(self):
        if self.lieu_id and self.commune_id is None:
            self.commune_id = self.lieu.commune_id
            if self.latitude is None:
                self.latitude, self.longitude = self.lieu.latitude, self.lieu.longitude
                self.point_placed = self.lieu.point_placed
        super().locate()

    @cached_property
    def upcoming_sessions(self):
        """The next sessions (at most `sessions.UPCOMING_LIMIT`), none already started."""
        return sessions.upcoming(self)

    @property
    def venue(self):
        """Where the action takes place: its own address, or else its lieu's."""
        return self.lieu if self.lieu_id and not self.address else self

    @property
    def contact(self):
        """Whom parents reach: the action's own contact, or else its structure's."""
        if not (self.phone or self.email or self.website) and self.structure_id:
            return self.structure
        return self

    @property
    def fnp_axe_volet(self):
        return choices.FNP_AXE_VOLET.get(self.action_type, (1, 1))

    def theme_labels(self):
        return self._meta.get_field("themes").get_choices_labels(self.themes)

    def public_labels(self):
        return self._meta.get_field("publics").get_choices_labels(self.publics)


class ActionSession(RecurrenceRule, Orderable):
    """One dated session of an action, or the first of a series that repeats like an event."""

    action = ParentalKey("directory.ActionPage", on_delete=models.CASCADE, related_name="sessions")
    start_date = models.DateField(_("date"))
    start_time = models.TimeField(_("heure de début"))
    end_time = models.TimeField(_("heure de fin"), null=True, blank=True)
    # A session never spans several days (the recurrence engine reads this).
    end_date = None

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        HelpPanel(RECURRENCE_HELP),
        *RecurrenceRule.rule_panels,
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("séance")
        verbose_name_plural = _("séances")

    def clean(self):
        super().clean()
        errors = self.recurrence_errors()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("L'heure de fin doit suivre l'heure de début.")
        if errors:
            raise ValidationError(errors)


class ActionCancelledDate(Orderable):
    """A day on which an action's sessions do not take place (holidays, closures)."""

    action = ParentalKey(
        "directory.ActionPage", on_delete=models.CASCADE, related_name="cancelled_dates"
    )
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("séance annulée")
        verbose_name_plural = _("séances annulées")


class PromeneurPage(DirectoryEntry):
    """A Promeneur du Net: a professional who meets parents and young people online."""

    function = models.CharField(_("fonction"), max_length=150)
    structure = models.ForeignKey(
        StructurePage,
        verbose_name=_("structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="promeneurs",
    )
    presence_hours = models.CharField(_("horaires de présence en ligne"), max_length=300)
    audience = MultipleChoiceField(_("public"), choices=choices.Audience.choices)
    labelled_on = models.DateField(_("date de labellisation"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("function"),
        FieldPanel("structure"),
        InlinePanel("networks", label=_("Réseaux sociaux")),
        FieldPanel("presence_hours"),
        FieldPanel("audience"),
        FieldPanel("commune", widget=CommuneInput),
        FieldPanel("labelled_on"),
        MultiFieldPanel(DirectoryEntry.contact_panels, heading=_("Contact")),
    ]

    class Meta(DirectoryEntry.Meta):
        verbose_name = _("Promeneur du Net")
        verbose_name_plural = _("Promeneurs du Net")


class PromeneurNetwork(Orderable):
    """A social network on which a Promeneur du Net can be reached."""

    promeneur = ParentalKey(PromeneurPage, on_delete=models.CASCADE, related_name="networks")
    network = models.CharField(_("réseau"), max_length=20, choices=choices.Network)
    handle = models.CharField(_("pseudo ou lien"), max_length=200)

    panels = [FieldPanel("network"), FieldPanel("handle")]


# What a result card and the results map read of a record (templates/directory/includes/
# result.html, directory.maps): loading only that takes half the time of whole pages.
CARD_FIELDS = ("title", "url_path", "latitude", "longitude", "commune__nom")
HOURS_FIELDS = ("opening_hours", "commune__departement_code")


def records_queryset(kind):
    """Where the directory loads the records of a page of hits, with what their cards show."""
    if kind == Kind.LIEUX:
        return (
            LieuRessourcePage.objects.live()
            .public()
            .select_related("commune")
            .only(*CARD_FIELDS, *HOURS_FIELDS, "kind", "participation")
            .prefetch_related("closures")
        )
    if kind == Kind.PROMENEURS:
        return (
            PromeneurPage.objects.live()
            .public()
            .select_related("commune")
            .only(*CARD_FIELDS, "function", "presence_hours")
        )
    lieu_fields = [f"lieu__{name}" for name in ("title", *HOURS_FIELDS)]
    return (
        ActionPage.objects.live()
        .public()
        .select_related("commune", "lieu__commune")
        .only(
            *CARD_FIELDS,
            *lieu_fields,
            "action_type",
            "schedule",
            "cost",
            "cost_amount",
            "age_min",
            "age_max",
        )
        .prefetch_related("lieu__closures", "sessions", "cancelled_dates")
    )
