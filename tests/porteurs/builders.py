"""A few structures with records in two départements, and people with access to them."""

from django.contrib.auth import get_user_model

from directory import choices
from directory.models import PromeneurPage, StructurePage
from porteurs.models import PorteurAccess
from tests.builders import build_network
from tests.directory.builders import add_action, add_lieu, load_communes, publish


def build_structures():
    """Nord: two structures (Pile, Alma) with an action each, the Pile with a lieu and a
    Promeneur; Gironde: one structure with an action. Returns the pages by name."""
    network = build_network()
    load_communes()
    nord, gironde = network["nord"], network["gironde"]
    pile = publish(
        nord,
        StructurePage(title="Centre social du Pile", kind=choices.StructureKind.CENTRE_SOCIAL),
    )
    alma = publish(
        nord, StructurePage(title="Association de l'Alma", kind=choices.StructureKind.ASSOCIATION)
    )
    chartrons = publish(
        gironde,
        StructurePage(title="EVS des Chartrons", kind=choices.StructureKind.CENTRE_SOCIAL),
    )
    return {
        **network,
        "pile": pile,
        "alma": alma,
        "chartrons": chartrons,
        "cafe_pile": add_action(nord, "Café des parents du Pile", structure=pile),
        "lieu_pile": add_lieu(nord, "Maison des familles du Pile", structure=pile),
        "promeneur_pile": publish(
            nord,
            PromeneurPage(
                title="Samia, animatrice jeunesse",
                function="Animatrice jeunesse",
                presence_hours="Mercredi 14 h – 18 h",
                structure=pile,
            ),
        ),
        "atelier_alma": add_action(nord, "Atelier parents-ados de l'Alma", structure=alma),
        "atelier_chartrons": add_action(
            gironde, "Atelier des Chartrons", town="Bordeaux", structure=chartrons
        ),
    }


def porteur(username, *structures, password="pw", email=None):
    """A person with an active access to `structures`."""
    user = get_user_model().objects.create_user(
        username, email=email or f"{username}@exemple.fr", password=password
    )
    for structure in structures:
        PorteurAccess.objects.create(user=user, structure=structure)
    return user
