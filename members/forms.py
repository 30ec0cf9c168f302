from django import forms
from django.utils.translation import gettext_lazy as _

from territories.models import Departement

from .models import Membership

PERSON_FIELDS = ["first_name", "last_name", "email", "structure", "role"]


def choose_first(field):
    """A French prompt in place of Django's "---------" as a select's empty choice."""
    field.choices = [("", _("Choisissez…")), *list(field.choices)[1:]]


class InviteForm(forms.ModelForm):
    """The coordination invites a professional or a Promeneur du Net of its département."""

    class Meta:
        model = Membership
        fields = PERSON_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choose_first(self.fields["role"])


class RequestForm(forms.ModelForm):
    """A visitor asks for a member account: the least personal data that lets the
    coordination decide."""

    departement = forms.ModelChoiceField(
        label=_("Département"),
        queryset=Departement.objects.order_by("code"),
        empty_label=_("Choisissez votre département…"),
    )

    class Meta:
        model = Membership
        fields = ["departement", *PERSON_FIELDS, "purpose"]
        labels = {"purpose": _("Pourquoi souhaitez-vous rejoindre l'espace des membres ?")}
        widgets = {"purpose": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].required = True
        choose_first(self.fields["role"])
        self.fields["departement"].queryset = Departement.objects.filter(
            members_group__isnull=False, section__live=True
        ).order_by("code")
