"""The files already stored, checked again by the upload gate, and quarantine for those that fail.

Stored files are Wagtail's documents and images, and every model file field validated by
`hub.uploads.validate_upload` (the resource library's files). Quarantine moves the file's bytes
out of its storage into `UPLOAD_QUARANTINE_ROOT`, which nothing serves, under
`<kind>/<id>/<name>`. A document or an image also moves to the « Quarantaine » collection, which
only national administrators see: its public URL answers 404 (see `hub.wagtail_hooks`) and its
renditions are deleted. A resource file keeps its row: its download answers 404.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from .uploads import (
    DOCUMENT_FORMATS,
    IMAGE_FORMATS,
    check_upload,
    max_image_size,
    max_size,
    validate_upload,
)

QUARANTINE_COLLECTION = "Quarantaine"


@dataclass
class StoredFile:
    """One stored file and what its entrance accepts."""

    kind: str
    label: str
    instance: models.Model
    field_name: str
    accepted: tuple
    limit: int

    @property
    def file(self):
        return getattr(self.instance, self.field_name)

    @property
    def title(self):
        return getattr(self.instance, "title", "") or str(self.instance)

    @property
    def quarantine_name(self):
        return f"{self.kind}/{self.instance.pk}/{PurePosixPath(self.file.name).name}"


def quarantine_storage():
    return FileSystemStorage(location=settings.UPLOAD_QUARANTINE_ROOT)


def quarantine_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=QUARANTINE_COLLECTION).first()
    return existing or root.add_child(name=QUARANTINE_COLLECTION)


def gated_file_fields():
    """(model, field name) of every model file field checked by `validate_upload`."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and validate_upload in field.validators:
                yield model, field.name


def stored_files():
    """Every stored file the gate covers, outside the quarantine collection."""
    quarantined = Collection.objects.filter(name=QUARANTINE_COLLECTION)
    for model, kind, label, accepted, limit in [
        (get_document_model(), "documents", _("Document"), DOCUMENT_FORMATS, max_size()),
        (get_image_model(), "images", _("Image"), IMAGE_FORMATS, max_image_size()),
    ]:
        for instance in model.objects.exclude(collection__in=quarantined).order_by("pk"):
            yield StoredFile(kind, label, instance, "file", accepted, limit)
    for model, field_name in gated_file_fields():
        kind = f"{model._meta.app_label}-{model._meta.model_name}"
        label = capfirst(model._meta.verbose_name)
        for instance in model.objects.exclude(**{field_name: ""}).order_by("pk"):
            yield StoredFile(kind, label, instance, field_name, DOCUMENT_FORMATS, max_size())


def recheck(stored):
    """The French reason why `stored` fails the gate, or None if it passes."""
    if quarantine_storage().exists(stored.quarantine_name):
        return None
    try:
        with stored.file.open("rb") as fileobj:
            check_upload(fileobj, stored.accepted, limit=stored.limit)
    except FileNotFoundError:
        return _("Le fichier est absent du stockage.")
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def quarantine(stored):
    """Move the file out of public reach; returns where it now is (None if it was absent)."""
    field = stored.file
    if not field.storage.exists(field.name):
        destination = None
    else:
        with field.open("rb") as source:
            destination = quarantine_storage().save(stored.quarantine_name, source)
        field.storage.delete(field.name)
    instance = stored.instance
    if hasattr(instance, "collection"):
        if hasattr(instance, "renditions"):
            instance.renditions.all().delete()
        instance.collection = quarantine_collection()
        instance.save(update_fields=["collection"])
    return destination and quarantine_storage().path(destination)
