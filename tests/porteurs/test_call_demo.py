"""The demo: a 2027 call in the Nord with a dossier in each status, the 2026 bilans partly
filled (submitted, drafts, missing)."""

import io

from django.core.management import call_command
from django.test import TestCase

from porteurs.bilans import BilanStatus
from porteurs.calls import CallForProjects, DossierStatus


class CallDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())

    def test_the_nord_has_a_dossier_in_each_status_and_bilans_partly_filled(self):
        current = CallForProjects.objects.get(section__departement__code="59", year=2027)
        self.assertEqual(
            set(current.dossiers.values_list("status", flat=True)), set(DossierStatus.values)
        )
        retained = current.dossiers.get(status=DossierStatus.RETENU)
        self.assertFalse(retained.action.live, "the new action waits for the coordination")
        previous = CallForProjects.objects.get(section__departement__code="59", year=2026)
        funded = previous.dossiers.filter(status=DossierStatus.RETENU)
        self.assertEqual(funded.filter(bilan__status=BilanStatus.TRANSMIS).count(), 5)
        self.assertEqual(funded.filter(bilan__status=BilanStatus.BROUILLON).count(), 3)
        self.assertEqual(funded.filter(bilan__isnull=True).count(), 2)
