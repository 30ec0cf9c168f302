"""The listings' filters written in Python read exactly as Django's widget templates write them:
same inputs, selects, options, labels, values, escaping and errors."""

from types import SimpleNamespace

from django import forms
from django.forms.renderers import get_default_renderer
from django.http import QueryDict
from django.test import TestCase

from directory.forms import DirectorySearchForm
from events.filters import AgendaFilterForm
from hub.models.news import NewsFilterForm
from resources.library import LibraryFilterForm
from search.views import SiteSearchForm
from search.widget_renderer import RENDERER

TRICKY = '<b>"l\'école" & co</b>'


def listing_forms(data):
    tag = SimpleNamespace(slug="ecrans", name="Écrans & <famille>")
    return [
        DirectorySearchForm(data, departement_code="59"),
        AgendaFilterForm(data),
        LibraryFilterForm(data, tags=[tag], years=[2025, 2026]),
        NewsFilterForm(data),
        SiteSearchForm(data),
    ]


def rendered(form, renderer):
    form.renderer = renderer
    fields = [(str(field), field.label_tag(), str(field.errors)) for field in form]
    return fields, str(form)


class GroupedChoicesForm(forms.Form):
    """Widgets the listings do not use today, still written as Django writes them."""

    grouped = forms.ChoiceField(
        choices=[("Nord", [("59", "Nord"), ("62", "Pas-de-Calais")]), ("", "Aucun")],
        required=False,
    )
    several = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple, required=False
    )
    when = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)


class PythonRendererTests(TestCase):
    queries = [
        "",
        f"q={TRICKY}&age=7&gratuit=on&samedi=on&theme=ecrans&rayon=20&contenu=lieux",
        "q=sommeil&type=atelier&public=parents&etiquette=ecrans&annee=2025&tri=date",
        "age=douze&rayon=7&type=inconnu&lieu=Nulle-part&lat=abc&public=x",
        "q=a&q=b",
    ]

    def test_every_listing_form_reads_as_the_templates_write_it(self):
        for query in self.queries:
            data = QueryDict(query) if query else None
            pairs = zip(listing_forms(data), listing_forms(data), strict=True)
            for python_form, template_form in pairs:
                with self.subTest(form=type(python_form).__name__, query=query):
                    self.assertEqual(
                        rendered(python_form, RENDERER),
                        rendered(template_form, get_default_renderer()),
                    )

    def test_listing_forms_use_the_python_renderer(self):
        for form in listing_forms(None):
            with self.subTest(form=type(form).__name__):
                self.assertIs(form.renderer, RENDERER)

    def test_other_widgets_too(self):
        data = QueryDict(f"grouped=62&several=b&when=2026-12-07&hidden={TRICKY}")
        self.assertEqual(
            rendered(GroupedChoicesForm(data), RENDERER),
            rendered(GroupedChoicesForm(data), get_default_renderer()),
        )
        self.assertIn('<optgroup label="Nord">', str(GroupedChoicesForm(data, renderer=RENDERER)))
