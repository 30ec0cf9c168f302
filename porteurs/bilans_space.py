"""The bilans in the porteurs' space: one per funded action (retained dossier) of the person's
structures, saved as a draft any time, then « Transmettre » once every figure is given."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import coordination, space
from .access import porteur_required, structures_for
from .bilans import ActionBilan, BilanStatus, Renewal
from .calls import Dossier, DossierStatus
from .dossier_forms import BilanForm


def funded_dossiers_for(user):
    return Dossier.objects.filter(
        structure__in=structures_for(user), status=DossierStatus.RETENU
    ).select_related("call", "structure", "bilan")


@porteur_required
def bilans(request):
    dossiers = list(funded_dossiers_for(request.user).order_by("-call__year", "action_title"))
    for dossier in dossiers:
        dossier.bilan_or_none = getattr(dossier, "bilan", None)
    return render(request, "porteurs/bilans.html", {"dossiers": dossiers})


@porteur_required
@require_http_methods(["GET", "POST"])
def bilan(request, dossier_pk):
    dossier = get_object_or_404(funded_dossiers_for(request.user), pk=dossier_pk)
    instance = ActionBilan.objects.filter(dossier=dossier).first() or ActionBilan(
        dossier=dossier,
        renewal=Renewal.RENOUVELEE if dossier.renewed_action_id else Renewal.NOUVELLE,
    )
    if instance.is_submitted:
        return render(
            request, "porteurs/bilan.html", {"dossier": dossier, "bilan": instance, "form": None}
        )
    form = BilanForm(request.POST or None, instance=instance)
    if request.method == "POST":
        if form.is_valid():
            bilan = form.save(commit=False)
            bilan.updated_by = request.user
            if "transmettre" in request.POST:
                missing = bilan.submission_errors()
                for field, message in missing.items():
                    form.add_error(field, message)
                if not missing:
                    bilan.status = BilanStatus.TRANSMIS
                    bilan.submitted_at = timezone.now()
                    with transaction.atomic():
                        bilan.save()
                        coordination.bilan_submitted(bilan)
                    messages.success(request, _("Bilan transmis à la coordination. Merci !"))
                    return redirect("porteurs:bilans")
            else:
                bilan.save()
                messages.success(request, _("Brouillon du bilan enregistré."))
                return redirect("porteurs:bilan", dossier.pk)
        return render(
            request,
            "porteurs/bilan.html",
            {"dossier": dossier, "bilan": instance, "form": form},
            status=400,
        )
    return render(
        request, "porteurs/bilan.html", {"dossier": dossier, "bilan": instance, "form": form}
    )


space.register(
    space.Section(label=gettext_lazy("Bilans"), url_name="porteurs:bilans", order=40),
    urls=[
        path("bilans/", bilans, name="bilans"),
        path("bilans/<int:dossier_pk>/", bilan, name="bilan"),
    ],
)
