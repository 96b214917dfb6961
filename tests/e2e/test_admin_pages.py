"""The admin under the site's Content-Security-Policy: its pages and their widgets (calendar,
clock, inline rows, change history) work without anything the policy blocks. The harness fails
every browser test on a violation; these tests make sure the admin is visited."""

from datetime import timedelta

import pytest

from tests import factories
from tests.e2e.conftest import log_in
from tests.netwerk import builders


@pytest.fixture
def coordinator_page(page, live_server, coordinator):
    log_in(page, live_server, coordinator)
    return page


@pytest.fixture
def admin_data(partner):
    offer = factories.make_offer(partner, title="Babymassage")
    offer.title = "Babymassage voor ouders"
    offer.save()  # a second history record
    group = builders.make_group(partners=[partner], name="Werkgroep Toegankelijkheid")
    meeting = builders.make_meeting(group, title="Werkgroep mei", starts_in=timedelta(days=-3))
    builders.make_attendance(meeting, factories.make_member(partner), partner)
    return {"offer": offer, "meeting": meeting}


def test_the_admin_pages_load_within_the_policy(coordinator_page, admin_data):
    offer, meeting = admin_data["offer"], admin_data["meeting"]
    for path in [
        "/admin/",
        "/admin/aanbod/offer/",
        f"/admin/aanbod/offer/{offer.pk}/change/",
        f"/admin/aanbod/offer/{offer.pk}/history/",
        "/admin/partners/partner/",
        "/admin/netwerk/meeting/?q=mei",
        f"/admin/netwerk/meeting/{meeting.pk}/change/",
        f"/admin/netwerk/meeting/{meeting.pk}/intekenlijst/",
        "/admin/netwerk/meeting/deelname/",
        "/admin/netwerk/actionitem/te-laat/",
        "/admin/password_change/",
    ]:
        response = coordinator_page.goto(path)
        assert response.status == 200, path


def test_the_admin_widgets_work_within_the_policy(coordinator_page, admin_data):
    page = coordinator_page
    page.goto("/admin/netwerk/meeting/add/")
    page.locator("#calendarlink0").click()
    page.locator("#calendarbox0 .calendar-cancel a").click()
    page.locator("#clocklink0").click()
    page.locator("#clockbox0").get_by_role("link", name="Middag").click()
    assert page.locator("#id_starts_at_1").input_value() == "12:00:00"
    rows = page.locator("#agenda_items-group tr.form-row:not(.empty-form)")
    before = rows.count()
    page.locator("#agenda_items-group .add-row a").click()
    assert rows.count() == before + 1
