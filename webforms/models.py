"""Forms the coordinations build in the admin (Wagtail's form builder): needs surveys and
registrations to an event.

Every form lives in a département section and states on the page why it asks, who reads the
answers (that section's coordination) and how long they are kept; `webforms.retention` deletes
them afterwards. A registration form adds the two personal fields it needs (name, e-mail) to
the coordinator's questions and follows the event's places (`webforms.registrations`).
"""

import uuid

from django import forms
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.fields import RichTextField
from wagtail.models import Page

from hub.sections import section_of

from . import registrations

RETENTION_CHOICES = [
    (3, _("3 mois")),
    (6, _("6 mois")),
    (12, _("1 an")),
    (24, _("2 ans")),
]
FIELD_HELP = _(
    "Ne demandez que ce qui sert au but annoncé : pas de date de naissance, d'adresse ni de "
    "situation familiale. Aucune question sur la santé, les opinions ou la vie privée."
)


class FormField(AbstractFormField):
    """One question of a form, as the coordinator wrote it in the admin."""

    page = ParentalKey(
        "webforms.NetworkFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class FormAnswer(AbstractFormSubmission):
    """One answer to a form; for a registration, also the person's e-mail and place.

    `token` names the registration in its cancel link (signed, see `webforms.registrations`).
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("inscription confirmée")
        WAITING = "waiting", _("liste d'attente")
        CANCELLED = "cancelled", _("annulée")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("courriel"), blank=True)
    status = models.CharField(_("état"), max_length=10, choices=Status, blank=True, db_index=True)
    status_changed_at = models.DateTimeField(_("état changé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        ordering = ["submit_time", "pk"]

    def get_data(self):
        data = super().get_data()
        if self.status:
            data["status"] = self.get_status_display()
        return data


class NetworkFormAdminForm(WagtailAdminFormPageForm):
    """Refuses an event of another département (a crafted chooser value) or one already tied."""

    def clean(self):
        cleaned_data = super().clean()
        event = cleaned_data.get("event")
        if event is None:
            return cleaned_data
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        form_section = section_of(parent)
        event_section = section_of(event)
        if form_section is None or event_section is None or event_section.pk != form_section.pk:
            self.add_error("event", _("Choisissez un événement de l'agenda de ce département."))
        elif event.audience == event.Audience.PARENTS:
            self.add_error(
                "event",
                _(
                    "Les parents ne donnent pas de données personnelles sur le site : pour un "
                    "événement destiné aux parents, indiquez un contact d'inscription sur "
                    "l'événement."
                ),
            )
        elif RegistrationFormPage.objects.filter(event=event).exclude(pk=self.instance.pk).exists():
            self.add_error("event", _("Cet événement a déjà un formulaire d'inscription."))
        return cleaned_data


class NetworkFormPage(AbstractForm):
    """What every form of the network says about itself: purpose, readers, retention."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    purpose = models.TextField(
        _("à quoi servent les réponses"),
        help_text=_(
            "Affiché sur le formulaire. Par exemple : préparer le programme des formations 2027."
        ),
    )
    retention_months = models.PositiveSmallIntegerField(
        _("durée de conservation des réponses"),
        choices=RETENTION_CHOICES,
        default=12,
        help_text=_("Les réponses sont ensuite supprimées automatiquement."),
    )
    thank_you_text = RichTextField(
        _("message après l'envoi"), blank=True, features=["bold", "italic", "link"]
    )

    base_form_class = NetworkFormAdminForm
    parent_page_types = ["hub.DepartementPage"]
    subpage_types = []
    is_creatable = False

    class Meta:
        verbose_name = _("formulaire")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("purpose"), FieldPanel("retention_months")],
            heading=_("Données personnelles (RGPD)"),
        ),
        HelpPanel(FIELD_HELP, heading=_("Questions")),
        InlinePanel("form_fields", label=_("Question")),
        FieldPanel("thank_you_text"),
    ]

    def get_submission_class(self):
        return FormAnswer

    def get_submissions_list_view_class(self):
        # Wagtail's admin views cannot be imported while the models load.
        from .answers_view import AnswersListView

        return AnswersListView

    @cached_property
    def section(self):
        return section_of(self)

    @property
    def readers(self):
        """Who reads the answers, as the form page says it."""
        section = self.section
        name = section.coordination_name or section.coordination_group_name if section else ""
        return _("La coordination départementale (%(name)s) seulement.") % {"name": name}

    def retention_starts_at(self):
        """From when the retention period counts: the answer's date (None), or a later one."""
        return None

    @property
    def retention_text(self):
        return _("%(period)s après leur envoi, puis elles sont supprimées automatiquement.") % {
            "period": self.get_retention_months_display()
        }

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A form carries a CSRF token and a visitor's answers: never kept by a shared cache.
        response["Cache-Control"] = "private, no-store"
        return response


class NeedsSurveyPage(NetworkFormPage):
    """A needs survey of the network's actors ("recueil des besoins")."""

    is_creatable = True
    template = "webforms/needs_survey_page.html"
    landing_page_template = "webforms/needs_survey_page_landing.html"

    class Meta:
        verbose_name = _("recueil des besoins")
        verbose_name_plural = _("recueils des besoins")


class RegistrationForm(forms.Form):
    """The personal fields every registration asks, before the coordinator's questions."""

    registrant_name = forms.CharField(label=_("Nom et prénom"), max_length=150)
    registrant_email = forms.EmailField(
        label=_("Courriel"),
        max_length=254,
        help_text=_("Pour vous envoyer la confirmation et le lien d'annulation."),
    )
    field_order = ["registrant_name", "registrant_email"]

    def clean_registrant_email(self):
        email = self.cleaned_data["registrant_email"]
        already = (
            FormAnswer.objects.filter(page=self.page, email__iexact=email)
            .exclude(status=FormAnswer.Status.CANCELLED)
            .exists()
        )
        if already:
            raise forms.ValidationError(
                _(
                    "Cette adresse est déjà inscrite. Pour changer d'inscription, annulez-la "
                    "avec le lien du courriel de confirmation."
                )
            )
        return email


class RegistrationFormPage(NetworkFormPage):
    """Registrations to one event of the agenda, within its places, then on a waiting list.

    A registration is for the whole event: every session of a recurring one (a training cycle).
    """

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("événement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registration_forms",
        help_text=_("Son nombre de places limite les inscriptions ; au-delà, liste d'attente."),
    )

    is_creatable = True
    template = "webforms/registration_form_page.html"
    landing_page_template = "webforms/registration_form_page_landing.html"
    content_panels = [
        *NetworkFormPage.content_panels[:2],
        FieldPanel("event"),
        *NetworkFormPage.content_panels[2:],
    ]

    class Meta:
        verbose_name = _("inscription à un événement")
        verbose_name_plural = _("inscriptions à un événement")

    def get_form_class(self):
        return type("RegistrationPageForm", (RegistrationForm, super().get_form_class()), {})

    def get_data_fields(self):
        first, *questions = super().get_data_fields()
        return [
            first,
            ("status", _("État")),
            ("registrant_name", RegistrationForm.base_fields["registrant_name"].label),
            ("registrant_email", RegistrationForm.base_fields["registrant_email"].label),
            *questions,
        ]

    def retention_starts_at(self):
        """Registrations are kept for the retention period after the event's last day."""
        return self.event.last_date if self.event is not None else None

    @property
    def retention_text(self):
        return _(
            "%(period)s après la fin de l'événement, puis elles sont supprimées automatiquement."
        ) % {"period": self.get_retention_months_display()}

    @property
    def is_open(self):
        """Registrations are taken until the event's last session ends, unless it is cancelled."""
        event = self.event
        if event is None or event.is_cancelled:
            return False
        occurrences = event.occurrences()
        return bool(occurrences) and occurrences[-1].ends_at > timezone.now()

    def counts(self):
        """`(confirmed, waiting)` registrations."""
        rows = dict(
            FormAnswer.objects.filter(page=self)
            .order_by()
            .values("status")
            .annotate(count=models.Count("pk"))
            .values_list("status", "count")
        )
        return rows.get(FormAnswer.Status.CONFIRMED, 0), rows.get(FormAnswer.Status.WAITING, 0)

    @cached_property
    def availability(self):
        """Places and waiting list as the public pages show them."""
        confirmed, waiting = self.counts()
        capacity = self.event.capacity if self.event is not None else None
        places_left = None if capacity is None else max(capacity - confirmed, 0)
        return {
            "capacity": capacity,
            "confirmed": confirmed,
            "waiting": waiting,
            "places_left": places_left,
            "full": places_left == 0,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["availability"] = self.availability
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and not self.is_open:
            # Closed meanwhile: the page says so, nothing is recorded.
            response = TemplateResponse(
                request, self.get_template(request), self.get_context(request)
            )
            response["Cache-Control"] = "private, no-store"
            return response
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        return registrations.register(self, form)
