"""Figures of the funded actions, from the bilans their porteurs submitted.

The actions of a year are those of the section's call for projects of that year whose dossier was
retained (`actions_financees`); every other figure adds up the submitted bilans (« transmis »;
drafts do not count): actions new or renewed, séances, adult participants, parents différents,
children, families reached, paid and volunteer facilitators — the national REAAP survey's
dimensions. The breakdowns split them by type of action, by theme (an action counts under each of
its themes) and by territory (the EPCI of the action's commune), from the dossier's answers.

One query reads the year's submitted bilans (a few hundred rows per département), shared by every
figure, item list and breakdown of a view (`registry.once`).
"""

import collections

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory import choices
from hub.indicators.registry import Breakdown, Figure, IndicatorProvider, Item, once, register
from hub.taxonomies import Theme

from .bilans import ActionBilan, BilanStatus, Renewal
from .calls import Dossier, DossierStatus

# (catalogue key, column label, value of one bilan row)
MEASURES = (
    ("bilans_transmis", gettext_lazy("Actions"), lambda row: 1),
    (
        "actions_nouvelles",
        gettext_lazy("Nouvelles"),
        lambda row: int(row["renewal"] == Renewal.NOUVELLE),
    ),
    (
        "actions_renouvelees",
        gettext_lazy("Renouvelées"),
        lambda row: int(row["renewal"] == Renewal.RENOUVELEE),
    ),
    ("seances_actions", gettext_lazy("Séances"), lambda row: row["sessions"] or 0),
    ("participants_adultes", gettext_lazy("Adultes"), lambda row: row["adults"] or 0),
    (
        "parents_touches",
        gettext_lazy("Parents différents"),
        lambda row: row["distinct_parents"] or 0,
    ),
    ("enfants_touches", gettext_lazy("Enfants"), lambda row: row["children"] or 0),
    ("familles_touchees", gettext_lazy("Familles"), lambda row: row["families"] or 0),
    (
        "animateurs_salaries",
        gettext_lazy("Animateurs salariés"),
        lambda row: row["paid_facilitators"] or 0,
    ),
    (
        "animateurs_benevoles",
        gettext_lazy("Animateurs bénévoles"),
        lambda row: row["volunteer_facilitators"] or 0,
    ),
)
MEASURE_OF = {key: value for key, _label, value in MEASURES}


def funded_dossiers(section, year):
    return Dossier.objects.filter(
        call__section=section, call__year=year, status=DossierStatus.RETENU
    )


def submitted_bilans(section, year):
    """Rows of the year's submitted bilans of `section`, read once per view."""

    def read():
        return list(
            ActionBilan.objects.filter(
                dossier__in=funded_dossiers(section, year), status=BilanStatus.TRANSMIS
            )
            .order_by("submitted_at", "pk")
            .values(
                "pk",
                "submitted_at",
                "renewal",
                "sessions",
                "adults",
                "children",
                "distinct_parents",
                "families",
                "paid_facilitators",
                "volunteer_facilitators",
                "dossier_id",
                "dossier__action_title",
                "dossier__action_type",
                "dossier__themes",
                "dossier__structure__title",
                "dossier__commune__nom",
                "dossier__commune__epci__nom",
            )
        )

    return once(("porteurs.bilans", section.pk, year), read)


def _total(rows, measure):
    return sum(measure(row) for row in rows)


@register
class BilanProvider(IndicatorProvider):
    keys = ("actions_financees", *(key for key, _label, _value in MEASURES))
    source_label = gettext_lazy("Bilans des porteurs")

    def figures(self, section, year):
        rows = submitted_bilans(section, year)
        figures = {key: Figure(_total(rows, value)) for key, _label, value in MEASURES}
        figures["actions_financees"] = Figure(funded_dossiers(section, year).count())
        return figures

    def items(self, key, section, year, limit=None):
        if key == "actions_financees":
            dossiers = (
                funded_dossiers(section, year)
                .select_related("structure", "commune")
                .order_by("decided_at", "pk")[:limit]
            )
            return [
                Item(
                    title=dossier.action_title,
                    date=timezone.localdate(dossier.decided_at) if dossier.decided_at else None,
                    admin_url=reverse("porteurs_calls:dossier", args=[dossier.pk]),
                    detail=_location(
                        dossier.structure.title, dossier.commune and dossier.commune.nom
                    ),
                )
                for dossier in dossiers
            ]
        measure = MEASURE_OF[key]
        items = [
            Item(
                title=row["dossier__action_title"],
                date=timezone.localdate(row["submitted_at"]) if row["submitted_at"] else None,
                admin_url=reverse("porteurs_calls:dossier", args=[row["dossier_id"]]),
                detail=_location(row["dossier__structure__title"], row["dossier__commune__nom"]),
                quantity=measure(row),
            )
            for row in submitted_bilans(section, year)
            if measure(row)
        ]
        return items if limit is None else items[:limit]

    def breakdowns(self, section, year):
        rows = submitted_bilans(section, year)
        types = dict(choices.ActionType.choices)
        themes = dict(Theme.choices)
        columns = tuple(str(label) for _key, label, _value in MEASURES)
        return [
            _breakdown(
                "bilans-par-type",
                _("Bilans par type d'action"),
                _("Type d'action"),
                columns,
                rows,
                lambda row: [str(types.get(row["dossier__action_type"], _("Non précisé")))],
            ),
            _breakdown(
                "bilans-par-theme",
                _("Bilans par thème"),
                _("Thème"),
                columns,
                rows,
                lambda row: (
                    [str(themes.get(code, code)) for code in row["dossier__themes"]]
                    or [_("Non précisé")]
                ),
                note=_(
                    "Une action compte dans chacun de ses thèmes : les colonnes ne s'additionnent "
                    "pas d'un thème à l'autre."
                ),
            ),
            _breakdown(
                "bilans-par-territoire",
                _("Bilans par territoire"),
                _("EPCI de la commune de l'action"),
                columns,
                rows,
                lambda row: [row["dossier__commune__epci__nom"] or _("Hors EPCI ou non précisé")],
            ),
        ]


def _location(structure, commune):
    return f"{structure} – {commune}" if commune else structure


def _breakdown(key, title, dimension, columns, rows, groups_of, note=""):
    totals = collections.defaultdict(lambda: [0] * len(MEASURES))
    for row in rows:
        for group in groups_of(row):
            for index, (_key, _label, value) in enumerate(MEASURES):
                totals[group][index] += value(row)
    ordered = sorted(totals.items(), key=lambda entry: (-entry[1][0], entry[0]))
    return Breakdown(
        key=key,
        title=title,
        dimension=dimension,
        columns=columns,
        rows=tuple((group, tuple(values)) for group, values in ordered),
        note=note,
    )
