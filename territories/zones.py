"""A served zone ("territoire desservi") as people name it: communes, EPCI and départements,
stored as their codes (INSEE code, SIREN, département code), as data·inclusion does."""

import re

from django.db.models import Exists, OuterRef

from .communes import autocomplete_label, find_commune, place_suggestions, search_key
from .models import Commune, Departement, Epci

COMMUNE, EPCI, DEPARTEMENT = "commune", "epci", "departement"
# What follows a name in its label: "Nord (département)", "Métropole Européenne de Lille (EPCI)".
KIND_WORDS = {"departement": DEPARTEMENT, "epci": EPCI}
LABELLED = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def departement_label(departement):
    return f"{departement.nom} (département)"


def epci_label(epci):
    return f"{epci.nom} (EPCI)"


def zone_labels(codes):
    """The label of each code of `codes`, in order; a code the reference data lacks stays as is."""
    codes = [code for code in codes if code]
    communes = {c.code: c for c in Commune.objects.filter(code__in=codes)}
    epcis = {e.code: e for e in Epci.objects.filter(code__in=codes)}
    departements = {d.code: d for d in Departement.objects.filter(code__in=codes)}
    labels = []
    for code in codes:
        if code in departements:
            labels.append(departement_label(departements[code]))
        elif code in epcis:
            labels.append(epci_label(epcis[code]))
        elif code in communes:
            labels.append(autocomplete_label(communes[code]))
        else:
            labels.append(code)
    return labels


def _departement_named(key, code=None):
    departements = Departement.objects.all()
    if code:
        departements = departements.filter(code=code)
    return next((d for d in departements if search_key(d.nom) == key), None)


def _epci_named(key):
    return next((e for e in Epci.objects.order_by("code") if search_key(e.nom) == key), None)


def find_zone_code(text, departement_code=None):
    """The code of the territory named `text`, or None.

    Labels say what they name: "Nord (département)", "Métropole Européenne de Lille (EPCI)",
    "Roubaix (59100)". A bare name is, in this order, a commune of `departement_code`, a
    département, an EPCI, then the most populous commune of that name.
    """
    text = " ".join(text.split())
    if not text:
        return None
    match = LABELLED.match(text)
    if match and search_key(match.group(2)) in KIND_WORDS:
        key = search_key(match.group(1))
        if KIND_WORDS[search_key(match.group(2))] == DEPARTEMENT:
            territory = _departement_named(key)
        else:
            territory = _epci_named(key)
        return territory.code if territory else None
    if match:
        commune = find_commune(text, departement_code)
        if commune:
            return commune.code
        departement = _departement_named(search_key(match.group(1)), match.group(2))
        return departement.code if departement else None
    commune = find_commune(text, departement_code)
    if commune and commune.departement_code == departement_code:
        return commune.code
    key = search_key(text)
    territory = _departement_named(key) or _epci_named(key) or commune
    return territory.code if territory else None


def zone_suggestions(text, limit=10, departement_code=None):
    """Communes, EPCI and départements whose name starts with (EPCI: contains) `text`, for the
    served-zone input: the communes of `departement_code` first, then départements, then EPCI
    (those with a commune in `departement_code` first), then the other communes."""
    key = search_key(text.strip()[:60])
    if len(key) < 2:
        return []
    communes = [
        {**item, "kind": COMMUNE}
        for item in place_suggestions(text, limit=limit, departement_code=departement_code)
    ]
    local_codes = set(
        Commune.objects.filter(departement_code=departement_code).values_list("code", flat=True)
    )
    local = [item for item in communes if item["code"] in local_codes]
    others = [item for item in communes if item["code"] not in local_codes]
    departements = [
        {"label": departement_label(d), "code": d.code, "nom": d.nom, "kind": DEPARTEMENT}
        for d in Departement.objects.all()
        if search_key(d.nom).startswith(key)
    ]
    in_departement = Commune.objects.filter(epci=OuterRef("pk"), departement_code=departement_code)
    epcis = sorted(
        (
            e
            for e in Epci.objects.annotate(local=Exists(in_departement))
            if key in search_key(e.nom)
        ),
        key=lambda e: (not e.local, e.nom),
    )
    epci_items = [
        {"label": epci_label(e), "code": e.code, "nom": e.nom, "kind": EPCI} for e in epcis
    ]
    return [*local, *departements, *epci_items, *others][:limit]
