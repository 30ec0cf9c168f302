"""Members, restricted pages and events, built through the site's own code paths."""

from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from hub.sections import section_of
from members import accounts
from members.access import members_group
from members.models import Membership, Status
from tests.builders import build_network


def member(username, section, role="professionnel"):
    """An active member of `section`'s département (password « pw »)."""
    user = get_user_model().objects.create_user(
        username, email=f"{username}@exemple.fr", password="pw", first_name=username.title()
    )
    membership = Membership.objects.create(
        departement=section.departement,
        user=user,
        email=user.email,
        first_name=user.first_name,
        last_name="Test",
        structure="Centre social",
        role=role,
        status=Status.ACTIVE,
    )
    user.groups.add(members_group(section.departement))
    return membership


def restrict(page):
    """Keep `page` (and what it holds) to the members of its département."""
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members_group(section_of(page).departement))
    return restriction


def build_members():
    """The network, a member in Nord and one in Gironde."""
    net = build_network()
    net["membre_nord"] = member("membre-nord", net["nord"])
    net["membre_gironde"] = member("membre-gironde", net["gironde"])
    return net


def feed_path(membership):
    return f"/espace-membres/flux/{accounts.renew_feed_secret(membership)}.ics"
