import csv
import io

import pytest
from openpyxl import load_workbook

from aanbod.models import Language, Location, Offer
from tests import factories
from tests.analyse.helpers import count_queries, row_named, table, values

URL = "/mijn/analyse/dekking/"
BANDS = ["zwanger", "0-3", "3-6", "6-12", "12-18", "18-24"]


@pytest.fixture
def known_offers(partner, other_partner):
    """Three published offers and a draft, with places in Leuven and Kessel-Lo and one by
    phone."""
    centrum = factories.make_location("Centrum", postcode="3000")
    kessel_lo = factories.make_location("Kessel-Lo", postcode="3010")
    baby = factories.make_offer(partner, "Babykaffee", age_min_months=0, age_max_months=35)
    factories.make_offer_location(baby, centrum)
    play = factories.make_offer(
        other_partner,
        "Speelhoek",
        pillars=("onthaal-en-informatie", "spel-en-ontmoeting"),
        age_max_months=35,
        for_expecting=True,
        cost=Offer.Cost.PAID,
    )
    factories.make_offer_location(play, centrum)
    factories.make_offer_location(play, kessel_lo)
    phone = factories.make_offer(
        partner,
        "Opvoedingslijn",
        pillars=("opvoedadvies",),
        age_min_months=144,
        age_max_months=215,
        format=Offer.Format.PHONE,
    )
    phone.languages.add(Language.objects.create(code="ar", name="Arabisch"))
    draft = factories.make_offer(partner, "Klad", status=Offer.Status.DRAFT, age_max_months=35)
    factories.make_offer_location(draft, centrum)
    return baby, play, phone


def cells(response, pillar, area):
    return row_named(response, "dekking", pillar, area)[2:]


def test_it_counts_published_offers_per_pillar_area_and_age_band(client, coordinator, known_offers):
    client.force_login(coordinator)
    response = client.get(URL)
    assert table(response, "dekking").header[2:] == [
        "Zwanger",
        "0 tot 3 jaar",
        "3 tot 6 jaar",
        "6 tot 12 jaar",
        "12 tot 18 jaar",
        "18 tot 24 jaar",
    ]
    onthaal = "Laagdrempelig onthaal- en informatieaanbod"
    assert cells(response, onthaal, "3000 Leuven") == [1, 2, 0, 0, 0, 0]
    assert cells(response, onthaal, "3010 Kessel-Lo") == [1, 1, 0, 0, 0, 0]
    assert cells(response, onthaal, "3012 Wilsele") == [0, 0, 0, 0, 0, 0]
    assert cells(response, "Laagdrempelig opvoedadvies", "telefonisch")[4] == 1
    assert cells(response, "Laagdrempelig opvoedadvies", "3000 Leuven") == [0] * 6


def test_cells_with_no_offer_or_one_are_gaps_and_link_to_the_same_catalogue_question(
    client, coordinator, known_offers
):
    client.force_login(coordinator)
    response = client.get(URL + "?kosten=gratis")
    row = next(r for r in table(response, "dekking").rows if r[1] == "3000 Leuven")
    toddlers = row[3]
    assert (toddlers.value, toddlers.gap) == (1, True)  # the paid Speelhoek is filtered out
    assert toddlers.url == (
        "/aanbod/?kosten=gratis&pijler=onthaal-en-informatie&gemeente=3000&voor=0-3"
    )
    catalogue = client.get(toddlers.url)
    assert [offer.title for offer in catalogue.context["offers"]] == ["Babykaffee"]
    phone_row = next(r for r in table(response, "dekking").rows if r[1] == "telefonisch")
    assert "vorm=phone" in phone_row[6].url
    assert b'class="gap-cell"' in response.content


def test_the_filters_change_the_question(client, coordinator, known_offers):
    client.force_login(coordinator)
    response = client.get(URL + "?taal=ar&zonder_inschrijving=on")
    counts = [plain for row in values(response, "dekking") for plain in row[2:]]
    assert sum(counts) == 1  # only the Arabic phone line, in its one cell


def test_gaps_per_area_count_the_empty_and_single_offer_cells(client, coordinator, known_offers):
    client.force_login(coordinator)
    response = client.get(URL)
    # 6 pillars × 6 bands = 36 cells per area. Leuven: 3 cells with one offer (onthaal
    # expecting, spel expecting and 0-3), 1 with two (onthaal 0-3); the rest empty.
    assert row_named(response, "leemtes", "3000 Leuven") == ["3000 Leuven", 32, 3]
    assert row_named(response, "leemtes", "telefonisch") == ["telefonisch", 35, 1]
    assert row_named(response, "leemtes", "3012 Wilsele") == ["3012 Wilsele", 36, 0]


def test_every_huis_van_het_kind_shows_which_basic_pillars_it_offers(client, coordinator, partner):
    huis = factories.make_location(
        "Huis van het Kind Leuven-centrum", kind=Location.Kind.HUIS_VAN_HET_KIND
    )
    for pillars in (("onthaal-en-informatie", "consultatie"), ("extra-aanbod",)):
        factories.make_offer_location(factories.make_offer(partner, pillars=pillars), huis)
    client.force_login(coordinator)
    response = client.get(URL)
    assert values(response, "huizen") == [
        ["Huis van het Kind Leuven-centrum", "ja", "ja", "nee", "nee", "nee", "2/5"]
    ]


def test_an_editor_sees_the_coverage_of_their_own_offers_only(client, editor, known_offers):
    client.force_login(editor)
    response = client.get(URL + "?partner=wigwam")  # not theirs: their own is shown
    assert response.context["partner"].slug == "gezinsbond"
    assert cells(response, "Laagdrempelig onthaal- en informatieaanbod", "3000 Leuven")[1] == 1
    assert response.context["form"].has_error("partner")


def test_a_manager_sees_the_network_and_their_own_partner(client, manager, known_offers):
    client.force_login(manager)
    network = client.get(URL)
    assert cells(network, "Laagdrempelig onthaal- en informatieaanbod", "3000 Leuven")[1] == 2
    own = client.get(URL + "?partner=gezinsbond")
    assert cells(own, "Laagdrempelig onthaal- en informatieaanbod", "3000 Leuven")[1] == 1
    assert client.get(URL + "?partner=wigwam").context["partner"] is None


def test_the_matrix_downloads_as_csv_for_belgian_excel_and_as_xlsx(
    client, coordinator, known_offers
):
    client.force_login(coordinator)
    response = client.get(URL + "?formaat=csv&tabel=dekking")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="dekking-dekking.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffPijler;Gebied;Zwanger;")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert [
        "Laagdrempelig onthaal- en informatieaanbod",
        "3000 Leuven",
        "1",
        "2",
        "0",
        "0",
        "0",
        "0",
    ] in rows
    assert len(rows) == 1 + 6 * 8
    workbook = load_workbook(io.BytesIO(client.get(URL + "?formaat=xlsx&tabel=dekking").content))
    sheet = workbook.active
    assert [cell.value for cell in sheet[2]][:4] == [
        "Laagdrempelig onthaal- en informatieaanbod",
        "3000 Leuven",
        1,
        2,
    ]


def test_an_unknown_download_is_not_found(client, coordinator):
    client.force_login(coordinator)
    assert client.get(URL + "?formaat=csv&tabel=geheim").status_code == 404
    assert client.get(URL + "?formaat=pdf&tabel=dekking").status_code == 404


def test_the_number_of_queries_does_not_grow_with_the_offers(client, coordinator, partner):
    client.force_login(coordinator)
    place = factories.make_location(postcode="3012")
    factories.make_offer_location(factories.make_offer(partner), place)
    few = count_queries(client, URL + "?kosten=gratis")
    for index in range(15):
        offer = factories.make_offer(partner, pillars=("consultatie", "groepsaanbod"))
        factories.make_offer_location(offer, factories.make_location(postcode="3001"))
        offer.languages.add(Language.objects.create(code=f"x{index}", name=f"Taal {index}"))
    assert count_queries(client, URL + "?kosten=gratis") == few


@pytest.fixture
def offers_with_service_areas(partner):
    """An offer for all of Leuven with one place in Leuven, one for Heverlee and Wilsele
    without a place, a home visit for Kessel-Lo, and one only at its place in Wijgmaal."""
    everywhere = factories.make_offer(
        partner, "Inloop", age_max_months=35, service_area=Offer.ServiceArea.LEUVEN
    )
    factories.make_offer_location(everywhere, factories.make_location("Centrum", postcode="3000"))
    factories.make_offer(
        partner,
        "Speelbus",
        age_max_months=35,
        service_area=Offer.ServiceArea.AREAS,
        service_postcodes=["3001", "3012"],
    )
    factories.make_offer(
        partner,
        "Babybezoek",
        age_max_months=35,
        format=Offer.Format.HOME_VISIT,
        service_area=Offer.ServiceArea.AREAS,
        service_postcodes=["3010"],
    )
    only_there = factories.make_offer(partner, "Speelhoek Wijgmaal", age_max_months=35)
    factories.make_offer_location(only_there, factories.make_location("Wijgmaal", postcode="3018"))


def test_an_offer_counts_in_every_area_its_service_area_reaches(
    client, coordinator, offers_with_service_areas
):
    client.force_login(coordinator)
    response = client.get(URL)
    onthaal = "Laagdrempelig onthaal- en informatieaanbod"
    # [expecting, 0-3, ...]: none of the four is for expecting parents.
    assert cells(response, onthaal, "3000 Leuven") == [0, 1, 0, 0, 0, 0]  # Inloop
    assert cells(response, onthaal, "3001 Heverlee") == [0, 2, 0, 0, 0, 0]  # Inloop, Speelbus
    assert cells(response, onthaal, "3010 Kessel-Lo") == [0, 2, 0, 0, 0, 0]  # Inloop, Babybezoek
    assert cells(response, onthaal, "3012 Wilsele") == [0, 2, 0, 0, 0, 0]  # Inloop, Speelbus
    assert cells(response, onthaal, "3018 Wijgmaal") == [0, 2, 0, 0, 0, 0]  # Inloop, Speelhoek
    assert cells(response, onthaal, "huisbezoeken") == [0, 1, 0, 0, 0, 0]  # Babybezoek
    assert cells(response, onthaal, "online") == [0] * 6
    assert row_named(response, "leemtes", "3001 Heverlee") == ["3001 Heverlee", 35, 0]
    assert row_named(response, "leemtes", "3000 Leuven") == ["3000 Leuven", 35, 1]


def test_a_cell_counted_by_service_area_links_to_a_catalogue_with_the_same_offers(
    client, coordinator, offers_with_service_areas
):
    client.force_login(coordinator)
    response = client.get(URL)
    for area, titles in (
        ("3001 Heverlee", ["Inloop", "Speelbus"]),
        ("3010 Kessel-Lo", ["Babybezoek", "Inloop"]),
        ("3018 Wijgmaal", ["Inloop", "Speelhoek Wijgmaal"]),
    ):
        row = next(r for r in table(response, "dekking").rows if r[1] == area)
        toddlers = row[3]
        catalogue = client.get(toddlers.url)
        assert sorted(o.title for o in catalogue.context["offers"]) == titles, area
        assert toddlers.value == len(titles)
