"""Bulk insertion of live pages for the benchmarks: thousands of pages in seconds."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page

BATCH = 1000


def bulk_pages(index, pages, slug_prefix="bench"):
    """Insert live `pages` (unsaved specific pages with their title and dates) under `index`.

    The tree rows and the specific rows each go in with one insert per thousand pages (the
    specific model must be a direct subclass of `Page`, as every content type here is).
    Returns `pages`, their primary keys set.
    """
    if not pages:
        return pages
    model = type(pages[0])
    index = Page.objects.get(pk=index.pk)
    content_type = ContentType.objects.get_for_model(model)
    step = index.numchild
    with transaction.atomic():
        bases = []
        for page in pages:
            step += 1
            slug = f"{slug_prefix}-{step}"
            page.slug = slug
            bases.append(
                Page(
                    title=page.title,
                    draft_title=page.title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(index.path, index.depth + 1, step),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    first_published_at=page.first_published_at,
                    last_published_at=page.last_published_at,
                    locale_id=index.locale_id,
                )
            )
        created = Page.objects.bulk_create(bases, batch_size=BATCH)
        for page, base in zip(pages, created, strict=True):
            for field in Page._meta.concrete_fields:
                setattr(page, field.attname, getattr(base, field.attname))
            page.page_ptr_id = page.pk = base.pk
        local_fields = list(model._meta.local_concrete_fields)
        for start in range(0, len(pages), BATCH):
            model._base_manager._insert(pages[start : start + BATCH], fields=local_fields, raw=True)
        Page.objects.filter(pk=index.pk).update(numchild=step)
    return pages
