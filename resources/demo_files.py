"""Real PDF and ODT files for the demo library, written with fpdf2 and odfpy (pure Python)."""

import io

from fpdf import FPDF
from odf.opendocument import OpenDocumentText
from odf.style import ParagraphProperties, Style, TextProperties
from odf.text import H, P

# The PDF core fonts cover Latin-1; a few typographic characters are replaced.
LATIN1_REPLACEMENTS = {
    "’": "'",
    "œ": "oe",
    "Œ": "OE",
    "–": "-",
    "—": "-",
    "…": "...",
    "\u202f": " ",
}


def _latin1(text):
    for character, replacement in LATIN1_REPLACEMENTS.items():
        text = text.replace(character, replacement)
    return text.encode("latin-1", "replace").decode("latin-1")


def pdf_document(title, subtitle, paragraphs, accent=(29, 79, 145)):
    """A one- or two-page A4 PDF with a coloured title band, as a coordination would print."""
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(title))
    pdf.set_author(_latin1(subtitle))
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    pdf.set_fill_color(*accent)
    pdf.rect(0, 0, 210, 48, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(15, 12)
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(180, 9, _latin1(title))
    pdf.set_x(15)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(180, 6, _latin1(subtitle))
    pdf.set_text_color(30, 30, 30)
    pdf.set_xy(15, 58)
    for paragraph in paragraphs:
        pdf.set_x(15)
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(180, 6, _latin1(paragraph))
        pdf.ln(3)
    return bytes(pdf.output())


def odt_document(title, subtitle, paragraphs):
    """An OpenDocument text with a heading and body paragraphs, editable by the network."""
    document = OpenDocumentText()
    heading_style = Style(name="Titre", family="paragraph")
    heading_style.addElement(TextProperties(fontsize="18pt", fontweight="bold"))
    heading_style.addElement(ParagraphProperties(marginbottom="0.3cm"))
    document.styles.addElement(heading_style)
    document.text.addElement(H(outlinelevel=1, stylename=heading_style, text=title))
    document.text.addElement(P(text=subtitle))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()
