"""Every dossier of a call (the porteurs' drafts aside) as XLSX and CSV: one row per dossier, the
fixed columns then one per question of the call. CSV for spreadsheets set to French, like the
indicators' export: `;` separator, UTF-8 with BOM."""

import csv
import io

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)


def filename(call, extension):
    return f"dossiers-{call.section.departement.code}-{call.year}.{extension}"


def header(questions):
    return [
        _("Référence"),
        _("Structure"),
        _("SIRET"),
        _("Statut"),
        _("Déposé le"),
        _("Titre de l'action"),
        _("Type d'action"),
        _("Thèmes"),
        _("Publics particuliers"),
        _("Âge minimum"),
        _("Âge maximum"),
        _("Commune"),
        _("Code INSEE"),
        _("Montant demandé (€)"),
        _("Budget total (€)"),
        _("Action renouvelée"),
        *(question.label for question in questions),
        _("Pièces jointes"),
        _("Dernier commentaire de la coordination"),
    ]


def rows(call):
    """(questions, [row values]) of the call's submitted dossiers, in three queries."""
    questions = list(call.questions.all())
    dossiers = (
        call.dossiers.submitted()
        .select_related("structure", "commune", "renewed_action")
        .prefetch_related("attachments", "events")
        .order_by("pk")
    )
    result = []
    for dossier in dossiers:
        comments = [event.comment for event in dossier.events.all() if event.comment]
        result.append(
            [
                dossier.reference,
                dossier.structure.title,
                dossier.structure.siret,
                dossier.get_status_display(),
                timezone.localtime(dossier.submitted_at).replace(tzinfo=None)
                if dossier.submitted_at
                else None,
                dossier.action_title,
                dossier.get_action_type_display(),
                ", ".join(str(label) for label in dossier.theme_labels()),
                ", ".join(str(label) for label in dossier.public_labels()),
                dossier.age_min,
                dossier.age_max,
                dossier.commune.nom if dossier.commune else "",
                dossier.commune.code if dossier.commune else "",
                dossier.amount_requested,
                dossier.total_budget,
                dossier.renewed_action.title if dossier.renewed_action else "",
                *(
                    question.display(dossier.answers.get(str(question.pk)))
                    for question in questions
                ),
                ", ".join(attachment.title for attachment in dossier.attachments.all()),
                comments[-1] if comments else "",
            ]
        )
    return questions, result


def dossiers_xlsx(call):
    questions, values = rows(call)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Dossiers %(year)s") % {"year": call.year})
    sheet.append([_bold(sheet, label) for label in header(questions)])
    for row in values:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if hasattr(value, "hour"):
                cell.number_format = "DD/MM/YYYY HH:MM"
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _bold(sheet, value):
    cell = WriteOnlyCell(sheet, value=str(value))
    cell.font = BOLD
    return cell


def dossiers_csv(call):
    questions, values = rows(call)
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output, delimiter=";")
    writer.writerow(header(questions))
    for row in values:
        writer.writerow([_csv_value(value) for value in row])
    return output.getvalue()


def _csv_value(value):
    """French spreadsheet conventions: « 12,50 », dates « 31/03/2027 23:59 »."""
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return date_format(value, "d/m/Y H:i")
    if hasattr(value, "as_tuple"):
        return str(value).replace(".", ",")
    return value
