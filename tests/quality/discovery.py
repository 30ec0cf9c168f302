"""Find the site's public endpoints without a hard-coded list, for the quality gates.

The browser check (accessibility, privacy), the robustness tests and the load scenario all start
from the same discovery, so a new page type, route, form or feed is covered as soon as it exists:

- every live, public Wagtail page type (a few pages of each), and each routable page's routes
  that take no argument (`page.reverse_subpage(name)`);
- every named Django URL that reverses without argument, outside the admin;
- a bounded crawl of same-host links and GET forms from those seeds, which finds routes with
  arguments (calendar months…), listing URLs with query strings, feeds and downloads.

Pages are grouped by the `data-page-type` attribute of `<body>` (see `hub_tags.page_kind`), so a
handful of URLs per kind stands for all the pages of that kind.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/")
DOWNLOAD_PREFIXES = ("/documents/",)
FEED_TYPES = ("application/atom+xml", "application/rss+xml", "text/calendar")
# Words a parent would type; used to submit the search forms the crawl finds.
SEARCH_TERMS = ["parents", "café des parents", "écrans", "adolescence"]
# Fields that take a commune, not words: "parents" there is rightly refused (400).
PLACE_FIELDS = {"lieu"}
TEXT_INPUT_TYPES = {"text", "search", ""}


@dataclass(frozen=True)
class Form:
    """A form found on a public page: where it goes and the names of its fields."""

    method: str
    action: str
    fields: tuple
    text_fields: tuple


@dataclass
class SiteMap:
    """What the crawl found, grouped for the checks that use it."""

    pages: dict = field(default_factory=lambda: defaultdict(list))  # kind -> [url]
    query_pages: dict = field(default_factory=dict)  # (kind, param names) -> url
    feeds: list = field(default_factory=list)
    downloads: list = field(default_factory=list)
    forms: set = field(default_factory=set)
    params: dict = field(default_factory=lambda: defaultdict(set))  # path -> {param name}
    broken_links: list = field(default_factory=list)  # (url, status, found on)
    paths: set = field(default_factory=set)  # every path that answered without error

    def sample_urls(self):
        """A few HTML URLs per page kind, plus one per (kind, query parameters) combination."""
        urls = [url for kind_urls in self.pages.values() for url in kind_urls]
        urls += [url for url in self.query_pages.values() if url not in urls]
        return urls

    def endpoints(self):
        """Every distinct path seen (pages, feeds, downloads, form actions), without query."""
        return sorted(self.paths | {form.action for form in self.forms})


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.kind = None
        self.links = []
        self.alternates = []  # feeds announced in <head>: always followed
        self.forms = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.kind = attrs.get("data-page-type")
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "alternate" and attrs.get("href"):
            self.alternates.append(attrs["href"])
        elif tag == "form":
            self._form = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action") or "",
                "fields": [],
                "text": [],
            }
        elif tag in ("input", "select", "textarea") and self._form and attrs.get("name"):
            self._form["fields"].append(attrs["name"])
            if tag == "textarea" or (
                tag == "input" and (attrs.get("type") or "").lower() in TEXT_INPUT_TYPES
            ):
                self._form["text"].append(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form" and self._form:
            self.forms.append(self._form)
            self._form = None


def _local(url, base):
    """`url` made absolute-path on our host, or None when it leaves the site."""
    parts = urlsplit(urljoin(base, url))
    if parts.scheme not in ("http", "https", ""):
        return None
    if parts.netloc and parts.netloc != urlsplit(base).netloc:
        return None
    path = parts.path or "/"
    if path.startswith(EXCLUDED_PREFIXES):
        return None
    return f"{path}?{parts.query}" if parts.query else path


def crawl(fetch, seeds, base="http://testserver/", per_kind=2, per_parent=8, max_fetches=250):
    """Breadth-first crawl from `seeds` with `fetch(url) -> (status, content_type, text)`.

    Bounded: at most `per_parent` children of one folder, two folders of the same name in
    different places (`/nord/agenda/`, `/gironde/agenda/`…) and two query variants of one
    (path, parameter names) are followed, and at most `max_fetches` URLs are fetched. Feeds
    announced by `<link rel="alternate">` are always followed.
    """
    site = SiteMap()
    queue = [(seed, None) for seed in seeds]
    seen = set(seeds)
    children = defaultdict(int)
    names = defaultdict(int)
    variants = defaultdict(int)
    fetched = 0

    def enqueue(url, found_on, always=False):
        if url in seen:
            return
        parts = urlsplit(url)
        if parts.query and not always:
            key = (parts.path, tuple(sorted({name for name, _ in parse_qsl(parts.query)})))
            if variants[key] >= 2:
                return
            variants[key] += 1
        elif not always:
            parent, _, name = parts.path.rstrip("/").rpartition("/")
            if children[parent] >= per_parent or names[name] >= 2:
                return
            children[parent] += 1
            names[name] += 1
        seen.add(url)
        queue.append((url, found_on))

    while queue and fetched < max_fetches:
        url, found_on = queue.pop(0)
        fetched += 1
        status, content_type, text = fetch(url)
        parts = urlsplit(url)
        for name, _ in parse_qsl(parts.query, keep_blank_values=True):
            site.params[parts.path].add(name)
        if status >= 400:
            if found_on is not None:
                site.broken_links.append((url, status, found_on))
            continue
        site.paths.add(parts.path)
        if parts.path.startswith(DOWNLOAD_PREFIXES):
            site.downloads.append(url)
            continue
        if content_type.startswith(FEED_TYPES):
            site.feeds.append(url)
            continue
        if not content_type.startswith("text/html"):
            continue
        parser = _PageParser()
        parser.feed(text)
        kind = parser.kind or "page"
        if parts.query:
            key = (kind, tuple(sorted({name for name, _ in parse_qsl(parts.query)})))
            site.query_pages.setdefault(key, url)
        elif len(site.pages[kind]) < per_kind:
            site.pages[kind].append(url)
        for href in parser.links + parser.alternates:
            local = _local(href, urljoin(base, url))
            if local is not None:
                enqueue(local, url, always=href in parser.alternates)
        for raw in parser.forms:
            action = _local(raw["action"] or url, urljoin(base, url))
            if action is None:
                continue
            action = urlsplit(action).path
            form = Form(raw["method"], action, tuple(raw["fields"]), tuple(raw["text"]))
            site.forms.add(form)
            if form.method == "get":
                site.params[action].update(form.fields)
            words = [name for name in form.text_fields if name not in PLACE_FIELDS]
            if form.method == "get" and words:
                for term in SEARCH_TERMS[:1]:
                    enqueue(f"{action}?{urlencode({words[0]: term})}", url)
    return site


def wagtail_seeds(per_type=2):
    """A few live public pages of each Wagtail page type, and their argument-less routes."""
    from django.urls import NoReverseMatch
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import Page

    urls = []
    by_type = defaultdict(int)
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path").specific():
        label = page._meta.label_lower
        if by_type[label] >= per_type:
            continue
        by_type[label] += 1
        url = page.get_url()
        if not url:
            continue
        urls.append(url)
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_resolver().url_patterns:
                try:
                    route = page.reverse_subpage(pattern.name)
                except NoReverseMatch:
                    continue
                if route:
                    urls.append(url + route)
    return list(dict.fromkeys(urls))


def django_url_seeds():
    """Every named Django URL that reverses without arguments, outside the admin."""
    from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = entry.namespace or namespace
                if entry.namespace and namespace:
                    inner = f"{namespace}:{entry.namespace}"
                yield from walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name:
                yield f"{namespace}:{entry.name}" if namespace else entry.name

    urls = []
    for name in walk(get_resolver().url_patterns, None):
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        if not url.startswith(EXCLUDED_PREFIXES) and url not in urls:
            urls.append(url)
    return urls


def discover_in_process(client, **options):
    """Crawl the site in the test process through Django's test client."""

    def fetch(url):
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        if getattr(response, "streaming", False):
            # Consuming the stream closes it the test client's way, which keeps the test's
            # database connection open (a bare close() would end it).
            b"".join(response.streaming_content)
            return response.status_code, content_type, ""
        text = response.content.decode("utf-8", "replace") if "html" in content_type else ""
        return response.status_code, content_type, text

    seeds = list(dict.fromkeys(["/", *wagtail_seeds(), *django_url_seeds()]))
    return crawl(fetch, seeds, **options)
