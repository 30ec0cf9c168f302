"""Exchange with the data·inclusion schema v1 (structures and services), validated by the
`data-inclusion-schema` package, then on import by our models. Our structures are its
structures; our actions its services."""

import json
import re

import pydantic
from data_inclusion.schema import v1
from django.utils import timezone
from django.utils.translation import gettext as _

from directory import choices
from directory.importing import ImportFailed, record_import
from directory.models import ActionPage, DirectoryIndexPage, StructurePage
from hub.taxonomies import Theme
from territories.models import Commune

SOURCE = "hub-parentalite"
PARENTALITE = "famille--soutien-a-la-parentalite-et-a-leducation"
SEPARATION = "famille--surmonter-conflits-separation-violence"

TYPE_TO_DI = {
    choices.ActionType.ACCOMPAGNEMENT_INDIVIDUEL: "accompagnement",
    choices.ActionType.MEDIATION_FAMILIALE: "accompagnement",
    choices.ActionType.PARENTS_INCARCERES: "accompagnement",
    choices.ActionType.ECOUTE_DISTANCE: "accompagnement",
    choices.ActionType.CONFERENCE: "information",
}
DI_TO_TYPE = {
    "accompagnement": choices.ActionType.ACCOMPAGNEMENT_INDIVIDUEL,
    "atelier": choices.ActionType.ATELIER_PARENTS,
    "information": choices.ActionType.CONFERENCE,
}
STRUCTURE_PREFIX = "di-structure:"
SERVICE_PREFIX = "di-service:"


def _date_maj(page):
    moment = page.last_update or timezone.now()
    return timezone.localtime(moment).date().isoformat()


def _place(page):
    data = {"adresse": page.address or None, "latitude": page.latitude, "longitude": page.longitude}
    if page.commune_id:
        data.update(
            commune=page.commune.nom,
            code_insee=page.commune.code,
            code_postal=(page.commune.postal_codes or [None])[0],
        )
    return data


def _clean(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def structure_record(page, request=None):
    return _clean(
        {
            "source": SOURCE,
            "id": str(page.pk),
            "nom": page.title,
            "date_maj": _date_maj(page),
            "description": page.description or None,
            "lien_source": page.get_full_url(request),
            "siret": page.siret or None,
            "telephone": page.phone or None,
            "courriel": page.email or None,
            "site_web": page.website or None,
            **_place(page),
        }
    )


def service_record(page, request=None):
    thematiques = [PARENTALITE]
    if Theme.SEPARATION in page.themes:
        thematiques.append(SEPARATION)
    zone = [code for code in page.zone.split(",") if code]
    return _clean(
        {
            "source": SOURCE,
            "id": str(page.pk),
            "structure_id": str(page.structure_id) if page.structure_id else None,
            "nom": page.title[:150],
            "description": page.description,
            "lien_source": page.get_full_url(request),
            "date_maj": _date_maj(page),
            "type": TYPE_TO_DI.get(page.action_type, "atelier"),
            "thematiques": thematiques,
            "frais": "gratuit" if page.cost == choices.Cost.GRATUIT else "payant",
            "frais_precisions": (f"{page.cost_amount} €" if page.cost_amount is not None else None),
            "publics": ["familles"],
            "publics_precisions": _("Parents d'enfants de %(min)s à %(max)s ans")
            % {"min": page.age_min, "max": page.age_max},
            "modes_accueil": [
                "a-distance" if page.mode == choices.Mode.DISTANCE else "en-presentiel"
            ],
            "zone_eligibilite": zone or None,
            "horaires_accueil": page.opening_hours or None,
            "telephone": page.phone or None,
            "courriel": page.email or None,
            **_place(page),
        }
    )


def export(structures, actions, request=None):
    """Structures and services as data·inclusion v1 dicts, each validated by the schema."""
    return {
        "structures": [
            v1.Structure.model_validate(structure_record(page, request)).model_dump(
                mode="json", exclude_none=True
            )
            for page in structures.select_related("commune")
        ],
        "services": [
            v1.Service.model_validate(service_record(page, request)).model_dump(
                mode="json", exclude_none=True
            )
            for page in actions.select_related("commune")
        ],
    }


# Our model fields under their data·inclusion names, to word the model's refusals.
DI_FIELDS = {
    "title": "nom",
    "address": "adresse",
    "commune": "code_insee",
    "phone": "telephone",
    "email": "courriel",
    "website": "site_web",
    "opening_hours": "horaires_accueil",
    "zone": "zone_eligibilite",
    "cost": "frais",
    "cost_amount": "frais_precisions",
    "action_type": "type",
    "mode": "modes_accueil",
    "structure": "structure_id",
}


def _error(kind, position, field, message):
    if field is None:
        return _("%(kind)s n° %(position)s : %(message)s") % {
            "kind": kind,
            "position": position,
            "message": message,
        }
    return _("%(kind)s n° %(position)s, champ %(field)s : %(message)s") % {
        "kind": kind,
        "position": position,
        "field": field,
        "message": message,
    }


def _schema_errors(kind, position, error):
    return [
        _error(kind, position, ".".join(str(part) for part in item["loc"]) or kind, item["msg"])
        for item in error.errors()
    ]


def _describe(kind, position):
    """Words a refusal of our model for record n° `position`, under the data·inclusion name."""
    return lambda field, message: _error(kind, position, DI_FIELDS.get(field, field), message)


def import_payload(text, index):
    """Import `{"structures": [...], "services": [...]}` under `index`: atomic, errors named."""
    if not isinstance(index, DirectoryIndexPage) or index.section is None:
        raise ImportFailed([_("Choisissez l'annuaire d'un département.")])
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFailed(
            [
                _("JSON illisible, ligne %(line)s : %(message)s")
                % {"line": error.lineno, "message": error.msg}
            ]
        ) from None
    if not isinstance(payload, dict):
        raise ImportFailed(
            [_("Le fichier doit contenir un objet avec « structures » et « services ».")]
        )
    with record_import(index) as batch:
        structures = _import_structures(batch, payload.get("structures") or [])
        _import_services(batch, payload.get("services") or [], structures)
    return batch.report


def _amount(text):
    match = re.search(r"(\d+(?:[.,]\d{1,2})?)", text or "")
    return match.group(1).replace(",", ".") if match else None


def _communes(items):
    codes = [item.code_insee for item in items if item.code_insee]
    return {commune.code: commune for commune in Commune.objects.filter(code__in=codes)}


def _import_structures(batch, records):
    """Write the valid structures; {(source, id): page or None when the model refused it}."""
    structures = []
    for position, raw in enumerate(records, start=1):
        try:
            structures.append((position, v1.Structure.model_validate(raw)))
        except pydantic.ValidationError as error:
            batch.errors += _schema_errors("structure", position, error)
    communes = _communes([item for _position, item in structures])
    pages = {}
    for position, item in structures:
        pages[(item.source, item.id)] = batch.upsert(
            StructurePage,
            f"{STRUCTURE_PREFIX}{item.source}:{item.id}",
            {
                "title": item.nom,
                "kind": choices.StructureKind.AUTRE,
                "siret": item.siret or "",
                "description": item.description or "",
                "address": item.adresse or "",
                "commune": communes.get(item.code_insee),
                "latitude": item.latitude,
                "longitude": item.longitude,
                # A point given by the source is precise: it stays when the commune is edited.
                "point_placed": item.latitude is not None,
                "phone": item.telephone or "",
                "email": item.courriel or "",
                "website": str(item.site_web) if item.site_web else "",
            },
            _describe("structure", position),
        )
    return pages


def _import_services(batch, records, structures):
    """Write the valid services, each under its structure: of this payload, or imported before."""
    services = []
    for position, raw in enumerate(records, start=1):
        try:
            services.append((position, v1.Service.model_validate(raw)))
        except pydantic.ValidationError as error:
            batch.errors += _schema_errors("service", position, error)
    communes = _communes([item for _position, item in services])
    for position, item in services:
        errors = []
        if item.code_insee and item.code_insee not in communes:
            message = _("commune inconnue « %(code)s ».") % {"code": item.code_insee}
            errors.append(_error("service", position, "code_insee", message))
        key = (item.source, item.structure_id)
        if key in structures:
            structure = structures[key]  # None when our model refused it: already reported
        else:
            structure = (
                StructurePage.objects.descendant_of(batch.index)
                .filter(external_id=f"{STRUCTURE_PREFIX}{item.source}:{item.structure_id}")
                .first()
            )
            if structure is None:
                message = _("structure « %(id)s » absente.") % {"id": item.structure_id}
                errors.append(_error("service", position, "structure_id", message))
        batch.errors += errors
        if errors or structure is None:
            continue
        amount = _amount(item.frais_precisions)
        paid = item.frais == "payant"
        batch.upsert(
            ActionPage,
            f"{SERVICE_PREFIX}{item.source}:{item.id}",
            {
                "title": item.nom,
                "description": item.description,
                "action_type": DI_TO_TYPE.get(item.type, choices.ActionType.AUTRE),
                "structure": structure,
                "cost": (choices.Cost.PAYANT if amount else choices.Cost.SYMBOLIQUE)
                if paid
                else choices.Cost.GRATUIT,
                "cost_amount": amount if paid else None,
                "mode": choices.Mode.DISTANCE
                if item.modes_accueil and "en-presentiel" not in item.modes_accueil
                else choices.Mode.PRESENTIEL,
                "opening_hours": item.horaires_accueil or "",
                "zone": ",".join(item.zone_eligibilite or []),
                "address": item.adresse or "",
                "commune": communes.get(item.code_insee) or structure.commune,
                "latitude": item.latitude,
                "longitude": item.longitude,
                # A point given by the source is precise: it stays when the commune is edited.
                "point_placed": item.latitude is not None,
                "phone": item.telephone or "",
                "email": item.courriel or "",
            },
            _describe("service", position),
        )
