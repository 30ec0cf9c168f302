"""A porteur's access reaches their own structure's records only, and ends when revoked."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.test import TestCase
from django.utils import timezone

from directory import choices
from directory.models import ActionPage, StructurePage
from porteurs.access import records_for, structures_for
from porteurs.models import PorteurAccess
from tests.builders import build_network
from tests.directory.builders import add_action, load_communes, publish


class PorteurAccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        network = build_network()
        load_communes()
        cls.centre = publish(
            network["nord"],
            StructurePage(title="Centre social du Pile", kind=choices.StructureKind.CENTRE_SOCIAL),
        )
        cls.voisin = publish(
            network["gironde"],
            StructurePage(title="EVS des Chartrons", kind=choices.StructureKind.CENTRE_SOCIAL),
        )
        cls.cafe = add_action(network["nord"], "Café des parents du Pile", structure=cls.centre)
        cls.other = add_action(network["gironde"], "Atelier des Chartrons", structure=cls.voisin)
        cls.person = get_user_model().objects.create_user("animatrice-pile", password="pw")
        PorteurAccess.objects.create(user=cls.person, structure=cls.centre)

    def test_a_porteur_reaches_only_their_structure_and_its_actions(self):
        self.assertEqual(list(structures_for(self.person)), [self.centre])
        self.assertEqual(list(records_for(self.person, ActionPage)), [self.cafe])

    def test_a_revoked_access_reaches_nothing(self):
        PorteurAccess.objects.filter(user=self.person).update(revoked_at=timezone.now())
        self.assertFalse(structures_for(self.person).exists())
        self.assertFalse(records_for(self.person, ActionPage).exists())

    def test_an_anonymous_visitor_reaches_nothing(self):
        self.assertFalse(structures_for(AnonymousUser()).exists())
