"""The home page serves a parent's first task: the near-me search and every département."""

from django.test import TestCase

from tests.builders import build_network
from tests.directory.builders import add_action, load_communes


class HomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        add_action(cls.net["nord"], "Café des parents d'ados", age_min=11, age_max=17)

    def test_near_me_search_submits_to_the_national_directory(self):
        response = self.client.get("/")
        self.assertContains(response, '<form method="get" action="/annuaire/" role="search"')
        self.assertContains(response, 'name="lieu"')
        self.assertContains(response, 'name="age"')
        self.assertContains(response, '<option value="10" selected>10 km</option>', html=True)
        found = self.client.get("/annuaire/", {"lieu": "Roubaix", "rayon": 10, "age": 14})
        self.assertContains(found, "Café des parents d&#x27;ados")

    def test_every_departement_is_listed_those_without_section_folded_apart(self):
        response = self.client.get("/")
        html = response.content.decode()
        others = html.index('<details class="departement-others">')
        self.assertLess(html.index("59 – Nord"), others)
        self.assertGreater(html.index("69 – Rhône"), others)
        self.assertContains(response, '<a href="/nord/">59 – Nord</a>', html=True)
        self.assertContains(response, '<a href="/gironde/">33 – Gironde</a>', html=True)
        self.assertContains(response, "<span>69 – Rhône</span>", html=False)
        self.assertContains(response, "(pas encore sur le site)", count=107)
        self.assertContains(response, "976 – Mayotte")

    def test_the_footer_leads_to_each_space(self):
        response = self.client.get("/")
        for path, label in [
            ("/espace-porteurs/", "Espace porteurs"),
            ("/espace-membres/", "Espace des membres"),
            ("/admin/", "Espace coordination"),
        ]:
            self.assertContains(response, f'<a href="{path}">{label}</a>', html=True)
