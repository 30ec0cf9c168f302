"""A retained dossier in the directory: its action is created, or updated, from its answers.

The result is always a draft for the coordination to check and publish (the dossier says nothing
of the sessions, the registration or the opening hours the directory shows parents): a new action
is created unpublished under the section's directory; an existing one (the action the dossier
renews, or the one a previous decision created) gets a new revision, its live version untouched
until the coordination publishes it.
"""

from directory.models import ActionPage, DirectoryIndexPage

# Dossier field → action field: what a retained dossier writes into the directory.
FIELD_MAP = {
    "action_title": "title",
    "action_type": "action_type",
    "description": "description",
    "themes": "themes",
    "publics": "publics",
    "commune": "commune",
    "age_min": "age_min",
    "age_max": "age_max",
}
DEFAULT_AGES = {"age_min": 0, "age_max": 21}


def values_from(dossier):
    values = {}
    for source, target in FIELD_MAP.items():
        value = getattr(dossier, source)
        values[target] = DEFAULT_AGES.get(target) if value is None else value
    values["structure"] = dossier.structure
    return values


def apply(dossier, user):
    """Create or update the action of a retained `dossier`; returns it (a draft)."""
    action = dossier.action or dossier.renewed_action
    values = values_from(dossier)
    if action is not None:
        action = ActionPage.objects.get(pk=action.pk)
        for name, value in values.items():
            setattr(action, name, value)
        action.draft_title = action.title
    else:
        section = dossier.call.section
        index = DirectoryIndexPage.objects.child_of(section).get()
        action = ActionPage(live=False, **values)
        index.add_child(instance=action)
    action.save_revision(user=user, log_action=True)
    if dossier.action_id != action.pk:
        dossier.action = action
        dossier.save(update_fields=["action"])
    return action
