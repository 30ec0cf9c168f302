"""Coordinators publish resources in their own library through the Wagtail admin."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from resources.models import ResourceFile, ResourcePage
from tests.builders import build_network

from . import samples
from .builders import add_resource, library


def resource_form(title="Guide des écrans", files=(), **fields):
    data = {
        "title": title,
        "slug": fields.pop("slug", "guide-des-ecrans"),
        "summary": "Des repères pour les parents.",
        "kind": "guide",
        "tags": "écrans, numérique",
        "external_url": "",
        "licence": "cc-by",
        "author": "Caf du Nord",
        "produced_by_coordination": "on",
        "publication_date": "2026-11-02",
        "files": inline_formset(list(files)),
        "action-publish": "1",
        **fields,
    }
    # Lists are multiple values of one field, not nested forms.
    return {
        **nested_form_data(data),
        "themes": ["ecrans-et-numerique", "adolescence"],
        "audiences": ["parents"],
    }


class ResourceAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        cls.nord_library = library(cls.net["nord"])
        cls.gironde_library = library(cls.net["gironde"])

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def add_url(self, parent):
        return reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", parent.pk))

    def test_coordinator_publishes_a_resource_with_a_file(self):
        upload = SimpleUploadedFile("Guide écrans.PDF", samples.pdf("Pas d'écran avant trois ans."))
        response = self.client.post(
            self.add_url(self.nord_library),
            resource_form(files=[{"title": "Version à imprimer", "file": upload}]),
        )
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        resource = ResourcePage.objects.get(slug="guide-des-ecrans")
        self.assertTrue(resource.live)
        self.assertEqual(resource.themes, ["adolescence", "ecrans-et-numerique"])
        self.assertEqual(sorted(tag.name for tag in resource.tags.all()), ["numérique", "écrans"])
        self.assertTrue(resource.produced_by_coordination)
        resource_file = ResourceFile.objects.get(page=resource)
        self.assertEqual(resource_file.format, "pdf")
        # Stored under a clean name with the extension of the real format.
        self.assertRegex(
            resource_file.file.name, r"^fichiers/\d{4}/\d{2}/guide-des-ecrans(_\w+)?\.pdf$"
        )
        self.assertTrue(resource_file.thumbnail)
        self.assertIn("Pas d'écran avant trois ans.", resource.document_text)
        download = self.client.get(f"{resource.url}telecharger/{resource_file.pk}/")
        self.assertEqual(
            download["Content-Disposition"],
            'attachment; filename="guide-des-ecrans-version-a-imprimer.pdf"',
        )

    def test_file_added_to_a_live_resource_is_stored_and_served_after_publishing(self):
        resource = add_resource(self.net["nord"], "Fiche sommeil")
        first = ResourceFile.objects.get(page=resource)
        upload = SimpleUploadedFile("modele.odt", samples.odt("Rituel du coucher."))
        data = resource_form(
            title="Fiche sommeil",
            slug=resource.slug,
            files=[
                {"id": first.pk, "title": "", "file": ""},
                {"title": "Modèle", "file": upload},
            ],
        )
        data["files-INITIAL_FORMS"] = "1"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[resource.pk]), data)
        self.assertEqual(response.status_code, 302)
        files = list(ResourceFile.objects.filter(page=resource).order_by("sort_order"))
        self.assertEqual([f.format for f in files], ["pdf", "odt"])
        self.assertTrue(files[1].file.storage.exists(files[1].file.name))
        self.assertIn("Rituel du coucher.", ResourcePage.objects.get(pk=resource.pk).document_text)
        download = self.client.get(f"{resource.url}telecharger/{files[1].pk}/")
        self.assertEqual(b"".join(download.streaming_content)[:2], b"PK")

    def test_refused_upload_shows_a_french_error_and_creates_nothing(self):
        cases = {
            "page.pdf": (samples.html(), "Les pages HTML"),
            "logo.png": (samples.svg_with_script(), "images SVG"),
            "guide.pdf": (samples.windows_executable(), "programme exécutable"),
        }
        for name, (data, message) in cases.items():
            with self.subTest(name):
                response = self.client.post(
                    self.add_url(self.nord_library),
                    resource_form(files=[{"title": "", "file": SimpleUploadedFile(name, data)}]),
                )
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
        self.assertFalse(ResourcePage.objects.exists())
        self.assertFalse(ResourceFile.objects.exists())

    def test_a_resource_needs_a_file_or_a_link(self):
        response = self.client.post(self.add_url(self.nord_library), resource_form())
        self.assertContains(response, "Ajoutez au moins un fichier ou un lien externe.")
        response = self.client.post(
            self.add_url(self.nord_library),
            resource_form(external_url="https://example.org/video", kind="video"),
        )
        self.assertEqual(response.status_code, 302)

    def test_reserved_slugs_are_refused(self):
        response = self.client.post(
            self.add_url(self.nord_library),
            resource_form(slug="flux", external_url="https://example.org/"),
        )
        self.assertContains(response, "« flux » est réservé par la ressourcerie.")

    def test_coordinator_cannot_add_a_resource_to_another_departement(self):
        response = self.client.get(self.add_url(self.gironde_library))
        self.assertIn(response.status_code, {403, 404})
        response = self.client.post(
            self.add_url(self.gironde_library),
            resource_form(external_url="https://example.org/"),
        )
        self.assertIn(response.status_code, {403, 404})
        self.assertFalse(ResourcePage.objects.exists())

    def test_coordinator_cannot_edit_a_resource_of_another_departement(self):
        other = add_resource(self.net["gironde"], "Guide girondin")
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[other.pk]),
            resource_form(title="Piraté", slug=other.slug, external_url="https://example.org/"),
        )
        self.assertIn(response.status_code, {403, 404})
        self.assertEqual(ResourcePage.objects.get(pk=other.pk).title, "Guide girondin")

    def test_editor_form_uploads_files_and_autocompletes_tags(self):
        add_resource(self.net["nord"], "Ressource étiquetée", tags=["écrans"])
        response = self.client.get(self.add_url(self.nord_library))
        self.assertContains(response, 'enctype="multipart/form-data"')
        self.assertContains(response, 'data-controller="w-tag"')
        autocomplete_url = reverse("wagtailadmin_tag_autocomplete")
        self.assertContains(response, f'data-w-tag-url-value=\\"{autocomplete_url}\\"')
        response = self.client.get(autocomplete_url, {"term": "écr"})
        self.assertIn("écrans", response.json())
