"""What a parent gets from the directory search: filters, distance order, clear errors."""

import re
from types import SimpleNamespace

from django.test import TestCase

from directory import choices, maps
from directory.models import LieuRessourcePage
from hub.taxonomies import Theme
from tests.builders import build_network
from tests.directory.builders import add_action, add_lieu, load_communes


def titles(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


class AgeFilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        add_action(cls.net["nord"], "Ados 11-17", age_min=11, age_max=17)
        add_action(cls.net["nord"], "Petits 0-6", age_min=0, age_max=6)

    def search(self, age):
        return titles(self.client.get("/nord/annuaire/", {"age": age}))

    def test_age_inside_range_matches(self):
        self.assertEqual(self.search(14), ["Ados 11-17"])

    def test_range_bounds_are_included(self):
        self.assertEqual(self.search(11), ["Ados 11-17"])
        self.assertEqual(self.search(17), ["Ados 11-17"])
        self.assertEqual(self.search(6), ["Petits 0-6"])
        self.assertEqual(self.search(0), ["Petits 0-6"])

    def test_ages_just_outside_a_range_do_not_match(self):
        self.assertEqual(self.search(10), [])
        self.assertEqual(self.search(18), [])
        self.assertEqual(self.search(7), [])

    def test_invalid_age_is_a_readable_400(self):
        for value in ("abc", "22", "-1"):
            response = self.client.get("/nord/annuaire/", {"age": value})
            self.assertEqual(response.status_code, 400, value)
            self.assertContains(response, "Âge de l&#x27;enfant :", status_code=400)


class DistanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        nord = cls.net["nord"]
        add_action(nord, "Atelier à Lille", town="Lille", age_min=12, age_max=16)
        add_action(nord, "Café à Roubaix", town="Roubaix", age_min=10, age_max=18)
        add_action(nord, "Groupe à Croix", town="Croix", age_min=0, age_max=21)
        add_action(nord, "Groupe à Tourcoing", town="Tourcoing", age_min=0, age_max=21)
        add_action(nord, "Petite enfance à Croix", town="Croix", age_min=0, age_max=3)
        add_action(nord, "Conférence à Dunkerque", town="Dunkerque", age_min=0, age_max=21)
        add_action(cls.net["gironde"], "Café à Bordeaux", town="Bordeaux")

    def test_roubaix_10_km_age_14_sorted_by_distance(self):
        response = self.client.get("/nord/annuaire/", {"lieu": "Roubaix", "rayon": 10, "age": 14})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            titles(response), ["Café à Roubaix", "Groupe à Croix", "Groupe à Tourcoing"]
        )
        self.assertContains(response, "à moins de 10 km de Roubaix")
        self.assertContains(response, "0,0 km")
        # Lille's centre is about 10.4 km from Roubaix's: it comes in at 20 km, last.
        response = self.client.get("/nord/annuaire/", {"lieu": "Roubaix", "rayon": 20, "age": 14})
        self.assertEqual(
            titles(response),
            ["Café à Roubaix", "Groupe à Croix", "Groupe à Tourcoing", "Atelier à Lille"],
        )

    def test_map_is_drawn_from_served_data_with_one_marker_per_result(self):
        response = self.client.get("/nord/annuaire/", {"lieu": "Roubaix", "rayon": 10, "age": 14})
        html = response.content.decode()
        self.assertIn('<figure class="results-map">', html)
        self.assertEqual(html.count('class="results-map__marker"'), 3)
        self.assertIn("<title>1. Café à Roubaix</title>", html)
        self.assertNotRegex(html, r'(src|href)="(https?:)?//(?!www\.openstreetmap\.org/directions)')
        # Zoomed on the search area: the radius drawn, the larger communes named.
        self.assertIn('class="results-map__radius"', html)
        self.assertIn("le rayon de 10 km autour de Roubaix", html)
        names = re.search(r'<g class="results-map__names"[^>]*>(.*?)</g>', html).group(1)
        self.assertIn(">Roubaix</text>", names)
        self.assertNotIn("Dunkerque", names)  # 70 km away

    def test_map_numbers_follow_the_list_on_later_pages(self):
        record = SimpleNamespace(latitude=50.69, longitude=3.18, title="Café", url="/cafe/")
        drawn = maps.results_map([record], start=21)
        self.assertEqual([marker.number for marker in drawn["markers"]], [21])

    def test_map_without_a_place_frames_the_results(self):
        html = self.client.get("/nord/annuaire/", {"q": "Croix"}).content.decode()
        self.assertNotIn('class="results-map__radius"', html)
        # Two results at the same point are spread apart, not stacked.
        markers = re.findall(r'class="results-map__marker" cx="([\d.]+)" cy="([\d.]+)"', html)
        self.assertEqual(len(markers), 2)
        self.assertNotEqual(markers[0], markers[1])

    def test_postal_code_and_autocomplete_label_find_the_commune(self):
        by_code = titles(self.client.get("/nord/annuaire/", {"lieu": "59100", "age": 14}))
        by_label = titles(
            self.client.get("/nord/annuaire/", {"lieu": "Roubaix (59100)", "age": 14})
        )
        self.assertEqual(by_code[0], "Café à Roubaix")
        self.assertEqual(by_code, by_label)

    def test_radius_excludes_farther_actions(self):
        found = titles(self.client.get("/annuaire/", {"lieu": "Roubaix", "rayon": 50}))
        self.assertNotIn("Conférence à Dunkerque", found)
        self.assertNotIn("Café à Bordeaux", found)
        found = titles(self.client.get("/annuaire/", {"lieu": "Lille", "rayon": 5}))
        self.assertEqual(found, ["Atelier à Lille"])

    def test_national_directory_covers_every_departement(self):
        found = titles(self.client.get("/annuaire/"))
        self.assertIn("Café à Bordeaux", found)
        self.assertIn("Café à Roubaix", found)
        self.assertNotIn("Café à Bordeaux", titles(self.client.get("/nord/annuaire/")))

    def test_unknown_place_and_bad_radius_are_readable_400s(self):
        response = self.client.get("/nord/annuaire/", {"lieu": "Atlantide"})
        self.assertContains(response, "Nous ne trouvons pas la commune", status_code=400)
        response = self.client.get("/nord/annuaire/", {"lieu": "Roubaix", "rayon": "500"})
        self.assertEqual(response.status_code, 400)
        response = self.client.get("/nord/annuaire/", {"page": "x"})
        self.assertEqual(response.status_code, 400)

    def test_autocomplete_suggests_communes(self):
        response = self.client.get("/nord/annuaire/communes/", {"q": "roub"})
        labels = [item["label"] for item in response.json()["results"]]
        self.assertEqual(labels, ["Roubaix (59100)"])
        response = self.client.get("/nord/annuaire/communes/", {"q": "5910"})
        self.assertIn("Roubaix (59100)", [item["label"] for item in response.json()["results"]])


class OtherFilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        nord = cls.net["nord"]
        saturday_place = add_lieu(nord, "Maison ouverte le samedi", opening_hours="Sa 09:00-12:00")
        add_lieu(nord, "Maison du soir", opening_hours="Tu 16:00-19:00")
        add_action(
            nord,
            "Écrans en famille",
            themes=[Theme.ECRANS_NUMERIQUE],
            cost=choices.Cost.PAYANT,
            cost_amount=5,
            action_type=choices.ActionType.CONFERENCE,
            mode=choices.Mode.DISTANCE,
        )
        add_action(
            nord,
            "Médiation",
            themes=[Theme.SEPARATION],
            action_type=choices.ActionType.MEDIATION_FAMILIALE,
            format=choices.Format.INDIVIDUEL,
            lieu=saturday_place,
        )

    def search(self, **params):
        return titles(self.client.get("/nord/annuaire/", params))

    def test_theme_type_format_mode_and_cost(self):
        self.assertEqual(self.search(theme="ecrans-et-numerique"), ["Écrans en famille"])
        self.assertEqual(self.search(type="mediation-familiale"), ["Médiation"])
        self.assertEqual(self.search(format="individuel"), ["Médiation"])
        self.assertEqual(self.search(mode="distance"), ["Écrans en famille"])
        self.assertEqual(self.search(gratuit="on"), ["Médiation"])

    def test_words(self):
        self.assertEqual(self.search(q="écrans famille"), ["Écrans en famille"])

    def test_saturday_and_evening_filters(self):
        self.assertEqual(self.search(samedi="on"), ["Médiation"])
        self.assertEqual(self.search(contenu="lieux", samedi="on"), ["Maison ouverte le samedi"])
        self.assertEqual(self.search(contenu="lieux", soir="on"), ["Maison du soir"])

    def test_unknown_choice_is_a_400(self):
        response = self.client.get("/nord/annuaire/", {"theme": "astrologie"})
        self.assertEqual(response.status_code, 400)


class QueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        lieu = add_lieu(cls.net["nord"], "Maison", opening_hours="Mo 09:00-12:00")
        for number in range(25):
            extra = {"lieu": lieu} if number % 2 else {}
            add_action(cls.net["nord"], f"Action {number:02d}", **extra)

    def count_queries(self, params):
        from django.core.cache import cache
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        cache.clear()  # what the cache keeps (counts, the map's communes) computed again
        self.client.get("/")  # but for the site's root paths
        with CaptureQueriesContext(connection) as context:
            response = self.client.get("/nord/annuaire/", params)
        self.assertEqual(response.status_code, 200)
        return len(context.captured_queries), len(titles(response))

    def test_query_count_does_not_grow_with_results(self):
        from unittest import mock

        from directory.models import DirectoryIndexPage

        self.client.get("/nord/annuaire/")  # warm the site's cached root paths
        for params in ({}, {"lieu": "Roubaix"}):
            with mock.patch.object(DirectoryIndexPage, "per_page", 5):
                few, shown_few = self.count_queries(params)
            with mock.patch.object(DirectoryIndexPage, "per_page", 25):
                many, shown_many = self.count_queries(params)
            self.assertEqual((shown_few, shown_many), (5, 25))
            self.assertEqual(few, many, params)


class LieuHoursReachItsActionsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.lieu = add_lieu(cls.net["nord"], "Maison des familles", opening_hours="Mo 09:00-12:00")
        add_action(cls.net["nord"], "Atelier à la maison", lieu=cls.lieu)

    def test_new_saturday_hours_of_a_lieu_make_its_actions_open_on_saturday(self):
        search = {"samedi": "on"}
        self.assertEqual(titles(self.client.get("/nord/annuaire/", search)), [])
        lieu = LieuRessourcePage.objects.get(pk=self.lieu.pk)
        lieu.opening_hours = "Mo 09:00-12:00; Sa 10:00-12:00"
        lieu.save_revision().publish()
        self.assertEqual(
            titles(self.client.get("/nord/annuaire/", search)), ["Atelier à la maison"]
        )


class WordsSearchTests(TestCase):
    """The directory's words: the closest records when they cannot all match, and why."""

    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        add_action(
            cls.net["nord"],
            "Ados et écrans",
            action_type=choices.ActionType.ATELIER_PARENTS,
            themes=[Theme.ECRANS_NUMERIQUE, Theme.ADOLESCENCE],
        )

    def test_words_that_cannot_all_match_show_the_closest_records(self):
        response = self.client.get("/nord/annuaire/", {"q": "ecrans zzzz"})
        self.assertEqual(titles(response), ["Ados et écrans"])
        self.assertContains(response, "Résultats approchants")
        self.assertContains(response, "Aucun résultat pour « zzzz ».")
        self.assertContains(response, "Chercher seulement « ecrans »</a>", html=False)

    def test_everyday_words_find_the_record_s_domain_words(self):
        response = self.client.get("/nord/annuaire/", {"q": "jeux video ado"})
        self.assertEqual(titles(response), ["Ados et écrans"])
        self.assertNotContains(response, "Résultats approchants")

    def test_words_matching_nothing_are_named_with_ways_out(self):
        response = self.client.get("/nord/annuaire/", {"q": "zzzz"})
        self.assertEqual(titles(response), [])
        self.assertContains(response, "Aucun résultat pour « zzzz ».")
        self.assertContains(response, "Sans les mots « zzzz »</a>", html=False)
