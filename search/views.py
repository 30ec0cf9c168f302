from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page

from hub.pagination import paginate


@require_GET
def search(request):
    """Site-wide search over published pages."""
    # A lone double quote breaks SQLite's full-text query syntax: quotes carry no meaning here.
    query = request.GET.get("q", "").replace('"', " ").strip()[:200]
    page_obj = None
    if query:
        results = Page.objects.live().public().specific().search(query)
        page_obj = paginate(request, results, 20)
    return render(request, "search/search.html", {"query": query, "page_obj": page_obj})
