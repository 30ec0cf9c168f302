"""Model fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.encoding import force_str
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

SEPARATOR = "|"


class MultipleChoiceField(models.CharField):
    """Several slugs of a fixed vocabulary (e.g. `hub.taxonomies.Theme`) in one column.

    Stored as "|slug-a|slug-b|" so that `has(name, slug)` filters with a plain `LIKE` on every
    database, and read back as a list of slugs in the vocabulary's order.
    """

    description = _("Liste de valeurs d'un vocabulaire")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    @staticmethod
    def has(name, slug):
        """A filter keeping the rows whose field `name` contains `slug`."""
        return Q(**{f"{name}__contains": f"{SEPARATOR}{slug}{SEPARATOR}"})

    def _ordered(self, values):
        order = [value for value, _label in self.flatchoices]
        return sorted(set(values), key=lambda value: order.index(value) if value in order else 0)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return [item for item in value.split(SEPARATOR) if item]
        return list(value)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        values = self.to_python(value)
        if not values:
            return ""
        return SEPARATOR + SEPARATOR.join(self._ordered(values)) + SEPARATOR

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = {choice for choice, _label in self.flatchoices}
        for item in value:
            if item not in allowed:
                raise ValidationError(
                    _("« %(value)s » ne fait pas partie des choix possibles."),
                    code="invalid_choice",
                    params={"value": item},
                )
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        """The max length applies to the stored text, which the vocabulary bounds anyway."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def get_choices_labels(self, values):
        labels = dict(self.flatchoices)
        return [labels.get(value, value) for value in self._ordered(values)]


def choice_label(instance, field):
    """What `get_<field>_display()` gives, reading only the label of the value held.

    Django's version builds a dict keyed by every choice, label included, at each call: the
    labels being lazy translations, that translates them all (twenty for an action type), and
    a page of twenty result cards spent 2 ms on it. Models whose listings show labels use this
    (`_get_FIELD_display = choice_label`).
    """
    value = getattr(instance, field.attname)
    labels = field.__dict__.get("_labels_by_value")
    if labels is None:
        labels = field._labels_by_value = dict(field.flatchoices)
    label = labels.get(value, value) if isinstance(value, str | int) else value
    return force_str(label, strings_only=True)
