"""Who is a member of which département, and what a member sees: the one place that decides.

A page is restricted to members when it (or an ancestor) carries a Wagtail view restriction of
type "groups" naming a département's members group. Wagtail refuses such a page, its routes
(resource files, an event's .ics) included, to anyone outside the group; the public listings,
feeds and search index leave out every page under a view restriction.
"""

from functools import cache, wraps

from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page, PageViewRestriction

from .models import MembersGroup, Membership


def group_name(departement):
    return _("Membres – %(nom)s (%(code)s)") % {"nom": departement.nom, "code": departement.code}


def members_group(departement):
    """The members group of `departement`, created on first need."""
    link = MembersGroup.objects.select_related("group").filter(departement=departement).first()
    if link is not None:
        return link.group
    group, _created = Group.objects.get_or_create(name=group_name(departement))
    MembersGroup.objects.create(departement=departement, group=group)
    return group


def memberships_of(user):
    """The active memberships of `user` (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.active().filter(user=user).select_related("departement")


def restricted_pages(departement):
    """The live pages restricted to `departement`'s members (the restricted pages and what
    they hold), most recent first."""
    group = members_group(departement)
    roots = PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.GROUPS, groups=group
    ).values_list("page__path", flat=True)
    pages = Page.objects.none()
    for path in roots:
        pages |= Page.objects.filter(path__startswith=path)
    return pages.live().specific().order_by("-first_published_at")


def read_view_restrictions(page, request):
    """Read `page`'s view restrictions once for the request, before Wagtail checks them.

    Wagtail's own check (its `on_serve_page` hook, which runs after `before_serve_page`) calls
    `page.get_view_restrictions()`: it is handed the rows read here, groups included, so that
    serving a page costs no query more. `request.restricted_to` is then the notice the page
    shows at its top (`templates/members/includes/restricted_notice.html`, from `base.html`):
    what the page is kept to, worked out when the template asks; unset on a public page.
    Whoever sees the page passed the check.
    """
    restrictions = page.get_view_restrictions().prefetch_related("groups")
    rows = list(restrictions)  # the query set keeps its rows: Wagtail's check reads them
    page.get_view_restrictions = lambda: restrictions
    if rows:
        # Called by the template only once the page is served: a refused visitor costs nothing.
        request.restricted_to = cache(lambda: restriction_notice(rows))


def restriction_notice(restrictions):
    """ "Page réservée aux membres du réseau – Nord (59)" for pages kept to départements' members
    groups; "Page à accès restreint" for any other restriction (a password, another group)."""
    group_ids = {
        group.pk
        for restriction in restrictions
        if restriction.restriction_type == PageViewRestriction.GROUPS
        for group in restriction.groups.all()
    }
    departements = sorted(
        (
            link.departement
            for link in MembersGroup.objects.filter(group_id__in=group_ids).select_related(
                "departement"
            )
        ),
        key=lambda departement: departement.code,
    )
    if not departements:
        return _("Page à accès restreint")
    names = [
        _("%(nom)s (%(code)s)") % {"nom": departement.nom, "code": departement.code}
        for departement in departements
    ]
    if len(names) > 1:
        names = [_("%(first)s et %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}]
    return _("Page réservée aux membres du réseau – %(departements)s") % {"departements": names[0]}


def member_required(view):
    """For the space's views: an anonymous visitor goes to the space's login page, a signed-in
    person without an active membership gets a 403 page in French. Never cached."""

    @never_cache
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("members:login"))
        if not memberships_of(request.user).exists():
            return render(request, "members/403.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped
