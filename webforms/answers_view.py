"""The answers of a form in the admin, and their exports.

Access follows Wagtail's: the answers of a form are for whoever may edit it, that is its
département's coordination (and the national administrators); anyone else gets a 403, on the
listing and on both exports.
"""

import csv
import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.widgets import Button
from wagtail.contrib.forms.views import SubmissionsListView


class Echo:
    def write(self, value):
        return value


def paris_time(value):
    return timezone.localtime(value).replace(tzinfo=None) if value else value


class AnswersListView(SubmissionsListView):
    """Wagtail's answers listing, exporting CSV for a spreadsheet set to French (`;`, UTF-8 BOM)
    and dates in Paris time."""

    custom_value_preprocess = {
        **SubmissionsListView.custom_value_preprocess,
        datetime.datetime: {
            SubmissionsListView.FORMAT_XLSX: paris_time,
            SubmissionsListView.FORMAT_CSV: lambda value: paris_time(value).strftime(
                "%d/%m/%Y %H:%M"
            ),
        },
    }

    def stream_csv(self, queryset):
        yield "\ufeff"
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def get_header_more_buttons(self):
        buttons = super().get_header_more_buttons()
        if getattr(self.form_page, "event_id", None):
            buttons.append(
                Button(
                    _("Préremplir la participation"),
                    url=reverse("webforms_attendance", args=[self.form_page.pk]),
                    icon_name="group",
                    priority=110,
                )
            )
        return buttons
