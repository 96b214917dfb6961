"""Use of the public pages, counted on the server without following anyone (common.usage):
per day, page and offer; the contact links through a counting redirect; robots left out."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import timezone

from common import usage
from common.models import UsageCount
from tests import factories

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def offer(partner):
    return factories.make_offer(
        partner,
        "Babbelbox",
        contact_phone="016 12 34 56",
        contact_email="babbelbox@example.org",
        website="https://www.gezinsbond.be/babbelbox",
    )


def visit(client, path, agent=BROWSER, **extra):
    return client.get(path, HTTP_USER_AGENT=agent, **extra)


def counts():
    usage.flush()
    return sorted((row.kind, row.page, row.offer_id, row.count) for row in UsageCount.objects.all())


def test_a_visit_counts_once_per_page_and_offer_on_its_day(client, offer, partner):
    location = factories.make_location("Huis van het Kind Kessel-Lo", postcode="3010")
    for path in (
        "/aanbod/",
        "/aanbod/?q=borstvoeding&page=2",
        "/aanbod/babbelbox/",
        "/aanbod/babbelbox/",
        "/en/aanbod/babbelbox/",
        "/agenda/",
        "/agenda/agenda.ics",
        "/plekken/",
        f"/plekken/{location.slug}/",
        "/partners/",
        "/partners/gezinsbond/",
    ):
        assert visit(client, path).status_code == 200, path
    assert counts() == sorted(
        [
            ("view", "aanbod:offer_list", None, 2),
            ("view", "aanbod:offer_detail", offer.pk, 3),
            ("view", "aanbod:agenda", None, 1),
            ("calendar", "aanbod:agenda_ical", None, 1),
            ("view", "aanbod:location_list", None, 1),
            ("view", "aanbod:location_detail", None, 1),
            ("view", "partners:list", None, 1),
            ("view", "partners:detail", None, 1),
        ]
    )
    assert set(UsageCount.objects.values_list("day", flat=True)) == {timezone.localdate()}


def test_it_keeps_nothing_personal_and_sets_no_cookie(client, offer):
    path = "/aanbod/?q=mijn+naam+is+an"
    robot = visit(client, path, agent="curl/8.5.0")
    response = visit(client, path, REMOTE_ADDR="203.0.113.9", HTTP_REFERER="https://x.example/")
    # The same cookies as for a request that is not counted (the page's CSRF cookie): none
    # added by counting.
    assert set(response.cookies) == set(robot.cookies)
    usage.flush()
    row = UsageCount.objects.get()
    assert {field.name for field in UsageCount._meta.fields} == {
        "id",
        "day",
        "kind",
        "page",
        "offer_id",
        "count",
    }
    assert (row.page, row.offer_id, row.count) == ("aanbod:offer_list", None, 1)


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0.0.0",
        "python-requests/2.32.3",
        "curl/8.5.0",
        "Wget/1.21",
        "facebookexternalhit/1.1",
        "UptimeRobot/2.0",
    ],
)
def test_robots_are_left_out(client, offer, agent):
    assert visit(client, "/aanbod/babbelbox/", agent=agent).status_code == 200
    assert visit(client, "/aanbod/babbelbox/naar/telefoon/", agent=agent).status_code == 302
    assert counts() == []


def test_a_head_request_is_not_counted(client, offer):
    assert client.head("/aanbod/babbelbox/", HTTP_USER_AGENT=BROWSER).status_code == 200
    assert counts() == []


def test_a_page_that_is_not_found_is_not_counted(client, offer):
    assert visit(client, "/aanbod/bestaat-niet/").status_code == 404
    assert visit(client, "/aanbod/babbelbox/naar/fax/").status_code == 404
    assert counts() == []


@pytest.mark.parametrize(
    ("way", "address", "kind"),
    [
        ("telefoon", "tel:016123456", "phone"),
        ("e-mail", "mailto:babbelbox@example.org", "email"),
        ("website", "https://www.gezinsbond.be/babbelbox", "website"),
    ],
)
def test_a_contact_link_is_counted_and_goes_to_the_offers_own_contact(
    client, offer, way, address, kind
):
    response = visit(client, f"/aanbod/babbelbox/naar/{way}/?naar=https://kwaad.example/")
    assert response.status_code == 302
    assert response["Location"] == address
    assert counts() == [(kind, "aanbod:offer_contact", offer.pk, 1)]


def test_a_contact_the_offer_does_not_have_or_a_draft_offer_is_not_found(client, partner):
    factories.make_offer(partner, "Zonder contact")
    factories.make_offer(partner, "Klad", contact_phone="016 11 11 11", status="draft")
    for path in (
        "/aanbod/zonder-contact/naar/telefoon/",
        "/aanbod/zonder-contact/naar/e-mail/",
        "/aanbod/zonder-contact/naar/website/",
        "/aanbod/klad/naar/telefoon/",
    ):
        assert visit(client, path).status_code == 404, path
    assert counts() == []


def test_counting_waits_in_memory_and_is_written_in_one_statement(client, offer, monkeypatch):
    monkeypatch.setattr(usage, "FLUSH_HITS", 4)
    with CaptureQueriesContext(connection) as first:
        for _ in range(3):
            visit(client, "/aanbod/babbelbox/")
    assert not any("usagecount" in q["sql"] for q in first.captured_queries)
    assert not UsageCount.objects.exists()
    with CaptureQueriesContext(connection) as fourth:
        visit(client, "/aanbod/babbelbox/naar/telefoon/")
    writes = [q["sql"] for q in fourth.captured_queries if "usagecount" in q["sql"]]
    assert len(writes) == 1 and "ON CONFLICT" in writes[0]
    assert counts() == [
        ("phone", "aanbod:offer_contact", offer.pk, 1),
        ("view", "aanbod:offer_detail", offer.pk, 3),
    ]
    # The next batch adds to the day's rows.
    for _ in range(4):
        visit(client, "/aanbod/babbelbox/")
    assert counts() == [
        ("phone", "aanbod:offer_contact", offer.pk, 1),
        ("view", "aanbod:offer_detail", offer.pk, 7),
    ]


def test_counts_are_written_when_they_waited_long_enough(client, offer, monkeypatch):
    monkeypatch.setattr(usage, "FLUSH_SECONDS", 0)
    visit(client, "/aanbod/babbelbox/")
    assert UsageCount.objects.get().count == 1


def test_counts_the_database_refuses_wait_for_the_next_time(rf, offer, monkeypatch):
    request = rf.get("/aanbod/babbelbox/", HTTP_USER_AGENT=BROWSER)
    request.resolver_match = resolve("/aanbod/babbelbox/")
    usage.count(request, offer_id=offer.pk)
    table = UsageCount._meta.db_table
    monkeypatch.setattr(UsageCount._meta, "db_table", "no_such_table")
    assert usage.flush() == 0
    monkeypatch.setattr(UsageCount._meta, "db_table", table)
    assert usage.flush() == 1
    assert UsageCount.objects.get().count == 1


def test_counting_adds_no_query_to_the_offer_page(client, offer):
    with CaptureQueriesContext(connection) as robot:
        visit(client, "/aanbod/babbelbox/", agent="curl/8.5.0")
    with CaptureQueriesContext(connection) as browser:
        visit(client, "/aanbod/babbelbox/")
    assert len(browser) == len(robot)


def test_the_home_page_is_counted_in_every_language(client):
    for path in ("/", "/fr/", "/ar/"):
        assert visit(client, path).status_code == 200
    assert counts() == [("view", "home", None, 3)]
