"""The Elasticsearch/OpenSearch engine, through `elasticsearch.dsl`.

One `Document` class per registered content type, each behind an alias
(`<prefix>-<type key>`): a rebuild fills a new concrete index, then swaps the alias in one
`_aliases` call, so searches never see an empty index.

Text fields use the built-in `french` analyzer (elision, French stop words, light stemming,
accent folding). A custom chain (elision + stop + asciifolding + stemmer filters) gives the same
result on Elasticsearch, but OpenSearch-compatible test servers such as osmem-server ignore custom
elision and stop filters at index time, so the built-in analyzer is the one that behaves the same
everywhere. Synonyms are expanded when the query is read (`search.query`), identically for every
engine, so editing them in the admin needs no reindexing.

`SEARCH_ELASTICSEARCH_PLAIN_JSON = True` makes the client speak plain `application/json`, which
OpenSearch (and osmem-server) require instead of Elasticsearch 8's vendor media type.
"""

import re
import time

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from elastic_transport import Urllib3HttpNode
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import Date as DateField
from elasticsearch.dsl import Document, GeoPoint, Keyword, Search, Text, analyzer, token_filter
from elasticsearch.dsl import Q as EsQ
from elasticsearch.helpers import BulkIndexError, bulk

from .. import registry
from ..geo import distance_km
from ..query import ParsedQuery, parse_prefix
from ..types import EngineResults, SearchHit
from .base import SearchBackend

PRE, POST = "\x02", "\x03"
VENDOR_MEDIA_TYPE = re.compile(
    r"application/vnd\.elasticsearch\+([a-z-]+)(; ?compatible-with=\d+)?"
)


class PlainJsonNode(Urllib3HttpNode):
    """A connection that sends `application/json` instead of Elasticsearch 8's vendor type.

    The elasticsearch client rewrites every Accept/Content-Type header to
    `application/vnd.elasticsearch+json; compatible-with=8`, which OpenSearch refuses.
    """

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if headers.get(name):
                    headers[name] = VENDOR_MEDIA_TYPE.sub(r"application/\1", headers[name])
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


autocomplete_analyzer = analyzer(
    "hub_autocomplete",
    tokenizer="standard",
    filter=[
        "elision",  # "d'accueil" -> "accueil", as the database engines read it
        "lowercase",
        "asciifolding",
        token_filter("hub_edge", type="edge_ngram", min_gram=1, max_gram=20),
    ],
)
autocomplete_search_analyzer = analyzer(
    "hub_autocomplete_search", tokenizer="standard", filter=["elision", "lowercase", "asciifolding"]
)


class HubDocument(Document):
    """Fields every content type has; `document_class` derives one class per type."""

    type = Keyword()
    object_id = Keyword()
    title = Text(
        analyzer="french",
        fields={
            "autocomplete": Text(
                analyzer=autocomplete_analyzer, search_analyzer=autocomplete_search_analyzer
            )
        },
    )
    body = Text(analyzer="french")
    communes = Text(analyzer="french")
    url = Keyword(index=False)
    departement = Keyword()
    date = DateField()
    sort_key = Keyword()
    location = GeoPoint()


def document_class(searchable, alias):
    """The Document class of one content type, with a keyword field per facet."""
    attrs = {f"facet_{name}": Keyword() for name in ("type", "departement")}
    attrs.update({f"facet_{facet.name}": Keyword() for facet in searchable.facets})
    attrs["Index"] = type("Index", (), {"name": alias, "settings": {"number_of_replicas": 0}})
    return type(f"{searchable.key.title()}Document", (HubDocument,), attrs)


class ElasticEngine(SearchBackend):
    name = "elasticsearch"
    unavailable_errors = (TransportError, ApiError, BulkIndexError)

    def __init__(self, client, prefix):
        self.client = client
        self.prefix = prefix

    @classmethod
    def from_settings(cls):
        options = {"request_timeout": getattr(settings, "SEARCH_ELASTICSEARCH_TIMEOUT", 5)}
        if getattr(settings, "SEARCH_ELASTICSEARCH_PLAIN_JSON", False):
            options["node_class"] = PlainJsonNode
        client = Elasticsearch(settings.ELASTICSEARCH_URL, **options)
        return cls(client, getattr(settings, "SEARCH_INDEX_PREFIX", "hub"))

    def alias(self, key):
        return f"{self.prefix}-{key}"

    def _types(self, keys=None):
        return [item for item in registry.all_types() if not keys or item.key in keys]

    # Writing -----------------------------------------------------------------------------

    def _action(self, doc, index):
        source = {
            "type": doc["type"],
            "object_id": str(doc["object_id"]),
            "title": doc["title"],
            "body": doc["body"],
            "communes": " ".join(doc["communes"]),
            "url": doc["url"],
            "departement": doc["departement"],
            "date": doc["date"],
            "sort_key": doc["sort_key"],
            **{f"facet_{name}": values for name, values in doc["facets"].items()},
        }
        if doc["latitude"] is not None:
            source["location"] = {"lat": doc["latitude"], "lon": doc["longitude"]}
        return {"_index": index, "_id": f"{doc['type']}-{doc['object_id']}", "_source": source}

    def ensure_index(self, searchable):
        """Create the type's first concrete index and alias when there is none yet."""
        alias = self.alias(searchable.key)
        if not self.client.indices.exists_alias(name=alias):
            index = f"{alias}-{time.time_ns()}"
            document_class(searchable, index)._index.create(using=self.client)
            self.client.indices.put_alias(index=index, name=alias)
        return alias

    def index_documents(self, documents):
        actions = [
            self._action(doc, self.ensure_index(registry.get(doc["type"]))) for doc in documents
        ]
        if actions:
            bulk(self.client, actions, refresh=self.refresh)

    @property
    def refresh(self):
        return getattr(settings, "SEARCH_ELASTICSEARCH_REFRESH", False)

    def delete(self, type_key, object_ids):
        alias = self.alias(type_key)
        actions = [
            {"_op_type": "delete", "_index": alias, "_id": f"{type_key}-{pk}"} for pk in object_ids
        ]
        bulk(self.client, actions, refresh=self.refresh, raise_on_error=False)

    def rebuild_type(self, searchable, batches):
        """Fill a new index, then point the alias at it in one step and drop the old one."""
        alias = self.alias(searchable.key)
        index = f"{alias}-{time.time_ns()}"
        document_class(searchable, index)._index.create(using=self.client)
        count = 0
        client = self.client.options(request_timeout=120)  # bulk loads outlast searches
        for documents in batches:
            bulk(client, [self._action(doc, index) for doc in documents])
            count += len(documents)
        self.client.indices.refresh(index=index)
        old = []
        if self.client.indices.exists_alias(name=alias):
            old = list(self.client.indices.get_alias(name=alias).keys())
        actions = [{"remove": {"index": name, "alias": alias}} for name in old]
        actions.append({"add": {"index": index, "alias": alias}})
        self.client.indices.update_aliases(actions=actions)
        for name in old:
            self.client.indices.delete(index=name)
        return count

    def clear(self, type_key=None):
        for searchable in self._types([type_key] if type_key else None):
            alias = self.alias(searchable.key)
            if self.client.indices.exists_alias(name=alias):
                for name in self.client.indices.get_alias(name=alias):
                    self.client.indices.delete(index=name)

    def indexed_ids(self, type_key):
        alias = self.alias(type_key)
        if not self.client.indices.exists_alias(name=alias):
            return set()
        search = Search(using=self.client, index=alias).source(["object_id"])
        return {int(hit.object_id) for hit in search.scan()}

    # Reading -----------------------------------------------------------------------------

    def _indices(self, keys):
        return [
            self.alias(item.key)
            for item in self._types(keys)
            if self.client.indices.exists_alias(name=self.alias(item.key))
        ]

    def search(self, request, parsed, some_groups=False):
        indices = self._indices(request.types)
        if not indices:
            return EngineResults(hits=[], total=0, suggestion=parsed.suggestion, engine=self.name)
        search = Search(using=self.client, index=indices)
        if parsed:
            search = search.query(_text_query(parsed, some_groups))
        for name, values in request.filters.items():
            if values:
                search = search.filter("terms", **{f"facet_{name}": values})
        if request.point:
            lat, lon = request.point
            search = search.filter("exists", field="location")
            if request.radius_km:
                search = search.filter(
                    "geo_distance",
                    distance=f"{request.radius_km}km",
                    location={"lat": lat, "lon": lon},
                )
        search = search.sort(*_sort(request, bool(parsed)))
        if request.facets:
            names = request.facet_names
            for name in registry.facet_labels() if names is None else names:
                search.aggs.bucket(name, "terms", field=f"facet_{name}", size=200)
        if request.snippets:
            search = search.highlight(
                "body",
                "title",
                fragment_size=180,
                number_of_fragments=1,
                pre_tags=[PRE],
                post_tags=[POST],
                no_match_size=180,
            )
        else:
            search = search.source(excludes=["body"])
        search = search.extra(track_total_hits=True)[
            request.offset : request.offset + request.per_page
        ]
        response = search.execute()
        hits = []
        for hit in response.hits:
            fragments = getattr(hit.meta, "highlight", None)
            fragment = ""
            if fragments is not None:
                fragment = (
                    list(getattr(fragments, "body", []))
                    or list(getattr(fragments, "title", []))
                    or [""]
                )[0]
            distance = None
            if request.point and request.sort == "distance" and len(hit.meta.sort) > 0:
                distance = float(hit.meta.sort[0])
            elif request.point and getattr(hit, "location", None):
                distance = distance_km(request.point, (hit.location.lat, hit.location.lon))
            hits.append(
                SearchHit(
                    type_key=hit.type,
                    object_id=int(hit.object_id),
                    title=hit.title,
                    url=hit.url,
                    snippet=(
                        _safe_fragment(fragment or hit.body[:180]) if request.snippets else ""
                    ),
                    departement=getattr(hit, "departement", ""),
                    date=getattr(hit, "date", None),
                    distance_km=distance,
                )
            )
        facets = {}
        if request.facets:
            for name in response.aggregations.to_dict():
                buckets = response.aggregations[name].buckets
                if buckets:
                    facets[name] = {bucket.key: bucket.doc_count for bucket in buckets}
        return EngineResults(
            hits=hits,
            total=response.hits.total.value,
            facet_counts=facets,
            suggestion=parsed.suggestion,
            engine=self.name,
        )

    def autocomplete(self, prefix, limit):
        parsed = parse_prefix(prefix)
        indices = self._indices(None)
        if not parsed or not indices:
            return []
        # As on the database engines: whole words on the title, the last word typed as a
        # prefix (edge n-grams); a group matches by any of its alternatives (synonyms).
        last = len(parsed.groups) - 1

        def alternative_query(alternative, is_last):
            whole = alternative[:-1] if is_last else alternative
            queries = []
            if whole:
                queries.append(EsQ("match", title={"query": " ".join(whole), "operator": "and"}))
            if is_last:
                queries.append(EsQ("match", **{"title.autocomplete": alternative[-1]}))
            return EsQ("bool", must=queries)

        query = EsQ(
            "bool",
            must=[
                EsQ(
                    "bool",
                    should=[alternative_query(alt, index == last) for alt in group],
                    minimum_should_match=1,
                )
                for index, group in enumerate(parsed.groups)
            ],
        )
        search = Search(using=self.client, index=indices).query(query)
        found, seen = [], set()
        for hit in search.source(["title", "url", "type"])[: limit * 3].execute():
            if hit.title not in seen:
                seen.add(hit.title)
                found.append(
                    {"label": hit.title, "value": hit.title, "url": hit.url, "kind": hit.type}
                )
        return found[:limit]


# Each group matched adds this to the score, far above what relevance adds: with
# `some_groups`, hits matching more groups come first.
GROUP_MATCHED = 1000
# What a synonym's or a correction's match weighs, and a typed word's matched with typos,
# against the typed words matched as they are.
SYNONYM_WEIGHT = 0.6
TYPO_WEIGHT = 0.3
# One typo from 4 letters, two from 8: two in a 6-letter word turn "prison" into "maison".
FUZZINESS = "AUTO:4,8"


def _words_query(words, boost, **options):
    return EsQ(
        "multi_match",
        query=" ".join(words),
        fields=["title^3", "body", "communes^2"],
        operator="and",
        boost=boost,
        **options,
    )


def _text_query(parsed: ParsedQuery, some_groups=False):
    """Every group (or some, best first), each scored by its best alternative: the words as
    typed weigh most, then what synonyms and corrections add, then the typed words with a typo
    or two. Only typed words tolerate typos, or "paternité" would find "fraternité"."""
    groups, sure = [], []
    for index, group in enumerate(parsed.groups):
        alternatives, exact = [], []
        for alternative in group:
            typed = parsed.was_typed(index, alternative)
            query = _words_query(alternative, 1 if typed else SYNONYM_WEIGHT)
            alternatives.append(query)
            if not parsed.is_typo_fix(index, alternative):
                exact.append(query)
            if typed and len(alternative) == 1:
                alternatives.append(_words_query(alternative, TYPO_WEIGHT, fuzziness=FUZZINESS))
        groups.append(EsQ("dis_max", queries=alternatives))
        sure.append(EsQ("dis_max", queries=exact or alternatives))
    if some_groups:
        # A group matched without typos counts three times one matched with typos only.
        counted = [EsQ("constant_score", filter=q, boost=GROUP_MATCHED) for q in sure]
        counted += [EsQ("constant_score", filter=q, boost=GROUP_MATCHED / 2) for q in groups]
        return EsQ("bool", should=counted + groups, minimum_should_match=1)
    return EsQ("bool", must=groups)


def _sort(request, has_text):
    if request.sort == "distance" and request.point:
        lat, lon = request.point
        return [
            {"_geo_distance": {"location": {"lat": lat, "lon": lon}, "order": "asc", "unit": "km"}}
        ]
    if request.sort == "listing":
        return [{"sort_key": {"order": "asc", "unmapped_type": "keyword"}}, "object_id"]
    if request.sort == "date" or not has_text:
        return [{"date": {"order": "desc", "missing": "_last"}}, {"sort_key": "asc"}, "object_id"]
    return ["_score", {"date": {"order": "desc", "missing": "_last"}}]


def _safe_fragment(fragment):
    """Escape a highlighted fragment, keeping only our own <mark> tags."""
    return mark_safe(escape(fragment).replace(PRE, "<mark>").replace(POST, "</mark>"))
