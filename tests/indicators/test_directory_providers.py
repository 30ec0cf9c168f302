"""The directory's figures: its size and freshness at the end of the year, the zones without
action ("zones blanches") and the Promeneurs du Net, for a Nord with known records."""

import datetime
import io
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from directory import choices
from directory.indicator_providers import DirectoryProvider
from directory.models import ActionPage, PromeneurPage, StructurePage
from hub.indicators.registry import compute_figures, compute_items, providers
from tests.builders import build_network
from tests.directory.builders import add_action, add_lieu, commune, publish
from tests.indicators.known_content import months

PARIS = ZoneInfo("Europe/Paris")
#: "Now" of these tests: 2026 is the current year, 2025 and 2024 are over.
NOW = datetime.datetime(2026, 3, 15, 12, tzinfo=PARIS)
#: Communes and EPCI of the Nord in the reference data.
NORD_COMMUNES, NORD_EPCI = 647, 17


def at(day):
    """Freeze the clock at noon (Paris) on `day`: publications are dated then."""
    moment = datetime.datetime.combine(day, datetime.time(12), PARIS)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def published(day, build, *args, **fields):
    with at(day):
        return build(*args, **fields)


def republish(day, page):
    with at(day):
        page.save_revision().publish()


def promeneur(section, title, town, labelled_on):
    page = PromeneurPage(
        title=title,
        function="Référente famille",
        presence_hours="Mardi et jeudi 17 h – 19 h",
        audience=[choices.Audience.PARENTS],
        commune=commune(town),
        labelled_on=labelled_on,
    )
    return publish(section, page)


def structure(section, title, town):
    page = StructurePage(
        title=title, kind=choices.StructureKind.CENTRE_SOCIAL, commune=commune(town)
    )
    return publish(section, page)


def titles(items):
    return [item.title for item in items]


class DirectoryIndicatorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        net = build_network()
        call_command("load_communes", departements=["59"], stdout=io.StringIO())
        cls.nord, cls.gironde = nord, gironde = net["nord"], net["gironde"]
        d = datetime.date
        published(d(2023, 1, 10), structure, nord, "Centre social de l'Alma", "Roubaix")
        cls.maison = published(
            d(2023, 5, 2), add_lieu, nord, "Maison des familles de Roubaix", "Roubaix"
        )
        espace = published(
            d(2025, 7, 1),
            add_lieu,
            nord,
            "Espace parents d'Armentières",
            "Armentières",
            kind=choices.LieuKind.ESPACE_PARENTS,
        )
        cafe = published(d(2024, 2, 1), add_action, nord, "Café des parents de Roubaix")
        republish(d(2025, 9, 1), cafe)
        republish(d(2026, 1, 20), cafe)  # at the end of 2025, last updated in September
        cls.atelier = published(
            d(2024, 6, 3), add_action, nord, "Atelier parents-ados à Lille", "Lille"
        )
        # Covers CC Flandre Lys; updated after 2025, so at the end of 2025 it was last
        # published in March 2024.
        lys = published(
            d(2024, 3, 1),
            add_action,
            nord,
            "Groupe de parole de la Lys",
            "Merville",
            zone="245900758",
        )
        republish(d(2026, 2, 2), lys)
        published(
            d(2025, 12, 20),
            add_action,
            nord,
            "Permanence parentalité du Sud Avesnois",
            "Fourmies",
            zone="59249,59012",
        )
        published(d(2025, 8, 1), add_action, nord, "Atelier au relais", lieu=espace)
        published(d(2026, 2, 10), add_action, nord, "Café des parents de Solesmes", "Solesmes")
        published(d(2025, 1, 10), add_action, nord, "Action retirée", "Somain").unpublish()
        published(d(2024, 9, 15), promeneur, nord, "Inès – Promeneuse", "Lille", d(2024, 9, 10))
        published(d(2025, 3, 5), promeneur, nord, "Karim – Promeneur", "Douai", d(2025, 3, 3))
        published(d(2025, 4, 1), promeneur, nord, "Léa – Promeneuse", "Lille", d(2025, 3, 20))
        published(d(2025, 12, 1), promeneur, nord, "Yanis – Promeneur", "Lille", d(2026, 1, 15))
        published(d(2025, 6, 2), promeneur, nord, "Zoé – Promeneuse", "Roubaix", None)
        # Gironde's records never count for the Nord, even located in it or covering it.
        published(
            d(2025, 2, 1),
            add_action,
            gironde,
            "Café des parents girondin",
            "Dunkerque",
            zone="59",
        )
        published(d(2025, 1, 1), add_lieu, gironde, "Maison girondine", "Dunkerque")
        published(d(2023, 1, 1), structure, gironde, "Structure girondine", "Dunkerque")
        published(d(2025, 3, 4), promeneur, gironde, "Promeneur girondin", "Lille", d(2025, 3, 3))

    def figures(self, year, section=None):
        with mock.patch("django.utils.timezone.now", return_value=NOW):
            figures = compute_figures(section or self.nord, year)
        return {key: figures[key].value for key in DirectoryProvider.keys} | {
            "by_month": figures["promeneurs_labellises"].by_month
        }

    def items(self, key, year):
        with mock.patch("django.utils.timezone.now", return_value=NOW):
            return compute_items(key, self.nord, year)

    def test_the_provider_is_registered(self):
        self.assertIn(DirectoryProvider, [type(provider) for provider in providers()])

    def test_state_at_the_end_of_each_year_and_now(self):
        expected = {
            2024: {
                "actions_referencees": 3,
                "lieux_ressources": 1,
                "fiches_anciennes": 2,
                "communes_sans_action": NORD_COMMUNES - 2 - 4,  # Roubaix, Lille, CC Flandre Lys
                "epci_sans_action": NORD_EPCI - 2,
                "promeneurs_actifs": 1,
                "promeneurs_labellises": 1,
                "by_month": months(sep=1),
            },
            2025: {
                "actions_referencees": 5,
                "lieux_ressources": 2,
                "fiches_anciennes": 5,
                # + Armentières (action at its lieu), Fourmies and Anor (its zone).
                "communes_sans_action": NORD_COMMUNES - 9,
                "epci_sans_action": NORD_EPCI - 3,
                "promeneurs_actifs": 4,
                "promeneurs_labellises": 2,
                "by_month": months(mar=2),
            },
            2026: {
                "actions_referencees": 6,
                "lieux_ressources": 2,
                "fiches_anciennes": 5,
                "communes_sans_action": NORD_COMMUNES - 10,  # + Solesmes
                "epci_sans_action": NORD_EPCI - 4,
                "promeneurs_actifs": 5,
                "promeneurs_labellises": 1,
                "by_month": months(jan=1),
            },
        }
        for year, values in expected.items():
            with self.subTest(year):
                self.assertEqual(self.figures(year), values)

    def test_size_drill_downs(self):
        actions = self.items("actions_referencees", 2025)
        self.assertEqual(
            titles(actions),
            [
                "Café des parents de Roubaix",
                "Groupe de parole de la Lys",
                "Atelier parents-ados à Lille",
                "Atelier au relais",
                "Permanence parentalité du Sud Avesnois",
            ],
        )
        atelier = next(item for item in actions if item.title == "Atelier parents-ados à Lille")
        self.assertEqual(atelier.date, datetime.date(2024, 6, 3))
        self.assertEqual(atelier.detail, "Lille")
        self.assertEqual(atelier.url, self.atelier.url)
        self.assertTrue(atelier.url.startswith("/nord/annuaire/"))
        self.assertEqual(
            atelier.admin_url, reverse("wagtailadmin_pages:edit", args=[self.atelier.pk])
        )
        self.assertEqual(atelier.source, "Annuaire")
        self.assertEqual(
            titles(self.items("lieux_ressources", 2025)),
            ["Maison des familles de Roubaix", "Espace parents d'Armentières"],
        )

    def test_stale_records_at_the_end_of_the_year(self):
        items = self.items("fiches_anciennes", 2025)
        self.assertEqual(
            [(item.title, item.date, item.detail) for item in items],
            [
                ("Centre social de l'Alma", datetime.date(2023, 1, 10), "Structure · Roubaix"),
                (
                    "Maison des familles de Roubaix",
                    datetime.date(2023, 5, 2),
                    "Lieu ressource parentalité · Roubaix",
                ),
                ("Groupe de parole de la Lys", datetime.date(2024, 3, 1), "Action · Merville"),
                ("Atelier parents-ados à Lille", datetime.date(2024, 6, 3), "Action · Lille"),
                ("Inès – Promeneuse", datetime.date(2024, 9, 15), "Promeneur du Net · Lille"),
            ],
        )
        self.assertEqual(items[1].url, self.maison.url)
        # Now, the Lys group was updated in February; Karim's record is a year old.
        self.assertEqual(
            titles(self.items("fiches_anciennes", 2026)),
            [
                "Centre social de l'Alma",
                "Maison des familles de Roubaix",
                "Atelier parents-ados à Lille",
                "Inès – Promeneuse",
                "Karim – Promeneur",
            ],
        )

    def test_stale_records_follow_each_records_frequency_and_confirmation(self):
        d = datetime.date
        quarterly = published(d(2025, 8, 1), add_action, self.nord, "Action trimestrielle")
        biennial = published(d(2024, 6, 1), add_action, self.nord, "Action biennale")
        confirmed = published(d(2023, 6, 1), add_action, self.nord, "Action confirmée")
        ActionPage.objects.filter(pk=quarterly.pk).update(review_every_months=3)
        ActionPage.objects.filter(pk=biennial.pk).update(review_every_months=24)
        ActionPage.objects.filter(pk=confirmed.pk).update(
            confirmed_at=datetime.datetime(2025, 11, 3, 9, tzinfo=PARIS)
        )
        at_2025 = self.items("fiches_anciennes", 2025)
        # Due on 1 November 2025 (3 months); the biennial one only in June 2026; the
        # confirmed one verified on 3 November 2025.
        self.assertIn(("Action trimestrielle", d(2025, 8, 1)), [(i.title, i.date) for i in at_2025])
        self.assertNotIn("Action biennale", titles(at_2025))
        self.assertNotIn("Action confirmée", titles(at_2025))
        self.assertEqual(self.figures(2025)["fiches_anciennes"], 5 + 1)
        # At the end of 2024 the confirmation of November 2025 was not made yet.
        self.assertIn("Action confirmée", titles(self.items("fiches_anciennes", 2024)))
        self.assertEqual(self.figures(2024)["fiches_anciennes"], 2 + 1)

    def test_communes_without_action(self):
        items = self.items("communes_sans_action", 2025)
        self.assertEqual(len(items), NORD_COMMUNES - 9)
        names = set(titles(items))
        for covered in ("Roubaix", "Lille", "Armentières", "Merville", "Estaires", "Anor"):
            self.assertNotIn(covered, names)
        # Solesmes has an action only since 2026; Gironde's action in Dunkerque never counts.
        for white in ("Solesmes", "Dunkerque", "Somain", "Wignehies"):
            self.assertIn(white, names)
        dunkerque = next(item for item in items if item.title == "Dunkerque")
        self.assertEqual(dunkerque.detail, "59183 · CU de Dunkerque")
        self.assertNotIn("Solesmes", titles(self.items("communes_sans_action", 2026)))

    def test_epci_without_action(self):
        items = self.items("epci_sans_action", 2025)
        names = titles(items)
        self.assertEqual(len(names), NORD_EPCI - 3)
        self.assertEqual(names, sorted(names))
        for covered in ("Métropole Européenne de Lille", "CC Flandre Lys", "CC du Sud Avesnois"):
            self.assertNotIn(covered, names)
        solesmois = next(item for item in items if item.title == "CC du Pays Solesmois")
        self.assertEqual(solesmois.detail, "SIREN 245901038 · 15 communes du département")
        self.assertNotIn("CC du Pays Solesmois", titles(self.items("epci_sans_action", 2026)))

    def test_promeneurs(self):
        self.assertEqual(
            titles(self.items("promeneurs_actifs", 2025)),
            ["Inès – Promeneuse", "Karim – Promeneur", "Léa – Promeneuse", "Zoé – Promeneuse"],
        )
        labelled = self.items("promeneurs_labellises", 2025)
        self.assertEqual(
            [(item.title, item.date, item.detail) for item in labelled],
            [
                ("Karim – Promeneur", datetime.date(2025, 3, 3), "Douai"),
                ("Léa – Promeneuse", datetime.date(2025, 3, 20), "Lille"),
            ],
        )

    def test_other_departement_counts_only_its_own_records(self):
        figures = self.figures(2025, self.gironde)
        self.assertEqual(figures["actions_referencees"], 1)
        self.assertEqual(figures["lieux_ressources"], 1)
        self.assertEqual(figures["fiches_anciennes"], 1)
        self.assertEqual(figures["promeneurs_labellises"], 1)
        self.assertEqual(figures["communes_sans_action"], 0)  # no Gironde commune loaded

    def test_a_departement_wide_action_leaves_no_zone_without_action(self):
        published(
            datetime.date(2025, 5, 5),
            add_action,
            self.nord,
            "Ligne parents du Nord",
            "Lille",
            zone="59",
        )
        figures = self.figures(2025)
        self.assertEqual((figures["communes_sans_action"], figures["epci_sans_action"]), (0, 0))
        self.assertEqual(self.items("communes_sans_action", 2025), [])

    def test_figures_take_a_fixed_number_of_queries(self):
        provider = DirectoryProvider()
        # The records due for review are read one query per record type (their frequencies
        # and confirmations live on each type's table): 4 of the 11.
        with mock.patch("django.utils.timezone.now", return_value=NOW), self.assertNumQueries(11):
            provider.figures(self.nord, 2025)
