"""Downloads: served as attachments with their real type, counted per file and per month in the
database (even when many happen at once), with nothing stored about the visitor."""

import datetime
import threading
from zoneinfo import ZoneInfo

from django.db import connection, connections
from django.test import TestCase, TransactionTestCase
from wagtail.models import PageViewRestriction

from resources.models import MonthlyDownloads, ResourceFile, record_download
from tests.builders import build_network

from . import samples
from .builders import add_resource

PARIS = ZoneInfo("Europe/Paris")


class DownloadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        cls.resource = add_resource(
            cls.net["nord"],
            "Les écrans en famille",
            files=[
                ("ecrans.docx", samples.pdf("Repères par âge.")),  # a PDF with a wrong name
                ("modele.odt", samples.odt()),
            ],
        )
        cls.pdf, cls.odt = ResourceFile.objects.filter(page=cls.resource).order_by(
            "sort_order", "pk"
        )
        cls.other = add_resource(cls.net["gironde"], "Autre ressource")

    def download_url(self, resource_file, resource=None):
        return f"{(resource or self.resource).url}telecharger/{resource_file.pk}/"

    def test_file_is_an_attachment_with_its_real_type_and_nosniff(self):
        response = self.client.get(self.download_url(self.pdf))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(
            response["Content-Disposition"], 'attachment; filename="les-ecrans-en-famille.pdf"'
        )
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertTrue(b"".join(response.streaming_content).startswith(b"%PDF-"))
        response = self.client.get(self.download_url(self.odt))
        self.assertEqual(response["Content-Type"], "application/vnd.oasis.opendocument.text")

    def test_each_download_counts_once_per_file_and_month(self):
        for _i in range(3):
            self.client.get(self.download_url(self.pdf))
        self.client.get(self.download_url(self.odt))
        self.client.head(self.download_url(self.odt))  # a HEAD is not a download
        month = datetime.datetime.now(PARIS).date().replace(day=1)
        self.assertEqual(
            {(c.file_id, c.month, c.count) for c in MonthlyDownloads.objects.all()},
            {(self.pdf.pk, month, 3), (self.odt.pk, month, 1)},
        )

    def test_counter_stores_no_personal_data(self):
        fields = {field.name for field in MonthlyDownloads._meta.get_fields()}
        self.assertEqual(fields, {"id", "file", "month", "count"})

    def test_month_is_the_paris_month(self):
        # 23:30 UTC on 31 March is already 1 April in Paris (summer time).
        record_download(self.pdf.pk, datetime.datetime(2026, 3, 31, 23, 30, tzinfo=datetime.UTC))
        self.assertEqual(MonthlyDownloads.objects.get().month, datetime.date(2026, 4, 1))

    def test_file_of_another_resource_is_not_served_under_this_one(self):
        other_file = ResourceFile.objects.get(page=self.other)
        self.assertEqual(self.client.get(self.download_url(other_file)).status_code, 404)
        self.assertEqual(
            self.client.get(f"{self.resource.url}telecharger/999999/").status_code, 404
        )
        self.assertFalse(MonthlyDownloads.objects.exists())

    def test_files_of_a_draft_resource_are_not_served(self):
        draft = add_resource(self.net["nord"], "Brouillon", live=False)
        draft_file = ResourceFile.objects.get(page=draft)
        response = self.client.get(f"/nord/ressources/{draft.slug}/telecharger/{draft_file.pk}/")
        self.assertEqual(response.status_code, 404)

    def test_files_of_a_private_resource_need_the_password(self):
        PageViewRestriction.objects.create(
            page=self.resource, restriction_type="password", password="reseau"
        )
        response = self.client.get(self.download_url(self.pdf))
        self.assertNotEqual(response.get("Content-Type"), "application/pdf")
        self.assertFalse(MonthlyDownloads.objects.exists())

    def test_pdf_has_a_first_page_thumbnail(self):
        response = self.client.get(f"{self.resource.url}vignette/{self.pdf.pk}/")
        self.assertEqual(response["Content-Type"], "image/jpeg")
        self.assertTrue(b"".join(response.streaming_content).startswith(b"\xff\xd8\xff"))
        self.assertEqual(
            self.client.get(f"{self.resource.url}vignette/{self.odt.pk}/").status_code, 404
        )

    def test_post_is_refused(self):
        self.assertEqual(self.client.post(self.download_url(self.pdf)).status_code, 405)


class ConcurrentDownloadTests(TransactionTestCase):
    """Real threads, each with its own database connection, download the same file at once."""

    serialized_rollback = True
    THREADS = 8
    DOWNLOADS_PER_THREAD = 10

    def test_no_download_is_lost_when_many_happen_at_once(self):
        net = build_network()
        resource = add_resource(net["nord"], "Guide très demandé")
        resource_file = ResourceFile.objects.get(page=resource)
        url = f"{resource.url}telecharger/{resource_file.pk}/"
        start = threading.Barrier(self.THREADS)
        failures = []

        def download_many():
            try:
                start.wait()
                for _i in range(self.DOWNLOADS_PER_THREAD):
                    response = self.client_class().get(url)
                    if response.status_code != 200:
                        failures.append(response.status_code)
                    response.close()
            except Exception as error:  # reported below, with the thread's own traceback lost
                failures.append(repr(error))
            finally:
                connections.close_all()

        threads = [threading.Thread(target=download_many) for _i in range(self.THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(failures, [])
        total = MonthlyDownloads.objects.get(file=resource_file).count
        self.assertEqual(total, self.THREADS * self.DOWNLOADS_PER_THREAD, connection.vendor)
