"""Posting a page's admin edit form back as the browser would: every field with the value the
form shows, so that a test changes only what it means to change."""

from django import forms


def _field_data(form, data):
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        key = form.add_prefix(name)
        if isinstance(field, forms.BooleanField):
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        elif value is None:
            data[key] = ""
        else:
            data[key] = bound.field.widget.format_value(value) or ""


def edit_form_data(page, user, **changes):
    """The POST data of `page`'s edit form, unchanged but for `changes`."""
    page = page.specific
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    data = {}
    _field_data(form, data)
    for formset in form.formsets.values():
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for subform in formset.forms:
            _field_data(subform, data)
    data.update(changes)
    return data
