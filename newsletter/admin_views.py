"""Admin screens of the newsletter: letters and their counts, compose, preview, test, send.

A coordinator sees only the letter of the départements whose section their group edits; a
national administrator (superuser) also the national letter. Another département's letter or
issue is refused (403) before anything of it is shown.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hub.models import DepartementPage, OutgoingEmail
from hub.scoping import own_sections
from territories.models import Departement

from . import sending
from .content import proposed_pages
from .forms import IssueForm
from .models import Issue, Subscription
from .tasks import start_sending


def departements_for(user):
    """The départements whose letter `user` runs; None stands for the national letter."""
    sections = own_sections(user) if not user.is_superuser else None
    pages = DepartementPage.objects.select_related("departement").order_by("departement__code")
    if sections is not None:
        pages = pages.filter(pk__in=sections.values("pk"))
    scopes = [page.departement for page in pages]
    return [None, *scopes] if user.is_superuser else scopes


def may_run(user, departement):
    if user.is_superuser:
        return True
    if departement is None:
        return False
    return own_sections(user).filter(departement=departement).exists()


def issue_or_refuse(user, pk):
    issue = get_object_or_404(Issue.objects.select_related("departement"), pk=pk)
    if not may_run(user, issue.departement):
        raise PermissionDenied
    return issue


def letter_or_refuse(user, code):
    departement = None if code == "national" else get_object_or_404(Departement, code=code)
    if not may_run(user, departement):
        raise PermissionDenied
    return departement


def subscriber_counts(departement):
    return Subscription.objects.of_scope(departement).aggregate(
        total=Count("pk"),
        parents=Count("pk", filter=Q(parents=True)),
        professionals=Count("pk", filter=Q(professionals=True)),
    )


def with_delivery_counts(issues):
    """Issues annotated with their messages written, sent and bounced (one query)."""
    return issues.annotate(
        written=Count("deliveries"),
        delivered=Count(
            "deliveries", filter=Q(deliveries__email__status=OutgoingEmail.Status.SENT)
        ),
        bounced=Count(
            "deliveries", filter=Q(deliveries__email__status=OutgoingEmail.Status.REFUSED)
        ),
    )


def index(request):
    letters = []
    for departement in departements_for(request.user):
        issues = with_delivery_counts(
            Issue.objects.filter(departement=departement).order_by("-sent_at", "-created_at")
        )[:12]
        letters.append(
            {
                "departement": departement,
                "code": departement.code if departement else "national",
                "subscribers": subscriber_counts(departement),
                "issues": issues,
            }
        )
    if not letters:
        raise PermissionDenied
    return render(request, "newsletter/admin/index.html", {"letters": letters})


def create(request, code):
    departement = letter_or_refuse(request.user, code)
    issue = Issue(departement=departement)
    return _edit(request, issue, created=True)


def edit(request, issue_pk):
    issue = issue_or_refuse(request.user, issue_pk)
    if issue.is_sent:
        return redirect("newsletter_admin:preview", issue_pk=issue.pk)
    return _edit(request, issue)


def _edit(request, issue, created=False):
    keep = list(issue.pages.values_list("pk", flat=True)) if issue.pk else []
    proposed = proposed_pages(issue.departement, keep)
    if request.method == "POST":
        form = IssueForm(request.POST, instance=issue, proposed=proposed)
        if form.is_valid():
            issue = form.save()
            messages.success(request, _("Numéro enregistré : vérifiez-en l'aperçu."))
            return redirect("newsletter_admin:preview", issue_pk=issue.pk)
        status = 400
    else:
        initial = {"pages": [page.pk for page in proposed]} if created else None
        form = IssueForm(instance=issue, proposed=proposed, initial=initial)
        status = 200
    return render(
        request,
        "newsletter/admin/edit.html",
        {"form": form, "issue": issue, "created": created},
        status=status,
    )


def preview(request, issue_pk):
    issue = issue_or_refuse(request.user, issue_pk)
    message = sending.preview(issue)
    counts = subscriber_counts(issue.departement)
    recipients = sending.issue_recipients(issue).count()
    delivery = with_delivery_counts(Issue.objects.filter(pk=issue.pk)).get()
    return render(
        request,
        "newsletter/admin/preview.html",
        {
            "issue": issue,
            "message": message,
            "subscribers": counts,
            "recipients": recipients,
            "delivery": delivery,
        },
    )


def preview_html(request, issue_pk):
    """The HTML of the e-mail alone, shown in the preview's frame."""
    issue = issue_or_refuse(request.user, issue_pk)
    response = HttpResponse(sending.preview(issue).body_html)
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@require_POST
def send_test(request, issue_pk):
    issue = issue_or_refuse(request.user, issue_pk)
    if not request.user.email:
        messages.error(request, _("Votre compte n'a pas d'adresse électronique."))
    else:
        sending.send_test(issue, request.user.email)
        messages.success(request, _("Essai envoyé à %(email)s.") % {"email": request.user.email})
    return redirect("newsletter_admin:preview", issue_pk=issue.pk)


@require_POST
def send(request, issue_pk):
    issue = issue_or_refuse(request.user, issue_pk)
    if start_sending(issue):
        messages.success(
            request, _("Envoi commencé : les courriels partent par lots, en tâche de fond.")
        )
    else:
        messages.warning(request, _("Ce numéro a déjà été envoyé : rien n'est renvoyé."))
    return redirect("newsletter_admin:preview", issue_pk=issue.pk)
