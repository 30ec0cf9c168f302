"""The step every directory import shares (CSV, data·inclusion): write one record.

Each record is found by its `external_id` under the département's directory, created or
updated, validated by the model's own rules (`full_clean`) and published through a revision, as
an editor's publication would be. An import is atomic: when any record fails, every error is
reported and nothing is written. The records are indexed for search once, at the end.
"""

import contextlib
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from hub.sections import add_published_child
from search import indexing

# Set by the page tree when a new record is added under the directory, so not validated before.
TREE_FIELDS = ["path", "depth", "numchild", "url_path", "slug"]


class ImportFailed(Exception):
    """Raised with every error found; nothing was written."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0


@dataclass
class RecordImport:
    """The records written so far under `index`, and the errors found (one message each)."""

    index: object
    errors: list[str] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)
    pages: list = field(default_factory=list)

    def upsert(self, model, external_id, values, describe):
        """Create or update the `model` record `external_id` with `values`, then publish it.

        When the model refuses it, nothing is written for that record and `describe(field,
        message)` words each error (`field` is None for an error on the whole record); returns
        None then, the published page otherwise.
        """
        page = model.objects.descendant_of(self.index).filter(external_id=external_id).first()
        created = page is None
        if created:
            page = model(external_id=external_id)
        for name, value in values.items():
            setattr(page, name, value)
        try:
            page.full_clean(exclude=TREE_FIELDS if created else None)
        except ValidationError as error:
            self.errors += [
                describe(None if name == NON_FIELD_ERRORS else name, message)
                for name, messages in error.message_dict.items()
                for message in messages
            ]
            return None
        if created:
            add_published_child(self.index, page)
            self.report.created += 1
        else:
            page.save_revision().publish()
            page.refresh_from_db()
            self.report.updated += 1
        self.pages.append(page)
        return page


@contextlib.contextmanager
def record_import(index):
    """Write records under the directory `index`, all or nothing (raises `ImportFailed`)."""
    batch = RecordImport(index)
    try:
        with transaction.atomic():
            with indexing.suspended():
                yield batch
                if batch.errors:
                    raise ImportFailed(batch.errors)
            indexing.update_objects(batch.pages)
    except Exception:
        # Rolled back: so is the count of children that the page tree keeps on `index`.
        index.refresh_from_db(fields=["numchild"])
        raise
