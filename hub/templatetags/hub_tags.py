from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from hub.models import DepartementPage
from hub.models.pages import SectionIndexPage
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
        elif isinstance(page, SectionIndexPage):
            section = page.section  # already read by the listing
        elif page is not None and getattr(page, "path", None):
            section = (
                DepartementPage.objects.ancestor_of(page).select_related("departement").first()
            )
        context.render_context["_current_section"] = section
    return context.render_context["_current_section"]


@register.simple_tag
def departement_options(sections, current):
    """The header switcher's options, one per live département, the current one selected:
    written in Python, since a hundred options through the template took as long as the rest
    of the header."""
    chosen = current.pk if current else None
    return mark_safe(
        "".join(
            f'<option value="{conditional_escape(item["code"])}"'
            f"{' selected' if item['pk'] == chosen else ''}>"
            f"{conditional_escape(item['code'])} – {conditional_escape(item['nom'])}</option>"
            for item in sections
        )
    )


@register.simple_tag(takes_context=True)
def page_kind(context):
    """What kind of page this is, for `<body data-page-type>`: quality checks sample by it.

    A Wagtail page gives its model label, plus the name of the route a routable page served
    ("events.eventindexpage:month"); any other view gives its URL name ("search").
    """
    page = context.get("page")
    request = context.get("request")
    if page is not None and hasattr(page, "specific_class"):
        kind = (page.specific_class or type(page))._meta.label_lower
        route = getattr(getattr(request, "routable_resolver_match", None), "url_name", None)
        return f"{kind}:{route}" if route else kind
    match = getattr(request, "resolver_match", None)
    return (match.view_name if match else "") or "page"


@register.simple_tag(takes_context=True)
def main_navigation(context, section):
    return listing_links(section, context.get("request"))
