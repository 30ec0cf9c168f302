from django import template
from django.utils.translation import ngettext
from wagtail.templatetags.wagtailcore_tags import pageurl

from hub.uploads import human_size

register = template.Library()


@register.simple_tag(takes_context=True)
def resource_file_url(context, resource, resource_file, route="download"):
    """URL of a file's download (or thumbnail) view, under its resource page."""
    return pageurl(context, resource) + resource.reverse_subpage(route, args=[resource_file.pk])


@register.filter
def downloads(count):
    return ngettext("%(count)s téléchargement", "%(count)s téléchargements", count or 0) % {
        "count": count or 0
    }


@register.filter
def file_description(resource_file):
    """« PDF, 1,2 Mo »."""
    file_format = resource_file.file_format
    label = file_format.label if file_format else ""
    return f"{label}, {human_size(resource_file.size)}"
