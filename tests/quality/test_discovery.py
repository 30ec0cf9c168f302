"""The crawl behind the quality gates finds what a site links to, and stays bounded."""

from tests.quality.discovery import crawl

HTML = "text/html; charset=utf-8"


def page(kind, body=""):
    return (200, HTML, f'<html><body data-page-type="{kind}">{body}</body></html>')


def fake_site():
    children = "".join(f'<a href="/annuaire/action-{n}/">Action {n}</a>' for n in range(20))
    return {
        "/": page(
            "home",
            '<a href="/annuaire/">Annuaire</a><a href="https://ailleurs.example/">Ailleurs</a>'
            '<a href="/admin/">Admin</a><a href="/cassé/">Cassé</a>'
            '<form action="/recherche/"><input type="search" name="q">'
            '<select name="type"></select></form>',
        ),
        "/annuaire/": page(
            "index",
            children + '<a href="?page=2">2</a><a href="?page=3">3</a><a href="?page=4">4</a>'
            '<link rel="alternate" href="/annuaire/flux/">',
        ),
        "/annuaire/flux/": (200, "application/atom+xml", ""),
        **{f"/annuaire/action-{n}/": page("action") for n in range(20)},
        "/annuaire/?page=2": page("index"),
        "/annuaire/?page=3": page("index"),
        "/recherche/?q=parents": page("search"),
    }


def test_crawl_groups_pages_by_kind_and_follows_forms_and_feeds():
    site_pages = fake_site()
    fetched = []

    def fetch(url):
        fetched.append(url)
        return site_pages.get(url, (404, HTML, ""))

    site = crawl(fetch, ["/"], per_kind=2, per_parent=3)

    assert site.pages["action"] == ["/annuaire/action-0/", "/annuaire/action-1/"]
    assert site.query_pages[("index", ("page",))] == "/annuaire/?page=2"
    assert site.query_pages[("search", ("q",))] == "/recherche/?q=parents"
    assert site.feeds == ["/annuaire/flux/"]
    assert site.params["/recherche/"] == {"q", "type"}
    assert site.broken_links == [("/cassé/", 404, "/")]
    # Bounded: three children of a folder, two query variants, nothing off-site or in the admin.
    assert len([url for url in fetched if "action-" in url]) == 3
    assert "/annuaire/?page=4" not in fetched
    assert not [url for url in fetched if "ailleurs" in url or url.startswith("/admin/")]
