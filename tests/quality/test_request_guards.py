"""Inputs the robustness fuzzing found to crash views, now answered cleanly."""

from django.test import TestCase

from tests.builders import add_news, build_network


class RequestGuardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        add_news(cls.net["nord"], "Café des parents à Roubaix")

    def test_nul_character_in_query_string_is_a_french_400(self):
        response = self.client.get("/recherche/?q=caf%00e")
        self.assertContains(response, "caractère nul", status_code=400)

    def test_nul_character_in_form_value_is_a_french_400(self):
        response = self.client.post("/_util/login/", {"password": "a\x00b"})
        self.assertContains(response, "caractère nul", status_code=400)

    def test_page_number_past_any_integer_is_a_french_400(self):
        for value in ("99999999999999999999", "-99999999999999999999", "1.5", "", "9" * 5000):
            response = self.client.get("/recherche/", {"q": "café", "page": value})
            self.assertEqual(response.status_code, 400, value)
            self.assertContains(response, "Demande incorrecte", status_code=400)

    def test_repeated_page_parameter_takes_the_last_value(self):
        response = self.client.get("/recherche/?q=caf%C3%A9&page=99999999999999999999&page=1")
        self.assertContains(response, "Café des parents à Roubaix")

    def test_search_radius_is_range_checked_in_french(self):
        response = self.client.get("/recherche/", {"lat": "50.69", "lon": "3.17", "rayon": "1e308"})
        self.assertContains(response, "inférieure ou égale à 1000", status_code=400)
        response = self.client.get("/recherche/", {"lat": "91", "lon": "3.17"})
        self.assertContains(response, "inférieure ou égale à 90", status_code=400)

    def test_unbalanced_quote_in_search_is_searched_as_words(self):
        response = self.client.get("/recherche/", {"q": 'café "Roubaix'})
        self.assertContains(response, "Café des parents à Roubaix")
