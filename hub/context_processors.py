from django.db.models import F

from hub.models import DepartementPage


def departement_switcher(request):
    """The live départements offered by the header's switcher (one query, only when used)."""

    def sections():
        # Plain rows, not pages: 101 page objects took longer to build than the whole header.
        return list(
            DepartementPage.objects.live()
            .order_by("departement__code")
            .values("pk", code=F("departement__code"), nom=F("departement__nom"))
        )

    return {"switcher_sections": sections}
