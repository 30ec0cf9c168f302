"""A page's point (latitude, longitude) is never typed as numbers: it follows the centre of the
page's commune, and the coordinator may place it by hand on a small map drawn from the
communes around (nothing loaded from another host). Without JavaScript it follows the commune.

The rule, applied by `place_point` when the form is cleaned: the point is the commune's centre
unless it is placed by hand (`point_placed`). A point placed earlier stays where it is while
the commune does not change; when the commune changes, it follows the new commune unless the
coordinator moved it in the same edit. A point placed far from the commune's département is
refused.
"""

from decimal import Decimal

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import Panel

from territories.communes import distance_to_departement_km
from territories.models import Departement

POINT_FIELDS = ["latitude", "longitude", "point_placed"]
# A point placed farther than this from every commune centre of its département is refused.
MAX_KM_FROM_DEPARTEMENT = 20


def place_point(form, cleaned_data, commune, commune_changed):
    """Set the cleaned point from `commune` (a `Commune` or None) unless it is placed by hand;
    `form` has the fields of a `PointPanel`."""
    latitude, longitude = cleaned_data.get("latitude"), cleaned_data.get("longitude")
    placed = bool(cleaned_data.get("point_placed")) and None not in (latitude, longitude)
    moved = "latitude" in form.changed_data or "longitude" in form.changed_data
    if placed and commune_changed and not moved:
        placed = False
    cleaned_data["point_placed"] = placed
    if not placed:
        centre = (commune.latitude, commune.longitude) if commune and commune.has_point else None
        cleaned_data["latitude"], cleaned_data["longitude"] = (
            _as_field_value(form, name, value)
            for name, value in zip(["latitude", "longitude"], centre or (None, None), strict=True)
        )
    elif commune is not None:
        point = (float(latitude), float(longitude))
        distance = distance_to_departement_km(point, commune.departement_code)
        if distance is not None and distance > MAX_KM_FROM_DEPARTEMENT:
            departement = Departement.objects.filter(code=commune.departement_code).first()
            form.add_error(
                "point_placed",
                _(
                    "Le point placé sur la carte est à %(distance)s km du département "
                    "%(departement)s : replacez-le près de %(commune)s, ou revenez au centre de "
                    "la commune."
                )
                % {
                    "distance": round(distance),
                    "departement": departement.du if departement else commune.departement_code,
                    "commune": commune.nom,
                },
            )


def _as_field_value(form, name, value):
    if value is not None and isinstance(form.fields[name], forms.DecimalField):
        return Decimal(str(round(value, 6)))
    return value


class PointPanel(Panel):
    """The map of a page's point, under the field of its commune (`commune_field`)."""

    def __init__(self, commune_field="commune", **kwargs):
        kwargs.setdefault("heading", gettext_lazy("Point sur la carte"))
        super().__init__(**kwargs)
        self.commune_field = commune_field

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "commune_field": self.commune_field}

    def get_form_options(self):
        return {
            "fields": POINT_FIELDS,
            "widgets": dict.fromkeys(POINT_FIELDS, forms.HiddenInput),
        }

    class BoundPanel(Panel.BoundPanel):
        template_name = "hub/admin/point_panel.html"

        class Media:
            css = {"all": ["hub/css/admin-places.css"]}
            js = ["hub/js/admin-point-map.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            fields = [self.form[name] for name in POINT_FIELDS]
            commune = self.form[self.panel.commune_field]
            context.update(
                fields=fields,
                errors=[error for field in fields for error in field.errors],
                placed=fields[2].value() not in (False, "False", "", None),
                commune_id=commune.auto_id,
                departement=getattr(commune.field.widget, "departement_code", None) or "",
                map_url=reverse("admin_commune_map"),
                latitude_id=fields[0].auto_id,
                longitude_id=fields[1].auto_id,
                placed_id=fields[2].auto_id,
            )
            return context
