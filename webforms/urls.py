from django.urls import path

from . import views

app_name = "webforms"
urlpatterns = [
    path("annuler/<str:token>/", views.cancel_registration, name="cancel"),
]
