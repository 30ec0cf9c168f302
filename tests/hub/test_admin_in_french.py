"""A coordinator reads the admin screens they use in French: page forms of every content type,
listings and reports, with the workflow named "Validation par la coordination"."""

import re
from html.parser import HTMLParser

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, Workflow

from directory import choices
from directory.models import PromeneurPage, StructurePage
from tests.builders import add_news, build_network
from tests.directory.builders import add_action, add_lieu, commune, load_communes, publish
from tests.events.builders import add_event
from tests.resources.builders import add_resource

# English words the French admin showed before (Wagtail's catalogue leaves them untranslated).
ENGLISH = re.compile(
    r"\b(Moderators|approval|Workflows?|workflows?|Status|Any|Submit|Save draft|Publish)\b"
)
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
LABELS = ("title", "aria-label", "placeholder", "alt")


class VisibleText(HTMLParser):
    """The text a person sees or hears: text nodes and labels, not scripts or hidden nodes."""

    def __init__(self):
        super().__init__()
        self.parts, self.stack = [], []

    @property
    def hidden(self):
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.hidden:
            self.parts.extend(attrs[name] for name in LABELS if attrs.get(name))
        if tag not in VOID:
            self.stack.append(tag in ("script", "style", "template") or "hidden" in attrs)

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return " | ".join(parser.parts)


class AdminInFrenchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        nord = cls.net["nord"]
        structure = publish(
            nord,
            StructurePage(
                title="Centre social de l'Épeule",
                kind=choices.StructureKind.values[0],
                commune=commune("Roubaix"),
            ),
        )
        cls.pages = [
            structure,
            add_lieu(nord, "Maison des familles de Roubaix"),
            add_action(nord, "Café des parents de Roubaix"),
            publish(
                nord,
                PromeneurPage(
                    title="Julie, Promeneuse du Net",
                    function="Animatrice jeunesse",
                    presence_hours="Le mercredi après-midi",
                    commune=commune("Roubaix"),
                ),
            ),
            add_event(nord, "Formation à l'écoute des parents"),
            add_resource(nord, "Guide des écrans en famille"),
            add_news(nord, "Semaine de la parentalité"),
        ]

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def admin_urls(self):
        yield reverse("wagtailadmin_home")
        yield reverse("wagtailadmin_explore", args=[self.net["nord"].pk])
        for page in self.pages:
            parent = page.get_parent()
            meta = page.specific._meta
            yield reverse("wagtailadmin_explore", args=[parent.pk])
            yield reverse("wagtailadmin_pages:edit", args=[page.pk])
            yield reverse(
                "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]
            )
            yield reverse("wagtailadmin_pages:history", args=[page.pk])
        for name in (
            "wagtailadmin_reports:locked_pages",
            "wagtailadmin_reports:workflow",
            "wagtailadmin_reports:workflow_tasks",
            "wagtailadmin_reports:site_history",
            "wagtailadmin_reports:aging_pages",
            "wagtailimages:index",
            "wagtaildocs:index",
            "directory_stale",
            "directory_csv",
        ):
            yield reverse(name)
        yield reverse("wagtailadmin_pages:search") + "?q=famille"

    def test_coordinator_screens_show_no_english_word(self):
        for url in self.admin_urls():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                text = visible_text(response.content.decode())
                self.assertEqual(sorted(set(ENGLISH.findall(text))), [], f"English words on {url}")

    def test_workflow_is_named_validation_par_la_coordination(self):
        self.assertEqual(
            list(Workflow.objects.values_list("name", flat=True)),
            ["Validation par la coordination"],
        )
        page = Page.objects.get(pk=self.pages[-1].pk)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertContains(response, "Soumettre : Validation par la coordination")

    def test_field_labels_start_with_a_capital(self):
        for page in self.pages:
            with self.subTest(page=page.title):
                response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
                self.assertNotContains(response, ">thèmes")
                self.assertNotContains(response, ">publics")
