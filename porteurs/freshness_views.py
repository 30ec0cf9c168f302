"""Confirming a record « toujours à jour »: from the signed link of a reminder or a campaign
(no login: the signed link is the proof), or from the porteurs' space.

Mail scanners follow links: a GET of the signed link only shows the record and one button; the
POST confirms."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import freshness
from .access import RECORD_TYPES, porteur_required, record_for, structures_for


@never_cache
def confirm_record(request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        record = freshness.record_from_token(token)
    except freshness.LinkRefused as refusal:
        return render(
            request,
            "porteurs/freshness/refused.html",
            {"message": refusal.message, "hide_space_nav": True},
            status=400,
        )
    context = {
        "record": record,
        "structure": freshness.structure_of(record),
        "hide_space_nav": True,
    }
    if request.method == "POST":
        freshness.confirm(record)
        return render(request, "porteurs/freshness/confirmed.html", context)
    return render(request, "porteurs/freshness/confirm.html", context)


@porteur_required
def reviews(request):
    """The person's records, the date each was verified and when it is due, oldest first."""
    structures = list(structures_for(request.user))
    records = list(structures)
    for model in RECORD_TYPES:
        records.extend(model.objects.live().filter(structure__in=structures))
    records = [record for record in records if record.live]
    records.sort(key=lambda record: (record.review_due_on is None, record.review_due_on))
    today = timezone.localdate()
    return render(
        request,
        "porteurs/freshness/reviews.html",
        {
            "records": records,
            "due": [record for record in records if record.is_due_for_review(today)],
        },
    )


@require_POST
@porteur_required
def confirm_own_record(request, page_id):
    record = record_for(request.user, page_id)
    if not record.live:
        messages.error(request, _("Cette fiche n'est pas publiée : il n'y a rien à confirmer."))
    else:
        freshness.confirm(record)
        messages.success(
            request,
            _("« %(title)s » : merci, la fiche est confirmée à jour.") % {"title": record.title},
        )
    return redirect("porteurs:reviews")
