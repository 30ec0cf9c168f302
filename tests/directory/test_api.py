"""The public JSON API: filters like the search page, pagination, OpenAPI, clear errors."""

from django.test import TestCase

from tests.builders import build_network
from tests.directory.builders import add_action, load_communes


class ApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        for number in range(7):
            add_action(cls.net["nord"], f"Action {number}", age_min=10, age_max=16)
        add_action(cls.net["nord"], "Petits", age_min=0, age_max=3, town="Lille")
        add_action(cls.net["gironde"], "Bordelaise", town="Bordeaux")

    def test_pages_link_to_each_other_and_cover_every_record(self):
        first = self.client.get("/api/annuaire/actions/", {"par_page": 4}).json()
        self.assertEqual((first["total"], first["pages"], first["page"]), (9, 3, 1))
        self.assertIsNone(first["precedente"])
        seen = [item["titre"] for item in first["resultats"]]
        following = first["suivante"]
        while following:
            data = self.client.get(following).json()
            seen += [item["titre"] for item in data["resultats"]]
            following = data["suivante"]
        self.assertEqual(len(seen), 9)
        self.assertEqual(len(set(seen)), 9)

    def test_filters_scope_and_distance(self):
        data = self.client.get(
            "/api/annuaire/actions/", {"departement": "59", "age": 14, "lieu": "Roubaix"}
        ).json()
        self.assertEqual(data["total"], 7)
        self.assertEqual(data["resultats"][0]["distance_km"], 0.0)
        self.assertEqual(data["resultats"][0]["commune"]["code_insee"], "59512")
        data = self.client.get("/api/annuaire/actions/", {"departement": "33"}).json()
        self.assertEqual([item["titre"] for item in data["resultats"]], ["Bordelaise"])

    def test_errors_are_json_400_or_404(self):
        for params in ({"age": "x"}, {"page": "0"}, {"par_page": "1000"}, {"departement": "99"}):
            response = self.client.get("/api/annuaire/actions/", params)
            self.assertEqual(response.status_code, 400, params)
            self.assertIn("erreur", response.json())
        self.assertEqual(self.client.get("/api/annuaire/actions/", {"page": 9}).status_code, 404)

    def test_openapi_describes_the_three_listings(self):
        document = self.client.get("/api/annuaire/openapi.json").json()
        self.assertEqual(document["openapi"], "3.1.0")
        self.assertEqual(
            sorted(document["paths"]),
            ["/api/annuaire/actions/", "/api/annuaire/lieux/", "/api/annuaire/promeneurs/"],
        )

    def test_other_kinds(self):
        self.assertEqual(self.client.get("/api/annuaire/lieux/").json()["total"], 0)
        self.assertEqual(self.client.get("/api/annuaire/promeneurs/").status_code, 200)
