"""The vocabularies of the library: kinds of resource, audiences, licences."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    FICHE = "fiche-pratique", _("Fiche pratique")
    KIT = "kit-animation", _("Kit ou outil d'animation")
    AFFICHE = "affiche-flyer", _("Affiche ou flyer")
    VIDEO = "video", _("Vidéo")
    PODCAST = "podcast", _("Podcast")
    ETUDE = "etude-rapport", _("Étude ou rapport")
    FORMATION = "support-formation", _("Support de formation")
    MODELE = "modele-document", _("Modèle de document")


class Audience(models.TextChoices):
    PARENTS = "parents", _("Parents")
    PROFESSIONNELS = "professionnels", _("Professionnels")
    PROMENEURS = "promeneurs", _("Promeneurs du Net")
    COORDINATEURS = "coordinateurs", _("Coordinateurs")


class Licence(models.TextChoices):
    CC_BY = "cc-by", _("Creative Commons Attribution (CC BY 4.0)")
    CC_BY_SA = "cc-by-sa", _("Creative Commons Attribution – Partage dans les mêmes conditions")
    CC_BY_NC = "cc-by-nc", _("Creative Commons Attribution – Pas d'utilisation commerciale")
    CC_BY_NC_SA = (
        "cc-by-nc-sa",
        _("Creative Commons Attribution – Pas d'utilisation commerciale – Partage à l'identique"),
    )
    CC_BY_ND = "cc-by-nd", _("Creative Commons Attribution – Pas de modification")
    CC0 = "cc0", _("Domaine public (CC0)")
    ETALAB = "licence-ouverte", _("Licence Ouverte Etalab 2.0")
    ALL_RIGHTS = "tous-droits-reserves", _("Tous droits réservés")
