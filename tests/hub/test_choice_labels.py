"""Labels of choices read as Django's own `get_<field>_display()` gives them, in French."""

from django.db.models.base import Model
from django.test import TestCase

from directory.models import ActionPage, LieuRessourcePage, StructurePage
from events.models import EventPage
from resources.models import ResourcePage


def django_label(instance, field):
    return Model._get_FIELD_display(instance, field)


class ChoiceLabelTests(TestCase):
    models = [ActionPage, LieuRessourcePage, StructurePage, EventPage, ResourcePage]

    def test_every_choice_of_every_listed_model_reads_as_django_writes_it(self):
        checked = 0
        for model in self.models:
            for field in model._meta.concrete_fields:
                if not field.choices:
                    continue
                values = [value for value, _label in field.flatchoices] + ["inconnu", ""]
                for value in values:
                    instance = model(**{field.attname: value})
                    shown = getattr(instance, f"get_{field.name}_display")()
                    with self.subTest(model=model.__name__, field=field.name, value=value):
                        self.assertEqual(shown, django_label(instance, field))
                        checked += 1
        self.assertGreater(checked, 50)

    def test_labels_are_french(self):
        action = ActionPage(action_type="cafe-des-parents", cost="gratuit")
        self.assertEqual(action.get_action_type_display(), "Café des parents")
        self.assertEqual(action.get_cost_display(), "Gratuit")
