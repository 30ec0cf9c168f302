"""The embedded engine: PostgreSQL full-text search (French, unaccent) or SQLite FTS5.

Both store `SearchEntry` rows with their facet values; the full text lives in a `tsvector`
column (PostgreSQL, configuration `hub_french` = french stemming + unaccent) or in the FTS5
table `search_fts` (SQLite, diacritics removed, stems from `search.text`).
"""

import hashlib
import math
import secrets

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import BooleanField, Count, F, Window
from django.db.models.expressions import RawSQL

from ..geo import KM_PER_DEGREE, distance_km
from ..highlight import highlight
from ..models import SearchEntry, SearchFacetValue, SearchTerm
from ..query import parse_prefix
from ..text import fold, stem, terms, words
from ..types import EngineResults, SearchHit
from .base import SearchBackend

ENTRY_FIELDS = [
    "title",
    "body",
    "url",
    "departement",
    "date",
    "latitude",
    "longitude",
    "sort_key",
]


# Counts over many entries (facet counts, the total of a listing without words or place) are
# kept in the Django cache (Redis in production) under the index's version, which every write
# changes: a request then reads them instead of counting the whole table again. They also
# expire, for caches that processes do not share (LocMem in development, where a command that
# reindexes runs beside the server).
VERSION_KEY = "search:index-version"
AGGREGATE_SECONDS = 600


def index_version():
    """A token that changes whenever the index does (set again if the cache lost it)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), None)
        version = cache.get(VERSION_KEY, "")
    return version


def index_changed():
    """A new version now (this process reads its own writes) and once the writes are
    committed (another process may have cached counts in between)."""

    def renew():
        cache.set(VERSION_KEY, secrets.token_hex(8), None)

    renew()
    transaction.on_commit(renew)


def _aggregate_key(kind, request, parsed, some_groups):
    """The cache key of one count over the entries `request` and `parsed` find."""
    described = repr(
        (
            kind,
            parsed.groups,
            some_groups,
            sorted(request.types),
            sorted((name, sorted(values)) for name, values in request.filters.items() if values),
            request.point,
            request.radius_km,
            request.facet_names,
        )
    )
    digest = hashlib.sha256(described.encode()).hexdigest()[:32]
    return f"search:{kind}:{index_version()}:{digest}"


class DatabaseEngine(SearchBackend):
    name = "database"

    @property
    def postgres(self):
        return connection.vendor == "postgresql"

    # Writing -----------------------------------------------------------------------------

    @transaction.atomic
    def index_documents(self, documents):
        """Insert or replace the given documents (dicts from `SearchableType.document`)."""
        if not documents:
            return
        existing = {}
        for type_key in {doc["type"] for doc in documents}:
            ids = [doc["object_id"] for doc in documents if doc["type"] == type_key]
            for entry in SearchEntry.objects.filter(type_key=type_key, object_id__in=ids):
                existing[(type_key, entry.object_id)] = entry
        entries, new = [], []
        for doc in documents:
            entry = existing.get((doc["type"], doc["object_id"])) or SearchEntry(
                type_key=doc["type"], object_id=doc["object_id"]
            )
            for name in ENTRY_FIELDS:
                setattr(entry, name, doc[name])
            (new if entry.pk is None else []).append(entry)
            entries.append((entry, doc))
        SearchEntry.objects.bulk_update(
            [entry for entry, _ in entries if entry.pk is not None], ENTRY_FIELDS
        )
        SearchEntry.objects.bulk_create(new)
        if any(entry.pk is None for entry in new):  # backends that return no ids
            for entry in new:
                entry.pk = SearchEntry.objects.get(
                    type_key=entry.type_key, object_id=entry.object_id
                ).pk
        ids = [entry.pk for entry, _ in entries]
        SearchFacetValue.objects.filter(entry_id__in=ids).delete()
        SearchFacetValue.objects.bulk_create(
            SearchFacetValue(entry=entry, name=name, value=value[:120])
            for entry, doc in entries
            for name, values in doc["facets"].items()
            for value in values
        )
        self._write_fulltext(entries)
        vocabulary = {
            word
            for _, doc in entries
            for word in words(f"{doc['title']} {doc['body']}")
            if 3 < len(word) <= 60 and not word.isdigit()
        }
        SearchTerm.objects.bulk_create(
            (SearchTerm(word=word) for word in vocabulary), ignore_conflicts=True
        )
        index_changed()

    def _write_fulltext(self, entries):
        rows = [
            (entry.pk, doc["title"], " ".join([doc["body"], *doc["communes"]]))
            for entry, doc in entries
        ]
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.executemany(
                    "UPDATE search_searchentry SET search_vector ="
                    " setweight(to_tsvector('hub_french', %s), 'A')"
                    " || setweight(to_tsvector('hub_french', %s), 'B') WHERE id = %s",
                    [(title, body, pk) for pk, title, body in rows],
                )
            else:
                cursor.executemany(
                    "DELETE FROM search_fts WHERE rowid = %s", [(pk,) for pk, _, _ in rows]
                )
                cursor.executemany(
                    "INSERT INTO search_fts(rowid, title, body) VALUES (%s, %s, %s)",
                    [(pk, " ".join(terms(t)), " ".join(terms(b))) for pk, t, b in rows],
                )

    @transaction.atomic
    def delete(self, type_key, object_ids):
        entries = SearchEntry.objects.filter(type_key=type_key, object_id__in=list(object_ids))
        if not self.postgres:
            ids = list(entries.values_list("pk", flat=True))
            with connection.cursor() as cursor:
                cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(i,) for i in ids])
        entries.delete()
        index_changed()

    @transaction.atomic
    def clear(self, type_key=None):
        entries = SearchEntry.objects.all()
        if type_key:
            entries = entries.filter(type_key=type_key)
            self.delete(type_key, entries.values_list("object_id", flat=True))
            return
        if not self.postgres:
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_fts")
        entries.delete()
        SearchTerm.objects.all().delete()
        index_changed()

    def rebuild_type(self, searchable, batches):
        """Empty then refill one type, in one transaction: readers never see it empty."""
        count = 0
        with transaction.atomic():
            self.clear(searchable.key)
            for documents in batches:
                self.index_documents(documents)
                count += len(documents)
            self._refresh_statistics()
        return count

    def _refresh_statistics(self):
        """Give the query planner fresh statistics after a bulk load.

        Until autovacuum catches up, PostgreSQL estimates a handful of rows per facet value and
        turns each facet filter into a nested loop: 4 s instead of 30 ms at 50,000 actions.
        """
        with connection.cursor() as cursor:
            for table in ("search_searchentry", "search_searchfacetvalue"):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")

    def indexed_ids(self, type_key):
        return set(
            SearchEntry.objects.filter(type_key=type_key).values_list("object_id", flat=True)
        )

    # Reading -----------------------------------------------------------------------------

    def _match(self, queryset, parsed, title_only=False, prefix_last=False, some_groups=False):
        """Restrict to entries matching `parsed` and annotate a `rank` (higher is better)."""
        if self.postgres:
            expression = _tsquery(parsed, title_only, prefix_last, some_groups)
            tsquery = "to_tsquery('hub_french', %s)"
            rank_sql, rank_params = f"ts_rank(search_vector, {tsquery})", [expression]
            if some_groups:  # the number of groups matched first, then ts_rank (below 1)
                each = [_tsquery(parsed.only([i]), title_only) for i in range(len(parsed.groups))]
                covered = " + ".join(f"(search_vector @@ {tsquery})::int" for _ in each)
                rank_sql, rank_params = f"{covered} + {rank_sql}", [*each, expression]
            return (
                queryset.alias(
                    matched=RawSQL(
                        f"search_vector @@ {tsquery}",
                        [expression],
                        output_field=BooleanField(),
                    )
                )
                .filter(matched=True)
                .annotate(rank=RawSQL(rank_sql, rank_params))
            )
        expression = _fts5_query(parsed, title_only, prefix_last, some_groups)
        return queryset.filter(
            id__in=RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression])
        )

    def _best_first(
        self,
        candidates,
        parsed,
        offset,
        limit,
        title_only=False,
        prefix_last=False,
        some_groups=False,
        counted=False,
    ):
        """One page of `candidates` matching `parsed`, best first; with `counted`, each row
        carries the number of matches as `total` (PostgreSQL).

        PostgreSQL ranks with ts_rank. On SQLite the FTS5 table drives the query and ranks with
        bm25 (title weighs ten times the text), the candidates coming in as a sub-select: far
        faster than ranking through a join. With `some_groups`, entries matching more groups
        come first on both.
        """
        if self.postgres:
            matched = self._match(candidates, parsed, title_only, prefix_last, some_groups)
            ordering = ["-rank", F("date").desc(nulls_last=True), "pk"]
            if counted:
                matched = matched.annotate(total=Window(Count("id")))
            return list(matched.order_by(*ordering)[offset : offset + limit])
        expression = _fts5_query(parsed, title_only, prefix_last, some_groups)
        # Materialized first: a `rowid IN (...)` next to MATCH makes FTS5 test row by row.
        sql = (
            "WITH matched AS MATERIALIZED (SELECT rowid AS id, bm25(search_fts, 10.0, 1.0)"
            " AS score FROM search_fts WHERE search_fts MATCH %s)"
        )
        params = [expression]
        order = "score, id"
        if some_groups:
            covered = []
            for index in range(len(parsed.groups)):
                sql += (
                    f", group_{index} AS MATERIALIZED"
                    " (SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s)"
                )
                params.append(_fts5_query(parsed.only([index]), title_only))
                covered.append(f"(id IN (SELECT id FROM group_{index}))")
            order = f"{' + '.join(covered)} DESC, {order}"
        sql += " SELECT id FROM matched"
        if candidates.query.where:
            subquery, subparams = candidates.values("id").query.sql_with_params()
            sql += f" WHERE id IN ({subquery})"
            params += list(subparams)
        sql += f" ORDER BY {order} LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            ids = [row[0] for row in cursor.fetchall()]
        rows = {row.pk: row for row in candidates.filter(pk__in=ids)}
        return [rows[pk] for pk in ids if pk in rows]

    def _filtered(self, request):
        queryset = SearchEntry.objects.all()
        if request.types:
            queryset = queryset.filter(type_key__in=request.types)
        for name, values in request.filters.items():
            if values:
                queryset = queryset.filter(
                    id__in=SearchFacetValue.objects.filter(name=name, value__in=values).values(
                        "entry_id"
                    )
                )
        return queryset

    def search(self, request, parsed, some_groups=False):
        queryset = self._filtered(request)
        if request.point:
            lat, lon = request.point
            shrink = math.cos(math.radians(lat))
            queryset = queryset.filter(latitude__isnull=False).annotate(
                flat_distance=(F("latitude") - lat) * (F("latitude") - lat)
                + (F("longitude") - lon) * (F("longitude") - lon) * (shrink * shrink)
            )
            if request.radius_km:
                # The box around the circle first: the (type, latitude, longitude) index
                # answers it, the exact distance then only looks at the entries inside.
                half_lat = request.radius_km / KM_PER_DEGREE
                half_lon = half_lat / max(shrink, 0.01)
                queryset = queryset.filter(
                    latitude__range=(lat - half_lat, lat + half_lat),
                    longitude__range=(lon - half_lon, lon + half_lon),
                    flat_distance__lte=half_lat**2,
                )
        if not request.snippets:
            queryset = queryset.defer("body")
        candidates = queryset
        if parsed:
            queryset = self._match(queryset, parsed, some_groups=some_groups)
        by_relevance = request.sort == "relevance" or (
            request.sort == "distance" and not request.point
        )
        # Without words or place, the count may span the whole table: it is kept.
        total_key = (
            None
            if parsed or request.point
            else _aggregate_key("total", request, parsed, some_groups)
        )
        known_total = cache.get(total_key) if total_key else None
        if parsed and by_relevance:
            rows = self._best_first(
                candidates,
                parsed,
                request.offset,
                request.per_page,
                some_groups=some_groups,
                counted=True,
            )
        else:
            ordered = queryset
            if known_total is None:
                ordered = ordered.annotate(total=Window(Count("id")))
            ordered = ordered.order_by(*_ordering(request))
            rows = list(ordered[request.offset : request.offset + request.per_page])
        total = known_total
        if total is None:
            total = _total(rows, queryset, request.offset)
            if total_key:
                cache.set(total_key, total, AGGREGATE_SECONDS)
        stems = parsed.stems()
        hits = [
            SearchHit(
                type_key=row.type_key,
                object_id=row.object_id,
                title=row.title,
                url=row.url,
                snippet=highlight(row.body or row.title, stems) if request.snippets else "",
                departement=row.departement,
                date=row.date,
                distance_km=(
                    distance_km(request.point, (row.latitude, row.longitude))
                    if request.point and row.latitude is not None
                    else None
                ),
            )
            for row in rows
        ]
        facets = {}
        if request.facets:
            facets = self._facet_counts(request, parsed, some_groups, queryset)
        return EngineResults(
            hits=hits,
            total=total,
            facet_counts=facets,
            suggestion=parsed.suggestion,
            engine=self.name,
        )

    def _facet_counts(self, request, parsed, some_groups, queryset):
        """{facet: {value: count}} over every entry found (of the facets asked for), kept in
        the cache until the index changes."""
        key = _aggregate_key("facets", request, parsed, some_groups)
        facets = cache.get(key)
        if facets is not None:
            return facets
        counts = SearchFacetValue.objects.filter(entry_id__in=queryset.values("id"))
        if request.facet_names is not None:
            counts = counts.filter(name__in=request.facet_names)
        facets = {}
        for row in counts.values("name", "value").annotate(count=Count("id")):
            facets.setdefault(row["name"], {})[row["value"]] = row["count"]
        cache.set(key, facets, AGGREGATE_SECONDS)
        return facets

    def autocomplete(self, prefix, limit):
        parsed = parse_prefix(prefix)
        if not parsed:
            return []
        rows = self._best_first(
            SearchEntry.objects.all(), parsed, 0, limit * 3, title_only=True, prefix_last=True
        )
        seen, found = set(), []
        for row in rows:
            if row.title in seen:
                continue
            seen.add(row.title)
            found.append(
                {"label": row.title, "value": row.title, "url": row.url, "kind": row.type_key}
            )
        return found[:limit]


def _total(rows, queryset, offset):
    """The number of entries `queryset` finds, read from the page's rows when they carry it
    (`COUNT(*) OVER ()`, computed by the query of the page): a second query only for an empty
    page past the first, or for SQLite's full-text page."""
    if rows and hasattr(rows[0], "total"):
        return rows[0].total
    if not rows and offset == 0:
        return 0
    return queryset.count()


def _ordering(request):
    """Ordering when relevance does not decide: distance, else newest first."""
    if request.sort == "distance" and request.point:
        return ["flat_distance", F("date").desc(nulls_last=True), "pk"]
    if request.sort == "listing":
        return ["sort_key", "pk"]
    return [F("date").desc(nulls_last=True), "title", "pk"]


def _fts5_query(parsed, title_only, prefix_last=False, some_groups=False):
    groups = []
    for index, group in enumerate(parsed.groups):
        last = prefix_last and index == len(parsed.groups) - 1
        alternatives = []
        for alternative in group:
            stems = [stem(fold(word)) for word in alternative]
            quoted = [f'"{value}"' for value in stems if value]
            if last:
                quoted[-1] += "*"
            alternatives.append("(" + " AND ".join(quoted) + ")")
        groups.append("(" + " OR ".join(alternatives) + ")")
    expression = (" OR " if some_groups else " AND ").join(groups)
    return f"title : ({expression})" if title_only else expression


def _tsquery(parsed, title_only, prefix_last=False, some_groups=False):
    weight = ":A" if title_only else ""
    groups = []
    for index, group in enumerate(parsed.groups):
        last = prefix_last and index == len(parsed.groups) - 1
        alternatives = []
        for alternative in group:
            lexemes = [f"{word}{weight}" for word in alternative]
            if last:
                lexemes[-1] = f"{alternative[-1]}:*{'A' if title_only else ''}"
            alternatives.append("(" + " & ".join(lexemes) + ")")
        groups.append("(" + " | ".join(alternatives) + ")")
    return (" | " if some_groups else " & ").join(groups)
