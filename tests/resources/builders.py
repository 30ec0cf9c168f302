"""Resources built through the same code paths as the admin and the demo."""

from django.core.files.base import ContentFile

from hub.sections import add_published_child
from resources.models import ResourceFile, ResourceIndexPage, ResourcePage

from . import samples


def library(section):
    return section.get_children().type(ResourceIndexPage).get().specific


def add_resource(parent, title, files=None, tags=(), live=True, **fields):
    """A resource under `parent` (a section or the home page); files are (name, bytes) pairs."""
    fields.setdefault("summary", f"À propos de {title}")
    fields.setdefault("kind", "guide")
    fields.setdefault("audiences", ["parents"])
    fields.setdefault("author", "Caf du Nord")
    page = ResourcePage(title=title, live=live, **fields)
    if files is None:
        files = [("guide.pdf", samples.pdf(f"Texte de {title}."))]
    page.files = [
        ResourceFile(sort_order=number, file=ContentFile(data, name=name))
        for number, (name, data) in enumerate(files)
    ]
    page.tags.add(*tags)
    index = library(parent)
    if live:
        return add_published_child(index, page)
    index.add_child(instance=page)
    page.save_revision()
    return page
