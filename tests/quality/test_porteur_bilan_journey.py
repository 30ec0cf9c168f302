"""A porteur, on a 360 px phone, completes the bilan of a funded action from the reminder the
coordination sent: the e-mail (through a real SMTP server) carries the link; it opens the
space's login page, then the bilan; contradictory figures are refused naming the field; the
corrected bilan is transmitted and reads back as sent. No step scrolls sideways or fails axe."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from porteurs.bilans import ActionBilan, BilanStatus
from porteurs.calls import DossierStatus
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.porteurs.builders import build_structures, porteur
from tests.porteurs.call_builders import complete_dossier, open_call
from tests.quality.browser import require_browser

pytestmark = pytest.mark.browser

JOURNEY_SCRIPT = Path(__file__).with_name("porteur_bilan_journey.mjs")


def reminder_link(client, coordinator, call):
    """The link of the bilan reminder the coordination sends, as the porteur receives it."""
    client.force_login(coordinator)
    server = SmtpServer()
    with server as mailbox, server.settings():
        client.post(reverse("porteurs_calls:call_bilans_remind", args=[call.pk]))
        run_queued_tasks()
        run_queued_tasks()
    client.logout()
    (message,) = mailbox.messages
    body = message.get_body(("plain",)).get_content()
    return next(word for word in body.split() if "/espace-porteurs/bilans/" in word)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_porteur_completes_a_bilan_on_a_phone_from_the_email(live_server, client):
    require_browser()
    data = build_structures()
    porteur("animatrice-pile", data["pile"], password="un mot de passe solide", email="p@ex.fr")
    call = open_call(data["nord"], year=2026)
    dossier = complete_dossier(call, data["pile"], status=DossierStatus.RETENU)
    with override_settings(SITE_URL=live_server.url):
        link = reminder_link(client, data["coord_nord"], call)
    assert link == f"{live_server.url}/espace-porteurs/bilans/{dossier.pk}/"

    completed = subprocess.run(
        ["node", str(JOURNEY_SCRIPT), link, "animatrice-pile", "un mot de passe solide"]
        + ([os.environ["JOURNEY_SCREENSHOTS"]] if os.environ.get("JOURNEY_SCREENSHOTS") else []),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=settings.BASE_DIR,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    steps = {step["name"]: step for step in json.loads(completed.stdout)}
    assert "erreur" not in steps, steps.get("erreur")
    for step in steps.values():
        assert not step["wider"], step
        assert step["violations"] == [], step

    assert steps["connexion"]["title"] == "Connexion à l'espace porteurs"
    assert "la page demandée s'ouvrira ensuite" in steps["connexion"]["text"]
    form = steps["formulaire"]
    assert form["title"] == "Bilan 2026 – Café des parents du mardi", form
    assert form["firstFieldTop"] < 740, "the first figure is on the first screen"
    assert any(label.startswith("Présence moyenne") for label in form["labels"]), form
    assert "il n'est plus modifiable ensuite" in form["text"], form

    refused = steps["refus"]
    assert refused["alert"].startswith("Le bilan n'est pas enregistré"), refused
    assert "Présence moyenne" in refused["alert"], refused
    assert "#id_average_attendance" in refused["errorLinks"], refused

    assert steps["transmis"]["url"].endswith("/espace-porteurs/bilans/")
    assert "Bilan transmis à la coordination. Merci !" in steps["transmis"]["status"]
    assert "Bilan transmis le" in steps["relecture"]["text"]
    bilan = ActionBilan.objects.get(dossier=dossier)
    assert bilan.status == BilanStatus.TRANSMIS
    assert (bilan.adults, bilan.children, str(bilan.average_attendance)) == (14, 9, "8.5")
