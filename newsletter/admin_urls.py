from django.urls import path

from . import admin_views

app_name = "newsletter_admin"
urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<str:code>/nouveau/", admin_views.create, name="create"),
    path("numeros/<int:issue_pk>/", admin_views.edit, name="edit"),
    path("numeros/<int:issue_pk>/apercu/", admin_views.preview, name="preview"),
    path("numeros/<int:issue_pk>/apercu.html", admin_views.preview_html, name="preview_html"),
    path("numeros/<int:issue_pk>/essai/", admin_views.send_test, name="send_test"),
    path("numeros/<int:issue_pk>/envoyer/", admin_views.send, name="send"),
]
