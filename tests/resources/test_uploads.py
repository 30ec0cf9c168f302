"""Uploads are recognised by their content: the allow-list passes, everything else is refused
with a French message saying why."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, override_settings

from hub.uploads import max_size
from resources.uploads import analyse

from . import samples


def upload(name, data):
    return SimpleUploadedFile(name, data)


class AcceptedFormatsTests(SimpleTestCase):
    def test_every_allowed_format_is_recognised_by_its_content(self):
        cases = {
            "pdf": samples.pdf(),
            "odt": samples.odt(),
            "docx": samples.docx(),
            "png": samples.image("PNG"),
            "jpeg": samples.image("JPEG"),
            "mp3": samples.mp3(),
            "mp4": samples.mp4(),
            "zip": samples.zip_of({"guide.pdf": samples.pdf(), "modele.odt": samples.odt()}),
        }
        for expected, data in cases.items():
            with self.subTest(expected):
                # A misleading name changes nothing: the content decides.
                self.assertEqual(analyse(upload("fichier.txt", data)).format.code, expected)

    def test_text_of_pdf_and_office_files_is_extracted(self):
        self.assertIn(
            "temps d'écran avant trois ans",
            analyse(upload("a.pdf", samples.pdf("Le temps d'écran avant trois ans."))).text,
        )
        self.assertIn(
            "charte d'accueil", analyse(upload("a.odt", samples.odt("Une charte d'accueil."))).text
        )
        # Words split across Word "runs" are joined back.
        self.assertIn(
            "Le texte d'un document Word.", analyse(upload("a.docx", samples.docx())).text
        )


class RefusedUploadsTests(SimpleTestCase):
    def assertRefused(self, data, code, message_part, name="document.pdf"):
        with self.assertRaises(ValidationError) as caught:
            analyse(upload(name, data))
        self.assertEqual(caught.exception.code, code)
        self.assertIn(message_part, " ".join(caught.exception.messages))

    def test_html_page_is_refused(self):
        self.assertRefused(samples.html(), "markup", "Les pages HTML", name="guide.pdf")

    def test_svg_carrying_a_script_is_refused(self):
        self.assertRefused(samples.svg_with_script(), "markup", "images SVG", name="logo.png")

    def test_windows_executable_renamed_pdf_is_refused(self):
        self.assertRefused(samples.windows_executable(), "executable", "programme exécutable")

    def test_linux_executable_renamed_pdf_is_refused(self):
        self.assertRefused(samples.linux_executable(), "executable", "programme exécutable")

    def test_pdf_running_javascript_is_refused(self):
        self.assertRefused(samples.pdf_with_javascript(), "pdf_active_content", "JavaScript")

    def test_pdf_launching_a_program_is_refused(self):
        self.assertRefused(samples.pdf_launching_a_program(), "pdf_active_content", "lancement")

    def test_pdf_hiding_javascript_in_a_compressed_object_stream_is_refused(self):
        self.assertRefused(samples.pdf_with_hidden_javascript(), "pdf_active_content", "JavaScript")

    def test_office_file_with_macros_is_refused(self):
        self.assertRefused(samples.docm_with_macros(), "office_macros", "macros", "a.docx")

    def test_unknown_format_is_refused_with_the_allow_list(self):
        self.assertRefused(b"just some text", "unsupported", "Formats acceptés : PDF, ODT")

    def test_empty_file_is_refused(self):
        self.assertRefused(b"", "empty", "vide")

    def test_damaged_pdf_is_refused(self):
        self.assertRefused(b"%PDF-1.4 not really", "pdf_unreadable", "endommagé")

    @override_settings(UPLOAD_MAX_SIZE=10_000)
    def test_file_over_the_size_limit_is_refused_with_both_sizes(self):
        with self.assertRaises(ValidationError) as caught:
            analyse(upload("gros.pdf", samples.pdf("x" * 20_000) + b"\0" * 20_000))
        self.assertEqual(caught.exception.code, "too_large")
        message = caught.exception.messages[0]
        self.assertIn("la taille maximale acceptée est de 9,8\xa0Ko", message)
        self.assertIn("Ce fichier pèse 23,8\xa0Ko", message)

    def test_default_size_limit_is_50_megabytes(self):
        self.assertEqual(max_size(), 50 * 1024 * 1024)

    @override_settings(UPLOAD_MAX_EXPANDED_SIZE=1024 * 1024)
    def test_zip_bomb_is_refused(self):
        bomb = samples.zip_bomb(5 * 1024 * 1024)
        self.assertLess(len(bomb), 20_000)
        self.assertRefused(bomb, "expands_too_much", "se décompresse en plus de", "a.zip")

    @override_settings(UPLOAD_MAX_EXPANDED_SIZE=1024 * 1024)
    def test_office_file_expanding_beyond_the_limit_is_refused(self):
        big = samples.docx("x" * (2 * 1024 * 1024))
        self.assertRefused(big, "expands_too_much", "se décompresse", "a.docx")

    def test_zip_containing_an_executable_is_refused(self):
        archive = samples.zip_of({"guide.pdf": samples.pdf(), "setup.exe": b"MZ\x90\x00"})
        self.assertRefused(archive, "executable", "« setup.exe »", "a.zip")

    def test_zip_containing_html_is_refused(self):
        archive = samples.zip_of({"index.html": samples.html()})
        self.assertRefused(archive, "markup", "« index.html »", "a.zip")

    def test_zip_inside_a_zip_is_refused(self):
        inner = samples.zip_of({"guide.pdf": samples.pdf()})
        archive = samples.zip_of({"autre.zip": inner})
        self.assertRefused(archive, "nested_archive", "autre archive", "a.zip")

    def test_zip_with_path_traversal_is_refused(self):
        archive = samples.zip_of({"../../etc/guide.pdf": samples.pdf()})
        self.assertRefused(archive, "zip_path", "chemin interdit", "a.zip")

    def test_damaged_zip_is_refused(self):
        self.assertRefused(b"PK\x03\x04" + b"\0" * 100, "zip_unreadable", "endommagée", "a.zip")
