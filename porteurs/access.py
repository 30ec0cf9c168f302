"""Who may see and change what in the porteurs' space: a person, the structures they have an
active access to, and those structures' own records (actions, lieux ressources, Promeneurs du
Net). Every view of the space goes through these functions; nothing else decides."""

from directory.models import ActionPage, LieuRessourcePage, PromeneurPage, StructurePage

from .models import PorteurAccess

RECORD_TYPES = (ActionPage, LieuRessourcePage, PromeneurPage)


def structures_for(user):
    """The structures `user` has an active access to (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return StructurePage.objects.none()
    return StructurePage.objects.filter(
        pk__in=PorteurAccess.objects.active().filter(user=user).values("structure")
    )


def records_for(user, model):
    """The records of type `model` (a structure or one of RECORD_TYPES) that `user` may change."""
    structures = structures_for(user)
    if model is StructurePage:
        return structures
    return model.objects.filter(structure__in=structures)
