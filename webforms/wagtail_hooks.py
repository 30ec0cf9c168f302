from django.urls import path
from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "formulaires/<int:page_id>/participation/",
            admin_views.attendance_prefill,
            name="webforms_attendance",
        )
    ]
