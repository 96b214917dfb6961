"""Two people edit the same offer: the second save is refused and shows what the first one
changed, keeps what the second one typed, and overwrites nothing."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from aanbod import history, services
from aanbod.models import Activity, Offer, OfferLocation, Theme
from tests import factories
from tests.aanbod.staff import page_data, portal_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(partner):
    return factories.make_offer(
        partner,
        "Babbelbox",
        summary="Samen spelen met je peuter.",
        cost_details="€ 2",
        age_min_months=18,
        age_max_months=72,
    )


@pytest.fixture
def colleague(partner):
    return factories.make_member(
        partner, email="sara@example.org", first_name="Sara", last_name="Peeters"
    )


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


class TestTheOfferForm:
    def open_both(self, partner, offer, editor, colleague):
        first, second = logged_in(editor), logged_in(colleague)
        url = portal_url("offer_edit", partner, offer.pk)
        return url, (first, page_data(first.get(url))), (second, page_data(second.get(url)))

    def test_the_second_save_is_refused_with_what_the_other_changed(
        self, partner, offer, editor, colleague
    ):
        url, (first, first_data), (second, second_data) = self.open_both(
            partner, offer, editor, colleague
        )
        first_data["title"] = "Babbelbox op woensdag"
        assert first.post(url, first_data).status_code == 302

        second_data["summary"] = "Spelen en babbelen met andere ouders."
        response = second.post(url, second_data)

        assert response.status_code == 409
        html = response.content.decode()
        assert "Iemand anders bewaarde dit aanbod terwijl jij eraan werkte" in html
        assert "editor@example.org" in html
        assert "eerst “Babbelbox”, nu “Babbelbox op woensdag”" in html
        offer.refresh_from_db()
        assert offer.title == "Babbelbox op woensdag"
        assert offer.summary == "Samen spelen met je peuter."
        assert offer.version == 2

    def test_the_refused_form_keeps_what_was_typed_and_takes_the_others_other_changes(
        self, partner, offer, editor, colleague
    ):
        url, (first, first_data), (second, second_data) = self.open_both(
            partner, offer, editor, colleague
        )
        first_data.update(title="Babbelbox op woensdag", cost_details="€ 3")
        first.post(url, first_data)

        second_data.update(summary="Spelen en babbelen.", cost_details="€ 2,50")
        form = second.post(url, second_data).context["form"]

        # Only the first person changed the title: the form now shows their title.
        assert form["title"].value() == "Babbelbox op woensdag"
        # Only the second changed the summary: what they typed is kept.
        assert form["summary"].value() == "Spelen en babbelen."
        # Both changed the cost: the second person's text is kept, the other one is shown.
        assert form["cost_details"].value() == "€ 2,50"
        assert "€ 3" in form.fields["cost_details"].help_text
        assert form["version"].value() == 2

    def test_saving_again_after_checking_saves_the_merged_form(
        self, partner, offer, editor, colleague
    ):
        url, (first, first_data), (second, second_data) = self.open_both(
            partner, offer, editor, colleague
        )
        first_data["title"] = "Babbelbox op woensdag"
        first.post(url, first_data)
        second_data["summary"] = "Spelen en babbelen."
        refused = second.post(url, second_data)

        again = second.post(url, page_data(refused))

        assert again.status_code == 302
        offer.refresh_from_db()
        assert (offer.title, offer.summary) == ("Babbelbox op woensdag", "Spelen en babbelen.")
        assert offer.version == 3

    def test_changes_to_the_lists_are_shown_by_name(self, partner, offer, editor, colleague):
        theme = Theme.objects.create(name="Slapen", slug="slapen")
        url, (first, first_data), (second, second_data) = self.open_both(
            partner, offer, editor, colleague
        )
        first_data["themes"] = [str(theme.pk)]
        first.post(url, first_data)
        response = second.post(url, second_data)
        assert "eerst “(leeg)”, nu “Slapen”" in response.content.decode()
        assert response.context["form"]["themes"].value() == [theme.pk]


class TestVersions:
    def test_a_stale_version_cannot_be_saved_even_at_the_same_moment(self, offer):
        services._claim_version(offer, 1)
        with pytest.raises(services.VersionConflict):
            services._claim_version(Offer.objects.get(pk=offer.pk), 1)
        assert Offer.objects.get(pk=offer.pk).version == 2

    def test_what_changed_since_a_version_comes_from_the_history(self, partner, offer, editor):
        client = logged_in(editor)
        url = portal_url("offer_edit", partner, offer.pk)
        client.post(url, {**page_data(client.get(url)), "title": "Nieuwe titel"})
        conflict = history.conflict_since(Offer.objects.get(pk=offer.pk), 1)
        assert conflict.known
        assert [(c.name, c.before, c.after) for c in conflict.changes if c.name == "title"] == [
            ("title", "Babbelbox", "Nieuwe titel")
        ]
        assert [name for name, _when in conflict.people] == ["editor@example.org"]

    def test_without_a_record_of_the_old_version_the_form_keeps_everything_typed(
        self, partner, offer, editor
    ):
        client = logged_in(editor)
        url = portal_url("offer_edit", partner, offer.pk)
        data = page_data(client.get(url))
        offer.history.all().delete()
        Offer.objects.filter(pk=offer.pk).update(version=5, title="Van elders")
        response = client.post(url, {**data, "summary": "Mijn tekst"})
        assert response.status_code == 409
        form = response.context["form"]
        assert form["summary"].value() == "Mijn tekst"
        assert form["title"].value() == "Babbelbox"
        assert "Van elders" in form.fields["title"].help_text
        assert "We kunnen niet precies tonen wat er veranderde" in response.content.decode()


class TestPlacesAndActivities:
    def test_places_saved_by_someone_else_refuse_an_older_places_form(
        self, partner, offer, editor, colleague
    ):
        place = factories.make_location("Zaal Kessel-Lo", owner=partner)
        other_place = factories.make_location("Bib Wilsele")
        url = portal_url("offer_locations", partner, offer.pk)
        first, second = logged_in(editor), logged_in(colleague)
        first_data, second_data = page_data(first.get(url)), page_data(second.get(url))
        first_data["places-0-location"] = str(place.pk)
        assert first.post(url, first_data).status_code == 302

        second_data["places-0-location"] = str(other_place.pk)
        response = second.post(url, second_data)

        assert response.status_code == 409
        assert "Voegde de plek Zaal Kessel-Lo toe" in response.content.decode()
        assert list(OfferLocation.objects.values_list("location__name", flat=True)) == [
            "Zaal Kessel-Lo"
        ]
        assert response.context["formset"].forms[0]["location"].value() == str(other_place.pk)

    def test_an_edit_of_the_offer_refuses_an_older_activities_form(
        self, partner, offer, editor, colleague
    ):
        activities_url = portal_url("offer_activities", partner, offer.pk)
        edit_url = portal_url("offer_edit", partner, offer.pk)
        first, second = logged_in(editor), logged_in(colleague)
        activities_data = page_data(second.get(activities_url))
        first.post(edit_url, {**page_data(first.get(edit_url)), "title": "Nieuw"})
        day = timezone.localdate() + timedelta(days=7)
        activities_data.update(
            {
                "activities-0-date": day.isoformat(),
                "activities-0-start_time": "19:00",
                "activities-0-end_time": "21:00",
            }
        )
        response = second.post(activities_url, activities_data)
        assert response.status_code == 409
        assert not Activity.objects.exists()


# Two connections must see each other's commits; the rollback afterwards puts back what the
# migrations made (pillars, groups) for the tests that come after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_two_saves_at_the_same_moment_the_second_waits_and_is_refused():
    offer = factories.make_offer(factories.make_partner("Gezinsbond vzw"), "Babbelbox")
    first_claimed, finish_first = threading.Event(), threading.Event()
    outcome = []

    def first():
        try:
            with transaction.atomic():
                services._claim_version(Offer.objects.get(pk=offer.pk), 1)
                first_claimed.set()
                finish_first.wait(10)
        finally:
            connection.close()

    def second():
        try:
            first_claimed.wait(10)
            with transaction.atomic():
                services._claim_version(Offer.objects.get(pk=offer.pk), 1)
            outcome.append("saved")
        except services.VersionConflict:
            outcome.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_claimed.wait(10)
    time.sleep(0.3)  # the second save is now waiting for the first one's row lock
    assert outcome == []
    finish_first.set()
    for thread in threads:
        thread.join(10)
    assert outcome == ["refused"]
    assert Offer.objects.get(pk=offer.pk).version == 2
