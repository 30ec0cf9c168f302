"""A portable multiple-choice model field (SQLite and PostgreSQL, no ArrayField)."""

from django import forms
from django.db import models


class MultipleChoiceField(models.CharField):
    """Several choices stored as `|a|b|`, so that `field__contains="|a|"` filters in SQL."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    @staticmethod
    def encode(values):
        values = [value for value in values if value]
        return f"|{'|'.join(values)}|" if values else ""

    @staticmethod
    def decode(value):
        if isinstance(value, list | tuple):
            return list(value)
        return [item for item in (value or "").split("|") if item]

    def from_db_value(self, value, expression, connection):
        return self.decode(value)

    def to_python(self, value):
        return self.decode(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value
        return self.encode(value or [])

    def validate(self, value, model_instance):
        valid = {str(key) for key, _label in self.flatchoices}
        for item in value:
            if item not in valid:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        if not value and not self.blank:
            raise forms.ValidationError(self.error_messages["blank"], code="blank")

    def value_to_string(self, obj):
        return self.encode(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def get_choices_display(self, values):
        labels = dict(self.flatchoices)
        return [labels.get(value, value) for value in values]
