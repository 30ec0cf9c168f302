"""The porteur's forms: a dossier (the action, then the call's own questions), an attachment, a
bilan. Everything may stay empty in a draft; « Déposer » and « Transmettre » ask for the rest."""

import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import ActionPage
from territories.models import Commune

from .bilans import ActionBilan
from .call_forms import GatedAttachmentField
from .calls import Dossier, DossierAttachment, QuestionKind


def question_field(question):
    common = {"label": question.label, "help_text": question.help_text, "required": False}
    if question.kind == QuestionKind.LONG_TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=10000, **common)
    if question.kind == QuestionKind.NUMBER:
        return forms.DecimalField(max_digits=12, decimal_places=2, **common)
    if question.kind == QuestionKind.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if question.kind == QuestionKind.CHOICE:
        options = [("", "—"), *((choice, choice) for choice in question.choice_list())]
        return forms.ChoiceField(choices=options, **common)
    return forms.CharField(max_length=1000, **common)


class DossierForm(forms.ModelForm):
    """The dossier of one structure; the call's questions follow the action's fields."""

    class Meta:
        model = Dossier
        fields = [
            "renewed_action",
            "action_title",
            "action_type",
            "description",
            "themes",
            "publics",
            "age_min",
            "age_max",
            "commune",
            "amount_requested",
            "total_budget",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, call, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.questions = list(call.questions.all())
        self.fields["renewed_action"].queryset = ActionPage.objects.filter(
            structure=structure
        ).order_by("title")
        self.fields["commune"].queryset = Commune.objects.filter(
            departement_code=call.section.departement.code
        ).order_by("nom")
        for question in self.questions:
            name = f"question_{question.pk}"
            self.fields[name] = question_field(question)
            self.fields[name].question_required = question.required
            value = self.instance.answers.get(str(question.pk))
            if value not in (None, ""):
                self.initial[name] = value
        for name in Dossier.REQUIRED_TO_SUBMIT:
            self.fields[name].required = False
            self.fields[name].help_text = " ".join(
                filter(
                    None, [str(self.fields[name].help_text), str(_("Obligatoire pour déposer."))]
                )
            )

    def question_fields(self):
        return [self[f"question_{question.pk}"] for question in self.questions]

    def action_fields(self):
        return [self[name] for name in self.Meta.fields]

    def save(self, commit=True):
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"question_{question.pk}")
            if isinstance(value, datetime.date):
                value = value.isoformat()
            elif isinstance(value, Decimal):
                value = str(value)
            if value not in (None, ""):
                answers[str(question.pk)] = value
        self.instance.answers = answers
        return super().save(commit)


class AttachmentForm(forms.ModelForm):
    file = GatedAttachmentField(label=_("Fichier"))

    class Meta:
        model = DossierAttachment
        fields = ["title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].gate_help_text()


class BilanForm(forms.ModelForm):
    class Meta:
        model = ActionBilan
        fields = [
            "sessions",
            "adults",
            "children",
            "distinct_parents",
            "families",
            "average_attendance",
            "renewal",
            "paid_facilitators",
            "volunteer_facilitators",
            "partners",
            "appraisal",
        ]
        localized_fields = ["average_attendance"]  # « 6,5 », as French people write it
        widgets = {
            "partners": forms.Textarea(attrs={"rows": 3}),
            "appraisal": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["average_attendance"].widget.attrs["inputmode"] = "decimal"
