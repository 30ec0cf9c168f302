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

    def test_unbalanced_quote_in_search_is_searched_as_words(self):
        response = self.client.get("/recherche/", {"q": 'café "Roubaix'})
        self.assertContains(response, "Café des parents à Roubaix")
