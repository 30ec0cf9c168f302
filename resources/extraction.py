"""What is read out of an accepted file: its text, for search, and a first-page thumbnail."""

import io
import re
import zipfile

import pypdfium2
from defusedxml import ElementTree

MAX_TEXT_LENGTH = 500_000
MAX_PDF_PAGES = 300
MAX_XML_PART = 50 * 1024 * 1024
THUMBNAIL_WIDTH = 320
PARAGRAPH_TAGS = {"p", "h", "si"}  # ODF and Word/PowerPoint paragraphs, Excel shared strings


def extract_text(fileobj, format_code):
    """The text of a PDF or office document (empty for other formats), whitespace-normalised."""
    fileobj.seek(0)
    if format_code == "pdf":
        text = _pdf_text(fileobj.read())
    elif format_code in {"odt", "ods", "odp"}:
        text = _xml_text(fileobj, lambda name: name == "content.xml")
    elif format_code == "docx":
        text = _xml_text(fileobj, lambda name: name == "word/document.xml")
    elif format_code == "pptx":
        text = _xml_text(fileobj, lambda name: re.fullmatch(r"ppt/slides/slide\d+\.xml", name))
    elif format_code == "xlsx":
        text = _xml_text(fileobj, lambda name: name == "xl/sharedStrings.xml")
    else:
        text = ""
    fileobj.seek(0)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)[:MAX_TEXT_LENGTH]


def _pdf_text(data):
    document = pypdfium2.PdfDocument(data)
    try:
        parts = []
        for index in range(min(len(document), MAX_PDF_PAGES)):
            page = document[index]
            parts.append(page.get_textpage().get_text_bounded())
            if sum(map(len, parts)) > MAX_TEXT_LENGTH:
                break
        return "\n".join(parts)
    finally:
        document.close()


def _natural_key(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _xml_text(fileobj, wanted):
    paragraphs = []
    with zipfile.ZipFile(fileobj) as archive:
        for name in sorted(filter(wanted, archive.namelist()), key=_natural_key):
            with archive.open(name) as part:
                root = ElementTree.fromstring(part.read(MAX_XML_PART))
            _collect_paragraphs(root, paragraphs)
    return "\n".join(paragraphs)


def _collect_paragraphs(element, paragraphs):
    if element.tag.rsplit("}", 1)[-1] in PARAGRAPH_TAGS:
        text = "".join(element.itertext()).strip()
        if text:
            paragraphs.append(text)
        return
    for child in element:
        _collect_paragraphs(child, paragraphs)


def pdf_thumbnail(fileobj):
    """A JPEG of the first page of a PDF, `THUMBNAIL_WIDTH` pixels wide (None if it has none)."""
    fileobj.seek(0)
    try:
        document = pypdfium2.PdfDocument(fileobj.read())
    except pypdfium2.PdfiumError:
        return None
    try:
        if len(document) == 0:
            return None
        page = document[0]
        scale = THUMBNAIL_WIDTH / page.get_width()
        image = page.render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
        fileobj.seek(0)
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80, optimize=True)
    return output.getvalue()
