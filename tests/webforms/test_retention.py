"""Answers are deleted after their form's retention period, by a task the daily command queues;
recent answers, and registrations to an event not yet past the period, are kept."""

import datetime
import io

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from tests.builders import build_network
from tests.events.builders import add_event
from tests.mail_server import run_queued_tasks
from webforms.models import FormAnswer

from .builders import add_registration_form, add_survey


def answer(page, days_ago, **fields):
    row = FormAnswer.objects.create(page=page, form_data={"theme_souhaite": "écrans"}, **fields)
    FormAnswer.objects.filter(pk=row.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return row


class RetentionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        net = build_network()
        cls.survey = add_survey(net["nord"], retention_months=3)
        cls.old = answer(cls.survey, days_ago=100)
        cls.recent = answer(cls.survey, days_ago=80)
        past_event = add_event(
            net["gironde"],
            "Formation passée",
            start_date=timezone.localdate() - datetime.timedelta(days=250),
        )
        cls.past_form = add_registration_form(net["gironde"], event=past_event, retention_months=6)
        cls.past_registration = answer(cls.past_form, days_ago=260, status="confirmed")
        coming = add_registration_form(net["nord"], title="Inscription à venir", retention_months=3)
        cls.coming_registration = answer(coming, days_ago=200, status="confirmed")

    def test_the_daily_command_queues_the_deletion_of_expired_answers_only(self):
        out = io.StringIO()
        call_command("purge_form_answers", stdout=out)
        self.assertIn("queued", out.getvalue())
        self.assertTrue(
            FormAnswer.objects.filter(pk=self.old.pk).exists(), "nothing before the task"
        )
        run_queued_tasks()
        remaining = set(FormAnswer.objects.values_list("pk", flat=True))
        self.assertEqual(remaining, {self.recent.pk, self.coming_registration.pk})
