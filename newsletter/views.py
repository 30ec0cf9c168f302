"""Public pages of the newsletter and the alerts: subscribe, confirm, unsubscribe, archive.

Confirmation and unsubscribe pages are reached by a secret in their address (a signed link, a
random token): the secret is the proof, so their forms carry no CSRF token and a mail client may
POST to the unsubscribe address (RFC 8058 one-click) without any page.
"""

from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from hub.models import DepartementPage
from territories.models import Departement

from . import alerts, tokens
from .forms import NATIONAL, AlertForm, SubscribeForm
from .models import Audience, Issue, SavedAlert, Subscription, new_token
from .sending import request_subscription


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            request_subscription(
                form.cleaned_data["email"], form.departement(), form.cleaned_data["publics"]
            )
            return render(
                request,
                "newsletter/subscribe_sent.html",
                {"email": form.cleaned_data["email"]},
            )
        return render(request, "newsletter/subscribe.html", {"form": form}, status=400)
    chosen = request.GET.get("lettre", "")
    form = SubscribeForm(initial={"lettre": chosen or NATIONAL, "publics": [Audience.PARENTS]})
    if chosen not in dict(form.fields["lettre"].choices):
        form.initial["lettre"] = NATIONAL
    return render(request, "newsletter/subscribe.html", {"form": form})


def _departement_of(code):
    return Departement.objects.filter(code=code).first() if code else None


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET: the link's page, one button (mail scanners follow links); POST: subscribed."""
    payload = tokens.read(token, tokens.SUBSCRIPTION_SALT)
    departement = _departement_of(payload["d"])
    context = {"departement": departement, "email": payload["e"]}
    if request.method != "POST":
        return render(request, "newsletter/confirm.html", context)
    audiences = set(payload["a"])
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            email=payload["e"],
            departement=departement,
            defaults={"token": new_token(), "confirmed_at": timezone.now()},
        )
        subscription.parents = subscription.parents or Audience.PARENTS in audiences
        subscription.professionals = (
            subscription.professionals or Audience.PROFESSIONALS in audiences
        )
        subscription.save()
    return render(request, "newsletter/confirmed.html", context)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET: a page with one button; POST (that button, or a mail client's one click): done."""
    subscription = Subscription.objects.filter(token=token).select_related("departement").first()
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        return render(request, "newsletter/unsubscribed.html", {"what": "lettre"})
    if subscription is None:
        return render(request, "newsletter/unsubscribe_unknown.html", status=404)
    return render(request, "newsletter/unsubscribe.html", {"subscription": subscription})


def _scope_or_404(scope):
    if scope == NATIONAL:
        return None
    return get_object_or_404(DepartementPage.objects.live(), departement__slug=scope).departement


@require_GET
def archive_index(request):
    sections = DepartementPage.objects.live().select_related("departement").order_by("title")
    return render(request, "newsletter/archive_index.html", {"sections": sections})


@require_GET
def archive(request, scope):
    departement = _scope_or_404(scope)
    issues = Issue.objects.filter(departement=departement, sent_at__isnull=False).order_by(
        "-sent_at"
    )
    return render(
        request,
        "newsletter/archive.html",
        {"departement": departement, "scope": scope, "issues": issues},
    )


@require_GET
def archived_issue(request, scope, pk):
    departement = _scope_or_404(scope)
    issue = get_object_or_404(Issue, pk=pk, departement=departement, sent_at__isnull=False)
    return render(
        request,
        "newsletter/archived_issue.html",
        {"issue": issue, "departement": departement, "scope": scope},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def alert_create(request, listing_pk):
    """ "Prévenez-moi": the search of the listing (its query string), and an address."""
    listing = alerts.listing_or_404(listing_pk)
    query = alerts.clean_query(request.GET)
    search_form, _filters = alerts.read_search(listing, query)
    context = {
        "listing": listing,
        "query": query,
        "search": alerts.describe_search(listing, search_form),
    }
    if request.method == "POST":
        form = AlertForm(request.POST)
        if form.is_valid():
            alerts.request_alert(form.cleaned_data["email"], listing, query)
            context["email"] = form.cleaned_data["email"]
            return render(request, "newsletter/alert_sent.html", context)
        return render(request, "newsletter/alert_form.html", {**context, "form": form}, 400)
    return render(request, "newsletter/alert_form.html", {**context, "form": AlertForm()})


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def alert_confirm(request, token):
    payload = tokens.read(token, tokens.ALERT_SALT)
    listing = alerts.listing_or_404(payload["l"])
    search_form, _filters = alerts.read_search(listing, payload["q"])
    context = {
        "listing": listing,
        "email": payload["e"],
        "search": alerts.describe_search(listing, search_form),
    }
    if request.method != "POST":
        return render(request, "newsletter/alert_confirm.html", context)
    now = timezone.now()
    try:
        with transaction.atomic():
            SavedAlert.objects.get_or_create(
                email=payload["e"],
                listing=listing,
                query=payload["q"],
                defaults={"token": new_token(), "confirmed_at": now, "checked_until": now},
            )
    except IntegrityError:
        pass  # confirmed twice at once: the other request saved it
    return render(request, "newsletter/alert_confirmed.html", context)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def alert_unsubscribe(request, token):
    alert = SavedAlert.objects.filter(token=token).first()
    if request.method == "POST":
        if alert is not None:
            alert.delete()
        return render(request, "newsletter/unsubscribed.html", {"what": "alerte"})
    if alert is None:
        return render(request, "newsletter/unsubscribe_unknown.html", status=404)
    return render(request, "newsletter/alert_unsubscribe.html", {"alert": alert})
