"""A coordinator's choosers offer only their département's structures, lieux, images and
documents, and the server refuses a link to another département even in a crafted POST."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from directory import choices
from directory.models import ActionPage, StructurePage
from tests.admin_forms import edit_form_data
from tests.builders import add_news, build_network, sign_in_with_second_factor
from tests.directory.builders import (
    add_action,
    add_lieu,
    commune,
    directory_index,
    load_communes,
    publish,
)
from tests.mail_server import run_queued_tasks


def add_structure(section, title, town):
    page = StructurePage(title=title, kind=choices.StructureKind.values[0], commune=commune(town))
    return publish(section, page)


class ScopedChooserTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        nord, gironde = cls.net["nord"], cls.net["gironde"]
        cls.nord_structure = add_structure(nord, "Centre social Roubaix Est", "Roubaix")
        cls.gironde_structure = add_structure(gironde, "Centre social Mérignac", "Mérignac")
        cls.nord_lieu = add_lieu(nord, "Maison des familles de Roubaix")
        cls.gironde_lieu = add_lieu(gironde, "Maison des familles de Mérignac", town="Mérignac")
        cls.action = add_action(nord, "Café des parents de Roubaix")
        cls.news = add_news(nord, "Fête des familles")
        image_model, document_model = get_image_model(), get_document_model()
        for name in ("Nord", "Gironde"):
            collection = Collection.objects.get(name=name)
            image_model.objects.create(
                title=f"Affiche {name}", file=get_test_image_file(), collection=collection
            )
            document_model.objects.create(
                title=f"Compte rendu {name}",
                file=SimpleUploadedFile("cr.pdf", b"%PDF-1.4 test"),
                collection=collection,
            )
        # Wagtail's search index, which the choosers search, follows in the task worker.
        run_queued_tasks()

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def choose(self, page_type, **params):
        url = reverse(
            "wagtailadmin_choose_page_search" if "q" in params else "wagtailadmin_choose_page"
        )
        return self.client.get(url, {"page_type": page_type, **params})

    def test_structure_chooser_lists_no_other_departement(self):
        response = self.choose("directory.structurepage", q="centre social")
        self.assertContains(response, "Centre social Roubaix Est")
        self.assertNotContains(response, "Mérignac")

    def test_lieu_chooser_browsing_other_departement_shows_nothing_of_it(self):
        gironde_directory = directory_index(self.net["gironde"])
        url = reverse("wagtailadmin_choose_page_child", args=[gironde_directory.pk])
        response = self.client.get(url, {"page_type": "directory.lieuressourcepage"})
        self.assertNotContains(response, "Maison des familles de Mérignac", status_code=403)
        response = self.choose("directory.lieuressourcepage", q="maison")
        self.assertContains(response, "Maison des familles de Roubaix")
        self.assertNotContains(response, "Mérignac")

    def test_national_administrator_chooses_from_every_departement(self):
        sign_in_with_second_factor(self.client, self.net["admin"])
        response = self.choose("directory.structurepage", q="centre social")
        self.assertContains(response, "Centre social Roubaix Est")
        self.assertContains(response, "Centre social Mérignac")

    def test_image_and_document_choosers_list_own_collection_only(self):
        response = self.client.get(reverse("wagtailimages_chooser:choose"))
        self.assertContains(response, "Affiche Nord")
        self.assertNotContains(response, "Affiche Gironde")
        response = self.client.get(reverse("wagtaildocs_chooser:choose"))
        self.assertContains(response, "Compte rendu Nord")
        self.assertNotContains(response, "Compte rendu Gironde")

    def post_edit(self, page, **changes):
        data = edit_form_data(page, self.net["coord_nord"], **changes)
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def test_crafted_post_linking_another_departements_lieu_is_refused(self):
        revisions = self.action.revisions.count()
        response = self.post_edit(
            self.action, lieu=str(self.gironde_lieu.pk), **{"action-publish": "1"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Choisissez un contenu du même département que cette page.")
        self.assertEqual(self.action.revisions.count(), revisions)
        self.assertIsNone(ActionPage.objects.get(pk=self.action.pk).lieu_id)

    def test_crafted_post_linking_another_departements_structure_is_refused(self):
        response = self.post_edit(self.nord_lieu, structure=str(self.gironde_structure.pk))
        self.assertContains(response, "Choisissez un contenu du même département que cette page.")
        self.nord_lieu.refresh_from_db()
        self.assertIsNone(self.nord_lieu.structure_id)

    def test_own_departements_lieu_and_structure_are_accepted(self):
        response = self.post_edit(
            self.action,
            lieu=str(self.nord_lieu.pk),
            structure=str(self.nord_structure.pk),
            phone="03 20 00 00 00",
            **{"action-publish": "1"},
        )
        self.assertEqual(response.status_code, 302)
        action = ActionPage.objects.get(pk=self.action.pk)
        self.assertEqual(
            (action.lieu_id, action.structure_id), (self.nord_lieu.pk, self.nord_structure.pk)
        )

    def test_crafted_post_with_another_departements_image_is_refused(self):
        image = get_image_model().objects.get(title="Affiche Gironde")
        response = self.post_edit(self.news, feed_image=str(image.pk))
        self.assertContains(
            response, "Choisissez une image ou un document de la collection de votre département."
        )
        self.news.refresh_from_db()
        self.assertIsNone(self.news.feed_image_id)
        own = get_image_model().objects.get(title="Affiche Nord")
        response = self.post_edit(self.news, feed_image=str(own.pk), **{"action-publish": "1"})
        self.assertEqual(response.status_code, 302)
