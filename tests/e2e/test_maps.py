"""The maps of places, in a real browser: nothing is asked of the tile host before the visitor
chooses to see the map; after that the tiles come from the configured host, which the
Content-Security-Policy allows. A fake tile server on 127.0.0.1 stands in for OpenStreetMap.
Also: where an offer is available, as a referrer filtering on a deelgemeente sees it."""

import io
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from csp.constants import SELF
from PIL import Image

from aanbod.models import Offer
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll


def tile_png():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (230, 236, 240)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def tiles(settings, new_page):
    """A tile server answering every path with one PNG and noting the paths, configured as
    MAP_TILE_URL, allowed by the policy and by the browser tests' guard."""
    png, requested = tile_png(), []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            requested.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"
    settings.MAP_TILE_URL = origin + "/{z}/{x}/{y}.png"
    settings.MAP_TILE_ORIGIN = origin
    policy = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = {
        **policy,
        "DIRECTIVES": {**policy["DIRECTIVES"], "img-src": [SELF, "data:", origin]},
    }
    new_page.allowed_hosts.add(f"127.0.0.1:{server.server_port}")
    yield requested
    server.shutdown()
    server.server_close()


@pytest.fixture
def places(db):
    provider = factories.make_partner("Gezinsbond vzw", slug="gezinsbond")
    huis = factories.make_location(
        "Huis van het Kind Kessel-Lo",
        postcode="3010",
        latitude=Decimal("50.889100"),
        longitude=Decimal("4.722300"),
    )
    wip = factories.make_location(
        "Zaal De Wip",
        postcode="3001",
        latitude=Decimal("50.865000"),
        longitude=Decimal("4.695000"),
    )
    factories.make_location("Zaal Zonder Punt", postcode="3018")
    offer = factories.make_offer(provider, "Spelnamiddag", pillars=("spel-en-ontmoeting",))
    factories.make_offer_location(offer, huis)
    factories.make_offer_location(offer, wip)
    return offer


def open_map(page):
    page.get_by_role("button", name="Toon de kaart").click()
    page.locator(".leaflet-tile-loaded").first.wait_for()


def test_a_parent_opens_the_map_of_the_places_after_choosing_it(page, tiles, places):
    page.goto("/plekken/")
    page.wait_for_load_state("networkidle")
    assert tiles == [], "no tile before the choice"
    assert page.get_by_text("De kaart laadt kaarttegels van 127.0.0.1").is_visible()
    assert_accessible(page)

    open_map(page)

    assert tiles, "the tiles come from the configured host"
    assert all(path.endswith(".png") for path in tiles)
    assert page.locator(".leaflet-marker-icon").count() == 2
    assert_accessible(page)
    page.get_by_role("button", name="Zaal De Wip").click()
    page.locator(".leaflet-popup").get_by_role("link", name="Zaal De Wip").click()
    page.wait_for_url("**/plekken/zaal-de-wip/")


def test_a_remembered_choice_opens_the_map_and_hiding_it_forgets(page, tiles, places):
    page.goto(places.get_absolute_url())
    page.get_by_label("Onthoud mijn keuze op dit toestel").check()
    open_map(page)

    page.reload()
    page.locator(".leaflet-tile-loaded").first.wait_for()
    page.get_by_role("button", name="Verberg de kaart").click()
    assert page.get_by_role("button", name="Toon de kaart").is_visible()

    page.reload()
    page.wait_for_load_state("networkidle")
    tiles.clear()
    page.reload()
    page.wait_for_load_state("networkidle")
    assert tiles == []
    assert page.locator(".leaflet-container").count() == 0


def test_the_results_map_fits_a_phone(phone_page, tiles, places):
    phone_page.goto("/aanbod/")
    assert_no_horizontal_scroll(phone_page)
    open_map(phone_page)
    assert phone_page.locator(".leaflet-marker-icon").count() == 2
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_without_javascript_there_is_the_list_of_addresses_and_no_map(no_js_page, places):
    no_js_page.goto("/plekken/")
    assert no_js_page.get_by_role("button", name="Toon de kaart").count() == 0
    assert not no_js_page.get_by_text("De kaart laadt kaarttegels").is_visible()
    assert no_js_page.get_by_role("link", name="Route naar Zaal De Wip op OpenStreetMap").count()
    no_js_page.goto(places.get_absolute_url())
    assert no_js_page.get_by_role("button", name="Toon de kaart").count() == 0
    assert no_js_page.get_by_text("Zaal De Wip").first.is_visible()


def test_a_referrer_sees_why_an_offer_without_a_place_there_is_listed(page, places):
    factories.make_offer(
        places.provider,
        "Huisbezoek na de geboorte",
        format=Offer.Format.HOME_VISIT,
        service_area=Offer.ServiceArea.LEUVEN,
    )
    page.goto("/aanbod/")
    page.locator(".filter-panel > summary").click()
    page.get_by_label("3018 Wijgmaal").check()
    page.get_by_role("button", name="Toon resultaten").click()
    card = page.locator(".offer-card", has_text="Huisbezoek na de geboorte")
    assert "Aan huis, in heel Leuven" in card.inner_text()
    assert page.locator(".offer-card").count() == 1
    assert_accessible(page)
