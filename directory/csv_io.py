"""CSV exchange of actions: documented columns, atomic import that reports every bad row with
its line and column, re-import updating in place (key: `identifiant`)."""

import csv
import io

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from directory import choices
from directory.importing import ImportFailed, record_import
from directory.models import ActionPage, ActionSession, DirectoryIndexPage, LieuRessourcePage
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
    (
        "prochaine_seance",
        "next_session",
        _l("AAAA-MM-JJ HH:MM, heure de Paris : remplace les séances de l'action par celle-ci"),
    ),
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


ROW_FIELDS = [field for _column, field, _doc in COLUMNS if field not in {"lieu", "external_id"}]
SESSION_FORMAT = "%Y-%m-%d %H:%M"


class ActionRowForm(forms.Form):
    """Reads one CSV row into the model's values (numbers, dates, choices, commune by INSEE code).

    The model's own rules then validate the action (see `directory.importing`).
    """

    commune = forms.ModelChoiceField(
        queryset=Commune.objects.all(), to_field_name="code", required=False
    )
    themes = forms.MultipleChoiceField(choices=Theme.choices, required=False)
    publics = forms.MultipleChoiceField(choices=choices.Public.choices, required=False)
    website = forms.URLField(required=False, assume_scheme="https")
    next_session = forms.DateTimeField(required=False, input_formats=[SESSION_FORMAT])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_fields = forms.fields_for_model(ActionPage, ROW_FIELDS, exclude=self.base_fields)
        self.fields = {**model_fields, **self.fields}


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


def _describe(line):
    """Words the errors of line `line`: `describe(field, message)`, naming the field's column."""

    def describe(field, message):
        column = COLUMN_OF_FIELD.get(field)
        if column:
            return _("Ligne %(line)s, colonne %(column)s : %(message)s") % {
                "line": line,
                "column": column,
                "message": message,
            }
        return _("Ligne %(line)s : %(message)s") % {"line": line, "message": message}

    return describe


def import_actions(text, index):
    """Create or update the actions of `text` (CSV) under the directory `index`.

    Raises `ImportFailed` with one message per error ("Ligne 3, colonne age_max : …").
    """
    if not isinstance(index, DirectoryIndexPage) or index.section is None:
        raise ImportFailed([_("Choisissez l'annuaire d'un département.")])
    reader = _read(text)
    lieux = {
        page.external_id: page
        for page in LieuRessourcePage.objects.descendant_of(index).exclude(external_id="")
    }
    seen = {}
    with record_import(index) as batch:
        for number, row in enumerate(reader, start=2):
            if number - 1 > MAX_ROWS:
                batch.errors.append(_("Le fichier dépasse %(max)s lignes.") % {"max": MAX_ROWS})
                break
            describe = _describe(number)
            if None in row:
                batch.errors.append(describe(None, _("trop de valeurs pour les colonnes.")))
                continue
            key, values, errors = _read_row(row, lieux, seen, describe)
            seen.setdefault(key, number)
            batch.errors += errors
            if not errors:
                batch.upsert(ActionPage, key, _with_session(values), describe)
    return batch.report


def _read_row(row, lieux, seen, describe):
    """`(identifiant, values of the action, errors)` of one row; the model validates the values
    afterwards. `seen` gives the line of each identifiant already read."""
    data = _row_data(row)
    key = data.pop("external_id")
    lieu_key = data.pop("lieu")
    errors = []
    if not key:
        errors.append(describe("external_id", _("valeur obligatoire.")))
    elif key in seen:
        errors.append(
            describe(
                "external_id",
                _("« %(key)s » figure déjà ligne %(first)s.") % {"key": key, "first": seen[key]},
            )
        )
    lieu = lieux.get(lieu_key)
    if lieu_key and lieu is None:
        message = _("aucun lieu ressource « %(key)s » dans ce département.") % {"key": lieu_key}
        errors.append(describe("lieu", message))
    form = ActionRowForm(data)
    if not form.is_valid():
        errors += [
            describe(field, message)
            for field, messages in form.errors.items()
            for message in messages
        ]
    elif data["commune"] == "" and lieu is None:
        errors.append(describe("commune", _("indiquez une commune ou un lieu.")))
    # A point given in the file is precise: it stays when the commune is edited.
    placed = form.cleaned_data.get("latitude") is not None
    return key, {**form.cleaned_data, "lieu": lieu, "point_placed": placed}, errors


def _with_session(values):
    """The row's values, its "prochaine_seance" (if any) becoming the action's only session."""
    start = values.pop("next_session", None)
    if start is not None:
        start = timezone.localtime(start)
        values["sessions"] = [ActionSession(start_date=start.date(), start_time=start.time())]
    return values


def export_actions(queryset):
    """The actions of `queryset` as CSV text, in the import's format."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(HEADER)
    pages = queryset.select_related("commune", "lieu").prefetch_related(
        "sessions", "cancelled_dates"
    )
    for page in pages.order_by("pk"):
        row = []
        for _column, field, _doc in COLUMNS:
            if field == "next_session":
                upcoming = page.upcoming_sessions
                row.append(upcoming[0].start.strftime(SESSION_FORMAT) if upcoming else "")
                continue
            value = getattr(page, field)
            if field in LIST_FIELDS:
                value = LIST_SEPARATOR.join(value)
            elif field == "zone":
                value = LIST_SEPARATOR.join(item for item in value.split(",") if item)
            elif field == "commune":
                value = page.commune.code if page.commune_id else ""
            elif field == "lieu":
                value = page.lieu.external_id if page.lieu_id else ""
            elif field == "external_id":
                value = value or f"hub-{page.pk}"
            row.append("" if value is None else value)
        writer.writerow(row)
    return stream.getvalue()
