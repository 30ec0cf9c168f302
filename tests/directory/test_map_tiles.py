"""The results map with and without a tile server (`MAP_TILE_URL`): by default nothing comes
from another host; with one, Leaflet served by the site itself draws it over those tiles only,
and the Content-Security-Policy names that host for images."""

import json
import re

from django.test import TestCase, override_settings

from tests.builders import build_network
from tests.directory.builders import add_action, load_communes

SEARCH = {"lieu": "Roubaix", "rayon": 10}
TILES = "https://{s}.tuiles.example.fr/{z}/{x}/{y}.png"


def foreign_urls(html):
    """Every absolute http(s) URL a page references in an attribute or a style."""
    return re.findall(r'(?:src|href|url)\(?=?["\']?(https?://[^"\'\s)]+)', html)


class MapTilesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        nord = build_network()["nord"]
        load_communes()
        add_action(nord, "Café à Roubaix", town="Roubaix")
        add_action(nord, "Groupe à Croix", town="Croix")

    def test_without_a_tile_server_the_page_loads_nothing_from_another_host(self):
        response = self.client.get("/nord/annuaire/", SEARCH)
        html = response.content.decode()
        self.assertIn('<figure class="results-map">', html)
        self.assertEqual(html.count('class="results-map__marker"'), 2)
        self.assertEqual(foreign_urls(html), [])
        self.assertNotIn("leaflet", html)
        self.assertNotIn("results-map-data", html)
        self.assertIn("img-src 'self' data:;", response["Content-Security-Policy"] + ";")

    @override_settings(MAP_TILE_URL=TILES, MAP_TILE_ATTRIBUTION="© Tuiles d'exemple")
    def test_with_a_tile_server_leaflet_comes_from_the_site_and_the_csp_names_the_host(self):
        response = self.client.get("/nord/annuaire/", SEARCH)
        html = response.content.decode()
        self.assertIn('<link rel="stylesheet" href="/static/leaflet/leaflet.css">', html)
        self.assertIn('<script src="/static/leaflet/leaflet.js" defer></script>', html)
        self.assertIn('<script src="/static/directory/js/results-map.js" defer></script>', html)
        # The tile URL is data for the script, never a URL the page itself loads.
        self.assertEqual(foreign_urls(html), [])
        data = json.loads(
            re.search(r'id="results-map-data" type="application/json">(.*?)</script>', html).group(
                1
            )
        )
        self.assertEqual(data["tiles"], TILES)
        self.assertEqual([marker["number"] for marker in data["markers"]], [1, 2])
        self.assertEqual(data["markers"][0]["title"], "Café à Roubaix")
        self.assertEqual(data["circle"]["metres"], 10_000)
        # The server-drawn SVG stays for visitors without JavaScript.
        self.assertEqual(html.count('class="results-map__marker"'), 2)
        csp = response["Content-Security-Policy"]
        img_src = re.search(r"img-src ([^;]*)", csp).group(1).split()
        self.assertEqual(img_src, ["'self'", "data:", "https://*.tuiles.example.fr"])
        self.assertNotIn("tuiles.example.fr", csp.replace(" ".join(img_src), ""))

    @override_settings(MAP_TILE_URL=TILES)
    def test_pages_without_a_map_keep_the_strict_policy(self):
        csp = self.client.get("/nord/agenda/")["Content-Security-Policy"]
        self.assertNotIn("tuiles.example.fr", csp)
