from django import template
from django.urls import reverse

from newsletter.alerts import clean_query

register = template.Library()


@register.simple_tag
def alert_url(page, request):
    """The "Prévenez-moi" form of a listing, carrying the listing's search (not its page)."""
    query = clean_query(request.GET)
    return reverse("newsletter:alert_create", args=[page.pk]) + (f"?{query}" if query else "")
