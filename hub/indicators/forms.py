from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ActivityRecord


class ActivityRecordForm(forms.ModelForm):
    class Meta:
        model = ActivityRecord
        fields = ["kind", "date", "title", "participants", "structures", "notes"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "title": _("Par exemple : rencontre téléphonique avec le conseil départemental."),
        }


class TargetsForm(forms.Form):
    """One optional whole number per active indicator: the target of the year."""

    def __init__(self, *args, indicators, initial_targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        for indicator in indicators:
            self.fields[indicator.key] = forms.IntegerField(
                label=indicator.label,
                required=False,
                min_value=0,
                max_value=10_000_000,
                initial=initial_targets.get(indicator.key),
                help_text=indicator.unit,
            )
