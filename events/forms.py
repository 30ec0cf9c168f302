"""The admin form of an event: checks the dates of exceptions and attendance records
against the occurrences the event actually has."""

from types import SimpleNamespace

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from hub import recurrence

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


class EventPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
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
        return _("L'événement n'a pas lieu le %(date)s.") % {
            "date": formats.date_format(day, "j F Y")
        }
