"""Offer descriptions take simple formatting (Markdown); nothing a partner types can put a
script, a style or an event handler on the public page."""

import pytest
from django.urls import reverse

from common.markup import render
from tests import factories
from tests.aanbod.staff import page_data, portal_url

pytestmark = pytest.mark.django_db

HOSTILE = (
    "# Welkom\n\n"
    "Kom **gerust** binnen.\n"
    "- koffie\n- thee\n\n"
    '<script>alert("xss")</script>\n'
    '<img src="x" onerror="alert(1)">\n'
    '<p style="position:fixed;top:0">Groot</p>\n'
    "<style>body { display: none }</style>\n"
    '<a href="javascript:alert(1)">klik</a> [ook](javascript:alert(2)) '
    "[data](data:text/html;base64,PHNjcmlwdD4=)\n"
    '<iframe src="https://evil.example"></iframe>\n'
    "[Meer info](https://gezinsbond.be) of bel [016 12 34 56](tel:016123456)"
)


def public_description(client, editor, partner, text):
    offer = factories.make_offer(partner, "Babbelbox")
    client.force_login(editor)
    url = portal_url("offer_edit", partner, offer.pk)
    client.post(url, {**page_data(client.get(url)), "description": text})
    html = client.get(reverse("aanbod:offer_detail", args=[offer.slug])).content.decode()
    start = html.index('id="description-title"')
    return html[start : html.index("</section>", start)]


def test_formatting_reaches_the_public_page(client, editor, partner):
    html = public_description(client, editor, partner, HOSTILE)
    assert "<h3>Welkom</h3>" in html
    assert "<strong>gerust</strong>" in html
    assert "<li>koffie</li>" in html
    assert '<a href="https://gezinsbond.be" rel="noopener noreferrer">Meer info</a>' in html
    assert 'href="tel:016123456"' in html


def test_no_script_style_or_handler_reaches_the_public_page(client, editor, partner):
    html = public_description(client, editor, partner, HOSTILE).lower()
    for forbidden in ("<script", "alert(", "onerror", "style", "javascript:", "data:", "<iframe"):
        assert forbidden not in html, forbidden


def test_the_preview_shows_the_same_sanitised_description(client, editor, partner):
    offer = factories.make_offer(partner, "Babbelbox", status="draft", description=HOSTILE)
    client.force_login(editor)
    html = client.get(portal_url("offer_preview", partner, offer.pk)).content.decode().lower()
    assert "<strong>gerust</strong>" in html
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html


@pytest.mark.parametrize(
    "text",
    [
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        "[x](javascript&#58;alert(1))",
        '<svg onload="alert(1)"></svg>',
        "<scr<script>ipt>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
    ],
)
def test_tricky_input_is_cleaned(text):
    html = str(render(text, line_breaks=True)).lower()
    assert "javascript" not in html
    assert "onload" not in html and "onerror" not in html
    assert "<script" not in html and "<svg" not in html and "<img" not in html
