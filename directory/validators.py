from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def luhn_valid(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_siret(value):
    """14 digits with a valid Luhn checksum (La Poste's SIRETs, SIREN 356000000, excepted)."""
    if not (len(value) == 14 and value.isdigit()):
        raise ValidationError(_("Un SIRET compte 14 chiffres."), code="siret")
    if value.startswith("356000000"):
        if sum(int(char) for char in value) % 5 != 0:
            raise ValidationError(_("Ce SIRET n'est pas valide (clé de contrôle)."), code="siret")
    elif not luhn_valid(value):
        raise ValidationError(_("Ce SIRET n'est pas valide (clé de contrôle)."), code="siret")
