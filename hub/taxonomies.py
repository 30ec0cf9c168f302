"""Shared vocabularies of the hub, with stable slugs that URLs, imports and exports rely on.

The themes are those of the directory of actions ("thématiques" of parenting support); the
resource library tags its resources with the same ones so that a parent or a professional moves
from an action to the resources on the same subject. Never change a slug: add a new theme
instead, and relabel freely.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    """Themes of parenting support, shared by the directory and the resource library."""

    EDUCATION_AUTORITE = "education-et-autorite", _("Éducation et autorité")
    VIE_QUOTIDIENNE = "vie-quotidienne", _("Vie quotidienne")
    ECOLE_SCOLARITE = "ecole-et-scolarite", _("École et scolarité")
    DEVELOPPEMENT_ENFANT = "developpement-de-l-enfant", _("Développement de l'enfant")
    ADOLESCENCE = "adolescence", _("Adolescence")
    ECRANS_NUMERIQUE = "ecrans-et-numerique", _("Écrans et numérique")
    COMMUNICATION = "communication-parents-enfants", _("Communication parents-enfants")
    SEPARATION = "separation", _("Séparation")
    NAISSANCE = "naissance-et-1000-premiers-jours", _("Naissance et 1000 premiers jours")
    HANDICAP = "handicap", _("Handicap")
    EPUISEMENT_REPIT = "epuisement-parental-et-repit", _("Épuisement parental et répit")
    SANTE = "sante", _("Santé")
    LOISIRS = "loisirs-et-temps-en-famille", _("Loisirs et temps en famille")
