"""The listings' filter forms written in Python: the same HTML as Django's widget templates,
without a template per widget and per option.

A directory page renders about sixty small templates for its filters (six selects, their
options, labels and attributes), a third of the page's rendering time. `ListingForm` uses this
renderer: the standard inputs, selects, options and labels are written here, byte for byte as
Django's templates write them (`tests/search/test_widget_renderer.py` compares both); any other
template (a project widget, a radio list) goes to the templates as usual.
"""

from django.forms.renderers import BaseRenderer, get_default_renderer
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in (
        "input",
        "text",
        "search",
        "number",
        "email",
        "url",
        "tel",
        "password",
        "hidden",
        "checkbox",
        "date",
        "time",
        "datetime",
        "color",
    )
}
SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
LABEL_TEMPLATE = "django/forms/label.html"


def attributes(attrs):
    """` name="value"` for each attribute, as `django/forms/attrs.html` writes them."""
    written = []
    for name, value in (attrs or {}).items():
        if value is False:
            continue
        if value is True:
            written.append(f" {conditional_escape(name)}")
        else:
            written.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(written)


def input_html(widget):
    value = widget["value"]
    shown = "" if value is None else f' value="{conditional_escape(str(value))}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{shown}{attributes(widget["attrs"])}>'
    )


def option_html(option):
    # The option's template is included in the select's: its final new line stays.
    return (
        f'<option value="{conditional_escape(str(option["value"]))}"'
        f"{attributes(option['attrs'])}>{conditional_escape(option['label'])}</option>\n"
    )


def select_html(widget):
    parts = [f'<select name="{conditional_escape(widget["name"])}"{attributes(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            parts.append(f"\n  {option_html(option)}")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def label_html(context):
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = conditional_escape(context["tag"])
    return f"<{tag}{attributes(context['attrs'])}>{label}</{tag}>"


class PythonWidgetRenderer(BaseRenderer):
    """The site's form renderer, but for the standard widgets and labels, written in Python."""

    def get_template(self, template_name):
        return get_default_renderer().get_template(template_name)

    def render(self, template_name, context, request=None):
        html = None
        if template_name in INPUT_TEMPLATES:
            html = input_html(context["widget"])
        elif template_name == SELECT_TEMPLATE:
            html = select_html(context["widget"])
        elif template_name == LABEL_TEMPLATE:
            html = label_html(context)
        if html is None:
            return get_default_renderer().render(template_name, context, request)
        return mark_safe(html)


RENDERER = PythonWidgetRenderer()
