"""Wagtail's admin API (`/admin/api/main/…`) with images and documents scoped like the choosers:
a coordinator gets only those of the collections they may choose from."""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from hub.scoping import choosable_collections


class ChoosableOnly:
    def get_queryset(self):
        allowed = choosable_collections(self.request.user, self.model)
        return super().get_queryset().filter(collection__in=allowed)


class ScopedDocumentsAdminAPIViewSet(ChoosableOnly, DocumentsAdminAPIViewSet):
    pass


class ScopedImagesAdminAPIViewSet(ChoosableOnly, ImagesAdminAPIViewSet):
    pass
