"""The coordination is told by e-mail when a porteur hands it something to act on: a change of
a record submitted to moderation, a dossier submitted to a call for projects, a bilan
submitted.

Who is told: the active coordinators of the département (members of a group that may publish
its section, see `hub.permissions`) who have an e-mail address; lacking any, the section's
« courriel de la coordination ». Each message's key names what it is about and whom it is for
(`<what>:<id>:user-<pk>` or `…:coordination`), so a submission is never announced twice.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from hub import mail
from hub.scoping import section_of

from .freshness import structure_of


def recipients(section):
    """[(key suffix, address)] of the coordination of `section`, by the module's rule."""
    if section is None:
        return []
    coordinators = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__page_permissions__page=section,
            groups__page_permissions__permission__codename="publish_page",
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    people = [(f"user-{user.pk}", user.email) for user in coordinators]
    if people:
        return people
    if section.coordination_email:
        return [("coordination", section.coordination_email)]
    return []


def tell(section, template, context, key):
    """Queue `template` for each recipient of `section`'s coordination (key `key:<suffix>`)."""
    context = {"section": section, **context}
    mail.queue(
        mail.render(template, context, to=address, key=f"{key}:{suffix}")
        for suffix, address in recipients(section)
    )


def change_submitted(page, revision, by):
    """A porteur submitted `revision` of the record `page` to moderation."""
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[page.pk, "live" if page.live else "earliest", revision.pk],
    )
    tell(
        section_of(page),
        "porteurs/email/coordination_change",
        {
            "record": page,
            "structure": structure_of(page),
            "kind": page._meta.verbose_name,
            "person": by,
            "compare_url": mail.absolute_url(compare),
            "queue_url": mail.absolute_url(reverse("wagtailadmin_home")),
            "edit_url": mail.absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        },
        key=f"coordination-change:{revision.pk}",
    )


def dossier_submitted(dossier, event):
    """A porteur submitted `dossier` to its call for projects (`event`: its « déposé »)."""
    tell(
        dossier.call.section,
        "porteurs/email/coordination_dossier",
        {
            "dossier": dossier,
            "link": mail.absolute_url(reverse("porteurs_calls:dossier", args=[dossier.pk])),
        },
        key=f"coordination-dossier:{event.pk}",
    )


def bilan_submitted(bilan):
    """A porteur submitted the bilan of a funded action."""
    dossier = bilan.dossier
    tell(
        dossier.call.section,
        "porteurs/email/coordination_bilan",
        {
            "bilan": bilan,
            "dossier": dossier,
            "link": mail.absolute_url(
                reverse("porteurs_calls:bilan", args=[dossier.call_id, dossier.pk])
            ),
            "follow_up_url": mail.absolute_url(
                reverse("porteurs_calls:call_bilans", args=[dossier.call_id])
            ),
        },
        key=f"coordination-bilan:{bilan.pk}",
    )
