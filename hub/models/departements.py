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
