"""Demo newsletter: in the Nord, two issues in the archive, a few confirmed subscribers and one
saved alert; in the Gironde, a draft. The issues' messages are written to the outbox as already
sent (one refused), so that the admin shows its counts without e-mailing anyone."""

from datetime import timedelta

from django.utils import timezone

from directory.models import ActionPage
from events.models import EventIndexPage
from hub.demo import populator
from hub.models import NewsPage, OutgoingEmail

from .content import render_content
from .models import Delivery, Issue, SavedAlert, Subscription, new_token
from .sending import digest

SUBSCRIBERS = [
    ("camille.parent@exemple.fr", True, False),
    ("samir.papa@exemple.fr", True, False),
    ("lea.maman@exemple.fr", True, False),
    ("educatrice.roubaix@exemple.fr", False, True),
    ("centre-social.tourcoing@exemple.fr", True, True),
]
ISSUES = [
    (
        "Lettre d'information – octobre",
        62,
        "<p>Bonjour à toutes et à tous,</p><p>La rentrée est passée : voici les nouvelles "
        "actions du réseau et les prochains rendez-vous.</p>",
    ),
    (
        "Lettre d'information – novembre",
        31,
        "<p>Bonjour,</p><p>La semaine de la parentalité approche : retrouvez le programme et "
        "les nouvelles ressources de la coordination.</p>",
    ),
]


@populator
def populate(section, rng):
    departement = section.departement
    if departement.code != "59":
        Issue.objects.create(
            departement=departement,
            subject=f"Lettre d'information – {departement.nom} (brouillon)",
            text="<p>Les rendez-vous du mois à venir.</p>",
        )
        return
    now = timezone.now()
    subscribers = [
        Subscription.objects.create(
            email=email,
            departement=departement,
            parents=parents,
            professionals=professionals,
            token=new_token(),
            confirmed_at=now - timedelta(days=90),
        )
        for email, parents, professionals in SUBSCRIBERS
    ]
    news = list(NewsPage.objects.live().descendant_of(section).order_by("-date")[:2])
    actions = list(ActionPage.objects.live().descendant_of(section).order_by("title")[:3])
    for number, (subject, days_ago, text) in enumerate(ISSUES, start=1):
        sent_at = now - timedelta(days=days_ago)
        issue = Issue.objects.create(
            departement=departement, subject=subject, text=text, number=number, sent_at=sent_at
        )
        pages = [*news[number - 1 : number], *actions[number - 1 :: 2]]
        issue.pages.set(pages)
        issue.content_html, issue.content_text = render_content(issue, pages)
        issue.save(update_fields=["content_html", "content_text"])
        for subscriber in subscribers:
            refused = subscriber.email.startswith("lea.") and number == 2
            email = OutgoingEmail.objects.create(
                key=f"lettre:{issue.pk}:{digest(subscriber.email)}",
                to=subscriber.email,
                subject=subject,
                body_text=issue.content_text,
                body_html=issue.content_html,
                status=OutgoingEmail.Status.REFUSED if refused else OutgoingEmail.Status.SENT,
                attempts=1,
                sent_at=None if refused else sent_at,
                last_error="550 Adresse inconnue" if refused else "",
            )
            Delivery.objects.create(issue=issue, email=email)
    agenda = EventIndexPage.objects.descendant_of(section).first()
    SavedAlert.objects.create(
        email="camille.parent@exemple.fr",
        listing=agenda,
        query="public=parents",
        token=new_token(),
        confirmed_at=now - timedelta(days=20),
        checked_until=now - timedelta(days=6),
    )
