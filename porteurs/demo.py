"""Demo porteurs: accounts for a few structures of each département, one change waiting for
the coordination and, in the Nord, one sent back with a comment; the calls for projects, their
dossiers and bilans (porteurs/call_demo.py); then freshness (`porteurs.freshness_demo`)."""

from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from directory.models import ActionPage, StructurePage
from hub.demo import demo_password, populator

from . import moderation
from .call_demo import populate_calls
from .freshness_demo import populate_freshness
from .invitations import accept
from .models import PorteurAccess, PorteurInvitation

DEMO_PORTEURS = {
    "59": [
        ("porteur-nord", "Lucie", "Roussel", 2),
        ("porteur-nord-2", "Karim", "Haddad", 1),
    ],
    "33": [("porteur-gironde", "Élodie", "Laffitte", 1)],
}
COORDINATORS = {"59": "coord-nord", "33": "coord-gironde"}


def demo_porteur(username, first_name, last_name, structures):
    user, _created = get_user_model().objects.update_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@hub-parentalite.example.fr",
        },
    )
    user.set_password(demo_password())
    user.save()
    for structure in structures:
        invitation = PorteurInvitation.objects.create(
            email=user.email,
            structure=structure,
            token_hash=f"demo-{username}-{structure.pk}".ljust(64, "0")[:64],
            expires_at="2100-01-01T00:00:00Z",
        )
        if not PorteurAccess.objects.filter(user=user, structure=structure).exists():
            accept(invitation, user)
    return user


def submit_change(action, user, **changes):
    version = moderation.editable_version(action)
    for name, value in changes.items():
        setattr(version, name, value)
    moderation.submit(version, user)
    return WorkflowState.objects.for_instance(action).get(status=WorkflowState.STATUS_IN_PROGRESS)


@populator
def populate(section, rng):
    populate_accounts(section)
    populate_calls(section, rng)
    populate_freshness(section, rng)


def populate_accounts(section):
    code = section.departement.code
    structures = list(StructurePage.objects.descendant_of(section).order_by("title"))
    coordinator = get_user_model().objects.filter(username=COORDINATORS.get(code)).first()
    taken = 0
    people = []
    for username, first_name, last_name, count in DEMO_PORTEURS.get(code, []):
        people.append(
            demo_porteur(username, first_name, last_name, structures[taken : taken + count])
        )
        taken += count
    if not people:
        return
    actions = list(ActionPage.objects.filter(structure=structures[0]).order_by("title")[:2])
    if actions:
        submit_change(
            actions[0],
            people[0],
            schedule="Hors vacances scolaires",
            description=actions[0].description + "\n\nNouveau : un samedi matin par mois.",
        )
    if len(actions) > 1 and coordinator is not None:
        state = submit_change(actions[1], people[0], capacity=8)
        state.current_task_state.specific.reject(
            user=coordinator,
            comment=(
                "Merci ! Pouvez-vous aussi indiquer le téléphone de l'animatrice, pour les "
                "inscriptions ?"
            ),
        )
