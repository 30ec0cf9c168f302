"""Locust scenario: parents searching and reading, professionals polling feeds and downloading.

Run it with `make load-test` (50 users, 60 s, gunicorn + PostgreSQL with production settings)
or `make load-smoke` (the short run of CI); see scripts/load-test.

The endpoints are discovered when the run starts, by crawling the site from `/` with the same
code as the quality gates (tests/quality/discovery.py): search forms (submitted with
SEARCH_TERMS), detail pages and listings of every page kind (`<body data-page-type>`), feeds
(Atom, iCalendar) and downloads (/documents/). Requests are named by kind, so the statistics
give p50/p95 per kind of endpoint. To weigh a new kind differently, add it to TASK_WEIGHTS.
"""

import random
import sys
from urllib.parse import urlencode

import requests
from locust import HttpUser, between, events, task

from tests.quality.discovery import SEARCH_TERMS, crawl

TASK_WEIGHTS = {"recherche": 3, "détail": 4, "liste": 2, "flux": 1, "téléchargement": 1}
ENDPOINTS = {}  # category -> [(request name, url)]


def classify(site):
    """Sort what the crawl found into the scenario's categories."""
    endpoints = {category: [] for category in TASK_WEIGHTS}
    for form in site.forms:
        if form.method == "get" and form.text_fields:
            for term in SEARCH_TERMS:
                url = f"{form.action}?{urlencode({form.text_fields[0]: term})}"
                endpoints["recherche"].append((f"recherche {form.action}", url))
    for kind, urls in site.pages.items():
        if kind in ("hub.homepage", "search") or kind.startswith("error"):
            continue
        category = "liste" if "indexpage" in kind else "détail"
        endpoints[category] += [(f"{category} {kind}", url) for url in urls]
    endpoints["flux"] = [("flux", url) for url in site.feeds]
    endpoints["téléchargement"] = [("téléchargement", url) for url in site.downloads]
    return endpoints


@events.test_start.add_listener
def discover_endpoints(environment, **kwargs):
    session = requests.Session()

    def fetch(url):
        response = session.get(environment.host + url, timeout=30, allow_redirects=False)
        return response.status_code, response.headers.get("Content-Type", ""), response.text

    site = crawl(fetch, ["/"], base=environment.host + "/", per_kind=5, max_fetches=200)
    ENDPOINTS.update(classify(site))
    for category, entries in ENDPOINTS.items():
        names = sorted({name for name, _ in entries})
        print(f"[load] {category}: {len(entries)} URL(s) {names}", file=sys.stderr)


class Visitor(HttpUser):
    """Someone on the public site: a parent, or a professional following a département."""

    wait_time = between(1, 3)

    def visit(self, category):
        entries = ENDPOINTS.get(category)
        if entries:
            name, url = random.choice(entries)
            self.client.get(url, name=name)

    @task(1)
    def home(self):
        self.client.get("/", name="accueil")

    @task(TASK_WEIGHTS["recherche"])
    def search(self):
        self.visit("recherche")

    @task(TASK_WEIGHTS["détail"])
    def detail(self):
        self.visit("détail")

    @task(TASK_WEIGHTS["liste"])
    def listing(self):
        self.visit("liste")

    @task(TASK_WEIGHTS["flux"])
    def feed(self):
        self.visit("flux")

    @task(TASK_WEIGHTS["téléchargement"])
    def download(self):
        self.visit("téléchargement")
