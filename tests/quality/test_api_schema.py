"""Schemathesis against the JSON API's OpenAPI description: no input it generates, valid or
not, may cause a server error.

The schema is discovered among the Django URLs (any argument-less URL whose path mentions
`openapi`); while the site has none, the test is skipped and says so.
"""

import io

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from hypothesis import settings
from schemathesis.checks import not_a_server_error

from tests.quality.discovery import django_url_seeds

pytestmark = pytest.mark.django_db


def openapi_schema_path():
    return next((url for url in django_url_seeds() if "openapi" in url), None)


@pytest.fixture
def api_schema(django_db_blocker):
    path = openapi_schema_path()
    if path is None:
        pytest.skip("Aucun schéma OpenAPI publié (l'API JSON de l'annuaire n'existe pas encore).")
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    return schemathesis.openapi.from_wsgi(path, WSGIHandler())


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None)
def test_api_never_answers_a_server_error(case):
    case.call_and_validate(checks=[not_a_server_error])
