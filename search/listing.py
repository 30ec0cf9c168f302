"""The one shape of a listing: a filter form, a search request, a page, the objects shown.

The directory, the agenda, the library, the news and the site search page all follow it::

    class Library(SearchListing):
        form_class = LibraryForm                      # a ListingForm: every field optional

        def search_request(self, filters):            # cleaned filters -> SearchRequest
            return SearchRequest(types=["ressource"], ...)

        def display_queryset(self, filters):          # what a page shows, with its prefetches
            return ResourcePage.objects.live()...

        def render_listing(self, request, context, status=200):
            ...

A malformed filter never reaches the engine: the listing is shown again with its form, the
errors announced, and the status 400. Bad page numbers are a 400 too (`search.pagination`).

After a search the filters fold into one line above the results ("Parents · « sommeil » ·
Modifier", `ListingForm.summary`, `templates/includes/folded_filters.html`), and a search that
finds nothing offers the same listing with one filter dropped, each with its count
(`SearchListing.ways_out`).
"""

from dataclasses import dataclass, replace

from django import forms
from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .api import ResultList, load_objects
from .pagination import page_number, paginate
from .widget_renderer import RENDERER

INVALID_VALUE = _("« %(value)s » n'est pas une valeur possible du filtre « %(label)s ».")


@dataclass
class WayOut:
    """A link to the same search with one change, and how many results it finds."""

    label: str
    query: str
    count: int
    url: str = ""


def query_string(params, **changes):
    """The query string of `params` (a QueryDict) with `changes` (None removes a key, a list
    gives a key several values)."""
    query = params.copy()
    query.pop("page", None)
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query.setlist(name, value if isinstance(value, list) else [str(value)])
    return "?" + query.urlencode()


class WordsField(forms.CharField):
    """Words typed in a listing's search box: spaces collapsed, cut at `max_length`."""

    def __init__(self, *, max_length=100, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(**kwargs)
        self.cut_at = max_length
        self.widget.attrs["maxlength"] = str(max_length)

    def to_python(self, value):
        return " ".join(super().to_python(value).split())[: self.cut_at]


class ListingForm(forms.Form):
    """The filters of a listing, read from the query string; every field is optional.

    `problems()` gives one sentence per error, naming the filter and the value typed, for the
    error summary and for the 400 of a feed. A field whose value is not among its choices
    reads `invalid_value_messages[name]` (with `value`, `label` and `choices`), or
    `INVALID_VALUE`.
    """

    default_renderer = RENDERER
    invalid_value_messages = {}
    value_codes = ("invalid_choice",)
    # Fields that never appear in the one-line summary (an order is not a filter).
    unsummarized = ("tri", "page")

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)

    def clean(self):
        cleaned = super().clean()
        for name in self.fields:
            if len(self.data.getlist(name)) > 1:
                self.add_error(
                    None,
                    _("Le filtre « %(name)s » ne peut avoir qu'une valeur.") % {"name": name},
                )
        return cleaned

    def problems(self):
        sentences = []
        for name, errors in self.errors.as_data().items():
            field = self.fields.get(name)
            label = str(field.label) if field else ""
            for error in errors:
                sentences.append(self._sentence(name, label, field, error))
        return sentences

    def _sentence(self, name, label, field, error):
        if field is not None and error.code in self.value_codes:
            choices = [str(value) for value, _label in getattr(field, "choices", []) if value]
            template = self.invalid_value_messages.get(name, INVALID_VALUE)
            return str(template) % {
                "value": str(self.data.get(name, ""))[:50],
                "label": label,
                "choices": ", ".join(choices),
                "name": name,
            }
        message = error.message % error.params if error.params else error.message
        if not label or f"« {label} »" in str(message):
            return str(message)
        return f"{label} : {message}"

    def is_filtered(self):
        """Whether a visitor narrowed the listing (the sort order alone does not count)."""
        if not self.is_bound or not self.is_valid():
            return False
        return any(
            self.cleaned_data.get(name) not in (None, "", False, [])
            for name in self.fields
            if name not in ("tri", "page")
        )

    def filter_text(self, name, field, value):
        """The short French text of one filter set to `value`, for the summary."""
        if isinstance(field, WordsField):
            return gettext("« %(words)s »") % {"words": value}
        if isinstance(field, forms.BooleanField):
            return str(field.label)
        if isinstance(field, forms.ChoiceField):
            return str(dict(field.choices).get(value, value))
        return str(value)

    def active_filters(self):
        """The filters a visitor set, in the form's order: [(field name, short French text)].

        What the folded summary reads and what the ways out of an empty result drop one at a
        time; empty when the form is unbound or has errors.
        """
        if not self.is_bound or not self.is_valid():
            return []
        shown = []
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if name in self.unsummarized or value in (None, "", False, []):
                continue
            shown.append((name, self.filter_text(name, field, value)))
        return shown

    def summary(self):
        """The search in one line: "Parents · « sommeil »"."""
        return " · ".join(text for _name, text in self.active_filters())

    def drop_label(self, name, text):
        """The label of the way out that removes the filter `name`."""
        if isinstance(self.fields[name], WordsField):
            return gettext("Sans les mots « %(mots)s »") % {"mots": self.cleaned_data[name]}
        return gettext("Sans « %(filtre)s »") % {"filtre": text}


class SearchListing:
    """What every listing does with a request; the listing fills in the hooks.

    - `form_class` and `form_kwargs(request)`: the filters;
    - `search_request(filters)`: the `SearchRequest` of valid filters (page and size are set
      here from `?page=` and `per_page`);
    - `listing_items(filters, search_request)`: what the paginator pages through, the
      engine's `ResultList` by default; a listing that orders what the engine cannot (the
      agenda's occurrences, the most downloaded resources) returns its own list or queryset;
    - `display_queryset(filters)`: where the objects of a page of hits are loaded from, with
      what the template needs prefetched; None shows the hits themselves;
    - `listing_context(request, form, page_obj)`: anything else the template shows;
    - `render_listing(request, context, status)`: the response.

    The context always has `folded` and `summary` (`folding_context`): the template folds the
    filters into that one line once a search shows its results.
    """

    form_class = ListingForm
    per_page = 20
    # Whether the filters start folded, the items shown first (the agenda, the library).
    folds_before_search = False

    def form_kwargs(self, request):
        return {}

    def filter_form(self, request):
        """The form of the query string; unbound (showing its initial values) when empty."""
        return self.form_class(request.GET or None, **self.form_kwargs(request))

    def search_request(self, filters):
        raise NotImplementedError

    def listing_items(self, filters, search_request):
        return ResultList(search_request)

    def display_queryset(self, filters):
        return None

    def listing_context(self, request, form, page_obj):
        return {}

    def render_listing(self, request, context, status=200):
        raise NotImplementedError

    def valid_filters(self, request):
        """(form, cleaned filters), the filters None when the form has errors (a feed then
        answers 400 with `form.problems()`). An empty query string gives the filters'
        defaults."""
        form = self.filter_form(request)
        if not form.is_bound:
            blank = self.form_class(QueryDict(), **self.form_kwargs(request))
            blank.is_valid()
            return form, blank.cleaned_data
        return form, (form.cleaned_data if form.is_valid() else None)

    def page_of(self, request, filters):
        """The page of items `?page=` asks for, objects loaded."""
        number = page_number(request)
        wanted = replace(self.search_request(filters), page=number, per_page=self.per_page)
        items = self.listing_items(filters, wanted)
        page_obj = paginate(request, items, self.per_page)
        queryset = self.display_queryset(filters)
        if isinstance(items, ResultList) and queryset is not None:
            page_obj.object_list = load_objects(page_obj.object_list, queryset)
        return page_obj

    def folding_context(self, form, results_shown=True):
        """`folded`: whether the filters fold into their one-line `summary` above the results:
        once a visitor has set a filter, or always for a listing that shows its items before
        any search (`folds_before_search`); never with an error."""
        valid = not form.is_bound or form.is_valid()
        folded = results_shown and valid and (self.folds_before_search or form.is_filtered())
        return {"folded": folded, "summary": form.summary() if folded else ""}

    def count_of(self, filters):
        """How many items the listing shows for `filters` (valid), on all its pages."""
        return Paginator(self.listing_items(filters, self.search_request(filters)), 1).count

    def ways_out(self, request, form):
        """[WayOut] of a search of `form` (valid) that found nothing: the same listing with one
        filter dropped, then with none when several are set, each with its count. As many
        counts as filters set, whatever the number of items."""
        ways = []
        active = form.active_filters()
        for name, text in active:
            query = query_string(request.GET, **{name: None})
            found = self._count_of_query(request, query)
            if found is not None:
                ways.append(WayOut(form.drop_label(name, text), query, found))
        if len(active) > 1:
            query = query_string(request.GET, **{name: None for name, _text in active})
            found = self._count_of_query(request, query)
            if found is not None:
                ways.append(WayOut(gettext("Sans aucun filtre"), query, found))
        return ways

    def _count_of_query(self, request, query):
        form = self.form_class(QueryDict(query[1:]), **self.form_kwargs(request))
        return self.count_of(form.cleaned_data) if form.is_valid() else None

    def serve_listing(self, request):
        form, filters = self.valid_filters(request)
        if filters is None:
            return self.invalid_listing(request, form)
        page_obj = self.page_of(request, filters)
        context = {"form": form, "page_obj": page_obj, **self.folding_context(form)}
        context.update(self.listing_context(request, form, page_obj))
        return self.render_listing(request, context)

    def invalid_listing(self, request, form):
        """The listing shown again with its form and the errors announced, status 400."""
        context = {"form": form, "page_obj": None, **self.folding_context(form, False)}
        context.update(self.listing_context(request, form, None))
        return self.render_listing(request, context, status=400)
