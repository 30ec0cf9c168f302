"""The admin form of an event: checks the dates of exceptions and attendance records
against the occurrences the event actually has; the commune is typed by name ("Roubaix
(59100)") and gives the postal code and, unless placed by hand, the point."""

import re
from types import SimpleNamespace

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hub import recurrence
from hub.admin_forms import SectionScopedPageForm
from hub.dates import format_date
from hub.place_inputs import CommuneInput
from territories.models import Commune

POSTAL_CODE_HINT = re.compile(r"\((\d{5})\)\s*$")

RULE_FIELDS = [
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "recurrence",
    "recurrence_interval",
    "recurrence_until",
    "recurrence_count",
]


class EventPageForm(SectionScopedPageForm):
    # The event stores the commune's name and postal code; the form reads them as a commune.
    commune = forms.ModelChoiceField(
        Commune.objects.all(), required=False, widget=CommuneInput, label=gettext_lazy("commune")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name, postcode = self.instance.commune, self.instance.postcode
        self.initial["commune"] = f"{name} ({postcode})" if name and postcode else name

    def commune_changed(self):
        commune = self.cleaned_data.get("commune")
        return (commune.nom if commune else "") != self.instance.commune

    def clean(self):
        cleaned_data = super().clean()
        commune = cleaned_data.get("commune")
        if "commune" in self.fields and "commune" not in self.errors:
            cleaned_data["commune"] = commune.nom if commune else ""
            self.instance.postcode = self._postcode(commune)
        if self.errors or not cleaned_data.get("start_date"):
            return cleaned_data
        rule = SimpleNamespace(**{name: cleaned_data.get(name) for name in RULE_FIELDS})
        days = {item.start_date for item in recurrence.occurrences_of(rule, exception_dates=set())}
        excluded = set()
        for form in self._kept_forms("exception_dates"):
            day = form.cleaned_data["date"]
            if day not in days:
                form.add_error("date", self._not_a_session(day))
            excluded.add(day)
        today = timezone.localdate()
        for form in self._kept_forms("attendances"):
            day = form.cleaned_data["date"]
            if day not in days or day in excluded:
                form.add_error("date", self._not_a_session(day))
            elif day > today:
                form.add_error("date", _("La participation se note après la séance."))
        return cleaned_data

    def _postcode(self, commune):
        """The postal code typed in the label ("Lille (59800)"), else the event's own if it is
        one of the commune's, else the commune's first."""
        if commune is None:
            return ""
        typed = POSTAL_CODE_HINT.search(self.data.get(self.add_prefix("commune"), ""))
        for code in [typed and typed.group(1), self.instance.postcode]:
            if code in commune.postal_codes:
                return code
        return (commune.postal_codes or [""])[0]

    def _kept_forms(self, name):
        formset = self.formsets.get(name)
        if formset is None:
            return []
        return [
            form
            for form in formset.forms
            if form.is_valid()
            and form.cleaned_data.get("date")
            and not form.cleaned_data.get("DELETE")
        ]

    @staticmethod
    def _not_a_session(day):
        return _("L'événement n'a pas lieu le %(date)s.") % {"date": format_date(day, "j F Y")}
