"""What an issue is made of: the content proposed to the coordinator, and the issue rendered as
its readers receive it (HTML fragment shared by the e-mail and the online archive, plain text).

Links are the pages' own addresses made absolute; nothing is rewritten, nothing is counted.
"""

import re
from datetime import timedelta
from html.parser import HTMLParser

from django.db.models import Case, When
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from directory.models import ActionPage
from events.models import EventPage
from hub import mail
from hub.models import DepartementPage, HomePage, NewsPage
from hub.recurrence import occurrences_of
from resources.models import ResourcePage

from .models import Issue

# How far back content is proposed when the letter has no issue yet, how far ahead events are.
FIRST_ISSUE_LOOKBACK = timedelta(days=31)
EVENTS_AHEAD = timedelta(days=62)
PROPOSED_PER_KIND = 15

KINDS = [
    (NewsPage, _("Actualités")),
    (EventPage, _("Événements à venir")),
    (ActionPage, _("Nouvelles actions près de chez vous")),
    (ResourcePage, _("Nouvelles ressources")),
]


def scope_root(departement):
    """The page under which a letter's content lives: the section, or the whole site."""
    if departement is None:
        return HomePage.objects.first()
    return DepartementPage.objects.get(departement=departement)


def since_last_issue(departement):
    last = (
        Issue.objects.filter(departement=departement, sent_at__isnull=False)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    return last or timezone.now() - FIRST_ISSUE_LOOKBACK


def proposed_pages(departement, keep=()):
    """The pages offered for the next issue, news first: news, actions and resources published
    since the last issue, events to come in the next two months; plus `keep` (already picked)."""
    root = scope_root(departement)
    since = since_last_issue(departement)
    today = timezone.localdate()
    ids = []
    for model, _label in KINDS:
        pages = model.objects.live().public().descendant_of(root)
        if model is EventPage:
            pages = pages.filter(
                last_date__gte=today, start_date__lte=today + EVENTS_AHEAD
            ).exclude(status=EventPage.Status.CANCELLED)
            pages = pages.order_by("start_date")
        else:
            pages = pages.filter(first_published_at__gt=since).order_by("-first_published_at")
        ids += list(pages.values_list("pk", flat=True)[:PROPOSED_PER_KIND])
    ids += [pk for pk in keep if pk not in ids]
    order = Case(*(When(pk=pk, then=position) for position, pk in enumerate(ids)))
    return Page.objects.filter(pk__in=ids).annotate(position=order).order_by("position")


def page_url(page):
    _site, _root, path = page.get_url_parts() or (None, None, page.url_path)
    return mail.absolute_url(path)


def next_date(event):
    now = timezone.now()
    for occurrence in occurrences_of(event):
        if occurrence.ends_at > now:
            return occurrence.start_date
    return None


def describe(page):
    """(one line of text, extra line) shown under a page's title in the issue."""
    if isinstance(page, EventPage):
        return "", page.place_label
    if isinstance(page, ActionPage):
        return Truncator(page.description).words(30), page.commune.nom if page.commune else ""
    if isinstance(page, ResourcePage):
        return Truncator(page.summary).words(30), ""
    if isinstance(page, NewsPage):
        return page.intro, ""
    return "", ""


def sections_of(pages):
    """[(heading, [item])], in the order of KINDS, each item a dict the templates read."""
    sections = []
    for model, label in KINDS:
        items = []
        for page in pages:
            if isinstance(page, model):
                text, extra = describe(page)
                items.append(
                    {
                        "title": page.title,
                        "url": page_url(page),
                        "text": text,
                        "extra": extra,
                        "date": next_date(page) if isinstance(page, EventPage) else None,
                    }
                )
        if items:
            sections.append((label, items))
    return sections


ROOT_RELATIVE_LINK = re.compile(r'href="(/[^"]*)"')


def text_html(issue):
    """The coordinator's rich text with Wagtail's links expanded and made absolute."""
    html = expand_db_html(issue.text or "")
    return ROOT_RELATIVE_LINK.sub(lambda match: f'href="{mail.absolute_url(match[1])}"', html)


class _PlainText(HTMLParser):
    """Rich text as plain text: paragraphs apart, list items dashed, link targets in brackets."""

    BLOCKS = {"p", "h2", "h3", "h4", "ul", "ol", "div"}

    def __init__(self):
        super().__init__()
        self.parts = []
        self.href = None

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.href = dict(attrs).get("href")

    def handle_endtag(self, tag):
        if tag == "a" and self.href:
            self.parts.append(f" ({self.href})")
            self.href = None

    def handle_data(self, data):
        self.parts.append(" ".join(data.split()) if data.strip() else data.strip())

    def text(self):
        lines = [line.strip() for line in "".join(self.parts).split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def plain_text(html):
    parser = _PlainText()
    parser.feed(html)
    return parser.text()


def issue_context(issue, pages=None):
    """The context the issue's templates read (e-mail, archive, preview)."""
    if pages is None:
        pages = list(issue.pages.specific())
    text = text_html(issue)
    return {
        "issue": issue,
        "letter_name": letter_name(issue.departement),
        "text_html": text,
        "text_plain": plain_text(text),
        "sections": sections_of(pages),
    }


def letter_name(departement):
    if departement is None:
        return str(_("la lettre nationale du réseau"))
    return str(_("la lettre de la coordination %(nom)s") % {"nom": departement.nom})


def render_content(issue, pages=None):
    """(HTML fragment, plain text) of the issue's content, without anyone's unsubscribe link."""
    context = issue_context(issue, pages)
    return (
        render_to_string("newsletter/issue_content.html", context),
        render_to_string("newsletter/issue_content.txt", context),
    )
