"""Indicator figures from the directory: its size, freshness and coverage, and the Promeneurs du
Net.

Every figure except `promeneurs_labellises` is a state at a moment: the end of 31 December of
the year (Europe/Paris), or now for the current year. A record is in the directory at that
moment when it is a live page of the section first published before it. Its last update at
that moment is its last publication before it: `last_published_at` when earlier, otherwise the
latest "wagtail.publish" entry of the page's history before the moment, otherwise its first
publication. Pages unpublished or deleted since then are not known any more and do not count.

- `actions_referencees`, `lieux_ressources`: actions and lieux ressources in the directory.
- `fiches_anciennes`: records (actions, lieux, Promeneurs du Net, structures: those of the
  admin's "Fiches à mettre à jour") due for review at the moment by `directory.review`'s rule:
  their own frequency has passed since they were last verified, that is since the later of
  their last update at the moment and their porteur's confirmation when it is before the
  moment. Only the latest confirmation and the present frequency are known: for a past year,
  a confirmation overwritten since then, or a frequency changed since then, is not seen.
- `communes_sans_action`: communes of the département that no action of the directory is
  located in (its commune, that of its lieu ressource when it has one) or covers (its
  "territoire desservi" lists the commune, its EPCI or the département). `epci_sans_action`:
  EPCI with a commune in the département none of whose communes of the département has an
  action. Actions of other sections never count, even when they name these zones.
- `promeneurs_actifs`: Promeneurs du Net in the directory, not labelled after the moment (a
  missing labelling date counts as labelled); `promeneurs_labellises`: labelled in the year
  (by `labelled_on`), per month.
"""

import datetime
from collections import defaultdict

from django.db.models import Case, DateTimeField, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import PageLogEntry

from directory import review
from directory.admin_views import RECORD_MODELS
from directory.models import ActionPage, LieuRessourcePage, PromeneurPage
from hub.indicators.providers import count_by_month
from hub.indicators.registry import Figure, IndicatorProvider, Item, register
from territories.models import Commune


def state_moment(year):
    """The end of `year` in the current time zone, or now when that is still to come."""
    end = datetime.datetime(year + 1, 1, 1, tzinfo=timezone.get_current_timezone())
    return min(end, timezone.now())


def present(queryset, section, moment):
    """Live records of `section` first published before `moment`."""
    return queryset.live().descendant_of(section).filter(first_published_at__lt=moment)


def with_last_update(queryset, moment):
    """Annotate `updated_at`: the last publication before `moment` (see the module docstring)."""
    logged = (
        PageLogEntry.objects.filter(
            page=OuterRef("pk"), action="wagtail.publish", timestamp__lt=moment
        )
        .order_by("-timestamp")
        .values("timestamp")[:1]
    )
    return queryset.annotate(
        updated_at=Coalesce(
            Case(When(last_published_at__lt=moment, then=F("last_published_at"))),
            Subquery(logged, output_field=DateTimeField()),
            F("first_published_at"),
            output_field=DateTimeField(),
        )
    )


def local_date(moment):
    return timezone.localdate(moment) if moment else None


@register
class DirectoryProvider(IndicatorProvider):
    """Size, freshness and coverage of the directory, and its Promeneurs du Net."""

    keys = (
        "actions_referencees",
        "lieux_ressources",
        "fiches_anciennes",
        "communes_sans_action",
        "epci_sans_action",
        "promeneurs_actifs",
        "promeneurs_labellises",
    )
    source_label = _("Annuaire")

    def figures(self, section, year):
        moment = state_moment(year)
        communes, epcis = self._zones_without_action(section, moment)
        return {
            "actions_referencees": Figure(
                present(ActionPage.objects, section, moment).count(), None
            ),
            "lieux_ressources": Figure(
                present(LieuRessourcePage.objects, section, moment).count(), None
            ),
            "fiches_anciennes": Figure(len(self._stale(section, moment)), None),
            "communes_sans_action": Figure(len(communes), None),
            "epci_sans_action": Figure(len(epcis), None),
            "promeneurs_actifs": Figure(self._active_promeneurs(section, moment).count(), None),
            "promeneurs_labellises": count_by_month(
                PromeneurPage.objects.live().descendant_of(section), "labelled_on", year
            ),
        }

    def items(self, key, section, year, limit=None):
        moment = state_moment(year)
        if key == "communes_sans_action":
            return self._commune_items(self._zones_without_action(section, moment)[0])[:limit]
        if key == "epci_sans_action":
            return self._epci_items(self._zones_without_action(section, moment)[1])[:limit]
        if key == "fiches_anciennes":
            stale = self._stale(section, moment)[:limit]
            return [self._page_item(page, verified, type_label=True) for page, verified in stale]
        if key == "promeneurs_labellises":
            pages = (
                PromeneurPage.objects.live()
                .descendant_of(section)
                .filter(labelled_on__year=year)
                .select_related("commune")
                .order_by("labelled_on", "pk")[:limit]
            )
            return [self._page_item(page, page.labelled_on) for page in pages]
        if key == "promeneurs_actifs":
            pages = self._active_promeneurs(section, moment)
        elif key == "actions_referencees":
            pages = present(ActionPage.objects, section, moment)
        else:
            pages = present(LieuRessourcePage.objects, section, moment)
        pages = pages.select_related("commune").order_by("first_published_at", "pk")[:limit]
        return [self._page_item(page, page.first_published_at) for page in pages]

    def _stale(self, section, moment):
        """[(record, verified at the moment)] of the records due for review at `moment`, by
        `directory.review`'s rule, longest unverified first."""
        # The last day the state covers: 31 December for a past year (its end is the first
        # instant of 1 January), today for the current one.
        today = timezone.localdate(moment - datetime.timedelta(microseconds=1))
        stale = []
        for model in RECORD_MODELS:
            records = with_last_update(present(model.objects, section, moment), moment)
            for record in records.select_related("commune"):
                confirmed = record.confirmed_at
                if confirmed is not None and confirmed >= moment:
                    confirmed = None
                verified = review.latest(record.updated_at, confirmed)
                if review.is_due(verified, record.review_every_months, today):
                    stale.append((record, verified))
        return sorted(stale, key=lambda pair: (pair[1], pair[0].pk))

    def _active_promeneurs(self, section, moment):
        return present(PromeneurPage.objects, section, moment).filter(
            Q(labelled_on__isnull=True) | Q(labelled_on__lte=timezone.localdate(moment))
        )

    def _page_item(self, page, when, type_label=False):
        if isinstance(when, datetime.datetime):
            when = local_date(when)
        detail = []
        if type_label:
            detail.append(str(capfirst(page.specific_class._meta.verbose_name)))
        if getattr(page, "commune", None) is not None:
            detail.append(page.commune.nom)
        return Item(
            title=page.title,
            date=when,
            url=page.url or "",
            admin_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            detail=" · ".join(detail),
        )

    def _zones_without_action(self, section, moment):
        """The communes of the département without action, and its EPCI without action."""
        code = section.departement.code
        covered_ids, covered_codes = set(), set()
        rows = (
            present(ActionPage.objects, section, moment)
            .order_by()
            .values_list("commune_id", "zone")
            .distinct()
        )
        for commune_id, zone in rows:
            covered_ids.add(commune_id)
            covered_codes.update(part.strip() for part in zone.split(",") if part.strip())
        communes = (
            Commune.objects.filter(departement_code=code)
            .select_related("epci")
            .order_by("nom", "code")
        )
        if code in covered_codes:
            return [], []
        members = defaultdict(list)
        for commune in communes:
            epci_code = commune.epci.code if commune.epci else None
            commune.has_action = (
                commune.pk in covered_ids
                or commune.code in covered_codes
                or epci_code in covered_codes
            )
            if commune.epci:
                members[commune.epci].append(commune)
        without = [commune for commune in communes if not commune.has_action]
        epcis = sorted(
            (
                (epci, len(towns))
                for epci, towns in members.items()
                if not any(town.has_action for town in towns)
            ),
            key=lambda pair: pair[0].nom,
        )
        return without, epcis

    def _commune_items(self, communes):
        return [
            Item(
                title=commune.nom,
                detail=" · ".join(
                    filter(None, [commune.code, commune.epci.nom if commune.epci else ""])
                ),
            )
            for commune in communes
        ]

    def _epci_items(self, epcis):
        return [
            Item(
                title=epci.nom,
                detail=ngettext(
                    "SIREN %(code)s · %(count)s commune du département",
                    "SIREN %(code)s · %(count)s communes du département",
                    count,
                )
                % {"code": epci.code, "count": count},
            )
            for epci, count in epcis
        ]
