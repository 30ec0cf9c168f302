"""The site's routing (`hub.routing`) ends where Wagtail's walk down the tree ends, for every
page of the demo, the routes of routable pages, drafts, unknown paths and a child page whose
slug is also a route of its parent; in fewer queries."""

import io

from django.core.management import call_command
from django.http import Http404
from django.test import RequestFactory, TestCase
from wagtail.models import Page

from directory.models import DirectoryIndexPage
from hub.models import HomePage
from tests.directory.builders import add_action, directory_index

EXTRA_PATHS = [
    "nord/annuaire/communes/",
    "nord/annuaire/communes/plus-loin/",
    "nord/agenda/ical/",
    "agenda/ical/",
    "nord/nulle-part/",
    "nulle-part/",
    "nord/annuaire/nulle-part/encore/",
    "nord/agenda/2026-12/",
    "gironde/agenda/ical/",
    "bibliotheque/",
]


def outcome(route, request, components):
    """(page id, route view name, args, kwargs) of a route, or "404"."""
    try:
        result = route(request, components)
    except Http404:
        return "404"
    page, args, kwargs = result
    if args:
        view, view_args, view_kwargs = args
        return (page.pk, type(page), view.__name__, view_args, view_kwargs)
    return (page.pk, type(page), args, kwargs)


class RoutingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        cls.home = HomePage.objects.get()
        nord = cls.home.get_children().get(slug="nord").specific
        # A record whose slug is also a route of its directory: the route wins, as in Wagtail.
        cls.shadowed = add_action(nord, "Communes", slug="communes")
        gironde = cls.home.get_children().get(slug="gironde")
        # A draft record, and a routable page taken offline: its routes stop answering.
        directory_index(gironde).get_children().live().first().specific.unpublish()
        gironde.get_children().get(slug="agenda").specific.unpublish()

    def paths(self):
        paths = {
            page.url_path.removeprefix(self.home.url_path)
            for page in Page.objects.filter(depth__gt=2)
        }
        return sorted(paths | set(EXTRA_PATHS))

    def test_every_path_ends_where_wagtail_walk_ends(self):
        request = RequestFactory().get("/")
        walk = super(HomePage, self.home).route
        paths = self.paths()
        self.assertGreater(len(paths), 100)
        for path in paths:
            components = [part for part in path.split("/") if part]
            with self.subTest(path=path):
                self.assertEqual(
                    outcome(self.home.route, request, components),
                    outcome(walk, request, components),
                )

    def test_a_route_of_the_parent_wins_over_a_child_of_that_slug(self):
        response = self.client.get("/nord/annuaire/communes/", {"q": "Roub"})
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(self.shadowed.get_parent().specific_class, DirectoryIndexPage)

    def test_a_record_is_found_in_fewer_queries_than_wagtail_walks(self):
        request = RequestFactory().get("/")
        action = directory_index(self.home.get_children().get(slug="nord")).get_children()[1]
        components = action.url_path.removeprefix(self.home.url_path).strip("/").split("/")
        with self.assertNumQueries(2):
            result = self.home.route(request, components)
        self.assertEqual(result[0].pk, action.pk)
