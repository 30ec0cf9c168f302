from django.urls import path

from . import auth, feeds, views

app_name = "members"

urlpatterns = [
    path("", views.home, name="home"),
    path("flux/<str:secret>.ics", feeds.private_feed, name="feed"),
    path("flux/renouveler/<int:membership_id>/", views.renew_feed, name="renew_feed"),
    path("demande/", views.request_account, name="request"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("connexion/", auth.LoginView.as_view(), name="login"),
    path("deconnexion/", auth.LogoutView.as_view(), name="logout"),
    path("mot-de-passe/", auth.PasswordResetView.as_view(), name="password_reset"),
    path("mot-de-passe/envoye/", auth.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "mot-de-passe/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/modifie/",
        auth.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
