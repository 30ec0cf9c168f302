"""The directory's filtering, with the Django ORM: validated filters in, results out.

With a place, candidates are prefiltered by a bounding box in SQL, then measured (haversine)
and sorted by distance in Python; only the requested page is then loaded.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from directory import choices, geo
from directory.forms import Kind
from directory.models import ActionPage, LieuRessourcePage, PromeneurPage
from directory.reference import search_key

MODELS = {Kind.ACTIONS: ActionPage, Kind.LIEUX: LieuRessourcePage, Kind.PROMENEURS: PromeneurPage}
RELATED = {
    Kind.ACTIONS: ["commune", "lieu", "structure"],
    Kind.LIEUX: ["commune", "structure"],
    Kind.PROMENEURS: ["commune", "structure"],
}


@dataclass
class SearchResults:
    """Either a queryset (no place) or an ordered list of (pk, distance) pairs."""

    kind: str
    queryset: object
    ranked: list | None = None
    distances: dict = field(default_factory=dict)

    def count(self):
        return len(self.ranked) if self.ranked is not None else self.queryset.count()

    def items(self):
        return self.ranked if self.ranked is not None else self.queryset

    def load(self, page_items):
        """The records of one page, in order, each with `.distance` (km or None)."""
        if self.ranked is None:
            records = list(page_items)
        else:
            pks = [pk for pk, _distance in page_items]
            by_pk = self.queryset.in_bulk(pks)
            records = [by_pk[pk] for pk in pks if pk in by_pk]
        for record in records:
            record.distance = self.distances.get(record.pk)
        return records


def words_filter(words):
    """Every word must appear (accents and case ignored) in the title, text or commune."""
    query = Q()
    for word in words.split()[:10]:
        query &= Q(search_text__contains=search_key(word))
    return query


def filtered_queryset(kind, filters, scope=None):
    """Live records of `kind` matching every filter; `scope(queryset)` restricts to a section."""
    model = MODELS[kind]
    queryset = model.objects.live()
    if scope is not None:
        queryset = scope(queryset)
    queryset = queryset.select_related(*RELATED[kind])
    if filters.get("q"):
        queryset = queryset.filter(words_filter(filters["q"]))
    if kind == Kind.ACTIONS:
        if filters.get("age") is not None:
            queryset = queryset.filter(age_min__lte=filters["age"], age_max__gte=filters["age"])
        if filters.get("theme"):
            queryset = queryset.filter(themes__contains=f"|{filters['theme']}|")
        if filters.get("type"):
            queryset = queryset.filter(action_type=filters["type"])
        if filters.get("format"):
            queryset = queryset.filter(format=filters["format"])
        if filters.get("mode"):
            queryset = queryset.filter(mode=filters["mode"])
        if filters.get("gratuit"):
            queryset = queryset.filter(cost=choices.Cost.GRATUIT)
        if filters.get("samedi"):
            queryset = queryset.filter(Q(open_saturday=True) | Q(lieu__open_saturday=True))
        if filters.get("soir"):
            queryset = queryset.filter(Q(open_evening=True) | Q(lieu__open_evening=True))
    elif kind == Kind.LIEUX:
        if filters.get("gratuit"):
            queryset = queryset.filter(participation=choices.Cost.GRATUIT)
        if filters.get("samedi"):
            queryset = queryset.filter(open_saturday=True)
        if filters.get("soir"):
            queryset = queryset.filter(open_evening=True)
    return queryset


def search(filters, scope=None):
    """Run the search described by validated `filters` (a `DirectorySearchForm.cleaned_data`)."""
    kind = filters.get("contenu") or Kind.ACTIONS
    queryset = filtered_queryset(kind, filters, scope)
    origin = filters.get("lieu")
    if origin is None:
        if kind == Kind.ACTIONS:
            queryset = queryset.order_by("next_session", "title", "pk")
        else:
            queryset = queryset.order_by("title", "pk")
        return SearchResults(kind, queryset)
    radius = filters.get("rayon") or 10
    min_lat, max_lat, min_lon, max_lon = geo.bounding_box(origin.latitude, origin.longitude, radius)
    candidates = queryset.filter(
        latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon)
    ).values_list("pk", "latitude", "longitude", "title")
    ranked = []
    for pk, lat, lon, title in candidates:
        distance = geo.haversine_km(origin.latitude, origin.longitude, lat, lon)
        if distance <= radius:
            ranked.append((distance, title, pk))
    ranked.sort()
    return SearchResults(
        kind,
        queryset,
        ranked=[(pk, distance) for distance, _title, pk in ranked],
        distances={pk: distance for distance, _title, pk in ranked},
    )
