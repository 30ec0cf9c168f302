"""Actions' sessions: the next ones computed in Europe/Paris (never a past one), entered in the
admin like events' recurrences, never contradicted by the page's other lines; action pages say
when, where, how much and how to come; "Sur inscription" needs a way to register."""

import datetime

from django.test import SimpleTestCase, TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from directory import sessions
from directory.models import ActionCancelledDate, ActionPage, ActionSession, StructurePage
from hub.recurrence import PARIS
from tests.builders import build_network
from tests.directory.builders import (
    add_action,
    add_lieu,
    directory_index,
    load_communes,
    publish,
)


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def session(day, start, end=None, **rule):
    return ActionSession(start_date=day, start_time=start, end_time=end, **rule)


def action_with(*items, cancelled=()):
    return ActionPage(
        sessions=list(items), cancelled_dates=[ActionCancelledDate(date=day) for day in cancelled]
    )


class UpcomingSessionsTests(TestCase):
    """Unsaved pages, but building one looks up its content type."""

    def test_weekly_sessions_keep_their_paris_time_across_the_dst_change(self):
        action = action_with(
            session(
                datetime.date(2026, 3, 22),
                datetime.time(10),
                datetime.time(11, 30),
                recurrence="weekly",
                recurrence_count=3,
            )
        )
        found = sessions.upcoming(action, now=paris(2026, 3, 20, 12))
        self.assertEqual(
            [item.start for item in found],
            [paris(2026, 3, 22, 10), paris(2026, 3, 29, 10), paris(2026, 4, 5, 10)],
        )
        # 9:00 UTC before the change, 8:00 UTC after: the wall-clock time stays 10 h.
        self.assertEqual([item.start.astimezone(datetime.UTC).hour for item in found], [9, 8, 8])
        with translation.override("fr"):
            self.assertEqual(
                [sessions.session_label(item) for item in found],
                [
                    "dimanche 22 mars 2026, 10\u00a0h – 11\u00a0h\u00a030",
                    "dimanche 29 mars 2026, 10\u00a0h – 11\u00a0h\u00a030",
                    "dimanche 5 avril 2026, 10\u00a0h – 11\u00a0h\u00a030",
                ],
            )

    def test_a_session_that_has_started_is_never_shown_as_next(self):
        today = datetime.date(2026, 10, 25)  # The day Paris leaves summer time.
        action = action_with(
            session(today, datetime.time(9), datetime.time(12)),
            session(today, datetime.time(18, 30)),
            session(today - datetime.timedelta(days=1), datetime.time(18, 30)),
        )
        found = sessions.upcoming(action, now=paris(2026, 10, 25, 9, 0, 1))
        self.assertEqual([item.start for item in found], [paris(2026, 10, 25, 18, 30)])
        with translation.override("fr"):
            self.assertEqual(
                sessions.session_label(found[0]), "dimanche 25 octobre 2026, à 18\u00a0h\u00a030"
            )
        self.assertEqual(sessions.upcoming(action, now=paris(2026, 10, 25, 18, 30)), [])

    def test_dates_and_a_recurrence_merge_in_order_without_cancelled_days(self):
        action = action_with(
            session(
                datetime.date(2026, 12, 2),
                datetime.time(14),
                datetime.time(16),
                recurrence="weekly",
                recurrence_until=datetime.date(2027, 3, 1),
            ),
            session(datetime.date(2026, 12, 5), datetime.time(10), datetime.time(12)),
            cancelled=[datetime.date(2026, 12, 9)],
        )
        found = sessions.upcoming(action, now=paris(2026, 12, 1, 8))
        self.assertEqual(
            [item.start.date() for item in found],
            [
                datetime.date(2026, 12, 2),
                datetime.date(2026, 12, 5),
                datetime.date(2026, 12, 16),
                datetime.date(2026, 12, 23),
                datetime.date(2026, 12, 30),
            ],
        )
        with translation.override("fr"):
            self.assertEqual(
                sessions.day_label(datetime.date(2027, 1, 1)), "vendredi 1er janvier 2027"
            )


class ContradictionTests(SimpleTestCase):
    def test_named_days_must_be_the_sessions_days(self):
        sunday = datetime.date(2026, 12, 6)
        with translation.override("fr"):
            errors = sessions.contradictions("Chaque mercredi", "libre", "", {sunday})
        self.assertIn("mercredi", errors["schedule"])
        self.assertIn("dimanche 6 décembre 2026", errors["schedule"])
        wednesday = datetime.date(2026, 12, 9)
        self.assertEqual(
            sessions.contradictions("Du lundi au vendredi", "libre", "", {wednesday}), {}
        )
        self.assertEqual(sessions.contradictions("Hors vacances", "libre", "", {sunday}), {})

    def test_by_appointment_contradicts_dates_and_free_access(self):
        day = datetime.date(2026, 12, 30)
        errors = sessions.contradictions("Sur rendez-vous", "libre", "", {day})
        self.assertEqual(set(errors), {"schedule", "registration"})
        errors = sessions.contradictions("", "libre", "https://exemple.fr/inscription", set())
        self.assertEqual(set(errors), {"registration_url"})


def action_form(**overrides):
    data = {
        "title": "Café des parents",
        "slug": "cafe-des-parents",
        "action_type": "cafe-des-parents",
        "description": "Un temps d'échange entre parents.",
        "age_min": "0",
        "age_max": "17",
        "format": "collectif",
        "mode": "presentiel",
        "schedule": "Le mercredi, hors vacances scolaires",
        "registration": "inscription",
        "registration_url": "",
        "cost": "gratuit",
        "commune": "",
        "phone": "03 20 00 00 00",
        "sessions": inline_formset(
            [
                {
                    "start_date": "2099-01-07",
                    "start_time": "14:00",
                    "end_time": "16:00",
                    "recurrence": "weekly",
                    "recurrence_interval": "2",
                    "recurrence_until": "",
                    "recurrence_count": "4",
                },
                {
                    "start_date": "2099-01-14",
                    "start_time": "18:30",
                    "end_time": "20:00",
                    "recurrence": "",
                    "recurrence_interval": "1",
                    "recurrence_until": "",
                    "recurrence_count": "",
                },
            ]
        ),
        "cancelled_dates": inline_formset([{"date": "2099-01-21"}]),
        "closures": inline_formset([]),
        "comments": inline_formset([]),
        "review_every_months": "12",
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


class ActionAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.index = directory_index(cls.net["nord"])

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def post(self, **overrides):
        url = reverse("wagtailadmin_pages:add", args=("directory", "actionpage", self.index.pk))
        form = action_form(commune="Roubaix (59100)", **overrides)
        return self.client.post(url, form)

    def test_coordinator_publishes_dated_sessions_and_a_recurrence(self):
        response = self.post()
        self.assertEqual(response.status_code, 302)
        action = ActionPage.objects.get(slug="cafe-des-parents")
        self.assertTrue(action.live)
        self.assertEqual(
            [(item.start.date(), item.start.hour) for item in action.upcoming_sessions],
            [
                (datetime.date(2099, 1, 7), 14),
                (datetime.date(2099, 1, 14), 18),
                (datetime.date(2099, 2, 4), 14),
                (datetime.date(2099, 2, 18), 14),
            ],
        )
        page = self.client.get(action.url)
        self.assertContains(page, "Prochaines séances")
        self.assertContains(page, "mercredi 7 janvier 2099, 14\u00a0h – 16\u00a0h")
        self.assertNotContains(page, "21 janvier 2099")

    def test_the_repetition_needs_an_end_or_a_count(self):
        rows = [
            {
                "start_date": "2099-01-07",
                "start_time": "14:00",
                "end_time": "13:00",
                "recurrence": "weekly",
                "recurrence_interval": "1",
                "recurrence_until": "",
                "recurrence_count": "",
            }
        ]
        response = self.post(sessions=inline_formset(rows), cancelled_dates=inline_formset([]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "soit une date de fin de la répétition, soit un nombre de séances"
        )
        self.assertContains(response, "L&#x27;heure de fin doit suivre l&#x27;heure de début.")
        self.assertFalse(ActionPage.objects.exists())

    def test_a_cancelled_date_must_be_a_session_and_the_text_must_agree(self):
        response = self.post(
            schedule="Chaque dimanche, sur rendez-vous",
            registration="libre",
            cancelled_dates=inline_formset([{"date": "2099-01-08"}]),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Aucune séance n&#x27;a lieu le jeudi 8 janvier 2099.")
        self.assertContains(response, "mais une séance a lieu le mercredi 7 janvier 2099")
        self.assertContains(response, "ne peut pas être « Sans inscription »")
        self.assertFalse(ActionPage.objects.exists())

    def test_sur_inscription_without_a_way_to_register_is_not_published(self):
        response = self.post(phone="")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "doit dire comment s&#x27;inscrire")
        self.assertFalse(ActionPage.objects.exists())
        # A draft may wait for the contact; the structure's phone is enough to publish.
        response = self.post(phone="", **{"action-publish": "", "action-save": "save"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(ActionPage.objects.get().live)
        structure = publish(
            self.net["nord"],
            StructurePage(
                title="Centre social Roubaix", kind="centre-social", phone="03 20 11 22 33"
            ),
        )
        response = self.post(phone="", slug="cafe-2", structure=structure.pk)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ActionPage.objects.get(slug="cafe-2").live)


class ActionPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.structure = publish(
            cls.net["nord"],
            StructurePage(
                title="Centre social Roubaix",
                kind="centre-social",
                phone="03 20 11 22 33",
                email="accueil@centre.example",
            ),
        )
        cls.lieu = add_lieu(cls.net["nord"], "Maison des familles", address="12 rue de l'Épeule")

    def test_when_where_how_much_and_how_to_come(self):
        action = add_action(
            self.net["nord"],
            "Atelier du mercredi",
            lieu=self.lieu,
            structure=self.structure,
            cost="payant",
            cost_amount=3,
            registration_url="https://inscription.example/atelier",
            sessions=[
                session(datetime.date(2099, 1, 7), datetime.time(14), datetime.time(16)),
                session(datetime.date(2020, 1, 8), datetime.time(14), datetime.time(16)),
            ],
        )
        response = self.client.get(action.url)
        self.assertContains(response, "mercredi 7 janvier 2099, 14\u00a0h – 16\u00a0h")
        self.assertNotContains(response, "2020")
        self.assertContains(response, "Maison des familles, 12 rue de l&#x27;Épeule, 59100 Roubaix")
        self.assertContains(response, "Payant : 3")
        self.assertContains(response, 'href="https://inscription.example/atelier"')
        self.assertContains(response, "Contact : Centre social Roubaix")
        self.assertContains(response, 'href="tel:0320112233"')
        self.assertContains(response, 'href="mailto:accueil@centre.example"')

    def test_no_session_says_whom_to_contact(self):
        action = add_action(
            self.net["nord"],
            "Médiation familiale",
            address="3 place de la Liberté",
            email="m@ex.fr",
        )
        response = self.client.get(action.url)
        self.assertContains(
            response,
            "Pas de séance programmée : contactez l'équipe de l'action à "
            '<a href="mailto:m@ex.fr">m@ex.fr</a>',
            html=False,
        )
        self.assertContains(response, "3 place de la Liberté, 59100 Roubaix")
