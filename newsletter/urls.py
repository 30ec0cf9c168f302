from django.urls import path

from . import views

app_name = "newsletter"
urlpatterns = [
    path("lettre-d-information/", views.subscribe, name="subscribe"),
    path("lettre-d-information/confirmer/<str:token>/", views.confirm, name="confirm"),
    path(
        "lettre-d-information/desabonnement/<str:token>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
    path("lettre-d-information/archives/", views.archive_index, name="archive_index"),
    path("lettre-d-information/archives/<slug:scope>/", views.archive, name="archive"),
    path(
        "lettre-d-information/archives/<slug:scope>/<int:pk>/",
        views.archived_issue,
        name="archived_issue",
    ),
    path("alertes/<int:listing_pk>/", views.alert_create, name="alert_create"),
    path("alertes/confirmer/<str:token>/", views.alert_confirm, name="alert_confirm"),
    path("alertes/desabonnement/<str:token>/", views.alert_unsubscribe, name="alert_unsubscribe"),
]
