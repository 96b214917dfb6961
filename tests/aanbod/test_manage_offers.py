"""Partner staff create and edit their offers in the portal: drafts, ages in years and months,
slugs, publishing, archiving, copies and the offer list."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aanbod.history import offer_events
from aanbod.models import Activity, Offer, OfferLocation, Pillar, ScheduleSlot, Theme
from tests import factories
from tests.aanbod.staff import page_data, portal_url

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture
def offer(partner):
    return factories.make_offer(
        partner,
        "Babbelbox",
        summary="Samen spelen met je peuter.",
        age_min_months=18,
        age_max_months=72,
        reviewed_at=timezone.now() - timedelta(days=400),
    )


def new_offer_data(client, partner, **changes):
    data = page_data(client.get(portal_url("offer_create", partner)))
    data.update(
        title="Koffie en klets",
        summary="Ouders ontmoeten elkaar bij een tas koffie.",
        age_from_years="0",
        age_to_years="3",
        pillars=[str(Pillar.objects.get(slug="spel-en-ontmoeting").pk)],
    )
    data.update(changes)
    return data


class TestCreating:
    def test_a_new_offer_is_a_draft_of_the_partner_with_a_slug_from_its_title(
        self, client, editor, partner
    ):
        client.force_login(editor)
        response = client.post(portal_url("offer_create", partner), new_offer_data(client, partner))
        offer = Offer.objects.get()
        assert response.status_code == 302
        assert response["Location"] == portal_url("offer_locations", partner, offer.pk)
        assert offer.status == Offer.Status.DRAFT
        assert offer.provider == partner
        assert offer.slug == "koffie-en-klets"
        assert offer.version == 1
        assert list(offer.pillars.values_list("slug", flat=True)) == ["spel-en-ontmoeting"]
        assert (offer.age_min_months, offer.age_max_months) == (0, 36)

    def test_the_same_title_gets_the_next_free_slug(self, client, editor, partner, other_partner):
        factories.make_offer(other_partner, "Koffie en klets")
        client.force_login(editor)
        client.post(portal_url("offer_create", partner), new_offer_data(client, partner))
        client.post(portal_url("offer_create", partner), new_offer_data(client, partner))
        slugs = set(Offer.objects.filter(provider=partner).values_list("slug", flat=True))
        assert slugs == {"koffie-en-klets-2", "koffie-en-klets-3"}

    def test_a_title_without_letters_still_gets_a_slug(self, client, editor, partner):
        client.force_login(editor)
        client.post(
            portal_url("offer_create", partner), new_offer_data(client, partner, title="€€€")
        )
        assert Offer.objects.get().slug == "aanbod"

    def test_the_creation_is_recorded_with_who_did_it(self, client, editor, partner):
        client.force_login(editor)
        client.post(portal_url("offer_create", partner), new_offer_data(client, partner))
        record = Offer.objects.get().history.get()
        assert record.history_type == "+"
        assert record.history_user == editor
        assert [row.pillar.slug for row in record.pillars.all()] == ["spel-en-ontmoeting"]

    def test_a_double_click_creates_one_offer(self, client, editor, partner):
        client.force_login(editor)
        data = new_offer_data(client, partner)
        first = client.post(portal_url("offer_create", partner), data)
        second = client.post(portal_url("offer_create", partner), data)
        assert Offer.objects.count() == 1
        assert second.status_code == 302
        assert second["Location"] == first["Location"]

    def test_another_persons_form_key_is_not_theirs_to_reuse(
        self, client, editor, manager, partner
    ):
        client.force_login(editor)
        data = new_offer_data(client, partner)
        client.post(portal_url("offer_create", partner), data)
        client.force_login(manager)
        response = client.post(portal_url("offer_create", partner), data)
        assert response["Location"] == portal_url("offer_list", partner)
        assert Offer.objects.count() == 1

    def test_the_provider_cannot_be_chosen(self, client, editor, partner, other_partner):
        client.force_login(editor)
        data = new_offer_data(client, partner, provider=str(other_partner.pk))
        client.post(portal_url("offer_create", partner), data)
        assert Offer.objects.get().provider == partner


class TestAges:
    """Ages are typed in years (and months for babies) and stored in months."""

    def post(self, client, partner, **changes):
        data = new_offer_data(client, partner)
        for name in ("age_from_years", "age_from_months", "age_to_years", "age_to_months"):
            data[name] = ""
        data.update(changes)
        return client.post(portal_url("offer_create", partner), data)

    @pytest.fixture(autouse=True)
    def _logged_in(self, client, editor):
        client.force_login(editor)

    def test_years_and_months_are_stored_as_months(self, client, partner):
        self.post(client, partner, age_from_months="6", age_to_years="1", age_to_months="6")
        offer = Offer.objects.get()
        assert (offer.age_min_months, offer.age_max_months) == (6, 18)

    def test_an_open_end_means_up_to_24_years(self, client, partner):
        self.post(client, partner, age_from_years="12")
        offer = Offer.objects.get()
        assert (offer.age_min_months, offer.age_max_months) == (144, 288)

    def test_expecting_parents_need_no_age(self, client, partner):
        self.post(client, partner, for_expecting="on")
        offer = Offer.objects.get()
        assert offer.for_expecting
        assert (offer.age_min_months, offer.age_max_months) == (0, 0)
        assert offer.audience_display == "zwangerschap"

    def test_without_age_or_expecting_parents_it_says_so_next_to_the_age(self, client, partner):
        response = self.post(client, partner)
        assert response.status_code == 200
        assert Offer.objects.count() == 0
        errors = response.context["form"].errors
        assert errors["age_from_years"] == [
            "Vul een leeftijd in, of vink ‘voor aanstaande ouders’ aan."
        ]

    def test_a_from_age_above_the_to_age_is_refused_next_to_the_to_age(self, client, partner):
        response = self.post(client, partner, age_from_years="6", age_to_years="3")
        assert Offer.objects.count() == 0
        assert response.context["form"].errors["age_to_years"] == [
            "De leeftijd ‘tot en met’ mag niet lager zijn dan de leeftijd ‘vanaf’."
        ]

    def test_more_than_24_years_is_refused(self, client, partner):
        response = self.post(client, partner, age_to_years="24", age_to_months="1")
        assert Offer.objects.count() == 0
        assert "24 jaar" in response.context["form"].errors["age_to_years"][0]

    def test_negative_ages_are_refused_in_dutch(self, client, partner):
        response = self.post(client, partner, age_from_years="-1", age_to_years="3")
        assert Offer.objects.count() == 0
        assert response.context["form"].errors["age_from_years"] == [
            "Zorg ervoor dat deze waarde minstens 0 is."
        ]

    def test_the_edit_form_shows_the_stored_months_as_years_and_months(self, client, partner):
        offer = factories.make_offer(partner, age_min_months=6, age_max_months=30)
        form = client.get(portal_url("offer_edit", partner, offer.pk)).context["form"]
        assert form["age_from_years"].value() == 0
        assert form["age_from_months"].value() == 6
        assert form["age_to_years"].value() == 2
        assert form["age_to_months"].value() == 6


class TestErrors:
    def test_a_form_with_errors_keeps_what_was_typed_and_saves_nothing(
        self, client, editor, partner, offer
    ):
        client.force_login(editor)
        data = page_data(client.get(portal_url("offer_edit", partner, offer.pk)))
        data.update(
            title="Babbelbox op woensdag",
            summary="",
            contact_email="geen e-mail",
            description="Nieuwe **uitleg**",
        )
        response = client.post(portal_url("offer_edit", partner, offer.pk), data)
        assert response.status_code == 200
        form = response.context["form"]
        assert form.errors["summary"] == ["Dit veld is verplicht."]
        assert form.errors["contact_email"] == ["Voer een geldig e-mailadres in."]
        html = response.content.decode()
        assert 'value="Babbelbox op woensdag"' in html
        assert "Nieuwe **uitleg**" in html
        assert "Er is niets bewaard" in html
        assert "<h1>Babbelbox</h1>" in html
        offer.refresh_from_db()
        assert offer.title == "Babbelbox"
        assert offer.version == 1

    def test_a_form_without_its_hidden_fields_asks_to_reload(self, client, editor, partner, offer):
        client.force_login(editor)
        data = page_data(client.get(portal_url("offer_edit", partner, offer.pk)))
        del data["form_key"], data["version"]
        response = client.post(portal_url("offer_edit", partner, offer.pk), data)
        assert response.status_code == 200
        assert "Laad de pagina opnieuw" in str(response.context["form"].non_field_errors())
        offer.refresh_from_db()
        assert offer.version == 1

    def test_at_least_one_pillar_is_needed(self, client, editor, partner, offer):
        client.force_login(editor)
        data = page_data(client.get(portal_url("offer_edit", partner, offer.pk)))
        data["pillars"] = []
        response = client.post(portal_url("offer_edit", partner, offer.pk), data)
        assert response.context["form"].errors["pillars"] == ["Kies minstens één pijler."]


class TestServiceArea:
    def post(self, client, editor, partner, offer, **changes):
        client.force_login(editor)
        data = page_data(client.get(portal_url("offer_edit", partner, offer.pk)))
        data.update(changes)
        return client.post(portal_url("offer_edit", partner, offer.pk), data)

    def test_some_deelgemeenten_are_saved_in_the_order_of_their_postcodes(
        self, client, editor, partner, offer
    ):
        response = self.post(
            client, editor, partner, offer, service_area="areas", service_postcodes=["3010", "3001"]
        )
        assert response.status_code == 302
        offer.refresh_from_db()
        assert (offer.service_area, offer.service_postcodes) == ("areas", ["3001", "3010"])

    def test_some_deelgemeenten_without_one_ticked_asks_for_them_and_saves_nothing(
        self, client, editor, partner, offer
    ):
        response = self.post(client, editor, partner, offer, service_area="areas", title="Nieuw")
        assert response.context["form"].errors["service_postcodes"] == [
            "Vink de deelgemeenten aan waar gezinnen het kunnen krijgen."
        ]
        assert 'value="Nieuw"' in response.text
        offer.refresh_from_db()
        assert (offer.title, offer.service_area) == ("Babbelbox", "places")

    def test_the_change_list_names_the_deelgemeenten(self, client, editor, partner, offer):
        self.post(
            client, editor, partner, offer, service_area="areas", service_postcodes=["3001", "3010"]
        )
        changes = offer_events(offer)[0][-1].changes
        assert [(c.label, c.before, c.after) for c in changes if c.name.startswith("service")] == [
            ("Werkgebied", "alleen op zijn plekken", "sommige deelgemeenten"),
            ("Deelgemeenten", "(leeg)", "3001 Heverlee, 3010 Kessel-Lo"),
        ]

    def test_ticked_deelgemeenten_count_only_for_some_deelgemeenten(
        self, client, editor, partner, offer
    ):
        self.post(client, editor, partner, offer, service_area="leuven", service_postcodes=["3010"])
        offer.refresh_from_db()
        assert (offer.service_area, offer.service_postcodes) == ("leuven", [])

    def test_an_unknown_deelgemeente_is_refused_with_a_message(
        self, client, editor, partner, offer
    ):
        response = self.post(
            client, editor, partner, offer, service_area="areas", service_postcodes=["1000"]
        )
        assert response.status_code == 200
        assert "1000 is geen beschikbare keuze" in str(response.context["form"].errors)


class TestEditing:
    def test_saving_changes_the_offer_raises_its_version_and_confirms_it(
        self, client, editor, partner, offer
    ):
        theme = Theme.objects.create(name="Spelen", slug="spelen")
        client.force_login(editor)
        data = page_data(client.get(portal_url("offer_edit", partner, offer.pk)))
        data.update(title="Babbelbox op woensdag", themes=[str(theme.pk)])
        response = client.post(portal_url("offer_edit", partner, offer.pk), data)
        assert response.status_code == 302
        offer.refresh_from_db()
        assert offer.title == "Babbelbox op woensdag"
        assert offer.slug == "babbelbox"
        assert list(offer.themes.all()) == [theme]
        assert offer.version == 2
        assert offer.reviewed_at > timezone.now() - timedelta(minutes=1)

    def test_one_save_is_one_history_record_with_who_and_what(self, client, editor, partner, offer):
        theme = Theme.objects.create(name="Spelen", slug="spelen")
        before = offer.history.count()
        client.force_login(editor)
        data = page_data(client.get(portal_url("offer_edit", partner, offer.pk)))
        data.update(title="Babbelbox op woensdag", themes=[str(theme.pk)])
        client.post(portal_url("offer_edit", partner, offer.pk), data)
        assert offer.history.count() == before + 1
        record = offer.history.first()
        assert record.history_user == editor
        assert record.version == 2
        assert [row.theme for row in record.themes.all()] == [theme]

    def test_the_page_says_who_changed_it_last(self, client, editor, manager, partner, offer):
        client.force_login(manager)
        data = page_data(client.get(portal_url("offer_edit", partner, offer.pk)))
        client.post(portal_url("offer_edit", partner, offer.pk), data)
        client.force_login(editor)
        html = client.get(portal_url("offer_edit", partner, offer.pk)).content.decode()
        assert "Laatst gewijzigd door manager@example.org op" in html

    def test_the_edit_page_has_a_constant_number_of_queries(
        self, client, editor, partner, offer, other_partner, django_assert_max_num_queries
    ):
        for name in ("Spelen", "Slapen", "Eten"):
            offer.themes.add(Theme.objects.create(name=name, slug=name.lower()))
        offer.co_providers.add(other_partner, factories.make_partner())
        client.force_login(editor)
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(portal_url("offer_edit", partner, offer.pk))
        assert response.status_code == 200
        assert set(response.context["form"]["themes"].value()) == set(
            offer.themes.values_list("pk", flat=True)
        )

    def test_the_edit_page_has_a_constant_number_of_queries_for_a_coordinator(
        self, client, coordinator, partner, offer, django_assert_max_num_queries
    ):
        client.force_login(coordinator)
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(portal_url("offer_edit", partner, offer.pk))
        assert response.status_code == 200

    def test_former_partners_are_not_offered_as_co_providers(
        self, client, editor, partner, offer, other_partner
    ):
        gone = factories.make_partner("Vroeger vzw", status="former")
        client.force_login(editor)
        choices = dict(
            client.get(portal_url("offer_edit", partner, offer.pk))
            .context["form"]
            .fields["co_providers"]
            .choices
        )
        assert other_partner.pk in choices
        assert gone.pk not in choices
        assert partner.pk not in choices


class TestStatus:
    @pytest.fixture(autouse=True)
    def _logged_in(self, client, editor):
        client.force_login(editor)

    def test_publishing_makes_a_draft_public_and_confirms_it(self, client, partner):
        offer = factories.make_offer(partner, status=Offer.Status.DRAFT)
        response = client.post(portal_url("offer_publish", partner, offer.pk))
        assert response.status_code == 302
        offer.refresh_from_db()
        assert offer.status == Offer.Status.PUBLISHED
        assert offer.version == 2
        assert offer.reviewed_at > timezone.now() - timedelta(minutes=1)
        assert offer.history.first().history_change_reason == "publish"
        assert client.get(offer.get_absolute_url()).status_code == 200

    def test_taking_offline_makes_it_a_draft_again(self, client, partner, offer):
        client.post(portal_url("offer_unpublish", partner, offer.pk))
        offer.refresh_from_db()
        assert offer.status == Offer.Status.DRAFT
        assert client.get(offer.get_absolute_url()).status_code == 404

    def test_archiving_and_bringing_back(self, client, partner, offer):
        client.post(portal_url("offer_archive", partner, offer.pk))
        offer.refresh_from_db()
        assert offer.status == Offer.Status.ARCHIVED
        client.post(portal_url("offer_restore", partner, offer.pk))
        offer.refresh_from_db()
        assert offer.status == Offer.Status.DRAFT

    def test_publishing_twice_changes_nothing_the_second_time(self, client, partner, offer):
        response = client.post(portal_url("offer_publish", partner, offer.pk), follow=True)
        offer.refresh_from_db()
        assert offer.version == 1
        assert "Er is niets veranderd" in response.content.decode()

    def test_the_buttons_only_take_post(self, client, partner, offer):
        assert client.get(portal_url("offer_archive", partner, offer.pk)).status_code == 405
        offer.refresh_from_db()
        assert offer.status == Offer.Status.PUBLISHED

    def test_still_correct_confirms_the_offer_today(self, client, editor, partner, offer):
        response = client.post(
            portal_url("offer_reviewed", partner, offer.pk),
            {"next": portal_url("offer_list", partner)},
        )
        assert response["Location"] == portal_url("offer_list", partner)
        offer.refresh_from_db()
        assert offer.reviewed_at > timezone.now() - timedelta(minutes=1)
        assert offer.history.first().history_user == editor

    def test_still_correct_does_not_go_back_to_another_site(self, client, partner, offer):
        response = client.post(
            portal_url("offer_reviewed", partner, offer.pk), {"next": "https://evil.example/"}
        )
        assert response["Location"] == portal_url("dashboard", partner)


class TestDuplicate:
    def test_a_copy_is_a_draft_with_a_new_slug_and_the_places_but_not_the_activities(
        self, client, editor, partner, offer, other_partner
    ):
        theme = Theme.objects.create(name="Spelen", slug="spelen")
        offer.themes.add(theme)
        offer.co_providers.add(other_partner)
        place = factories.make_offer_location(offer, schedule="elke woensdag")
        ScheduleSlot.objects.create(
            offer_location=place, weekday=3, start_time="09:00", end_time="12:00"
        )
        factories.make_activity(offer)
        client.force_login(editor)
        data = {"form_key": "2f1a2a51-62a8-4a35-9a55-0b4d6b7f4d11"}
        response = client.post(portal_url("offer_duplicate", partner, offer.pk), data)
        copy = Offer.objects.exclude(pk=offer.pk).get()
        assert response["Location"] == portal_url("offer_edit", partner, copy.pk)
        assert copy.title == "Babbelbox (kopie)"
        assert copy.slug == "babbelbox-kopie"
        assert copy.status == Offer.Status.DRAFT
        assert copy.reviewed_at is None
        assert (copy.age_min_months, copy.age_max_months) == (18, 72)
        assert list(copy.themes.all()) == [theme]
        assert list(copy.co_providers.all()) == [other_partner]
        copied_place = OfferLocation.objects.get(offer=copy)
        assert copied_place.location == place.location
        assert copied_place.schedule == "elke woensdag"
        assert copied_place.slots.get().weekday == 3
        assert not Activity.objects.filter(offer=copy).exists()
        assert OfferLocation.objects.get(offer=offer).slots.count() == 1

    def test_a_double_click_makes_one_copy(self, client, editor, partner, offer):
        client.force_login(editor)
        data = {"form_key": "2f1a2a51-62a8-4a35-9a55-0b4d6b7f4d11"}
        first = client.post(portal_url("offer_duplicate", partner, offer.pk), data)
        second = client.post(portal_url("offer_duplicate", partner, offer.pk), data)
        assert Offer.objects.count() == 2
        assert second["Location"] == first["Location"]


class TestList:
    def test_it_lists_the_partners_offers_by_status(self, client, editor, partner, other_partner):
        factories.make_offer(partner, "Gepubliceerd")
        factories.make_offer(partner, "Kladje", status=Offer.Status.DRAFT)
        factories.make_offer(partner, "Oud", status=Offer.Status.ARCHIVED)
        factories.make_offer(other_partner, "Van een ander")
        client.force_login(editor)
        everything = client.get(portal_url("offer_list", partner))
        assert [o.title for o in everything.context["offers"]] == [
            "Gepubliceerd",
            "Kladje",
            "Oud",
        ]
        drafts = client.get(portal_url("offer_list", partner), {"status": "concept"})
        assert [o.title for o in drafts.context["offers"]] == ["Kladje"]

    def test_an_unknown_status_shows_everything(self, client, editor, partner, offer):
        client.force_login(editor)
        response = client.get(portal_url("offer_list", partner), {"status": "<script>"})
        assert response.status_code == 200
        assert list(response.context["offers"]) == [offer]

    def test_the_list_has_a_constant_number_of_queries(
        self, client, editor, partner, django_assert_max_num_queries
    ):
        for number in range(12):
            offer = factories.make_offer(partner, f"Aanbod {number}")
            offer.co_providers.add(factories.make_partner())
        client.force_login(editor)
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(portal_url("offer_list", partner))
        assert len(response.context["offers"]) == 12
