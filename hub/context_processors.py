from hub.models import DepartementPage


def departement_switcher(request):
    """The live départements offered by the header's switcher (one query, only when used)."""

    def sections():
        return list(
            DepartementPage.objects.live()
            .select_related("departement")
            .order_by("departement__code")
            .only("url_path", "depth", "path", "title", "departement__code", "departement__nom")
        )

    return {"switcher_sections": sections}
