"""A parent's journey in headless Chromium at 360 and 1280 px, on the demo content: the
near-me search from the home page shows its count and first result without scrolling; Lyon
(no section) and a search with no result explain and offer ways out with counts."""

import io
import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.quality.browser import require_browser

pytestmark = pytest.mark.browser

JOURNEY_SCRIPT = Path(__file__).with_name("parent_journey.mjs")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_near_me_search_lyon_and_zero_results(live_server):
    require_browser()
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    call_command("load_communes", departements=["69"], stdout=io.StringIO())
    completed = subprocess.run(
        ["node", str(JOURNEY_SCRIPT), live_server.url],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=settings.BASE_DIR,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    for step in json.loads(completed.stdout):
        width = step["width"]
        assert "lieu=Roubaix" in step["resultsUrl"] and "age=14" in step["resultsUrl"]
        assert "résultats à moins de 10 km de Roubaix" in step["count"], step
        assert step["countTop"] < step["viewportHeight"], step
        assert step["firstTop"] < step["viewportHeight"], step
        assert step["actionTitle"] == step["firstTitle"], step
        assert "Le Rhône n'a pas encore de coordination sur ce site." in step["lyon"], width
        assert "Essayez plutôt" in step["lyon"] and "résultat" in step["lyon"], width
        assert "0 résultat" in step["zero"] and "Essayez plutôt" in step["zero"], width
        assert "Sans les mots « zzzz » (" in step["zero"], width
        wider = [k for k in ("resultsWider", "actionWider", "lyonWider", "zeroWider") if step[k]]
        assert not wider, (width, wider)
