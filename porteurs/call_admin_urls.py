from django.urls import path

from . import call_admin_views as admin_views

app_name = "porteurs_calls"
urlpatterns = [
    path("", admin_views.call_list, name="call_list"),
    path("nouveau/<int:section_pk>/", admin_views.call_create, name="call_create"),
    path("<int:call_pk>/", admin_views.call_detail, name="call"),
    path("<int:call_pk>/modifier/", admin_views.call_edit, name="call_edit"),
    path("<int:call_pk>/copier/", admin_views.call_copy, name="call_copy"),
    path(
        "<int:call_pk>/documents/<int:document_pk>/",
        admin_views.call_document,
        name="call_document",
    ),
    path(
        "<int:call_pk>/export.xlsx",
        admin_views.call_export,
        {"extension": "xlsx"},
        name="call_export_xlsx",
    ),
    path(
        "<int:call_pk>/export.csv",
        admin_views.call_export,
        {"extension": "csv"},
        name="call_export_csv",
    ),
    path("<int:call_pk>/bilans/", admin_views.call_bilans, name="call_bilans"),
    path(
        "<int:call_pk>/bilans/relancer/", admin_views.call_bilans_remind, name="call_bilans_remind"
    ),
    path("<int:call_pk>/bilans/<int:dossier_pk>/", admin_views.bilan_detail, name="bilan"),
    path("dossiers/<int:dossier_pk>/", admin_views.dossier_detail, name="dossier"),
    path(
        "dossiers/<int:dossier_pk>/pieces/<int:attachment_pk>/",
        admin_views.dossier_attachment,
        name="dossier_attachment",
    ),
]
