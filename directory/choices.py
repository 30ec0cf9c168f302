"""Vocabularies of the directory, close to the data·inclusion schema and the Fnp referentials."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionType(models.TextChoices):
    GROUPE_PAROLE = "groupe-de-parole", _("Groupe de parole")
    CAFE_PARENTS = "cafe-des-parents", _("Café des parents")
    ATELIER_PARENTS = "atelier-parents", _("Atelier parents")
    GROUPE_ENTRAIDE = "groupe-entraide", _("Groupe d'entraide")
    UNIVERSITE_POPULAIRE = "universite-populaire", _("Université populaire de parents")
    CONFERENCE = "conference", _("Conférence, ciné-débat, temps fort")
    ATELIER_PARENTS_ENFANTS = "atelier-parents-enfants", _("Atelier parents-enfants")
    ACCOMPAGNEMENT_INDIVIDUEL = "accompagnement-individuel", _("Accompagnement individuel")
    ECOUTE_DISTANCE = "ecoute-distance", _("Écoute téléphonique ou à distance")
    PARENTS_INCARCERES = "parents-incarceres", _("Soutien aux parents incarcérés")
    MEDIATION_FAMILIALE = "mediation-familiale", _("Médiation familiale")
    LAEP = "laep", _("Lieu d'accueil enfants-parents (LAEP)")
    AUTRE = "autre", _("Autre")


# Fnp axe and volet (Fonds national parentalité) derived from the type of action.
FNP_AXE_VOLET = {
    ActionType.GROUPE_PAROLE: (1, 1),
    ActionType.CAFE_PARENTS: (1, 1),
    ActionType.ATELIER_PARENTS: (1, 1),
    ActionType.GROUPE_ENTRAIDE: (1, 1),
    ActionType.UNIVERSITE_POPULAIRE: (1, 1),
    ActionType.CONFERENCE: (1, 2),
    ActionType.ATELIER_PARENTS_ENFANTS: (1, 1),
    ActionType.ACCOMPAGNEMENT_INDIVIDUEL: (1, 4),
    ActionType.ECOUTE_DISTANCE: (2, 1),
    ActionType.PARENTS_INCARCERES: (1, 5),
    ActionType.MEDIATION_FAMILIALE: (3, 1),
    ActionType.LAEP: (3, 2),
    ActionType.AUTRE: (1, 1),
}


class Public(models.TextChoices):
    FUTURS_PARENTS = "futurs-parents", _("Futurs parents")
    GRANDS_PARENTS = "grands-parents", _("Grands-parents")
    MONOPARENTALES = "familles-monoparentales", _("Familles monoparentales")
    HANDICAP = "parents-handicap", _("Parents en situation de handicap")


class Format(models.TextChoices):
    COLLECTIF = "collectif", _("Collectif")
    INDIVIDUEL = "individuel", _("Individuel")


class Mode(models.TextChoices):
    PRESENTIEL = "presentiel", _("Sur place")
    DISTANCE = "distance", _("À distance")


class Cost(models.TextChoices):
    GRATUIT = "gratuit", _("Gratuit")
    SYMBOLIQUE = "symbolique", _("Participation symbolique")
    PAYANT = "payant", _("Payant")


class Registration(models.TextChoices):
    LIBRE = "libre", _("Sans inscription")
    INSCRIPTION = "inscription", _("Sur inscription")


class StructureKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    COLLECTIVITE = "collectivite", _("Collectivité / CCAS")
    CENTRE_SOCIAL = "centre-social", _("Centre social")
    EVS = "evs", _("Espace de vie sociale (EVS)")
    CAF = "caf", _("Caf")
    ETABLISSEMENT = "etablissement", _("Établissement")
    AUTRE = "autre", _("Autre")


class LieuKind(models.TextChoices):
    MAISON_FAMILLES = "maison-des-familles", _("Maison des familles")
    ESPACE_PARENTS = "espace-parents", _("Espace parents")
    MAISON_1000_JOURS = "maison-1000-jours", _("Maison des 1000 premiers jours")
    RELAIS_INCARCERES = "relais-incarceres", _("Relais enfants-parents incarcérés")
    CENTRE_SOCIAL = "centre-social-referent", _("Centre social référent famille")
    POINT_ECOUTE = "point-ecoute", _("Point écoute")
    AUTRE = "autre", _("Autre")


class Service(models.TextChoices):
    LAEP = "laep", _("LAEP")
    MEDIATION = "mediation-familiale", _("Médiation familiale")
    GROUPES_PAROLE = "groupes-de-parole", _("Groupes de parole")
    PSYCHOLOGUE = "permanence-psychologue", _("Permanences de psychologue")
    ATELIERS = "ateliers-parents-enfants", _("Ateliers parents-enfants")
    JURIDIQUE = "permanence-juridique", _("Permanences d'accès au droit")


class Network(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    SNAPCHAT = "snapchat", "Snapchat"
    TIKTOK = "tiktok", "TikTok"
    DISCORD = "discord", "Discord"
    WHATSAPP = "whatsapp", "WhatsApp"
    AUTRE = "autre", _("Autre")


class Audience(models.TextChoices):
    PARENTS = "parents", _("Parents")
    JEUNES = "jeunes", _("Jeunes")
