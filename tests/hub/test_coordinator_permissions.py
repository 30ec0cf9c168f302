"""A coordinator edits only their own département: every admin action on another
département's pages, images and documents is refused (403 or 404) and changes nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import rich_text

from hub.models import NewsPage
from tests.builders import add_news, build_network, news_index, sign_in_with_second_factor
from tests.resources import samples

REFUSED = {403, 404}


class CoordinatorPermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        cls.nord, cls.gironde = cls.net["nord"], cls.net["gironde"]
        cls.own_news = add_news(cls.nord, "Café des parents à Roubaix")
        cls.other_news = add_news(cls.gironde, "Ciné-débat à Mérignac")
        cls.other_draft = add_news(cls.gironde, "Brouillon girondin", live=False)
        cls.gironde_collection = Collection.objects.get(name="Gironde")
        cls.nord_collection = Collection.objects.get(name="Nord")
        cls.other_image = get_image_model().objects.create(
            title="Affiche Gironde", file=get_test_image_file(), collection=cls.gironde_collection
        )
        cls.other_document = get_document_model().objects.create(
            title="Compte rendu Gironde",
            file=SimpleUploadedFile("cr.pdf", b"%PDF-1.4 test"),
            collection=cls.gironde_collection,
        )

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def assertRefused(self, response):
        self.assertIn(response.status_code, REFUSED, response)

    def assertUnchanged(self, page):
        fresh = Page.objects.get(pk=page.pk)
        self.assertEqual(fresh.title, page.title)
        self.assertEqual(fresh.live, page.live)
        self.assertEqual(fresh.path, page.path)
        self.assertEqual(fresh.get_latest_revision().pk, page.get_latest_revision().pk)

    def edit_data(self, page, **extra):
        return {
            "title": "Piraté",
            "slug": page.slug,
            "date": "2026-11-01",
            "intro": "x",
            "body": rich_text("<p>x</p>"),
            **extra,
        }

    # Positive control: the same requests succeed inside the coordinator's own département.
    def test_coordinator_edits_and_publishes_own_department(self):
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.own_news.pk]),
            self.edit_data(self.own_news, **{"action-publish": "1"}),
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Page.objects.get(pk=self.own_news.pk).title, "Piraté")

    def test_explorer_of_other_department_leads_back_to_own_section(self):
        response = self.client.get(
            reverse("wagtailadmin_explore", args=[self.gironde.pk]), follow=True
        )
        self.assertEqual(
            response.redirect_chain[-1][0], reverse("wagtailadmin_explore", args=[self.nord.pk])
        )
        self.assertNotContains(response, "Ciné-débat à Mérignac")

    def test_explorer_lists_only_own_department(self):
        response = self.client.get(reverse("wagtailadmin_explore", args=[self.net["home"].pk]))
        if response.status_code == 200:
            self.assertNotContains(response, "Gironde")
        else:
            self.assertIn(response.status_code, {302, 403})

    def test_edit_form_of_other_department_is_refused(self):
        self.assertRefused(
            self.client.get(reverse("wagtailadmin_pages:edit", args=[self.other_news.pk]))
        )

    def test_saving_a_draft_in_other_department_is_refused(self):
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.other_news.pk]),
            self.edit_data(self.other_news),
        )
        self.assertRefused(response)
        self.assertUnchanged(self.other_news)

    def test_publishing_in_other_department_is_refused(self):
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.other_draft.pk]),
            self.edit_data(self.other_draft, **{"action-publish": "1"}),
        )
        self.assertRefused(response)
        self.assertUnchanged(self.other_draft)
        self.assertFalse(Page.objects.get(pk=self.other_draft.pk).live)

    def test_drafts_of_other_department_cannot_be_seen(self):
        self.assertRefused(
            self.client.get(reverse("wagtailadmin_pages:view_draft", args=[self.other_draft.pk]))
        )
        self.assertRefused(
            self.client.get(reverse("wagtailadmin_pages:history", args=[self.other_draft.pk]))
        )

    def test_adding_a_page_in_other_department_is_refused(self):
        parent = news_index(self.gironde)
        url = reverse("wagtailadmin_pages:add", args=["hub", "newspage", parent.pk])
        self.assertRefused(self.client.get(url))
        response = self.client.post(
            url, {**self.edit_data(parent), "slug": "intrus", "action-publish": "1"}
        )
        self.assertRefused(response)
        self.assertFalse(NewsPage.objects.filter(slug="intrus").exists())

    def test_unpublishing_in_other_department_is_refused(self):
        url = reverse("wagtailadmin_pages:unpublish", args=[self.other_news.pk])
        self.assertRefused(self.client.get(url))
        self.assertRefused(self.client.post(url))
        self.assertUnchanged(self.other_news)

    def test_deleting_in_other_department_is_refused(self):
        url = reverse("wagtailadmin_pages:delete", args=[self.other_news.pk])
        self.assertRefused(self.client.get(url))
        self.assertRefused(self.client.post(url))
        self.assertTrue(Page.objects.filter(pk=self.other_news.pk).exists())

    def test_moving_a_page_out_of_other_department_is_refused(self):
        url = reverse("wagtailadmin_pages:move", args=[self.other_news.pk])
        self.assertRefused(self.client.get(url))
        confirm = reverse(
            "wagtailadmin_pages:move_confirm", args=[self.other_news.pk, news_index(self.nord).pk]
        )
        self.assertRefused(self.client.post(confirm))
        self.assertUnchanged(self.other_news)

    def test_moving_own_page_into_other_department_is_refused(self):
        confirm = reverse(
            "wagtailadmin_pages:move_confirm", args=[self.own_news.pk, news_index(self.gironde).pk]
        )
        self.assertRefused(self.client.post(confirm))
        self.assertUnchanged(self.own_news)

    def test_copying_other_department_page_is_refused(self):
        url = reverse("wagtailadmin_pages:copy", args=[self.other_news.pk])
        before = NewsPage.objects.count()
        self.assertRefused(self.client.get(url))
        response = self.client.post(
            url,
            {
                "new_title": "Copie",
                "new_slug": "copie",
                "new_parent_page": news_index(self.nord).pk,
            },
        )
        self.assertRefused(response)
        self.assertEqual(NewsPage.objects.count(), before)

    def test_own_section_cannot_be_deleted_moved_or_unpublished(self):
        for name in ("delete", "unpublish", "move"):
            url = reverse(f"wagtailadmin_pages:{name}", args=[self.nord.pk])
            self.assertRefused(self.client.post(url))
        self.assertUnchanged(self.nord)

    def test_images_of_other_department_are_refused(self):
        image = self.other_image
        self.assertRefused(self.client.get(reverse("wagtailimages:edit", args=[image.pk])))
        response = self.client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {"title": "Piraté", "collection": self.nord_collection.pk},
        )
        self.assertRefused(response)
        self.assertRefused(self.client.post(reverse("wagtailimages:delete", args=[image.pk])))
        image.refresh_from_db()
        self.assertEqual(
            (image.title, image.collection_id), ("Affiche Gironde", self.gironde_collection.pk)
        )

    def test_image_upload_into_other_department_collection_is_refused(self):
        gironde_images = get_image_model().objects.filter(collection=self.gironde_collection)
        before = gironde_images.count()
        self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Intrus",
                "file": get_test_image_file(),
                "collection": self.gironde_collection.pk,
            },
        )
        self.assertEqual(gironde_images.count(), before)

    def test_image_listing_hides_other_department(self):
        response = self.client.get(reverse("wagtailimages:index"))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Affiche Gironde")

    def test_documents_of_other_department_are_refused(self):
        document = self.other_document
        self.assertRefused(self.client.get(reverse("wagtaildocs:edit", args=[document.pk])))
        response = self.client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {"title": "Piraté", "collection": self.nord_collection.pk},
        )
        self.assertRefused(response)
        self.assertRefused(self.client.post(reverse("wagtaildocs:delete", args=[document.pk])))
        document.refresh_from_db()
        self.assertEqual(
            (document.title, document.collection_id),
            ("Compte rendu Gironde", self.gironde_collection.pk),
        )

    def test_document_upload_into_other_department_collection_is_refused(self):
        gironde_documents = get_document_model().objects.filter(collection=self.gironde_collection)
        before = gironde_documents.count()
        self.client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Intrus",
                # A real PDF: the upload gate would refuse a damaged one whatever the collection.
                "file": SimpleUploadedFile("x.pdf", samples.pdf()),
                "collection": self.gironde_collection.pk,
            },
        )
        self.assertEqual(gironde_documents.count(), before)

    def test_national_administrator_sees_every_department(self):
        sign_in_with_second_factor(self.client, self.net["admin"])
        for page in (self.other_news, self.own_news, self.other_draft):
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            self.assertEqual(response.status_code, 200)
