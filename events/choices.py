"""The vocabularies of the agenda: kinds of event, audiences, statuses, repetitions (shared
with actions, from `hub`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hub.models.recurrence import Recurrence


class Kind(models.TextChoices):
    RENCONTRE_RESEAU = "rencontre-reseau", _("Rencontre du réseau")
    JOURNEE_DEPARTEMENTALE = "journee-departementale", _("Journée départementale")
    ANALYSE_PRATIQUE = "analyse-pratique", _("Analyse de la pratique")
    FORMATION = "formation", _("Formation")
    COMITE_PILOTAGE = "comite-pilotage", _("Comité de pilotage")
    RENCONTRE_PARTENAIRES = "rencontre-partenaires", _("Rencontre avec les partenaires")
    TEMPS_FORT_PARENTS = "temps-fort-parents", _("Temps fort pour les parents")
    AUTRE = "autre", _("Autre")


class Audience(models.TextChoices):
    PROFESSIONNELS = "professionnels", _("Professionnels")
    PARENTS = "parents", _("Parents")
    PROMENEURS = "promeneurs", _("Promeneurs du Net")


class Status(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmé")
    CANCELLED = "cancelled", _("Annulé")
    POSTPONED = "postponed", _("Reporté")


__all__ = ["Audience", "Kind", "Recurrence", "Status"]
