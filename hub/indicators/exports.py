"""Annual report exports of a section: XLSX (one sheet per family of indicators) and CSV."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .registry import compute_items
from .report import MONTH_LABELS

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
    """The workbook as bytes: one sheet per family, its figures then the items behind them."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for family in report.families:
        sheet = workbook.create_sheet(family.label.translate(INVALID_SHEET_CHARACTERS)[:31])
        sheet.append(
            [
                _("Bilan %(year)s – %(departement)s – %(family)s")
                % {
                    "year": report.year,
                    "departement": report.section.departement.nom,
                    "family": family.label,
                }
            ]
        )
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append([])
        sheet.append(summary_header(report))
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for row in family.rows:
            sheet.append(summary_values(row))
        sheet.append([])
        sheet.append([_("Détail des chiffres")])
        sheet[f"A{sheet.max_row}"].font = bold
        sheet.append(
            [_("Indicateur"), _("Date"), _("Intitulé"), _("Quantité"), _("Précision"), _("Lien")]
        )
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for row in family.rows:
            for item in compute_items(row.indicator.key, report.section, report.year):
                sheet.append(
                    [
                        str(row.indicator.label),
                        item.date,
                        item.title,
                        item.quantity,
                        item.detail,
                        item.url,
                    ]
                )
                if item.date:
                    sheet.cell(sheet.max_row, 2).number_format = "DD/MM/YYYY"
        sheet.column_dimensions["A"].width = 48
        for column in range(2, 20):
            sheet.column_dimensions[get_column_letter(column)].width = 12
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


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
    return output.getvalue()
