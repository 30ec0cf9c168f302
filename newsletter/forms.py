"""The public forms (subscription, alert) and the admin form of an issue."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import get_rich_text_editor_widget

from hub.models import DepartementPage

from .models import Audience, Issue

NATIONAL = "national"


def normalized_email(value):
    return value.strip().lower()


class EmailInput(forms.EmailInput):
    def __init__(self):
        super().__init__(attrs={"autocomplete": "email", "maxlength": "254"})


class SubscribeForm(forms.Form):
    """Which letter, for whom, and the address: nothing else is asked."""

    email = forms.EmailField(
        label=_("Votre adresse électronique"), max_length=254, widget=EmailInput()
    )
    lettre = forms.ChoiceField(label=_("Lettre"))
    publics = forms.MultipleChoiceField(
        label=_("Je la reçois en tant que"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Cochez au moins un public : parents ou professionnels.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.sections = {
            page.departement.code: page
            for page in DepartementPage.objects.live()
            .select_related("departement")
            .order_by("departement__code")
        }
        self.fields["lettre"].choices = [
            (NATIONAL, _("Lettre nationale du réseau")),
            *((code, f"{code} – {page.departement.nom}") for code, page in self.sections.items()),
        ]

    def clean_email(self):
        return normalized_email(self.cleaned_data["email"])

    def departement(self):
        """The chosen département, or None for the national letter."""
        code = self.cleaned_data["lettre"]
        return None if code == NATIONAL else self.sections[code].departement


class AlertForm(forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse électronique"), max_length=254, widget=EmailInput()
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_email(self):
        return normalized_email(self.cleaned_data["email"])


class PageChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class IssueForm(forms.ModelForm):
    """The coordinator's text, the audience and the content picked among what is proposed."""

    class Meta:
        model = Issue
        fields = ["subject", "audience", "text", "pages"]
        widgets = {
            "text": get_rich_text_editor_widget(
                features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
            ),
            "pages": forms.CheckboxSelectMultiple,
        }
        field_classes = {"pages": PageChoices}

    def __init__(self, *args, proposed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pages"].queryset = proposed
        self.fields["pages"].help_text = _(
            "Contenus publiés depuis le dernier numéro et événements à venir de votre "
            "département : décochez ceux que vous ne voulez pas."
        )
