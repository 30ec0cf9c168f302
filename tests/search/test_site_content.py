"""The site search finds the directory, agenda and library content that parents and
professionals look for, through the one search interface."""

from django.test import TestCase

from directory import choices
from hub.taxonomies import Theme
from tests.builders import build_network
from tests.directory.builders import add_action, add_lieu, load_communes
from tests.resources import samples
from tests.resources.builders import add_resource


class SiteContentSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        nord = cls.net["nord"]
        add_lieu(
            nord,
            "Les Petits Pas",
            kind=choices.LieuKind.MAISON_FAMILLES,
            services=[choices.Service.LAEP],
        )
        add_action(nord, "Accueil du mercredi", action_type=choices.ActionType.LAEP)
        add_action(
            nord, "Rendez-vous des familles", action_type=choices.ActionType.MEDIATION_FAMILIALE
        )
        add_action(
            nord,
            "Café des parents d'ados",
            themes=[Theme.ECRANS_NUMERIQUE, Theme.ADOLESCENCE],
            age_min=11,
            age_max=17,
        )
        add_resource(
            nord,
            "Guide des temps calmes",
            files=[("guide.pdf", samples.pdf("Le coin lecture apaise la fin de journée."))],
        )
        add_resource(nord, "Écrans : le guide des familles", themes=[Theme.ECRANS_NUMERIQUE])

    def titles(self, query):
        response = self.client.get("/recherche/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return [hit.title for hit in response.context["results"].hits]

    def test_laep_finds_the_lieux_d_accueil_enfants_parents(self):
        self.assertIn("Accueil du mercredi", self.titles("LAEP"))

    def test_misspelt_mediation_familiale_is_found(self):
        self.assertIn("Rendez-vous des familles", self.titles("mediation familliale"))

    def test_screens_for_teenagers_without_accents(self):
        self.assertIn("Café des parents d'ados", self.titles("ecrans ados"))

    def test_a_phrase_inside_a_resource_file_finds_the_resource(self):
        self.assertIn("Guide des temps calmes", self.titles("coin lecture"))

    def test_directory_and_library_share_one_theme_vocabulary(self):
        response = self.client.get("/recherche/", {"thematique": Theme.ECRANS_NUMERIQUE})
        titles = {hit.title for hit in response.context["results"].hits}
        self.assertEqual(titles, {"Café des parents d'ados", "Écrans : le guide des familles"})
        theme_facet = response.context["results"].facets["thematique"]
        screens = [value for value in theme_facet if value.label == "Écrans et numérique"]
        self.assertEqual(
            [(value.value, value.count) for value in screens], [(Theme.ECRANS_NUMERIQUE, 2)]
        )
