"""The one rule of the directory's freshness: when a record is due for review.

A record verified at a moment (its porteur's confirmation « toujours à jour » or its latest
publication, whichever is later: `DirectoryEntry.verified_at`) is due `every_months` calendar
months later, on the calendar of Europe/Paris. The reminders, the porteurs' « Vérifier mes
fiches », the admin's « Annuaire : à mettre à jour » and the indicator `fiches_anciennes` all ask
`due_on` and `is_due`.
"""

from django.utils import timezone

from hub.dates import add_months

# The shortest review frequency (1 month) is never less than 28 days: a record verified since
# then cannot be due, which lets a listing leave it out in the database before asking `is_due`.
SHORTEST_DELAY_DAYS = 28


def due_on(verified_at, every_months):
    """The day (Europe/Paris) a record verified at `verified_at` is due for review, or None
    when it has never been verified (never published)."""
    if verified_at is None:
        return None
    return add_months(timezone.localdate(verified_at), every_months)


def is_due(verified_at, every_months, today=None):
    """True when a record verified at `verified_at` is due for review on `today` (Paris)."""
    due = due_on(verified_at, every_months)
    return due is not None and due <= (today or timezone.localdate())


def latest(*moments):
    """The latest of `moments` that are set, or None: a record's verified date."""
    moments = [moment for moment in moments if moment]
    return max(moments) if moments else None
