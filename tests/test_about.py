"""The "over ons" page: the network, its mission and pillars, the engagement declaration."""

import re
from datetime import date

import pytest
from django.urls import reverse

from aanbod.models import Pillar
from common.markup import declaration_html
from partners.models import Declaration, Partner, Signature
from tests import factories

pytestmark = pytest.mark.django_db

ABOUT_MAX_QUERIES = 4
URL = reverse("about")


@pytest.fixture
def declaration(db):
    return Declaration.objects.create(
        version="2014",
        title="Engagementsverklaring Huis van het Kind Leuven",
        text=(
            "Engagementsverklaring Huis van het Kind Leuven\n\n"
            "Huis van het Kind Leuven vzw wil **samenwerken** aan een sterk aanbod.\n\n"
            "Het eerste Huis van het Kind bevindt zich in Leuven-\n\ncentrum.\n\n"
            "Zij engageren zich om:\n\n"
            "- te reflecteren over de **strategische uitbouw**;\n"
            "- gezinnen <b>door te verwijzen</b>;\n\n"
            "- mee te werken aan **toegankelijkheid**.\n\n"
            "Deze engagementsverklaring gaat in op 13 november 2014."
        ),
        effective_from=date(2014, 11, 13),
    )


def test_it_works_without_a_declaration(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert "De engagementsverklaring staat nog niet op deze website." in response.text


def test_it_explains_the_network_in_plain_dutch(client):
    html = client.get(URL).text

    assert "<h1>Over ons</h1>" in html
    assert "kinderen tot 24 jaar" in html
    assert "kwetsbare gezinnen" in html
    assert "Netwerk Gezinsondersteuning" in html
    assert "Leuven-centrum" in html and "Kessel-Lo" in html


def test_it_lists_the_five_basic_pillars_from_the_database(client):
    Pillar.objects.filter(slug="opvoedadvies").update(name="Opvoedingswinkel")

    html = client.get(URL).text

    basic = Pillar.objects.filter(is_basic=True)
    assert basic.count() == 5
    for pillar in basic:
        assert f"?pijler={pillar.slug}" in html
    assert "Opvoedingswinkel" in html
    assert "?pijler=extra-aanbod" not in html


def test_it_shows_the_declaration_text_safely_with_paragraphs_and_lists(client, declaration):
    html = client.get(URL).text

    assert "<p>Huis van het Kind Leuven vzw wil <strong>samenwerken</strong> aan" in html
    assert "<li>te reflecteren over de <strong>strategische uitbouw</strong>;</li>" in html
    assert "&lt;b&gt;door te verwijzen&lt;/b&gt;" in html
    assert "<b>door" not in html
    assert "**" not in html
    assert "Leuven-centrum." in html
    assert '<time datetime="2014-11-13">13 november 2014</time>' in html


def test_the_declaration_list_continues_across_blank_lines():
    html = declaration_html("Intro:\n\n- een\n\n- twee\n\nSlot.")
    assert html == "<p>Intro:</p>\n<ul><li>een</li><li>twee</li></ul>\n<p>Slot.</p>"


def test_the_declaration_title_is_not_repeated_in_its_text(client, declaration):
    html = client.get(URL).text
    assert html.count("Engagementsverklaring Huis van het Kind Leuven") == 1


def test_it_shows_the_latest_declaration(client, declaration):
    Declaration.objects.create(
        version="2025", title="Nieuwe verklaring", text="Nieuw.", effective_from=date(2025, 1, 1)
    )

    html = client.get(URL).text

    assert "Nieuwe verklaring" in html
    assert "strategische uitbouw" not in html


def test_it_lists_the_signatories_with_links_and_dates(client, declaration, partner):
    former = factories.make_partner("Vroeger Partner vzw", status=Partner.Status.FORMER)
    Signature.objects.create(declaration=declaration, partner=partner, signed_on=date(2014, 11, 13))
    Signature.objects.create(declaration=declaration, partner=former, signed_on=date(2014, 11, 20))

    html = client.get(URL).text

    assert f'<a href="/partners/{partner.slug}/">Gezinsbond vzw</a>' in html
    assert 'ondertekend op <time datetime="2014-11-20">20 november 2014</time>' in html
    # A former partner signed then, but has no page any more.
    assert "Vroeger Partner vzw" in html
    assert f'href="/partners/{former.slug}/"' not in html


def test_the_headings_go_in_order(client, declaration):
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", client.get(URL).text)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_the_number_of_queries_does_not_grow_with_the_signatories(
    client, django_assert_max_num_queries, declaration
):
    for number in range(22):
        Signature.objects.create(
            declaration=declaration,
            partner=factories.make_partner(f"Ondertekenaar {number}"),
            signed_on=date(2014, 11, 13),
        )

    with django_assert_max_num_queries(ABOUT_MAX_QUERIES):
        response = client.get(URL)

    assert response.text.count("Ondertekenaar ") == 22
