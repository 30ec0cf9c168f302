"""Small real files of every accepted format, and hostile ones, built in memory."""

import io
import zipfile
import zlib

from PIL import Image

from resources.demo_files import odt_document, pdf_document


def pdf(text="Un guide pour les parents.", title="Guide"):
    return pdf_document(title, "Coordination", [text])


def odt(text="Un modèle de document."):
    return odt_document("Modèle", "Coordination", [text])


def _zip(members, compression=zipfile.ZIP_DEFLATED):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return output.getvalue()


def docx(text="Le texte d'un document Word."):
    return _zip(
        {
            "[Content_Types].xml": (
                '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                '2006/content-types"><Override PartName="/word/document.xml" ContentType="'
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
                '"/></Types>'
            ),
            "word/document.xml": (
                '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
                + text[:10]
                + "</w:t></w:r><w:r><w:t>"
                + text[10:]
                + "</w:t></w:r></w:p></w:body></w:document>"
            ),
        }
    )


def docm_with_macros():
    return _zip(
        {
            "[Content_Types].xml": (
                '<Types><Override PartName="/word/document.xml" ContentType="application/'
                'vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
            ),
            "word/document.xml": "<w:document/>",
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro",
        }
    )


def image(kind="PNG"):
    output = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 40, 40)).save(output, format=kind)
    return output.getvalue()


def mp3():
    return b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 400


def mp4():
    return b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 400


def zip_of(members):
    return _zip(members)


def zip_bomb(expanded_size):
    """A tiny archive declaring `expanded_size` bytes of zeros."""
    return _zip({"rapport.pdf": b"%PDF-" + b"\0" * expanded_size})


def html():
    return b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def svg_with_script():
    return (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
        b"<script>alert(1)</script><circle r='4'/></svg>"
    )


def windows_executable():
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"PE\x00\x00"


def linux_executable():
    return b"\x7fELF\x02\x01\x01" + b"\x00" * 200


def pdf_with_javascript():
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF"
    )


def streamed_zip_bomb(expanded_size):
    """An archive of `expanded_size` bytes of zeros, compressed in chunks (little memory)."""
    output = io.BytesIO()
    chunk = b"\0" * (8 * 1024 * 1024)
    archive = zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
    with archive, archive.open("rapport.pdf", "w", force_zip64=True) as member:
        member.write(b"%PDF-")
        for _ in range(expanded_size // len(chunk)):
            member.write(chunk)
    return output.getvalue()


def pdf_with_hidden_javascript():
    """A PDF whose JavaScript action hides in a compressed object stream, its name spelt #xx."""
    objects = b"<</S/Java#53cript/J#53(app.alert(1))>>"
    stream = zlib.compress(b"2 0 " + objects)
    return (
        b"%PDF-1.5\n1 0 obj<</Type/Catalog/OpenAction 2 0 R>>endobj\n"
        b"3 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length "
        + str(len(stream)).encode()
        + b">>stream\n"
        + stream
        + b"\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF"
    )


def pdf_launching_a_program():
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/Launch/F(cmd.exe)>>>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF"
    )
