"""Forms built the way the admin builds them: a page with its questions, published."""

import datetime

from django.utils import timezone

from hub.sections import add_published_child
from tests.events.builders import add_event
from webforms.models import FormField, NeedsSurveyPage, RegistrationFormPage


def add_registration_form(section, capacity=2, event=None, **fields):
    if event is None:
        start = timezone.localdate() + datetime.timedelta(days=30)
        event = add_event(
            section, f"Formation {section.title}", start_date=start, capacity=capacity
        )
    page = RegistrationFormPage(
        title=fields.pop("title", f"Inscription {event.title}"),
        event=event,
        purpose="Organiser la formation.",
        retention_months=fields.pop("retention_months", 6),
    )
    page.form_fields = [FormField(label="Structure", field_type="singleline", required=True)]
    return add_published_child(section, page)


def add_survey(section, title="Recueil des besoins", retention_months=12):
    page = NeedsSurveyPage(
        title=title, purpose="Préparer les formations.", retention_months=retention_months
    )
    page.form_fields = [
        FormField(label="Thème souhaité", field_type="singleline", required=True),
        FormField(label="Format", field_type="radio", choices="Journée\nSoirée", required=False),
    ]
    return add_published_child(section, page)


def registration_data(index):
    return {
        "registrant_name": f"Personne {index}",
        "registrant_email": f"personne{index}@exemple.fr",
        "structure": "Centre social",
    }
