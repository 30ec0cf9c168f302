"""Public views of the library: listing (and tag pages), feed, downloads and thumbnails."""

from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from taggit.models import Tag

from hub.models import DepartementPage
from hub.pagination import paginate
from search.api import matching_ids
from search.listing import load_page, search_page

from .downloads import record_download
from .feeds import ResourceFeed
from .library import (
    LibraryFilters,
    by_downloads,
    for_listing,
    library_request,
    tags_in_use,
    with_downloads,
    years_in_use,
)
from .models import ResourceFile

PER_PAGE = 20


def validated_filters(request, index):
    resources = index.resources()
    filters = LibraryFilters(
        request.GET, tags=tags_in_use(resources), years=years_in_use(resources)
    )
    if not filters.is_valid():
        filters.raise_bad_request()
    return filters


def sections_by_path():
    """Live sections keyed by tree path, to name the département of each item in one query."""
    return {
        section.path: section
        for section in DepartementPage.objects.live()
        .select_related("departement")
        .only("path", "depth", "url_path", "title", "departement__nom", "departement__code")
    }


def library(request, index, tag_slug=None):
    tag = get_object_or_404(Tag, slug=tag_slug) if tag_slug else None
    filters = validated_filters(request, index)
    wanted = library_request(index, filters, tag=tag, per_page=PER_PAGE)
    if filters.cleaned_data["tri"] == "telechargements":
        page_obj = paginate(request, for_listing(by_downloads(index.resources(), wanted)), PER_PAGE)
    else:
        _results, page_obj = search_page(request, wanted)
        load_page(page_obj, for_listing(with_downloads(index.resources())))
    feed_query = request.GET.copy()
    for name in ("page", "tri"):
        feed_query.pop(name, None)
    context = {
        "page_obj": page_obj,
        "filters": filters,
        "tag": tag,
        "feed_query": feed_query.urlencode(),
    }
    if index.section is None:
        sections = sections_by_path()
        path_length = len(next(iter(sections), ""))
        for resource in page_obj:
            resource.section = sections.get(resource.path[:path_length])
    return index.render(request, context_overrides=context)


def feed(request, index):
    filters = validated_filters(request, index)
    found = matching_ids(library_request(index, filters))
    resources = index.resources().filter(pk__in=found).order_by("-first_published_at", "-pk")
    return ResourceFeed(index, resources.defer("document_text"))(request)


def _file_of(page, file_id):
    return get_object_or_404(ResourceFile.objects.defer("extracted_text"), page=page, pk=file_id)


def _open(field):
    try:
        return field.open("rb")
    except FileNotFoundError:
        raise Http404 from None


def download(request, page, file_id):
    """The file as an attachment, with its real type; each GET counts one download."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    resource_file = _file_of(page, file_id)
    handle = _open(resource_file.file)
    if request.method == "GET":
        record_download(resource_file.pk)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=resource_file.download_name(page),
        content_type=resource_file.file_format.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-cache"
    return response


def thumbnail(request, page, file_id):
    resource_file = _file_of(page, file_id)
    if not resource_file.thumbnail:
        raise Http404
    response = FileResponse(_open(resource_file.thumbnail), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response
