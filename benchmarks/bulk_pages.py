"""Bulk insertion of live pages for the benchmarks: thousands of pages in seconds."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page


def bulk_pages(index, pages):
    """Insert live `pages` (unsaved specific pages with their title and dates) under `index`.

    The tree rows go in with one bulk insert per thousand pages; each specific row follows.
    """
    index = Page.objects.get(pk=index.pk)
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    step = index.numchild
    with transaction.atomic():
        bases = []
        for page in pages:
            step += 1
            bases.append(
                Page(
                    title=page.title,
                    draft_title=page.title,
                    slug=f"bench-{step}",
                    content_type=content_type,
                    path=Page._get_path(index.path, index.depth + 1, step),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}bench-{step}/",
                    live=True,
                    first_published_at=page.first_published_at,
                    last_published_at=page.last_published_at,
                    locale_id=index.locale_id,
                )
            )
        created = Page.objects.bulk_create(bases, batch_size=1000)
        for page, base in zip(pages, created, strict=True):
            page.page_ptr_id = page.pk = base.pk
            page.save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=index.pk).update(numchild=step)
