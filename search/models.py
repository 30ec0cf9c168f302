from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .text import spelled, words


class SearchEntry(models.Model):
    """One indexed object in the database engine (and the fallback when the cluster is down).

    The full-text part lives beside it: a `tsvector` column on PostgreSQL, the FTS5 table
    `search_fts` on SQLite (see the migrations and `search.backends.database`).
    """

    type_key = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    title = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    departement = models.CharField(max_length=3, blank=True)
    date = models.DateField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    sort_key = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["type_key", "object_id"], name="search_entry_unique")
        ]
        indexes = [
            # The box around a place and radius (search.backends.database).
            models.Index(fields=["type_key", "latitude", "longitude"], name="search_entry_point"),
            # The listing order of a type, without words or place (the national directory).
            models.Index(fields=["type_key", "sort_key", "id"], name="search_entry_listing"),
        ]

    def __str__(self):
        return f"{self.type_key}:{self.object_id} {self.title}"


class SearchFacetValue(models.Model):
    """A facet value carried by an indexed object (several per facet allowed)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facet_values")
    name = models.CharField(max_length=40)
    value = models.CharField(max_length=120)

    class Meta:
        indexes = [
            models.Index(fields=["name", "value"]),
            # An entry's facet filters checked from the index alone, entry by entry.
            models.Index(fields=["entry", "name", "value"], name="search_facet_entry"),
        ]

    def __str__(self):
        return f"{self.name}={self.value}"


class SearchTerm(models.Model):
    """A folded word seen in indexed titles and texts: the vocabulary for "did you mean"."""

    word = models.CharField(max_length=60, primary_key=True)

    def __str__(self):
        return self.word


class Synonym(models.Model):
    """Words and phrases searched as one (e.g. LAEP and lieu d'accueil enfants-parents).

    "a, b, c": each of them finds all three. "a, b => c, d": a parent's words on the left
    also find the records' words on the right, not the other way round ("papa => parent":
    searching "parent" does not look for "papa"). Applied when a query is read, by every
    engine: editing them needs no reindexing.
    """

    terms = models.CharField(
        _("équivalents"),
        max_length=500,
        unique=True,
        help_text=_(
            "Mots ou expressions équivalents séparés par des virgules, par exemple : "
            "LAEP, lieu d'accueil enfants-parents. Avec « => », les mots de gauche trouvent "
            "aussi ceux de droite, sans réciproque, par exemple : papa, père => parent."
        ),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        verbose_name = _("synonyme de recherche")
        verbose_name_plural = _("synonymes de recherche")
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def clean(self):
        typed, arrow, found = self.terms.partition("=>")
        if arrow and ("=>" in found or not words(typed) or not words(found)):
            raise ValidationError(
                {
                    "terms": _(
                        "Un seul « => », avec au moins un mot de chaque côté, par exemple : "
                        "papa, père => parent."
                    )
                }
            )

    def variants(self):
        """The equivalents, each as a list of lowercase words."""
        return [spelled(part) for part in self.terms.replace("=>", ",").split(",") if words(part)]

    def expansion(self):
        """(variants that trigger the synonym, every variant it then looks for), each as a
        list of lowercase words, accents kept."""
        typed, _arrow, found = self.terms.partition("=>")
        triggers = [spelled(part) for part in typed.split(",") if words(part)]
        extra = [spelled(part) for part in found.split(",") if words(part)]
        return triggers, triggers + extra
