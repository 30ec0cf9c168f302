"""The French territories every app refers to: départements, EPCI and communes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        ordering = ["code"]
        verbose_name = _("département")
        verbose_name_plural = _("départements")

    def __str__(self):
        return f"{self.nom} ({self.code})"


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
