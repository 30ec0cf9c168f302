"""The admin form of an action: its sessions, cancelled dates, "précisions" and registration
must agree, and "Sur inscription" needs a way to register before publication."""

from types import SimpleNamespace

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory import choices, sessions
from hub.admin_forms import SectionScopedPageForm
from hub.place_inputs import ZoneField

SESSION_FIELDS = [
    "start_date",
    "start_time",
    "end_time",
    "recurrence",
    "recurrence_interval",
    "recurrence_until",
    "recurrence_count",
]


class ActionPageForm(SectionScopedPageForm):
    zone = ZoneField(label=gettext_lazy("territoire desservi"))

    def clean(self):
        cleaned_data = super().clean()
        rules = [
            SimpleNamespace(
                end_date=None, **{name: form.cleaned_data.get(name) for name in SESSION_FIELDS}
            )
            for form in self._kept_forms("sessions")
            if form.cleaned_data.get("start_date") and form.cleaned_data.get("start_time")
        ]
        days = {item.start_date for item in sessions.occurrences(rules)}
        for form in self._kept_forms("cancelled_dates"):
            day = form.cleaned_data.get("date")
            if day and day not in days:
                form.add_error(
                    "date",
                    _("Aucune séance n'a lieu le %(date)s.") % {"date": sessions.day_label(day)},
                )
        conflicts = sessions.contradictions(
            cleaned_data.get("schedule") or "",
            cleaned_data.get("registration"),
            cleaned_data.get("registration_url"),
            days,
        )
        for field, message in conflicts.items():
            if field not in self.errors:
                self.add_error(field, message)
        if not self.is_deferred_validation and not self._has_way_to_register(cleaned_data):
            self.add_error(
                "registration",
                _(
                    "Une action « Sur inscription » doit dire comment s'inscrire : indiquez un "
                    "lien d'inscription, ou un téléphone ou un courriel (de l'action ou de sa "
                    "structure)."
                ),
            )
        return cleaned_data

    @staticmethod
    def _has_way_to_register(cleaned_data):
        if cleaned_data.get("registration") != choices.Registration.INSCRIPTION:
            return True
        structure = cleaned_data.get("structure")
        return any(
            [
                cleaned_data.get("registration_url"),
                cleaned_data.get("phone"),
                cleaned_data.get("email"),
                structure and (structure.phone or structure.email or structure.website),
            ]
        )

    def _kept_forms(self, name):
        formset = self.formsets.get(name)
        if formset is None:
            return []
        return [
            form
            for form in formset.forms
            if form.is_valid() and form.has_changed() and not form.cleaned_data.get("DELETE")
        ]
