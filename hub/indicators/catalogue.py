"""Every indicator of the coordinations' annual bilan (Fnp axe 4), keyed once.

Providers (see `providers`) compute figures for these keys; the dashboard shows an indicator as
soon as one registered provider computes it. Several providers may compute the same key (the
activity records and the events both count "Réunions de réseau"): their figures add up.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

FAMILIES = {
    "animation": _("Animation du réseau"),
    "formation": _("Formation"),
    "outils": _("Outils"),
    "annuaire": _("Annuaire"),
    "promeneurs": _("Promeneurs du Net"),
    "communication": _("Communication"),
    "bilans": _("Actions financées (bilans)"),
}


@dataclass(frozen=True)
class Indicator:
    """What an indicator is: its key, French label, family and unit.

    `monthly` indicators count dated things in the year (with a per-month breakdown); the others
    are a state on 31 December of the year (today for the current year), such as the size of the
    directory.
    """

    key: str
    label: str
    family: str
    unit: str
    monthly: bool = True
    help_text: str = ""

    @property
    def family_label(self):
        return FAMILIES[self.family]


CATALOGUE = [
    # Animation du réseau
    Indicator("reunions_reseau", _("Réunions de réseau"), "animation", _("réunions")),
    Indicator(
        "analyses_pratique", _("Séances d'analyse de la pratique"), "animation", _("séances")
    ),
    Indicator("journees_echanges", _("Journées d'échanges"), "animation", _("journées")),
    Indicator(
        "rencontres_partenaires",
        _("Rencontres avec les partenaires institutionnels"),
        "animation",
        _("rencontres"),
    ),
    Indicator(
        "autres_activites", _("Autres activités de la coordination"), "animation", _("activités")
    ),
    Indicator(
        "participants",
        _("Participants aux rencontres"),
        "animation",
        _("personnes"),
        help_text=_("Somme des participants des rencontres, formations et activités."),
    ),
    Indicator(
        "structures_representees",
        _("Structures représentées"),
        "animation",
        _("structures"),
        help_text=_("Somme, rencontre par rencontre, des structures représentées."),
    ),
    # Formation
    Indicator("formations", _("Formations réalisées"), "formation", _("formations")),
    # Outils
    Indicator("outils_produits", _("Outils produits par la coordination"), "outils", _("outils")),
    Indicator(
        "telechargements_outils",
        _("Téléchargements des outils de la coordination"),
        "outils",
        _("téléchargements"),
    ),
    Indicator("ressources_publiees", _("Ressources publiées"), "outils", _("ressources")),
    # Annuaire
    Indicator("actions_referencees", _("Actions référencées"), "annuaire", _("actions"), False),
    Indicator("lieux_ressources", _("Lieux ressources référencés"), "annuaire", _("lieux"), False),
    Indicator(
        "fiches_anciennes",
        _("Fiches à vérifier (délai de vérification dépassé)"),
        "annuaire",
        _("fiches"),
        False,
    ),
    Indicator(
        "epci_sans_action", _("EPCI sans action (zones blanches)"), "annuaire", _("EPCI"), False
    ),
    Indicator(
        "communes_sans_action",
        _("Communes sans action (zones blanches)"),
        "annuaire",
        _("communes"),
        False,
    ),
    # Promeneurs du Net
    Indicator(
        "promeneurs_actifs", _("Promeneurs du Net actifs"), "promeneurs", _("promeneurs"), False
    ),
    Indicator(
        "promeneurs_labellises",
        _("Promeneurs du Net labellisés dans l'année"),
        "promeneurs",
        _("promeneurs"),
    ),
    # Communication
    Indicator("actualites_publiees", _("Actualités publiées"), "communication", _("actualités")),
    Indicator(
        "actions_promotion",
        _("Actions de promotion et de communication"),
        "communication",
        _("actions"),
    ),
    # Actions financées: the bilans porteurs submit (the national REAAP survey's dimensions)
    Indicator(
        "actions_financees",
        _("Actions financées (dossiers retenus)"),
        "bilans",
        _("actions"),
        False,
    ),
    Indicator("bilans_transmis", _("Bilans transmis"), "bilans", _("bilans"), False),
    Indicator("actions_nouvelles", _("Actions nouvelles"), "bilans", _("actions"), False),
    Indicator("actions_renouvelees", _("Actions renouvelées"), "bilans", _("actions"), False),
    Indicator("seances_actions", _("Séances des actions"), "bilans", _("séances"), False),
    Indicator("participants_adultes", _("Participants adultes"), "bilans", _("personnes"), False),
    Indicator(
        "parents_touches",
        _("Parents différents touchés"),
        "bilans",
        _("parents"),
        False,
        help_text=_("Somme des parents différents de chaque bilan transmis."),
    ),
    Indicator("enfants_touches", _("Enfants participants"), "bilans", _("enfants"), False),
    Indicator("familles_touchees", _("Familles touchées"), "bilans", _("familles"), False),
    Indicator("animateurs_salaries", _("Animateurs salariés"), "bilans", _("personnes"), False),
    Indicator("animateurs_benevoles", _("Animateurs bénévoles"), "bilans", _("personnes"), False),
]

INDICATORS = {indicator.key: indicator for indicator in CATALOGUE}
