"""`recheck_uploads` checks what was stored before the gate existed: it lists each failing file
with its id, title and the French reason, and `--quarantine` takes it out of public reach."""

import io
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from resources.models import ResourceFile
from tests.builders import build_network
from tests.resources import samples
from tests.resources.builders import add_resource

Document = get_document_model()
Image = get_image_model()


def overwrite(field, data):
    """Replace a stored file's bytes, as if it had been stored before the gate existed."""
    field.storage.delete(field.name)
    field.storage.save(field.name, ContentFile(data))


class RecheckUploadsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        collection = Collection.objects.get(name=cls.net["nord"].departement.nom)
        cls.good = Document.objects.create(
            title="Guide des parents",
            file=ContentFile(samples.pdf(), name="guide.pdf"),
            collection=collection,
        )
        cls.bad = Document.objects.create(
            title="Programme déguisé",
            file=ContentFile(samples.windows_executable(), name="programme.pdf"),
            collection=collection,
        )
        cls.image = Image.objects.create(
            title="Logo du réseau",
            file=ContentFile(samples.image("PNG"), name="logo.png"),
            collection=collection,
        )
        cls.resource = add_resource(cls.net["nord"], "Les écrans en famille")
        cls.resource_file = ResourceFile.objects.get(page=cls.resource)

    def setUp(self):
        # Files outlive each test's database rollback: put the hostile bytes back every time.
        overwrite(self.bad.file, samples.windows_executable())
        overwrite(self.image.file, samples.svg_with_script())
        overwrite(self.resource_file.file, samples.pdf_with_javascript())
        quarantine_root = tempfile.mkdtemp(prefix="hub-test-quarantine-")
        self.addCleanup(shutil.rmtree, quarantine_root)
        self.enterContext(override_settings(UPLOAD_QUARANTINE_ROOT=quarantine_root))

    def recheck(self, *args):
        out = io.StringIO()
        call_command("recheck_uploads", *args, stdout=out)
        return out.getvalue()

    def download_url(self):
        return f"{self.resource.url}telecharger/{self.resource_file.pk}/"

    def test_failing_files_are_listed_with_id_title_and_reason_and_left_in_place(self):
        output = self.recheck()
        self.assertIn(
            f"Document {self.bad.pk} « Programme déguisé » : Ce fichier est un programme "
            "exécutable, quel que soit son nom : il est refusé.",
            output,
        )
        self.assertIn(f"Image {self.image.pk} « Logo du réseau » : Les pages HTML", output)
        self.assertIn(
            f"Fichier {self.resource_file.pk} « {self.resource_file} » : Ce PDF contient du code "
            "exécutable",
            output,
        )
        self.assertNotIn("Guide des parents", output)
        self.assertIn("Fichiers vérifiés : 4 ; refusés : 3.", output)
        self.assertEqual(self.client.get(self.bad.url).status_code, 200)
        self.assertEqual(self.client.get(self.download_url()).status_code, 200)

    def test_quarantine_takes_failing_files_out_of_public_reach(self):
        public_path = Path(self.bad.file.path)
        image_path = Path(self.image.file.path)
        output = self.recheck("--quarantine")

        quarantined = Path(settings.UPLOAD_QUARANTINE_ROOT) / "documents" / str(self.bad.pk)
        self.assertIn(f"→ mis en quarantaine : {quarantined / public_path.name}", output)
        self.assertEqual(
            (quarantined / public_path.name).read_bytes(), samples.windows_executable()
        )
        self.assertFalse(public_path.exists())
        self.assertFalse(image_path.exists())
        for model, pk in [(Document, self.bad.pk), (Image, self.image.pk)]:
            self.assertEqual(model.objects.get(pk=pk).collection.name, "Quarantaine")
        self.assertEqual(self.client.get(self.bad.url).status_code, 404)
        self.assertEqual(self.client.get(self.download_url()).status_code, 404)
        # The good document is still served, and a second run finds nothing left to refuse.
        self.assertEqual(self.client.get(self.good.url).status_code, 200)
        self.assertIn("Fichiers vérifiés : 2 ; refusés : 0.", self.recheck())

    def test_quarantined_documents_are_hidden_from_coordinators(self):
        self.recheck("--quarantine")
        self.client.force_login(self.net["coord_nord"])
        response = self.client.get("/admin/documents/")
        self.assertContains(response, "Guide des parents")
        self.assertNotContains(response, "Programme déguisé")
