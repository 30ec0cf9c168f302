"""Directory records built like the admin builds them (pages under a section's directory)."""

import io

from django.core.management import call_command
from django.utils import timezone

from directory import choices
from directory.models import ActionPage, ActionSession, DirectoryIndexPage, LieuRessourcePage
from territories.models import Commune


def load_communes():
    if not Commune.objects.exists():
        call_command("load_communes", departements=["59", "33"], stdout=io.StringIO())


def commune(name):
    return Commune.objects.get(nom=name)


def directory_index(section):
    return section.get_children().type(DirectoryIndexPage).get().specific


def publish(section, page):
    directory_index(section).add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_action(section, title, town="Roubaix", next_session=None, **fields):
    """An action; `next_session` (an aware datetime) gives it one dated session."""
    fields.setdefault("action_type", choices.ActionType.CAFE_PARENTS)
    fields.setdefault("description", f"Présentation de {title}")
    if "lieu" not in fields:
        fields.setdefault("commune", commune(town))
    if next_session is not None:
        start = timezone.localtime(next_session)
        fields["sessions"] = [ActionSession(start_date=start.date(), start_time=start.time())]
    return publish(section, ActionPage(title=title, **fields))


def add_lieu(section, title, town="Roubaix", **fields):
    fields.setdefault("kind", choices.LieuKind.MAISON_FAMILLES)
    return publish(section, LieuRessourcePage(title=title, commune=commune(town), **fields))
