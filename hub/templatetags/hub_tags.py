from django import template

from hub.models import DepartementPage
from hub.sections import listing_links

register = template.Library()


@register.simple_tag(takes_context=True)
def current_section(context):
    """The département section of the page being shown, or None (cached per render)."""
    if "_current_section" not in context.render_context:
        page = context.get("page")
        section = None
        if isinstance(page, DepartementPage):
            section = page
        elif page is not None and getattr(page, "path", None):
            section = (
                DepartementPage.objects.ancestor_of(page).select_related("departement").first()
            )
        context.render_context["_current_section"] = section
    return context.render_context["_current_section"]


@register.simple_tag
def main_navigation(section):
    return listing_links(section)
