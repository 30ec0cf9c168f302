"""Test data built through the same code paths as the site itself."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.models import NewsIndexPage, NewsPage
from hub.sections import create_section, ensure_home_page
from territories.models import Departement


def build_network():
    """Home page, the Nord and Gironde sections, one coordinator each and a national admin."""
    if not Departement.objects.exists():
        call_command("load_departements", verbosity=0, stdout=io.StringIO())
    home = ensure_home_page()
    nord = create_section(Departement.objects.get(code="59"), coordination_name="Caf du Nord")
    gironde = create_section(Departement.objects.get(code="33"))
    User = get_user_model()
    coord_nord = User.objects.create_user("coord-nord", password="pw")
    coord_nord.groups.add(Group.objects.get(name="Coordination Nord"))
    coord_gironde = User.objects.create_user("coord-gironde", password="pw")
    coord_gironde.groups.add(Group.objects.get(name="Coordination Gironde"))
    admin = User.objects.create_superuser("admin-national", password="pw")
    return {
        "home": home,
        "nord": nord,
        "gironde": gironde,
        "coord_nord": coord_nord,
        "coord_gironde": coord_gironde,
        "admin": admin,
    }


def news_index(section):
    return section.get_children().type(NewsIndexPage).get().specific


def add_news(section, title, live=True, **fields):
    page = NewsPage(
        title=title,
        intro=fields.pop("intro", f"À propos de {title}"),
        body="<p>Texte</p>",
        live=live,
        **fields,
    )
    news_index(section).add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def sign_in_with_second_factor(client, user):
    """`client.force_login(user)` with the second factor passed, as a national administrator
    must before any admin screen (`hub.two_factor`)."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="Application", defaults={"confirmed": True}
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
