"""Remove a person's two-factor devices (lost phone and recovery codes): they enrol again."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django_otp import devices_for_user


class Command(BaseCommand):
    help = "Supprime l'application d'authentification et les codes de secours d'un compte."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(
                _("Aucun compte « %(username)s ».") % {"username": username}
            ) from None
        removed = 0
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
        self.stdout.write(
            _("%(count)s dispositif(s) supprimé(s) pour %(username)s.")
            % {"count": removed, "username": username}
        )
