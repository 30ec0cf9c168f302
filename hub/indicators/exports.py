"""Annual report exports of a section: XLSX (one sheet per family of indicators, then one per
breakdown) and CSV (the breakdowns follow the indicators, one row per group and figure)."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .registry import DRILL_DOWN_LIMIT, compute_items
from .report import MONTH_LABELS

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
INVALID_SHEET_CHARACTERS = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def summary_header(report):
    return [
        _("Indicateur"),
        _("Unité"),
        str(report.year),
        str(report.previous_year),
        _("Évolution"),
        _("Objectif"),
        _("Réalisation de l'objectif (%)"),
        *(str(label) for label in MONTH_LABELS),
    ]


def summary_values(row):
    months = row.figure.by_month or [""] * 12
    return [
        str(row.indicator.label),
        str(row.indicator.unit),
        row.value,
        row.previous_value,
        row.change,
        row.target if row.target is not None else "",
        row.progress if row.progress is not None else "",
        *months,
    ]


def export_filename(report, extension):
    return f"bilan-{report.section.departement.code}-{report.year}.{extension}"


def build_xlsx(report):
    """The workbook as bytes: one sheet per family, its figures then the items behind them.

    Written in openpyxl's write-only mode, row after row, so that tens of thousands of items
    stay fast and small in memory."""
    workbook = Workbook(write_only=True)
    for family in report.families:
        sheet = workbook.create_sheet(family.label.translate(INVALID_SHEET_CHARACTERS)[:31])
        sheet.column_dimensions["A"].width = 48
        for column in range(2, 20):
            sheet.column_dimensions[get_column_letter(column)].width = 12
        title = _("Bilan %(year)s – %(departement)s – %(family)s") % {
            "year": report.year,
            "departement": report.section.departement.nom,
            "family": family.label,
        }
        sheet.append([_styled(sheet, title, TITLE_FONT)])
        sheet.append([])
        sheet.append([_styled(sheet, header, BOLD) for header in summary_header(report)])
        for row in family.rows:
            sheet.append(summary_values(row))
        sheet.append([])
        sheet.append([_styled(sheet, _("Détail des chiffres"), BOLD)])
        headers = [_("Indicateur"), _("Date"), _("Intitulé"), _("Quantité"), _("Précision")]
        sheet.append([_styled(sheet, header, BOLD) for header in [*headers, _("Lien")]])
        for row in family.rows:
            label = str(row.indicator.label)
            items = compute_items(
                row.indicator.key, report.section, report.year, DRILL_DOWN_LIMIT + 1
            )
            for item in items[:DRILL_DOWN_LIMIT]:
                date = WriteOnlyCell(sheet, item.date)
                date.number_format = "DD/MM/YYYY"
                sheet.append([label, date, item.title, item.quantity, item.detail, item.url])
            if len(items) > DRILL_DOWN_LIMIT:
                sheet.append([label, None, limited_list_note()])
    for table in report.breakdowns:
        sheet = workbook.create_sheet(table.title.translate(INVALID_SHEET_CHARACTERS)[:31])
        sheet.column_dimensions["A"].width = 40
        sheet.append([_styled(sheet, f"{table.title} – {report.year}", TITLE_FONT)])
        sheet.append([])
        sheet.append([_styled(sheet, header, BOLD) for header in (table.dimension, *table.columns)])
        for label, values in table.rows:
            sheet.append([label, *values])
        if table.note:
            sheet.append([])
            sheet.append([table.note])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def limited_list_note():
    return _("Liste limitée aux %(limit)s premiers éléments : le chiffre les compte tous.") % {
        "limit": DRILL_DOWN_LIMIT
    }


def _styled(sheet, value, font):
    cell = WriteOnlyCell(sheet, value=str(value))
    cell.font = font
    return cell


def build_csv(report):
    """CSV text for spreadsheet programs set to French: `;` separator, UTF-8 with BOM."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output, delimiter=";")
    writer.writerow([_("Département"), _("Année"), _("Famille"), _("Clé"), *summary_header(report)])
    for family in report.families:
        for row in family.rows:
            writer.writerow(
                [
                    report.section.departement.code,
                    report.year,
                    family.label,
                    row.indicator.key,
                    *summary_values(row),
                ]
            )
    for table in report.breakdowns:
        for label, values in table.rows:
            for column, value in zip(table.columns, values, strict=True):
                writer.writerow(
                    [
                        report.section.departement.code,
                        report.year,
                        table.title,
                        f"{table.key}:{label}",
                        f"{column} – {label}",
                        "",
                        value,
                    ]
                )
    return output.getvalue()
