"""CSV exchange of actions: documented columns, atomic import that reports every bad row with
its line and column, re-import updating in place (key: `identifiant`)."""

import csv
import io
from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from directory import choices
from directory.models import ActionPage, DirectoryIndexPage, LieuRessourcePage
from hub.taxonomies import Theme
from territories.models import Commune

LIST_SEPARATOR = ";"
MAX_ROWS = 5000

# (column, model field, description) – the documentation shown in the README and the admin.
COLUMNS = [
    ("identifiant", "external_id", _l("identifiant stable de l'action chez vous (obligatoire)")),
    ("titre", "title", _l("titre (obligatoire)")),
    ("type", "action_type", _l("code du type d'action, voir la liste")),
    ("description", "description", _l("présentation (obligatoire)")),
    ("themes", "themes", _l("codes de thèmes séparés par « ; »")),
    ("publics", "publics", _l("codes de publics séparés par « ; »")),
    ("age_min", "age_min", _l("âge minimum des enfants, 0 à 21")),
    ("age_max", "age_max", _l("âge maximum des enfants, 0 à 21")),
    ("format", "format", _l("collectif ou individuel")),
    ("modalite", "mode", _l("presentiel ou distance")),
    ("calendrier", "schedule", _l("calendrier en clair")),
    ("prochaine_seance", "next_session", _l("AAAA-MM-JJ HH:MM, heure de Paris")),
    ("horaires", "opening_hours", _l("horaires au format OpenStreetMap opening_hours")),
    ("cout", "cost", _l("gratuit, symbolique ou payant")),
    ("montant", "cost_amount", _l("montant en euros (payant)")),
    ("inscription", "registration", _l("libre ou inscription")),
    ("places", "capacity", _l("nombre de places")),
    ("lieu", "lieu", _l("identifiant d'un lieu ressource du département (facultatif)")),
    ("adresse", "address", _l("adresse")),
    ("code_insee", "commune", _l("code INSEE de la commune")),
    ("latitude", "latitude", _l("latitude WGS 84 (facultatif)")),
    ("longitude", "longitude", _l("longitude WGS 84 (facultatif)")),
    ("telephone", "phone", _l("téléphone")),
    ("courriel", "email", _l("courriel")),
    ("site_web", "website", _l("site web")),
    ("territoire", "zone", _l("codes INSEE, SIREN d'EPCI ou départements séparés par « ; »")),
]
HEADER = [column for column, _field, _doc in COLUMNS]
COLUMN_OF_FIELD = {field: column for column, field, _doc in COLUMNS}
LIST_FIELDS = {"themes", "publics"}


class ImportFailed(Exception):
    """Raised with every error found; nothing was written."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportReport:
    created: int
    updated: int


class ActionRowForm(forms.ModelForm):
    """Validation of one CSV row with the model's own rules."""

    commune = forms.ModelChoiceField(
        queryset=Commune.objects.all(), to_field_name="code", required=False
    )
    themes = forms.MultipleChoiceField(choices=Theme.choices, required=False)
    publics = forms.MultipleChoiceField(choices=choices.Public.choices, required=False)
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = ActionPage
        fields = [field for _column, field, _doc in COLUMNS if field not in {"lieu", "external_id"}]


def template_csv():
    """An empty file with the header row, for the admin's download."""
    stream = io.StringIO()
    csv.writer(stream).writerow(HEADER)
    return stream.getvalue()


def _read(text):
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.DictReader(io.StringIO(text), delimiter=_sniff_delimiter(text))
    missing = [
        column for column in ("identifiant", "titre") if column not in (reader.fieldnames or [])
    ]
    if missing:
        raise ImportFailed(
            [
                _("Ligne 1 : colonne(s) manquante(s) : %(columns)s.")
                % {"columns": ", ".join(missing)}
            ]
        )
    unknown = [name for name in reader.fieldnames if name not in HEADER]
    if unknown:
        raise ImportFailed(
            [_("Ligne 1 : colonne(s) inconnue(s) : %(columns)s.") % {"columns": ", ".join(unknown)}]
        )
    return reader


def _sniff_delimiter(text):
    first_line = text.split("\n", 1)[0]
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _row_data(row):
    data = {}
    for column, field, _doc in COLUMNS:
        value = (row.get(column) or "").strip()
        if field in LIST_FIELDS:
            data[field] = [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
        elif field == "zone":
            data[field] = ",".join(
                item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()
            )
        else:
            data[field] = value
    for field, default in (
        ("age_min", "0"),
        ("age_max", "21"),
        ("format", "collectif"),
        ("mode", "presentiel"),
        ("cost", "gratuit"),
        ("registration", "inscription"),
    ):
        data[field] = data[field] or default
    return data


def import_actions(text, index):
    """Create or update the actions of `text` (CSV) under the directory `index`.

    Raises `ImportFailed` with one message per error ("Ligne 3, colonne age_max : …").
    """
    if not isinstance(index, DirectoryIndexPage) or index.section is None:
        raise ImportFailed([_("Choisissez l'annuaire d'un département.")])
    reader = _read(text)
    existing = {
        page.external_id: page
        for page in ActionPage.objects.descendant_of(index).exclude(external_id="")
    }
    lieux = {
        page.external_id: page
        for page in LieuRessourcePage.objects.descendant_of(index).exclude(external_id="")
    }
    errors, valid, seen = [], [], {}
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            errors.append(_("Le fichier dépasse %(max)s lignes.") % {"max": MAX_ROWS})
            break
        if None in row:
            errors.append(
                _("Ligne %(line)s : trop de valeurs pour les colonnes.") % {"line": number}
            )
            continue
        data = _row_data(row)
        key = data.pop("external_id")
        lieu_key = data.pop("lieu")
        if not key:
            errors.append(
                _("Ligne %(line)s, colonne identifiant : valeur obligatoire.") % {"line": number}
            )
        elif key in seen:
            errors.append(
                _("Ligne %(line)s, colonne identifiant : « %(key)s » figure déjà ligne %(first)s.")
                % {"line": number, "key": key, "first": seen[key]}
            )
        seen.setdefault(key, number)
        lieu = None
        if lieu_key:
            lieu = lieux.get(lieu_key)
            if lieu is None:
                errors.append(
                    _(
                        "Ligne %(line)s, colonne lieu : aucun lieu ressource « %(key)s » dans ce "
                        "département."
                    )
                    % {"line": number, "key": lieu_key}
                )
        instance = existing.get(key) or ActionPage()
        form = ActionRowForm(data, instance=instance)
        if not form.is_valid():
            for field, messages in form.errors.items():
                column = COLUMN_OF_FIELD.get(field)
                for message in messages:
                    if column:
                        errors.append(
                            _("Ligne %(line)s, colonne %(column)s : %(message)s")
                            % {"line": number, "column": column, "message": message}
                        )
                    else:
                        errors.append(
                            _("Ligne %(line)s : %(message)s") % {"line": number, "message": message}
                        )
            continue
        if data["commune"] == "" and lieu is None:
            errors.append(
                _("Ligne %(line)s, colonne code_insee : indiquez une commune ou un lieu.")
                % {"line": number}
            )
            continue
        valid.append((key, form, lieu))
    if errors:
        raise ImportFailed(errors)
    return _write(valid, index, existing)


@transaction.atomic
def _write(valid, index, existing):
    created = updated = 0
    for key, form, lieu in valid:
        page = form.save(commit=False)
        page.external_id = key
        page.lieu = lieu
        if key in existing:
            page.save()
            updated += 1
        else:
            page.live = True
            index.add_child(instance=page)
            created += 1
        page.save_revision().publish()
    return ImportReport(created=created, updated=updated)


def export_actions(queryset):
    """The actions of `queryset` as CSV text, in the import's format."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(HEADER)
    for page in queryset.select_related("commune", "lieu").order_by("pk"):
        row = []
        for _column, field, _doc in COLUMNS:
            value = getattr(page, field)
            if field in LIST_FIELDS:
                value = LIST_SEPARATOR.join(value)
            elif field == "zone":
                value = LIST_SEPARATOR.join(item for item in value.split(",") if item)
            elif field == "commune":
                value = page.commune.code if page.commune_id else ""
            elif field == "lieu":
                value = page.lieu.external_id if page.lieu_id else ""
            elif field == "next_session" and value:
                value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            elif field == "external_id":
                value = value or f"hub-{page.pk}"
            row.append("" if value is None else value)
        writer.writerow(row)
    return stream.getvalue()
