"""The dashboard shows each figure with last year's, the target and its progress, a chart served
by the site with its data table, and links to the items behind each number."""

import re

from django.test import TestCase
from django.urls import reverse

from hub.indicators.models import ActivityRecord
from tests.indicators.known_content import (
    EXPECTED_2025,
    MONTHLY_2025,
    build_known_departement,
    record,
)


def cell(content, key):
    match = re.search(rf'data-indicator="{key}">(\d+)<', content)
    return int(match.group(1)) if match else None


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_known_departement()
        cls.nord = cls.net["nord"]
        cls.url = reverse("indicators:dashboard", args=[cls.nord.pk])

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def test_every_figure_is_shown(self):
        content = self.client.get(self.url, {"annee": 2025}).content.decode()
        for key, (value, _months) in EXPECTED_2025.items():
            with self.subTest(key):
                self.assertEqual(cell(content, key), value)

    def test_year_selector_changes_the_figures(self):
        content = self.client.get(self.url, {"annee": 2024}).content.decode()
        self.assertEqual(cell(content, "reunions_reseau"), 1)
        self.assertEqual(cell(content, "participants"), 20)
        self.assertEqual(cell(content, "actualites_publiees"), 1)

    def test_comparison_target_and_progress(self):
        response = self.client.get(self.url, {"annee": 2025})
        self.assertContains(response, '<progress max="100" value="25">25 %</progress>', html=True)
        self.assertContains(response, '<progress max="100" value="50">50 %</progress>', html=True)
        self.assertContains(response, '<th scope="col">2024</th>', html=True)

    def test_each_monthly_figure_has_a_chart_and_a_data_table(self):
        response = self.client.get(self.url, {"annee": 2025})
        content = response.content.decode()
        self.assertEqual(content.count('<svg class="indicator-chart"'), len(MONTHLY_2025))
        self.assertEqual(content.count('<table class="indicator-data">'), len(MONTHLY_2025))
        self.assertIn('aria-label="Réunions de réseau par mois, 2025 comparé à 2024"', content)
        # The chart's data table of the news: three months, in French.
        self.assertInHTML(
            '<tr><th scope="row">mars</th><td class="number">2</td><td class="number">0</td></tr>',
            content,
        )
        self.assertNotIn("http://", content.split('<svg class="indicator-chart"')[1][:200])

    def test_figures_link_to_their_drill_down(self):
        response = self.client.get(self.url, {"annee": 2025})
        detail = reverse("indicators:detail", args=[self.nord.pk, "formations"])
        self.assertContains(response, f'href="{detail}?annee=2025"')

    def test_drill_down_lists_the_items_behind_the_number(self):
        url = reverse("indicators:detail", args=[self.nord.pk, "participants"])
        response = self.client.get(url, {"annee": 2025})
        self.assertContains(response, "Total : 33 personnes")
        self.assertContains(response, "4 éléments derrière ce chiffre")
        for title in [
            "Réunion du réseau de Lille",
            "Réunion du réseau de Roubaix",
            "Formation des nouveaux promeneurs",
            "Rencontre avec la PMI",
        ]:
            self.assertContains(response, title)
        self.assertNotContains(response, "Réunion du réseau 2024")
        self.assertNotContains(response, "girondin")
        edit = reverse(
            "indicators:activity_edit", args=[self.nord.pk, self.net["records"]["formation"].pk]
        )
        self.assertContains(response, f'href="{edit}"')

    def test_news_drill_down_links_to_the_page_and_its_editor(self):
        url = reverse("indicators:detail", args=[self.nord.pk, "actualites_publiees"])
        response = self.client.get(url, {"annee": 2025})
        news = self.net["news"][1]
        self.assertContains(response, f'href="{news.url}"')
        self.assertContains(
            response, f'href="{reverse("wagtailadmin_pages:edit", args=[news.pk])}"'
        )
        self.assertContains(response, "02/03/2025")

    def test_query_count_does_not_grow_with_the_content(self):
        self.client.get(self.url, {"annee": 2025})  # warm caches (content types, site root)
        queries_before = self.count_queries()
        for day in range(1, 29):
            for kind in ActivityRecord.Kind.values:
                record(self.nord, kind, f"2025-03-{day:02d}", "Encore une", 5, 2)
        with self.assertNumQueries(queries_before):
            response = self.client.get(self.url, {"annee": 2025})
        self.assertEqual(cell(response.content.decode(), "reunions_reseau"), 30)

    def count_queries(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            self.client.get(self.url, {"annee": 2025})
        return len(queries)

    def test_bilan_reads_the_agenda_once_per_year_for_all_its_indicators(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        url = reverse("indicators:annual_report", args=[self.nord.pk])
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url, {"annee": 2025})
        self.assertEqual(response.status_code, 200)
        attendance_reads = [
            query["sql"] for query in queries if 'FROM "events_eventattendance"' in query["sql"]
        ]
        # The year shown and the year it is compared with.
        self.assertEqual(len(attendance_reads), 2)
        self.assertIn("'2025-01-01'", attendance_reads[0])
        self.assertIn("'2024-01-01'", attendance_reads[1])
