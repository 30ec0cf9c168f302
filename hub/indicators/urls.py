from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("<int:section_pk>/", views.dashboard, name="dashboard"),
    path("<int:section_pk>/detail/<slug:key>/", views.detail, name="detail"),
    path("<int:section_pk>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:section_pk>/export.csv", views.export_csv, name="export_csv"),
    path("<int:section_pk>/bilan/", views.annual_report, name="annual_report"),
    path("<int:section_pk>/objectifs/", views.targets, name="targets"),
    path("<int:section_pk>/activites/", views.activity_list, name="activity_list"),
    path("<int:section_pk>/activites/ajouter/", views.activity_create, name="activity_create"),
    path("<int:section_pk>/activites/<int:record_pk>/", views.activity_edit, name="activity_edit"),
    path(
        "<int:section_pk>/activites/<int:record_pk>/supprimer/",
        views.activity_delete,
        name="activity_delete",
    ),
]
