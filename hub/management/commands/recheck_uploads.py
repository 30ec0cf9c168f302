from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from hub import quarantine


class Command(BaseCommand):
    help = (
        "Check every stored document, image and resource file again with the upload gate and "
        "list those that fail (id, title, reason); with --quarantine, move them out of public "
        "reach (see hub.quarantine)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quarantine",
            action="store_true",
            help="Move each failing file to UPLOAD_QUARANTINE_ROOT; its public link answers 404.",
        )

    def handle(self, *args, **options):
        checked = refused = 0
        for stored in quarantine.stored_files():
            checked += 1
            reason = quarantine.recheck(stored)
            if not reason:
                continue
            refused += 1
            self.stdout.write(
                _("%(label)s %(id)s « %(title)s » : %(reason)s")
                % {
                    "label": stored.label,
                    "id": stored.instance.pk,
                    "title": stored.title,
                    "reason": reason,
                }
            )
            if options["quarantine"]:
                destination = quarantine.quarantine(stored)
                self.stdout.write(
                    "  → "
                    + (
                        _("mis en quarantaine : %(path)s") % {"path": destination}
                        if destination
                        else _("retiré de la publication")
                    )
                )
        self.stdout.write(
            _("Fichiers vérifiés : %(checked)s ; refusés : %(refused)s.")
            % {"refused": refused, "checked": checked}
        )
