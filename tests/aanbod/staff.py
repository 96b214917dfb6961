"""Helpers for the portal's offer pages: what a browser sends for a form as the page showed it,
and the pages' addresses."""

from django import forms
from django.urls import reverse


def _field_data(bound):
    value = bound.value()
    widget = bound.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "on" if value else None
    if value is None and isinstance(widget, forms.CheckboxSelectMultiple):
        return None  # no box ticked: nothing is sent
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    if isinstance(widget, forms.widgets.ChoiceWidget):
        return str(getattr(value, "pk", value))
    formatted = widget.format_value(value)
    return "" if formatted is None else str(formatted)


def form_data(form):
    """The fields of an unbound form as a browser would send them."""
    data = {}
    for bound in form:
        widget = bound.field.widget
        if isinstance(widget, forms.MultiWidget):
            # E.g. the admin's date and time inputs for one datetime field.
            parts = widget.decompress(bound.value())
            for suffix, part_widget, part in zip(
                widget.widgets_names, widget.widgets, parts, strict=True
            ):
                data[f"{bound.html_name}{suffix}"] = part_widget.format_value(part) or ""
            continue
        value = _field_data(bound)
        if value is not None:
            data[bound.html_name] = value
    return data


def formset_data(formset):
    """A formset's management form and forms, with the places' nested time formsets."""
    data = form_data(formset.management_form)
    for form in formset.forms:
        data.update(form_data(form))
        if hasattr(form, "slots"):
            data.update(formset_data(form.slots))
    return data


def page_data(response):
    """Everything the page's main form would send unchanged."""
    context = response.context
    if "formset" in context:
        return {**form_data(context["state"]), **formset_data(context["formset"])}
    return form_data(context["form"])


def portal_url(name, partner, *args):
    return reverse(f"portal:{name}", args=[partner.slug, *args])
