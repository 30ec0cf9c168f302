"""Places typed by name in the admin, never picked in a list of every commune of France: a
commune ("Roubaix (59100)") and a served zone (communes, EPCI, départements). Both work without
JavaScript; the scripts add suggestions, the département being edited first."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from territories.communes import autocomplete_label, find_commune
from territories.models import Commune
from territories.zones import find_zone_code, zone_labels


class CommuneInput(forms.TextInput):
    """Shows a commune as its label and reads a typed name or postal code back as its id."""

    departement_code = None

    class Media:
        js = ["hub/js/admin-commune-autocomplete.js"]

    def get_context(self, name, value, attrs):
        attrs = {
            **(attrs or {}),
            "autocomplete": "off",
            "data-commune-autocomplete": reverse("admin_communes"),
            "data-departement": self.departement_code or "",
        }
        return super().get_context(name, value, attrs)

    def format_value(self, value):
        if isinstance(value, int | str) and str(value).isdigit():
            commune = Commune.objects.filter(pk=value).first()
            return autocomplete_label(commune) if commune else ""
        return super().format_value(value)

    def value_from_datadict(self, data, files, name):
        text = (data.get(name) or "").strip()
        if not text:
            return ""
        commune = find_commune(text, self.departement_code)
        return str(commune.pk) if commune else text


class ZoneText(str):
    """Names as typed in the served-zone input, one per line (the stored value is codes)."""


class ZoneInput(forms.Textarea):
    """One territory name per line; the script turns the lines into chips with suggestions."""

    departement_code = None

    class Media:
        css = {"all": ["hub/css/admin-places.css"]}
        js = ["hub/js/admin-zone-input.js"]

    def __init__(self, attrs=None):
        super().__init__({"rows": 4, **(attrs or {})})

    def get_context(self, name, value, attrs):
        attrs = {
            **(attrs or {}),
            "data-zone-input": reverse("admin_communes"),
            "data-departement": self.departement_code or "",
            "data-add-label": _("Ajouter une commune, un EPCI ou un département"),
            "data-remove-label": _("Retirer"),
        }
        return super().get_context(name, value, attrs)

    def value_from_datadict(self, data, files, name):
        return ZoneText(data.get(name) or "")


class ZoneField(forms.CharField):
    """A served zone typed as names and stored as the comma-separated codes of the territories
    (INSEE code of a commune, SIREN of an EPCI, code of a département)."""

    widget = ZoneInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _(
                "Communes, EPCI ou départements desservis, un par ligne : « Roubaix (59100) », "
                "« Métropole Européenne de Lille (EPCI) », « Nord (département) »."
            ),
        )
        super().__init__(strip=False, **kwargs)

    def prepare_value(self, value):
        if value is None or isinstance(value, ZoneText):
            return value
        return "\n".join(zone_labels(str(value).split(",")))

    def to_python(self, value):
        if not isinstance(value, ZoneText):
            return super().to_python(value)
        departement_code = getattr(self.widget, "departement_code", None)
        codes, unknown = [], []
        for line in value.splitlines():
            name = " ".join(line.split())
            if not name:
                continue
            code = find_zone_code(name, departement_code)
            if code is None:
                unknown.append(f"« {name} »")
            elif code not in codes:
                codes.append(code)
        if unknown:
            raise ValidationError(
                ngettext(
                    "Territoire inconnu : %(names)s. Tapez le nom d'une commune, d'un EPCI ou "
                    "d'un département et choisissez-le dans les suggestions.",
                    "Territoires inconnus : %(names)s. Tapez le nom d'une commune, d'un EPCI ou "
                    "d'un département et choisissez-le dans les suggestions.",
                    len(unknown),
                )
                % {"names": ", ".join(unknown)},
                code="unknown",
            )
        return ",".join(codes)
