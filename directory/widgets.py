"""The commune of a directory record typed by name ("Roubaix (59100)"), never picked in a list
of every commune of France. Works without JavaScript; the script adds suggestions."""

from django import forms
from django.urls import reverse

from territories.communes import autocomplete_label, find_commune
from territories.models import Commune


class CommuneInput(forms.TextInput):
    """Shows a commune as its label and reads a typed name or postal code back as its id."""

    departement_code = None

    class Media:
        js = ["directory/js/admin-commune-autocomplete.js"]

    def get_context(self, name, value, attrs):
        attrs = {
            **(attrs or {}),
            "autocomplete": "off",
            "data-commune-autocomplete": reverse("directory_admin_communes"),
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
