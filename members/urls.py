from django.urls import path

from porteurs import auth as porteurs_auth

from . import auth, feeds, views

app_name = "members"

urlpatterns = [
    path("", views.home, name="home"),
    path("flux/<str:secret>.ics", feeds.private_feed, name="feed"),
    path("flux/renouveler/<int:membership_id>/", views.renew_feed, name="renew_feed"),
    path("demande/", views.request_account, name="request"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    *porteurs_auth.auth_urlpatterns(auth),
]
