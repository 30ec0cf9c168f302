"""A porteur's change never goes live directly: it is saved as a new revision of the page and
submitted to the page's workflow (« Validation par la coordination »); the coordination
approves (publishes) or requests changes in the Wagtail admin. The coordination is told of each
submission by e-mail (`porteurs.coordination`), the porteur of its outcome."""

from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from hub import mail

from . import coordination
from .models import PorteurAccess


def active_state(page):
    """The page's workflow state in progress or sent back, or None."""
    return page.current_workflow_state


def last_state(page):
    return WorkflowState.objects.for_instance(page).order_by("-created_at", "-pk").first()


def editable_version(page):
    """What the porteur edits: the latest revision (their pending version, if any)."""
    return page.get_latest_revision_as_object()


@transaction.atomic
def submit(version, user):
    """Save `version` (a page object with the porteur's changes) as a new revision and put it
    in the coordination's queue: a change sent back resumes its workflow, a change still
    pending is replaced (the workflow starts again on the new revision). The coordination is
    told by e-mail, once per revision submitted."""
    page = version.__class__.objects.get(pk=version.pk)
    revision = version.save_revision(user=user, log_action=True)
    state = active_state(page)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        if state is not None:
            state.cancel(user=user)
        page.get_workflow().start(page, user)
    coordination.change_submitted(page, revision, user)


def state_of(page):
    """What the space shows about the record's last submission: a dict with `status`
    (« pending », « needs_changes », « approved », « cancelled ») `comment`, `at`; or None."""
    state = last_state(page)
    if state is None:
        return None
    task_state = state.current_task_state
    comment = task_state.specific.get_comment() if task_state else ""
    at = (task_state.finished_at or task_state.started_at) if task_state else state.created_at
    status = {
        WorkflowState.STATUS_IN_PROGRESS: "pending",
        WorkflowState.STATUS_NEEDS_CHANGES: "needs_changes",
        WorkflowState.STATUS_APPROVED: "approved",
        WorkflowState.STATUS_CANCELLED: "cancelled",
    }[state.status]
    return {"status": status, "comment": comment, "at": at}


def _notify(workflow_state, outcome):
    requester = workflow_state.requested_by
    if requester is None or not requester.email:
        return
    if not PorteurAccess.objects.filter(user=requester).exists():
        return
    page = workflow_state.content_object.specific
    task_state = workflow_state.current_task_state
    mail.send(
        f"porteurs/email/change_{outcome}",
        {
            "record": page,
            "comment": task_state.specific.get_comment() if task_state else "",
            "link": mail.absolute_url(reverse("porteurs:record", kwargs={"page_id": page.pk})),
            "public_url": page.full_url if outcome == "approved" else "",
        },
        to=requester.email,
        key=f"porteur-change-{outcome}:{task_state.pk if task_state else workflow_state.pk}",
    )


@receiver(workflow_approved, sender=WorkflowState)
def tell_porteur_approved(sender, instance, **kwargs):
    _notify(instance, "approved")


@receiver(workflow_rejected, sender=WorkflowState)
def tell_porteur_changes_requested(sender, instance, **kwargs):
    _notify(instance, "rejected")
