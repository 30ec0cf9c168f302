"""The coordination's forms: a call and its question builder and documents, a decision on a
dossier."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from hub.upload_forms import GatedFileMixin

from .calls import CallDocument, CallForProjects, CallQuestion, DossierStatus

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class ParisDateTimeInput(forms.DateTimeInput):
    """A date and time typed in Paris time (the current time zone), as the browser offers it."""

    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format=DATETIME_FORMAT)


class GatedAttachmentField(GatedFileMixin, forms.FileField):
    """A document of a call or of a dossier: through the upload gate, like every file."""


class CallForm(forms.ModelForm):
    class Meta:
        model = CallForProjects
        fields = ["year", "title", "introduction", "criteria", "opens_at", "closes_at", "published"]
        widgets = {"opens_at": ParisDateTimeInput(), "closes_at": ParisDateTimeInput()}
        help_texts = {
            "opens_at": _("Heure de Paris."),
            "closes_at": _("Heure de Paris : un dossier déposé après cette minute est refusé."),
        }

    def __init__(self, *args, section, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.section = section
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]

    def clean_year(self):
        year = self.cleaned_data["year"]
        others = CallForProjects.objects.filter(section=self.instance.section, year=year)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Ce département a déjà un appel à projets pour %(year)s.") % {"year": year}
            )
        return year


class QuestionForm(forms.ModelForm):
    class Meta:
        model = CallQuestion
        fields = ["position", "label", "help_text", "kind", "choices", "required"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 2})}


QuestionFormSet = inlineformset_factory(
    CallForProjects, CallQuestion, form=QuestionForm, extra=3, can_delete=True
)


class DocumentForm(forms.ModelForm):
    file = GatedAttachmentField(label=_("Fichier"))

    class Meta:
        model = CallDocument
        fields = ["title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].gate_help_text()


DocumentFormSet = inlineformset_factory(
    CallForProjects, CallDocument, form=DocumentForm, extra=1, can_delete=True
)


class DecisionForm(forms.Form):
    """Move a dossier to one of the statuses the coordination may give it from its own."""

    status = forms.ChoiceField(label=_("Nouveau statut"))
    comment = forms.CharField(
        label=_("Commentaire au porteur"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Envoyé par courriel au porteur avec le nouveau statut."),
    )

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, status.label) for status in dossier.coordination_transitions()
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == DossierStatus.REFUSE and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Expliquez au porteur pourquoi le dossier est refusé."))
        return cleaned
