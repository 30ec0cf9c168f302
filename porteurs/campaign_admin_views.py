"""Admin screens of the update campaigns: launch the year's campaign of a département and follow
it. A coordinator sees and acts on their own département's only (403 otherwise); a national
administrator on every one. Sending is done by tasks, never in the request."""

from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hub.models import DepartementPage
from hub.scoping import own_sections

from . import campaigns, tasks
from .models import UpdateCampaign


def sections_for(user):
    """The départements whose campaigns `user` may launch and follow."""
    if user.is_superuser:
        return DepartementPage.objects.all()
    return own_sections(user)


def campaign_for(user, campaign_id):
    campaign = get_object_or_404(UpdateCampaign.objects.select_related("section"), pk=campaign_id)
    if not sections_for(user).filter(pk=campaign.section_id).exists():
        raise PermissionDenied
    return campaign


class LaunchForm(forms.Form):
    section = forms.TypedChoiceField(label=gettext_lazy("Département"), coerce=int)

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [(section.pk, section.title) for section in sections]


def campaign_index(request):
    sections = list(sections_for(request.user).order_by("title"))
    if not sections:
        raise PermissionDenied
    year = timezone.localdate().year
    if request.method == "POST":
        requested = request.POST.get("section", "")
        if (
            requested.isdigit()
            and DepartementPage.objects.filter(pk=requested).exists()
            and int(requested) not in {section.pk for section in sections}
        ):
            raise PermissionDenied
        form = LaunchForm(request.POST, sections=sections)
        if form.is_valid():
            try:
                with transaction.atomic():
                    campaign = UpdateCampaign.objects.create(
                        section_id=form.cleaned_data["section"],
                        year=year,
                        launched_by=request.user,
                    )
            except IntegrityError:
                form.add_error(
                    "section",
                    _("La campagne %(year)s de ce département est déjà lancée.") % {"year": year},
                )
            else:
                transaction.on_commit(partial(tasks.send_campaign.enqueue, campaign.pk))
                messages.success(
                    request,
                    _(
                        "Campagne %(year)s lancée : les courriels partent en arrière-plan, les "
                        "envois apparaissent ici au fur et à mesure."
                    )
                    % {"year": year},
                )
                return redirect("porteurs_campaign", campaign.pk)
    else:
        form = LaunchForm(sections=sections)
    return render(
        request,
        "porteurs/admin/campaigns.html",
        {
            "page_title": _("Campagnes de mise à jour"),
            "form": form,
            "year": year,
            "campaigns": UpdateCampaign.objects.filter(section__in=sections).select_related(
                "section", "launched_by"
            ),
        },
        status=400 if form.errors else 200,
    )


def campaign_detail(request, campaign_id):
    campaign = campaign_for(request.user, campaign_id)
    rows, counts = campaigns.follow_up(campaign)
    return render(
        request,
        "porteurs/admin/campaign.html",
        {
            "page_title": _("Campagne %(year)s — %(departement)s")
            % {"year": campaign.year, "departement": campaign.section.title},
            "campaign": campaign,
            "rows": rows,
            "counts": counts,
        },
    )


@require_POST
def campaign_remind(request, campaign_id):
    campaign = campaign_for(request.user, campaign_id)
    transaction.on_commit(partial(tasks.remind_campaign.enqueue, campaign.pk))
    messages.success(
        request,
        _("Relance en cours : les structures sans réponse reçoivent un courriel en arrière-plan."),
    )
    return redirect("porteurs_campaign", campaign.pk)
