"""A referrer builds a list for a family ("Mijn lijstje"): three offers from the catalogue,
reordered, with notes, printed on one A4 page, and opened from its shared link in another
browser. The same with JavaScript off, and on a 360 px phone."""

import re
from datetime import time

import pytest
from playwright.sync_api import expect

from aanbod.models import Offer, ScheduleSlot, Weekday
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll

TITLES = ("Babbelbox", "Opvoedingswinkel", "Peuterspeelpunt")


@pytest.fixture
def offers(db):
    provider = factories.make_partner("Kind en Gezin", slug="kind-en-gezin")
    huis = factories.make_location("Huis van het Kind Kessel-Lo", street="Stationsstraat 22")
    made = []
    for title in TITLES:
        offer = factories.make_offer(
            provider,
            title,
            summary=f"{title}: een plek voor ouders en kinderen om samen te spelen en te praten.",
            contact_phone="016 12 34 56",
            contact_email="info@example.org",
            cost=Offer.Cost.FREE,
        )
        where = factories.make_offer_location(offer, huis, schedule="Niet in de schoolvakanties")
        ScheduleSlot.objects.create(
            offer_location=where, weekday=Weekday.WEDNESDAY, start_time=time(14), end_time=time(16)
        )
        made.append(offer)
    return made


def card(page, title):
    return page.locator("article.offer-card", has=page.get_by_role("heading", name=title))


def add_from_the_catalogue(page):
    page.goto("/aanbod/")
    for title in TITLES:
        card(page, title).get_by_role("button", name=f"Op mijn lijstje: {title}").click()
        expect(card(page, title).get_by_text("Op je lijstje")).to_be_visible()
    expect(page.get_by_role("link", name="Mijn lijstje (3)")).to_be_visible()


def list_titles(page):
    return page.locator(".family-list-item h2").all_inner_texts()


def test_a_referrer_builds_a_list_prints_it_and_shares_it(page, new_page, offers):
    add_from_the_catalogue(page)
    assert_accessible(page)

    page.get_by_role("link", name="Mijn lijstje (3)").click()
    expect(page.get_by_role("heading", level=1, name="Mijn lijstje")).to_be_visible()
    assert list_titles(page) == list(TITLES)
    assert_accessible(page)

    # A note typed before moving an offer is kept.
    page.get_by_label("Notitie voor het gezin: Peuterspeelpunt").fill("Vraag naar Sofie")
    page.get_by_role("button", name="Omhoog: Peuterspeelpunt").click()
    assert list_titles(page) == ["Babbelbox", "Peuterspeelpunt", "Opvoedingswinkel"]
    page.get_by_role("button", name="Omhoog: Peuterspeelpunt").click()
    page.get_by_label("Notitie voor het gezin: Babbelbox").fill("Op woensdag, gratis")
    page.get_by_role("button", name="Notities bewaren").click()
    expect(page.get_by_text("Je notities zijn bewaard.")).to_be_visible()
    assert list_titles(page) == ["Peuterspeelpunt", "Babbelbox", "Opvoedingswinkel"]
    expect(page.get_by_label("Notitie voor het gezin: Peuterspeelpunt")).to_have_value(
        "Vraag naar Sofie"
    )
    expect(page.get_by_role("img", name="QR-code van de link naar dit lijstje")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Het lijstje afdrukken voor het gezin").click()
    expect(page.get_by_role("heading", level=1, name="Aanbod voor jou")).to_be_visible()
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Terug naar mijn lijstje")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("img", name="QR-code van de link naar dit lijstje")).to_be_visible()
    expect(page.get_by_text("Vraag naar Sofie")).to_be_visible()
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, "the sheet takes more than one page"
    page.emulate_media(media="screen")

    # The family opens the link in a browser of its own: the list, read only, with the notes.
    page.goto("/aanbod/lijstje/")
    link = page.get_by_label("Link naar dit lijstje (selecteer en kopieer hem)").input_value()
    family = new_page()
    family.goto(link)
    expect(family.get_by_role("heading", level=1, name="Aanbod voor jou")).to_be_visible()
    assert list_titles(family) == ["Peuterspeelpunt", "Babbelbox", "Opvoedingswinkel"]
    expect(family.get_by_text("Op woensdag, gratis")).to_be_visible()
    expect(family.get_by_role("textbox")).to_have_count(0)
    assert_accessible(family)

    family.get_by_role("button", name="Dit lijstje op mijn lijstje zetten").click()
    expect(family.get_by_text("3 aanbiedingen zijn aan je lijstje toegevoegd.")).to_be_visible()
    expect(family.get_by_role("link", name="Mijn lijstje (3)")).to_be_visible()
    expect(family.get_by_label("Notitie voor het gezin: Babbelbox")).to_have_value(
        "Op woensdag, gratis"
    )


def test_a_changed_link_shows_a_page_that_says_so(page, offers):
    page.goto("/aanbod/lijstje/gedeeld/niet-echt:abc:def/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Deze link naar een lijstje werkt niet"
    )
    assert_accessible(page)


def test_the_list_works_without_javascript(no_js_page, offers):
    page = no_js_page
    page.goto("/aanbod/")
    card(page, "Babbelbox").get_by_role("button", name="Op mijn lijstje: Babbelbox").click()
    card(page, "Peuterspeelpunt").get_by_role(
        "button", name="Op mijn lijstje: Peuterspeelpunt"
    ).click()
    page.goto(offers[1].get_absolute_url())
    page.get_by_role("button", name="Op mijn lijstje: Opvoedingswinkel").click()
    expect(page.get_by_text("Op je lijstje")).to_be_visible()

    page.get_by_role("link", name="Mijn lijstje (3)").click()
    assert list_titles(page) == ["Babbelbox", "Peuterspeelpunt", "Opvoedingswinkel"]
    page.get_by_label("Notitie voor het gezin: Opvoedingswinkel").fill("Elke dag open")
    page.get_by_role("button", name="Omlaag: Babbelbox").click()
    assert list_titles(page) == ["Peuterspeelpunt", "Babbelbox", "Opvoedingswinkel"]
    page.get_by_role("button", name="Verwijderen: Peuterspeelpunt").click()
    expect(page.get_by_text("“Peuterspeelpunt” is van je lijstje gehaald.")).to_be_visible()
    assert list_titles(page) == ["Babbelbox", "Opvoedingswinkel"]
    expect(page.get_by_label("Notitie voor het gezin: Opvoedingswinkel")).to_have_value(
        "Elke dag open"
    )

    page.get_by_label("E-mailadres").fill("geen adres")
    page.get_by_role("button", name="Lijstje versturen").click()
    expect(page.get_by_text("Dit is geen e-mailadres.")).to_be_visible()
    expect(page.get_by_label("E-mailadres")).to_have_value("geen adres")

    page.get_by_role("button", name="Lijstje leegmaken").click()
    expect(page.get_by_text("Je lijstje is weer leeg.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Mijn lijstje"))).to_have_count(0)


def test_the_list_and_its_sheet_fit_a_phone(phone_page, offers):
    page = phone_page
    add_from_the_catalogue(page)
    assert_no_horizontal_scroll(page)
    page.goto("/aanbod/lijstje/")
    page.get_by_label("Notitie voor het gezin: Babbelbox").fill("Vraag naar Sofie " * 10)
    page.get_by_role("button", name="Notities bewaren").click()
    expect(page.get_by_role("img", name="QR-code van de link naar dit lijstje")).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.goto("/aanbod/lijstje/afdrukken/")
    assert_no_horizontal_scroll(page)
    page.goto("/aanbod/lijstje/")
    link = page.get_by_label("Link naar dit lijstje (selecteer en kopieer hem)").input_value()
    page.goto(link)
    assert_no_horizontal_scroll(page)
