import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events import choices, ical
from events.forms import EventPageForm
from hub import recurrence
from hub.fields import choice_label
from hub.models import DepartementPage
from hub.models.recurrence import RECURRENCE_HELP, RecurrenceRule
from hub.point_panel import PointPanel

from .calendar_version import CalendarVersion


class EventPage(RoutablePageMixin, RecurrenceRule, Page):
    """A meeting of the network or a "temps fort" for parents, possibly recurring.

    `uid` names the event in calendar applications for its whole life; `sequence` counts its
    publications (iCalendar SEQUENCE). The commune is stored as its name and postal code; its
    centre is the point unless the point was placed by hand (`hub.point_panel`).
    """

    _get_FIELD_display = choice_label

    Kind = choices.Kind
    Audience = choices.Audience
    Status = choices.Status
    Recurrence = choices.Recurrence

    uid = models.UUIDField(
        _("identifiant de calendrier"), default=uuid.uuid4, editable=False, unique=True
    )
    sequence = models.PositiveIntegerField(_("version publiée"), default=0, editable=False)
    departement = models.ForeignKey(
        "territories.Departement",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="events",
    )
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    audience = models.CharField(_("public"), max_length=20, choices=Audience.choices)
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.CONFIRMED
    )
    start_date = models.DateField(_("date de début"))
    start_time = models.TimeField(
        _("heure de début"), null=True, blank=True, help_text=_("Vide : toute la journée.")
    )
    end_date = models.DateField(
        _("date de fin"), null=True, blank=True, help_text=_("Vide : le même jour.")
    )
    end_time = models.TimeField(_("heure de fin"), null=True, blank=True)
    last_date = models.DateField(_("dernier jour"), null=True, editable=False, db_index=True)

    venue_name = models.CharField(_("lieu"), max_length=200, blank=True)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    postcode = models.CharField(_("code postal"), max_length=5, blank=True)
    commune = models.CharField(_("commune"), max_length=100, blank=True)
    online_url = models.URLField(_("lien de connexion (en ligne)"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    point_placed = models.BooleanField(
        _("point placé à la main"),
        default=False,
        help_text=_("Sinon, le point suit le centre de la commune."),
    )

    description = RichTextField(
        _("description"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    organiser = models.CharField(_("organisé par"), max_length=200)
    registration_url = models.URLField(_("lien d'inscription"), blank=True)
    registration_contact = models.CharField(
        _("contact pour s'inscrire"),
        max_length=200,
        blank=True,
        help_text=_("Courriel ou téléphone."),
    )
    capacity = models.PositiveIntegerField(_("nombre de places"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience"), FieldPanel("status")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading=_("Dates (heure de Paris)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldPanel("commune"),
                PointPanel(),
                FieldPanel("online_url"),
            ],
            heading=_("Lieu"),
        ),
        FieldPanel("description"),
        FieldPanel("organiser"),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_contact"),
                FieldPanel("capacity"),
            ],
            heading=_("Inscription"),
        ),
    ]
    recurrence_panels = [
        HelpPanel(RECURRENCE_HELP),
        *RecurrenceRule.rule_panels,
        InlinePanel("exception_dates", heading=_("Dates annulées"), label=_("Date annulée")),
    ]
    attendance_panels = [
        HelpPanel(_("Après l'événement, notez la participation : elle alimente les indicateurs.")),
        InlinePanel("attendances", heading=_("Participation"), label=_("Séance")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Événement")),
            ObjectList(recurrence_panels, heading=_("Répétition")),
            ObjectList(attendance_panels, heading=_("Participation")),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
            ObjectList(Page.settings_panels, heading=_("Réglages")),
        ]
    )
    base_form_class = EventPageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("commune"),
        index.SearchField("organiser"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    exclude_fields_in_copy = ["uid", "sequence"]

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    place_label = property(ical.place_label)

    def clean(self):
        super().clean()
        errors = {}
        end_date = self.end_date or self.start_date
        if self.start_date and end_date < self.start_date:
            errors["end_date"] = _("La date de fin précède la date de début.")
        if self.start_time is None and self.end_time is not None:
            errors["start_time"] = _("Indiquez l'heure de début, ou videz l'heure de fin.")
        if self.start_time is not None and self.end_time is None:
            errors["end_time"] = _("Indiquez l'heure de fin, ou videz l'heure de début.")
        if (
            self.start_date
            and self.start_time
            and self.end_time
            and end_date == self.start_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("L'heure de fin doit suivre l'heure de début.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Indiquez la latitude et la longitude, ou aucune des deux.")
        if not (self.venue_name or self.address or self.commune or self.online_url):
            errors["commune"] = _("Indiquez un lieu (adresse, commune) ou un lien de connexion.")
        errors.update(self.recurrence_errors())
        if errors:
            raise ValidationError(errors)

    def occurrences(self):
        return recurrence.occurrences_of(self)

    def save(self, *args, **kwargs):
        if self.path:
            section = DepartementPage.objects.ancestor_of(self).first()
            self.departement_id = section.departement_id if section else None
        self.last_date = self._last_date()
        return super().save(*args, **kwargs)

    def _last_date(self):
        if self.start_date is None:
            return None
        occurrences = recurrence.occurrences_of(self, exception_dates=set())
        return occurrences[-1].last_day if occurrences else self.start_date

    def with_content_json(self, content):
        """Revisions never carry the calendar identity or publication count backwards."""
        obj = super().with_content_json(content)
        obj.uid = self.uid
        obj.sequence = self.sequence
        if "point_placed" not in content:
            # A revision saved before the flag existed: the migration set it on the event.
            obj.point_placed = self.point_placed
        return obj

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        occurrences = self.occurrences()
        now = timezone.now()
        upcoming = [item for item in occurrences if item.ends_at > now]
        # The next occurrence, or the last one once they are all past.
        featured = (upcoming or occurrences[-1:] or [None])[0]
        context.update(
            occurrences=occurrences,
            upcoming=upcoming,
            featured=featured,
            past_count=len(occurrences) - len(upcoming),
        )
        return context

    @path("ical/", name="ics")
    def ics(self, request):
        return ical.EventCalendarFeed(event=self, version=CalendarVersion.current())(request)


class EventExceptionDate(Orderable):
    """A date on which a recurring event does not take place (iCalendar EXDATE)."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exception_dates")
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("date annulée")
        verbose_name_plural = _("dates annulées")


class EventAttendance(Orderable):
    """Who came to one session of an event: recorded afterwards, used by the indicators."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="attendances")
    date = models.DateField(_("date de la séance"))
    participants = models.PositiveIntegerField(_("nombre de participants"))
    structures_count = models.PositiveIntegerField(_("nombre de structures représentées"))
    structures = models.TextField(
        _("structures représentées"), blank=True, help_text=_("Une structure par ligne.")
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("participants"), FieldPanel("structures_count")]
        ),
        FieldPanel("structures"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    @property
    def structure_names(self):
        return [line.strip() for line in self.structures.splitlines() if line.strip()]
