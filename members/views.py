"""The members' space: what the coordination keeps to the member's département, the private
calendar address, asking for an account and accepting an invitation."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from porteurs.views import answer_invitation

from . import accounts
from .access import member_required, memberships_of, restricted_pages
from .forms import RequestForm


def _home_context(request):
    spaces = [
        {"membership": membership, "pages": restricted_pages(membership.departement)}
        for membership in memberships_of(request.user)
    ]
    return {"spaces": spaces}


@member_required
def home(request):
    """The restricted pages, events and resources of the member's département(s)."""
    return render(request, "members/home.html", _home_context(request))


@member_required
@require_POST
def renew_feed(request, membership_id):
    """A new private calendar address; the previous one answers 404 from now on. The address
    is shown on this answer only (the site keeps nothing but its hash)."""
    membership = memberships_of(request.user).filter(pk=membership_id).first()
    if membership is None:
        return render(request, "members/403.html", status=403)
    secret = accounts.renew_feed_secret(membership)
    feed_url = request.build_absolute_uri(reverse("members:feed", kwargs={"secret": secret}))
    context = _home_context(request)
    context.update({"new_feed_url": feed_url, "new_feed_membership": membership.pk})
    return render(request, "members/home.html", context)


@never_cache
def request_account(request):
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        accounts.request_membership(data.pop("departement"), **data)
        return render(request, "members/request_sent.html")
    return render(
        request,
        "members/request.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@never_cache
def invitation(request, token):
    """The link of an invitation or of an approved request (the porteurs' answer)."""
    return answer_invitation(
        request,
        token,
        usable=accounts.usable,
        accept=accounts.accept,
        space="members",
        welcome=_("Bienvenue dans l'espace des membres."),
    )
