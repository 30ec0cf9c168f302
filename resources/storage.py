"""Where resource files live: outside the public media folder, so that every download goes
through the counting view (see `ResourcePage.download`)."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def resource_storage():
    return FileSystemStorage(location=settings.RESOURCES_FILES_ROOT)
