"""The French territories every app refers to: départements, EPCI and communes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# INSEE's TNCC ("type de nom en clair"), `typeLiaison` in the reference data: 0 no article
# (consonant), 1 no article (vowel), 2 "le", 3 "la", 4 "les", 5 "l'".
TNCC_VOWEL, TNCC_LE, TNCC_LES = 1, 2, 4
ARTICLES = {2: "le ", 3: "la ", 4: "les ", 5: "l'"}
# The TNCC gives the article but not the preposition of a name without one: "en Seine-et-Marne"
# is the rule, these cities and islands take "à" (or "dans les").
PLACE_PREPOSITIONS = {
    "75": "à",
    "974": "à",
    "975": "à",
    "976": "à",
    "977": "à",
    "978": "à",
    "984": "dans les",
    "986": "à",
    "989": "à",
}


class Departement(models.Model):
    """A French département, as listed by the official geographic code (COG).

    Rows come from the `@etalab/decoupage-administratif` reference data through the
    `load_departements` command; nobody types them.
    """

    class Zone(models.TextChoices):
        METROPOLE = "metro", _("Métropole")
        DROM = "drom", _("Outre-mer (DROM)")
        COM = "com", _("Collectivité d'outre-mer")

    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    nom = models.CharField(_("nom"), max_length=100)
    slug = models.SlugField(_("identifiant d'URL"), max_length=100, unique=True)
    region_code = models.CharField(_("code de la région"), max_length=3)
    zone = models.CharField(_("zone"), max_length=5, choices=Zone.choices)
    type_liaison = models.PositiveSmallIntegerField(
        _("type de nom (TNCC)"),
        default=0,
        help_text=_(
            "Article du nom selon le code officiel géographique : 2 le, 3 la, 4 les, 5 l'."
        ),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("département")
        verbose_name_plural = _("départements")

    def __str__(self):
        return f"{self.nom} ({self.code})"

    @property
    def le(self):
        """The name with its article: "le Nord", "la Gironde", "l'Isère", "les Landes", "Paris"."""
        article = ARTICLES.get(self.type_liaison, "")
        return f"{article}{self.nom}"

    @property
    def du(self):
        """ "du Nord", "de la Gironde", "de l'Isère", "des Landes", "de Paris", "d'Eure-et-Loir"."""
        if self.type_liaison == TNCC_LE:
            return f"du {self.nom}"
        if self.type_liaison == TNCC_LES:
            return f"des {self.nom}"
        if self.type_liaison in ARTICLES:
            return f"de {self.le}"
        return f"d'{self.nom}" if self.type_liaison == TNCC_VOWEL else f"de {self.nom}"

    @property
    def dans_le(self):
        """Where, in a sentence: "dans le Nord", "en Gironde", "en Isère", "dans les
        Hauts-de-Seine", "en Seine-et-Marne", "à Paris", "à La Réunion"."""
        if self.code in PLACE_PREPOSITIONS:
            return f"{PLACE_PREPOSITIONS[self.code]} {self.nom}"
        if self.type_liaison in (TNCC_LE, TNCC_LES):
            return f"dans {self.le}"
        return f"en {self.nom}"


class Epci(models.Model):
    """An intercommunality (EPCI à fiscalité propre), from the official geographic code."""

    code = models.CharField(_("SIREN"), max_length=9, unique=True)
    nom = models.CharField(_("nom"), max_length=200)

    class Meta:
        ordering = ["nom"]
        verbose_name = _("EPCI")
        verbose_name_plural = _("EPCI")

    def __str__(self):
        return self.nom


class Commune(models.Model):
    """A commune: INSEE code, name, postal codes, département, EPCI and, when known, a point.

    Loaded by `manage.py load_communes` from npm packages; see the README for the point's origin.
    """

    class PointSource(models.TextChoices):
        GEONAMES = "geonames", _("GeoNames (même commune)")
        POSTAL_CODE = "code-postal", _("Commune voisine de même code postal")
        NONE = "", _("Aucun")

    code = models.CharField(_("code INSEE"), max_length=5, unique=True)
    nom = models.CharField(_("nom"), max_length=200)
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    codes_postaux = models.CharField(_("codes postaux"), max_length=200, blank=True)
    departement_code = models.CharField(_("département"), max_length=3, db_index=True)
    epci = models.ForeignKey(
        Epci, verbose_name=_("EPCI"), null=True, blank=True, on_delete=models.SET_NULL
    )
    population = models.PositiveIntegerField(_("population"), default=0)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    point_source = models.CharField(
        _("origine du point"), max_length=20, choices=PointSource.choices, blank=True
    )

    class Meta:
        ordering = ["nom"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return f"{self.nom} ({self.departement_code})"

    @property
    def postal_codes(self):
        return [code for code in self.codes_postaux.split(",") if code]

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None
