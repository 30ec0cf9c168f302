import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from porteurs.tasks import send_review_reminders


class Command(BaseCommand):
    help = _(
        "Confie à la file des tâches l'envoi des rappels de vérification des fiches arrivées à "
        "échéance (une fois par jour, par systemd ou cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help=_("jour de référence AAAA-MM-JJ (par défaut : aujourd'hui)")
        )

    def handle(self, *args, **options):
        if options["date"]:
            try:
                datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(_("Date invalide : écrivez-la AAAA-MM-JJ.")) from None
        result = send_review_reminders.enqueue(options["date"])
        self.stdout.write(_("Rappels confiés à la file des tâches (%(id)s).") % {"id": result.id})
