"""The catalogue writes the inputs of its filter panel itself (for speed); they must be exactly
what Django's widget templates would write."""

import re

import pytest
from django.http import QueryDict

from aanbod.filters import OfferFilter
from aanbod.models import Language, Offer, Theme
from aanbod.views.catalogue import FILTER_PANEL, _panel_field

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def choices(db):
    Theme.objects.create(name="Opvoeding", slug="opvoeding")
    Theme.objects.create(name="Slapen & eten", slug="slapen")
    Language.objects.create(code="nl", name="Nederlands")
    Language.objects.create(code="ar", name="Arabisch", native_name="العربية")


def django_html(field):
    if field.use_fieldset:
        return [(str(choice.tag()), choice.id_for_label, choice.choice_label) for choice in field]
    return str(field)


def our_html(field):
    item = _panel_field(field)
    if item["choices"] is not None:
        return [(str(tag), tag_id, label) for tag, tag_id, label in item["choices"]]
    return str(item["widget"])


def panel(query):
    form = OfferFilter(QueryDict(query), queryset=Offer.objects.all()).form
    form.is_valid()
    return [form[name] for name in FILTER_PANEL]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "pijler=groepsaanbod&thema=opvoeding&thema=slapen&voor=0-3&gemeente=3010&kosten=gratis",
        "leeftijd=7&zonder_inschrijving=on&taal=ar&dag=3&vorm=online",
        # Invalid values: these fields are left to Django, the others still match.
        "leeftijd=abc&pijler=bestaat-niet&taal=xx&dag=9&voor=0-3",
        'leeftijd=<script>&taal="><b>',
    ],
)
def test_the_panel_inputs_are_what_django_would_write(query):
    for field in panel(query):
        assert our_html(field) == django_html(field), field.name


def test_chosen_values_are_checked_and_selected():
    fields = {field.name: our_html(field) for field in panel("thema=slapen&taal=ar&leeftijd=7")}

    checked = [tag for tag, _id, _label in fields["thema"] if " checked" in tag]
    assert checked == [
        '<input type="checkbox" name="thema" value="slapen" class="form-check-input"'
        ' id="id_thema_1" checked>'
    ]
    assert '<option value="ar" selected>Arabisch (العربية)</option>' in fields["taal"]
    assert re.search(
        r'<input type="number" name="leeftijd" value="7"[^>]* min="0"', fields["leeftijd"]
    )
