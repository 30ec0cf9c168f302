from wagtail import hooks

from hub.models import DepartementPage, HomePage
from hub.sections import ensure_listings


@hooks.register("after_create_page")
def add_listings_to_new_section(request, page):
    if isinstance(page.specific, DepartementPage | HomePage):
        ensure_listings(page.specific)
