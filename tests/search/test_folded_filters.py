"""The agenda and the library after a search: the filters fold into one line above the count
and the results (as in the directory), and a search that finds nothing says why and offers
the same listing with one filter dropped, each way with its count."""

import datetime
from unittest import mock

from django.test import TestCase
from django.utils import timezone

from events.models import EventPage
from tests.builders import build_network
from tests.directory.test_no_dead_ends import way_out
from tests.events.builders import add_event
from tests.resources.builders import add_resource

# "Today": Thursday 26 November 2026, 10:00 in Paris.
NOW = datetime.datetime(2026, 11, 26, 9, 0, tzinfo=datetime.UTC)


def frozen_now():
    return mock.patch.object(timezone, "now", return_value=NOW)


class AgendaFoldingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        nord = cls.net["nord"]
        add_event(
            nord,
            "Café des parents du samedi",
            kind=EventPage.Kind.TEMPS_FORT_PARENTS,
            audience=EventPage.Audience.PARENTS,
            start_date=datetime.date(2026, 12, 5),
        )
        add_event(
            nord,
            "Formation à l'écoute",
            kind=EventPage.Kind.FORMATION,
            start_date=datetime.date(2026, 12, 8),
        )
        add_event(
            nord,
            "Conférence sur le sommeil",
            kind=EventPage.Kind.TEMPS_FORT_PARENTS,
            audience=EventPage.Audience.PARENTS,
            start_date=datetime.date(2026, 10, 1),
        )

    def get(self, url, params):
        with frozen_now():
            return self.client.get(url, params)

    def test_a_filtered_agenda_folds_its_filters_above_the_count_and_the_events(self):
        response = self.get("/nord/agenda/", {"public": "parents", "type": "temps-fort-parents"})
        html = response.content.decode()
        self.assertInHTML(
            '<span class="listing-filters__summary">Temps fort pour les parents · Parents</span>',
            html,
        )
        self.assertIn('<details class="listing-filters">', html)  # folded, no "open"
        summary = html.index("listing-filters__summary")
        count = html.index("1 événement à venir")
        self.assertLess(summary, count)
        self.assertLess(count, html.index("Café des parents du samedi"))
        # The form is still there, inside the folded panel, each filter once.
        self.assertEqual(html.count('name="public"'), 1)
        self.assertLess(summary, html.index('name="public"'))

    def test_words_and_departement_read_in_words_on_the_national_agenda(self):
        html = self.get("/agenda/", {"q": "café", "departement": "59"}).content.decode()
        self.assertInHTML('<span class="listing-filters__summary">« café » · Nord</span>', html)

    def test_without_filters_the_events_come_first_under_a_folded_form(self):
        html = self.get("/nord/agenda/", {}).content.decode()
        self.assertInHTML(
            '<summary><span class="listing-filters__summary">Tous les événements</span> · '
            '<span class="listing-filters__edit">Filtrer</span></summary>',
            html,
        )
        self.assertIn('<details class="listing-filters">', html)
        self.assertLess(html.index("2 événements à venir"), html.index("Café des parents du"))

    def test_an_invalid_filter_keeps_the_form_open_with_its_error(self):
        response = self.get("/nord/agenda/", {"public": "bebes"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, '<details class="listing-filters" open>', status_code=400)

    def test_the_month_grid_folds_too(self):
        html = self.get("/nord/agenda/mois/2026-12/", {"public": "parents"}).content.decode()
        self.assertInHTML('<span class="listing-filters__summary">Parents</span>', html)
        self.assertLess(html.index("listing-filters__summary"), html.index("month-grid"))

    def test_no_upcoming_event_says_why_and_offers_ways_out_with_counts(self):
        response = self.get("/nord/agenda/", {"q": "sommeil", "public": "parents"})
        self.assertContains(response, "0 événements à venir")
        self.assertContains(
            response,
            "Aucun événement à venir ne répond à tous ces critères à la fois : "
            "« sommeil » · Parents.",
        )
        self.assertEqual(
            way_out(response, "Sans les mots « sommeil »"), ("?public=parents", "1 résultat")
        )
        self.assertEqual(way_out(response, "Sans « Parents »"), (None, "aucun résultat"))
        self.assertEqual(way_out(response, "Sans aucun filtre"), ("?", "2 résultats"))
        self.assertEqual(
            way_out(response, "Les événements passés avec ces critères"),
            ("/nord/agenda/archives/?q=sommeil&public=parents", "1 résultat"),
        )

    def test_every_way_out_leads_to_what_it_counted(self):
        response = self.get("/nord/agenda/", {"q": "sommeil", "public": "parents"})
        for label in ("Sans les mots « sommeil »", "Les événements passés avec ces critères"):
            href, counted = way_out(response, label)
            url = href if href.startswith("/") else "/nord/agenda/" + href
            followed = self.get(url, {})
            self.assertContains(followed, counted.replace("résultat", "événement"))

    def test_no_past_event_offers_the_upcoming_ones(self):
        response = self.get("/nord/agenda/archives/", {"type": "formation"})
        self.assertContains(response, "0 événements passés")
        self.assertEqual(
            way_out(response, "Les événements à venir avec ces critères"),
            ("/nord/agenda/?type=formation", "1 résultat"),
        )


class LibraryFoldingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        nord = build_network()["nord"]
        add_resource(nord, "Les écrans en famille", kind="guide", audiences=["parents"])
        add_resource(
            nord,
            "Organiser un café des parents",
            kind="fiche-pratique",
            audiences=["professionnels"],
        )

    def test_a_filtered_library_folds_its_filters_above_the_count_and_the_resources(self):
        html = self.client.get(
            "/nord/ressources/", {"type": "guide", "tri": "date"}
        ).content.decode()
        self.assertInHTML('<span class="listing-filters__summary">Guide</span>', html)
        self.assertIn('<details class="listing-filters">', html)
        summary = html.index("listing-filters__summary")
        count = html.index("1 ressource")
        self.assertLess(summary, count)
        self.assertLess(count, html.index("Les écrans en famille</a>"))
        self.assertEqual(html.count('name="type"'), 1)

    def test_the_sort_order_alone_is_not_a_filter(self):
        html = self.client.get("/nord/ressources/", {"tri": "date"}).content.decode()
        self.assertInHTML(
            '<span class="listing-filters__summary">Toutes les ressources</span>', html
        )
        self.assertIn('<details class="listing-filters">', html)

    def test_an_invalid_filter_keeps_the_form_open_with_its_error(self):
        response = self.client.get("/nord/ressources/", {"type": "roman"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, '<details class="listing-filters" open>', status_code=400)

    def test_no_resource_says_why_and_offers_ways_out_with_counts(self):
        response = self.client.get("/nord/ressources/", {"type": "podcast", "public": "parents"})
        self.assertContains(response, "0 ressources")
        self.assertContains(
            response,
            "Aucune ressource ne répond à tous ces critères à la fois : Podcast · Parents.",
        )
        self.assertEqual(way_out(response, "Sans « Podcast »"), ("?public=parents", "1 résultat"))
        self.assertEqual(way_out(response, "Sans « Parents »"), (None, "aucun résultat"))
        self.assertEqual(way_out(response, "Sans aucun filtre"), ("?", "2 résultats"))
        followed = self.client.get("/nord/ressources/?public=parents")
        self.assertContains(followed, "1 ressource")
