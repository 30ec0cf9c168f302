"""Schemathesis against the JSON API's OpenAPI description: no input it generates, valid or
not, may cause a server error.

The schema is discovered among the Django URLs (any argument-less URL whose path mentions
`openapi`); while the site has none, the test is skipped and says so. (Schemathesis's own
pytest loader does not work with pytest 9, so the operations are driven through its Python API.)
"""

import io

import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import TestCase
from hypothesis import given, settings
from schemathesis.checks import not_a_server_error

from tests.quality.discovery import django_url_seeds


def openapi_schema_path():
    return next((url for url in django_url_seeds() if "openapi" in url), None)


class OpenApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.schema_path = openapi_schema_path()
        if cls.schema_path:
            call_command("load_demo_content", verbosity=0, stdout=io.StringIO())

    def check_operation(self, operation):
        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, derandomize=True, database=None)
        def check(case):
            case.call_and_validate(checks=[not_a_server_error])

        check()

    def test_api_never_answers_a_server_error(self):
        if self.schema_path is None:
            self.skipTest(
                "Aucun schéma OpenAPI publié (l'API JSON de l'annuaire n'existe pas encore)."
            )
        # Like Django's test client: requests must not close the test's database connection.
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
            self.addCleanup(signal.connect, close_old_connections)
        schema = schemathesis.openapi.from_wsgi(self.schema_path, WSGIHandler())
        operations = [result.ok() for result in schema.get_all_operations()]
        self.assertTrue(operations, "the OpenAPI schema describes no operation")
        for operation in operations:
            with self.subTest(operation=f"{operation.method.upper()} {operation.path}"):
                self.check_operation(operation)
