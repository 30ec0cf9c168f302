"""A page kept to a département's members says so at its top, to whoever reads it: « Page réservée
aux membres du réseau – Nord (59) : ne la diffusez pas. »; a public page says nothing. Wagtail's
check and the notice read the page's restrictions once."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from members.access import members_group
from tests.builders import add_news
from tests.events.builders import add_event, agenda
from tests.members.builders import build_members, restrict
from tests.resources.builders import add_resource

NEXT_WEEK = datetime.date.today() + datetime.timedelta(days=7)
NORD_NOTICE = (
    '<p class="restricted-notice" role="note"><strong>Page réservée aux membres du réseau – '
    "Nord (59)</strong>&nbsp;: ne la diffusez pas.</p>"
)


class RestrictedNoticeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_members()
        nord = cls.net["nord"]
        cls.minutes = add_news(nord, "Compte rendu de la rencontre départementale")
        cls.session = add_event(nord, "Analyse de la pratique", start_date=NEXT_WEEK)
        cls.paper = add_resource(nord, "Document de travail sur l'accueil des pères")
        for page in (cls.minutes, cls.session, cls.paper):
            restrict(page)
        cls.public_news = add_news(nord, "Café des parents à Roubaix")
        cls.public_event = add_event(nord, "Forum des familles", start_date=NEXT_WEEK)

    def restriction_reads(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        reads = [q["sql"] for q in queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]]
        return response, len(reads)

    def test_a_member_reads_the_notice_on_every_restricted_page(self):
        self.client.force_login(self.net["membre_nord"].user)
        for page in (self.minutes, self.session, self.paper):
            with self.subTest(page=page.title):
                response = self.client.get(page.url)
                self.assertContains(response, NORD_NOTICE, html=False)
                self.assertContains(response, "restricted-notice", count=1)

    def test_nobody_reads_it_on_a_public_page(self):
        for who in ("anonyme", "membre"):
            if who == "membre":
                self.client.force_login(self.net["membre_nord"].user)
            for page in (self.public_news, self.public_event, self.net["nord"]):
                with self.subTest(who=who, page=page.title):
                    self.assertNotContains(self.client.get(page.url), "restricted-notice")

    def test_a_page_restricted_through_its_parent_and_its_routes_say_so_too(self):
        nord_agenda = agenda(self.net["nord"])
        restrict(nord_agenda)
        self.client.force_login(self.net["membre_nord"].user)
        for url in (self.public_event.url, nord_agenda.url, f"{nord_agenda.url}mois/2026-12/"):
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), NORD_NOTICE)

    def test_wagtail_and_the_notice_read_the_restrictions_once(self):
        _response, reads = self.restriction_reads(self.public_news.url)
        self.assertEqual(reads, 1)
        self.client.force_login(self.net["membre_nord"].user)
        response, reads = self.restriction_reads(self.minutes.url)
        self.assertContains(response, NORD_NOTICE)
        self.assertEqual(reads, 1)

    def test_several_departements_and_other_restrictions(self):
        restriction = PageViewRestriction.objects.get(page=self.minutes)
        restriction.groups.add(members_group(self.net["gironde"].departement))
        self.client.force_login(self.net["membre_gironde"].user)
        self.assertContains(
            self.client.get(self.minutes.url),
            "<strong>Page réservée aux membres du réseau – Gironde (33) et Nord (59)</strong>",
        )
        signed_in = add_news(self.net["nord"], "Note aux personnes connectées")
        PageViewRestriction.objects.create(
            page=signed_in, restriction_type=PageViewRestriction.LOGIN
        )
        self.assertContains(
            self.client.get(signed_in.url),
            "<strong>Page à accès restreint</strong>&nbsp;: ne la diffusez pas.",
        )
