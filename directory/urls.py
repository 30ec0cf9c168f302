from django.urls import path

from directory import api, openapi
from directory.forms import Kind

urlpatterns = [
    path("openapi.json", openapi.openapi, name="directory_openapi"),
    path("actions/", api.records, {"kind": Kind.ACTIONS}, name="directory_api_actions"),
    path("lieux/", api.records, {"kind": Kind.LIEUX}, name="directory_api_lieux"),
    path("promeneurs/", api.records, {"kind": Kind.PROMENEURS}, name="directory_api_promeneurs"),
]
