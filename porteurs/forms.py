"""The forms of the porteurs' space: the fields a structure keeps current on each kind of
record, validated by the directory's own rules (the model's `clean`, the opening hours, the
commune typed by name, the action's registration and calendar checks)."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from directory import opening_hours, sessions
from directory.admin_forms import ActionPageForm
from directory.models import ActionPage, LieuRessourcePage, PromeneurPage, StructurePage
from hub.place_inputs import CommuneInput
from hub.sections import departement_code_of

CONTACT = ["phone", "email", "website"]
EDITABLE_FIELDS = {
    StructurePage: ["title", "description", "address", "commune", *CONTACT],
    ActionPage: [
        "title",
        "description",
        "themes",
        "age_min",
        "age_max",
        "publics",
        "format",
        "mode",
        "schedule",
        "opening_hours",
        "registration",
        "registration_url",
        "capacity",
        "cost",
        "cost_amount",
        "address",
        "commune",
        *CONTACT,
    ],
    LieuRessourcePage: [
        "title",
        "description",
        "opening_hours",
        "services",
        "accessibility",
        "participation",
        "address",
        "commune",
        *CONTACT,
    ],
    PromeneurPage: ["title", "function", "presence_hours", "audience", "commune", *CONTACT],
}


class TypedCommuneInput(CommuneInput):
    """The directory's commune field (a name or postal code, « Roubaix (59100) »), without
    the admin's suggestions script."""

    class Media:
        js = []

    def get_context(self, name, value, attrs):
        return forms.TextInput.get_context(
            self, name, value, {**(attrs or {}), "autocomplete": "off"}
        )


class RecordForm(forms.ModelForm):
    """One record's porteur-editable fields, on the version being edited."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Nom")
        self.fields["title"].help_text = ""
        if "commune" in self.fields:
            widget = TypedCommuneInput()
            widget.departement_code = departement_code_of(self.instance)
            self.fields["commune"].widget = widget
            self.fields["commune"].help_text = _(
                "Le nom ou le code postal : « Roubaix » ou « Roubaix (59100) »."
            )
            self.fields["commune"].error_messages["invalid_choice"] = _(
                "Commune inconnue : tapez son nom ou son code postal."
            )
        if "opening_hours" in self.fields:
            self.fields["opening_hours"].widget = forms.Textarea(attrs={"rows": 3})
            self.fields["opening_hours"].help_text = opening_hours.example_message()
        for name in ("description", "accessibility"):
            if name in self.fields:
                self.fields[name].widget = forms.Textarea(attrs={"rows": 6})

    def clean(self):
        cleaned_data = super().clean()
        if isinstance(self.instance, ActionPage):
            self._check_action(cleaned_data)
        return cleaned_data

    def _check_action(self, cleaned_data):
        days = {
            item.start_date for item in sessions.occurrences(list(self.instance.sessions.all()))
        }
        conflicts = sessions.contradictions(
            cleaned_data.get("schedule") or "",
            cleaned_data.get("registration"),
            cleaned_data.get("registration_url"),
            days,
        )
        for field, message in conflicts.items():
            if field not in self.errors:
                self.add_error(field, message)
        if not ActionPageForm._has_way_to_register(
            {**cleaned_data, "structure": self.instance.structure}
        ):
            self.add_error(
                "registration",
                _(
                    "Une action « Sur inscription » doit dire comment s'inscrire : indiquez un "
                    "lien d'inscription, ou un téléphone ou un courriel (de l'action ou de sa "
                    "structure)."
                ),
            )

    def save(self, commit=False):
        version = super().save(commit=False)
        if "commune" in self.changed_data:
            # A new commune: the point follows its centre (placed by hand only in the admin).
            version.point_placed = False
            version.locate()
        return version


def record_form(version, data=None):
    model = type(version)
    form_class = forms.modelform_factory(model, form=RecordForm, fields=EDITABLE_FIELDS[model])
    return form_class(data=data, instance=version)


class AcceptInvitationForm(forms.Form):
    """A new porteur's name and password (Django's password validators)."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    password1 = forms.CharField(
        label=_("Mot de passe"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Confirmation du mot de passe"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, email, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned_data = super().clean()
        first, second = cleaned_data.get("password1"), cleaned_data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif first:
            user = get_user_model()(
                username=self.email,
                email=self.email,
                first_name=cleaned_data.get("first_name", ""),
                last_name=cleaned_data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data

    def save(self):
        user = get_user_model().objects.create_user(
            username=self.email,
            email=self.email,
            password=self.cleaned_data["password1"],
            first_name=self.cleaned_data["first_name"],
            last_name=self.cleaned_data["last_name"],
        )
        return user
