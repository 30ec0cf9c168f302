from django import template
from django.utils.text import capfirst

from porteurs import space

register = template.Library()


@register.simple_tag(takes_context=True)
def space_navigation(context):
    """The space's sections in order (porteurs/space.py), each with `url`, `label` and
    `current` (this page is the section's page or one below it)."""
    path = context["request"].path
    home = space.SECTIONS[0].url
    links = []
    for section in space.navigation():
        url = section.url
        current = path == url or (url != home and path.startswith(url))
        links.append({"label": section.label, "url": url, "current": current})
    return links


@register.simple_tag
def field_widget(field):
    """The field's widget, tied to its help text and errors for screen readers."""
    described_by = []
    attrs = {}
    if field.help_text:
        described_by.append(f"{field.auto_id}_aide")
    if field.errors:
        described_by.append(f"{field.auto_id}_erreurs")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def record_kind(record):
    """« Action », « Lieu ressource parentalité »… for a record of the directory."""
    return capfirst(type(record)._meta.verbose_name)
