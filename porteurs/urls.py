from django.urls import path

from . import auth, space, views

app_name = "porteurs"

urlpatterns = [
    path("", views.home, name="home"),
    path("fiches/<int:page_id>/", views.record, name="record"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    *auth.auth_urlpatterns(auth),
    *space.URLPATTERNS,
]
