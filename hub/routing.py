"""Wagtail's routing in two queries instead of two per level of the URL.

Wagtail finds the page of `/nord/annuaire/` by walking down from the site's root: the child
`nord`, its specific page, the child `annuaire`, its specific page: six queries before a
directory search even starts, on every page of the site. The home page (the site's root)
instead finds the deepest page whose `url_path` is a prefix of the URL (one query, on an index
of `hub/migrations/0006`), loads it as its specific class (one query), and lets it route the
rest as usual.

Where the walk could end elsewhere, the walk is done as Wagtail does it: a live routable page
on the way that answers the rest of the URL with one of its own routes (RoutablePageMixin
tries those before its children), or no page at all under the root (the 404).
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def _may_answer_itself(model, live, remaining):
    """Whether a page of `model` on the way could serve `remaining` (path components) itself
    instead of handing them to its children."""
    if model.route is Page.route:
        return False
    if model.route is not RoutablePageMixin.route:
        return True  # a routing of its own: let Wagtail walk
    if not live:
        return False
    try:
        model.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Http404:
        return False
    return True


def route(root, request, path_components, walk):
    """The route of `path_components` under `root` (the site's root page); `walk` is Wagtail's
    own `route`, for the cases above."""
    if not path_components:
        return walk(request, path_components)
    prefixes = [
        root.url_path + "/".join(path_components[:length]) + "/"
        for length in range(1, len(path_components) + 1)
    ]
    chain = list(
        Page.objects.filter(url_path__in=prefixes)
        .order_by("depth")
        .values_list("pk", "content_type_id", "live")
    )
    if not chain:
        return walk(request, path_components)
    for level, (_pk, content_type_id, live) in enumerate(chain[:-1], start=1):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if _may_answer_itself(model, live, path_components[level:]):
            return walk(request, path_components)
    pk, content_type_id, _live = chain[-1]
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.get(pk=pk)
    return page.route(request, path_components[len(chain) :])
