"""The space's entry « Vérifier mes fiches », and the signed confirmation link."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import freshness_views, space

space.register(
    space.Section(label=_("Vérifier mes fiches"), url_name="porteurs:reviews", order=20),
    urls=[
        path("a-verifier/", freshness_views.reviews, name="reviews"),
        path(
            "a-verifier/<int:page_id>/confirmer/",
            freshness_views.confirm_own_record,
            name="review_confirm_own",
        ),
        path("verifier/<str:token>/", freshness_views.confirm_record, name="review_confirm"),
    ],
)
