"""The portal's translation pages: an offer's texts in another language, the list of offers
that miss a translation, and the coordinators' counts per language in the admin."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanbod.models import Offer, OfferTranslation, SearchSynonym, Theme
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
        registration_details="Bel ons.",
    )


# The lists below name every translation language: these tests fix which ones there are.
THREE_LANGUAGES = override_settings(
    LANGUAGES=[("nl", "Dutch"), ("fr", "French"), ("en", "English")]
)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def edit_url(partner, offer, language="fr"):
    return portal_url("offer_translation_edit", partner, offer.pk, language)


def test_a_partner_translates_an_offer(client, editor, partner, offer):
    client.force_login(editor)
    url = edit_url(partner, offer)
    page = client.get(url)
    assert page.status_code == 200
    assert 'lang="fr"' in page.text  # the inputs are in French
    assert "Samen spelen met je peuter." in page.text  # with the Dutch text beside them
    data = page_data(page)
    data.update(title="Babbelbox", summary="Jouer avec votre tout-petit.", cost_details="2 €")
    response = client.post(url, data)
    assert response.status_code == 302
    saved = OfferTranslation.objects.get(offer=offer, language="fr")
    assert (saved.summary, saved.cost_details, saved.registration_details) == (
        "Jouer avec votre tout-petit.",
        "2 €",
        "",
    )
    offer.refresh_from_db()
    assert offer.version == 2  # a translation is a change of the offer


def test_title_and_summary_go_together(client, editor, partner, offer):
    client.force_login(editor)
    url = edit_url(partner, offer)
    data = page_data(client.get(url))
    data.update(title="Babbelbox", summary="")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Vul de titel en de samenvatting in" in response.text
    assert 'value="Babbelbox"' in response.text  # nothing typed is lost
    assert not OfferTranslation.objects.exists()


def test_emptying_every_field_removes_the_translation(client, editor, partner, offer):
    OfferTranslation.objects.create(offer=offer, language="en", title="Chatbox", summary="Play.")
    client.force_login(editor)
    url = edit_url(partner, offer, "en")
    data = page_data(client.get(url))
    data.update(title="", summary="", cost_details="", registration_details="")
    response = client.post(url, data, follow=True)
    assert "De teksten in het Engels zijn verwijderd" in response.text
    assert not OfferTranslation.objects.exists()


def test_a_language_that_is_not_on_the_site_is_not_found(client, editor, partner, offer):
    client.force_login(editor)
    for language in ("nl", "xx", "de"):
        assert client.get(edit_url(partner, offer, language)).status_code == 404


def test_another_partners_offer_is_not_found(client, outsider, partner, other_partner, offer):
    OfferTranslation.objects.create(offer=offer, language="fr", title="Babbelbox", summary="x")
    client.force_login(outsider)
    assert client.get(edit_url(partner, offer)).status_code == 404
    assert client.get(edit_url(other_partner, offer)).status_code == 404
    response = client.post(edit_url(other_partner, offer), {"title": "Pirate", "summary": "x"})
    assert response.status_code == 404
    assert OfferTranslation.objects.get().title == "Babbelbox"


def test_a_save_over_someone_elses_change_is_refused_and_keeps_what_was_typed(
    editor, partner, offer
):
    colleague = factories.make_member(partner, email="sara@example.org")
    first, second = logged_in(editor), logged_in(colleague)
    url = edit_url(partner, offer)
    first_data, second_data = page_data(first.get(url)), page_data(second.get(url))
    first_data.update(title="Babbelbox", summary="Jouer ensemble.")
    assert first.post(url, first_data).status_code == 302
    second_data.update(title="Babbelbox", summary="Parler et jouer.")
    response = second.post(url, second_data)
    assert response.status_code == 409
    assert "Parler et jouer." in response.text  # what the second person typed
    assert "Jouer ensemble." in response.text  # what the first one saved, under the field
    assert OfferTranslation.objects.get().summary == "Jouer ensemble."
    # Saving again, now over the current version, works.
    assert second.post(url, page_data(response)).status_code == 302
    assert OfferTranslation.objects.get().summary == "Parler et jouer."


@THREE_LANGUAGES
def test_the_offer_tab_shows_the_state_of_each_language(client, editor, partner, offer):
    OfferTranslation.objects.create(offer=offer, language="fr", title="Babbelbox", summary="x")
    client.force_login(editor)
    response = client.get(portal_url("offer_translations", partner, offer.pk))
    states = {item["code"]: item["state"] for item in response.context["languages"]}
    # French lacks how to take part and the cost details the Dutch offer has.
    assert states == {"fr": "partial", "en": "missing"}


@THREE_LANGUAGES
def test_partners_see_which_offers_lack_a_translation(
    client, editor, partner, other_partner, offer, django_assert_max_num_queries
):
    done = factories.make_offer(partner, "Speelotheek")
    for language in ("fr", "en"):
        OfferTranslation.objects.create(offer=done, language=language, title="x", summary="y")
    factories.make_offer(partner, "Oud aanbod", status=Offer.Status.ARCHIVED)
    factories.make_offer(other_partner, "Van een ander")
    client.force_login(editor)
    with django_assert_max_num_queries(10):
        response = client.get(portal_url("translation_list", partner))
    rows = response.context["rows"]
    assert [row["offer"].title for row in rows] == ["Babbelbox"]
    assert [str(name) for name in rows[0]["missing"]] == ["Frans", "Engels"]
    assert [count[2:] for count in response.context["counts"]] == [(1, 1), (1, 1)]


def test_the_list_takes_as_many_queries_for_many_offers_as_for_few(
    client, editor, partner, django_assert_num_queries
):
    factories.make_offer(partner, "Een")
    client.force_login(editor)
    url = portal_url("translation_list", partner)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(10):
        offer = factories.make_offer(partner, f"Aanbod {number}")
        OfferTranslation.objects.create(offer=offer, language="fr", title="x", summary="y")
    with django_assert_num_queries(len(few)):
        client.get(url)


@THREE_LANGUAGES
def test_coordinators_see_the_counts_per_language_in_the_admin(client, coordinator, partner):
    translated = factories.make_offer(partner, "Babbelbox")
    OfferTranslation.objects.create(offer=translated, language="en", title="x", summary="y")
    factories.make_offer(partner, "Speelotheek")
    factories.make_offer(partner, "Concept", status=Offer.Status.DRAFT)
    client.force_login(coordinator)
    response = client.get(reverse("admin:aanbod_offertranslation_changelist"))
    assert response.status_code == 200
    counts = {
        code: (translated, missing)
        for code, _name, translated, missing in response.context["language_counts"]
    }
    assert counts == {"fr": (0, 2), "en": (1, 1)}
    missing_english = client.get(
        reverse("admin:aanbod_offer_changelist"),
        {"status__exact": "published", "zonder_vertaling": "en"},
    )
    assert [offer.title for offer in missing_english.context["cl"].result_list] == ["Speelotheek"]


def test_the_offer_form_hints_at_long_sentences_and_words(client, editor, partner):
    offer = factories.make_offer(
        partner,
        "Praatgroep",
        summary="Een groep voor ouders die graag met andere ouders willen praten over alles wat "
        "met de opvoeding van hun kinderen en de opvoedingsondersteuning te maken heeft.",
    )
    client.force_login(editor)
    response = client.get(portal_url("offer_edit", partner, offer.pk))
    assert "readability-hint" in response.text
    assert "26 woorden" in response.text
    assert "opvoedingsondersteuning" in response.text
    short = factories.make_offer(partner, "Babbelbox", summary="Samen spelen. Voor peuters.")
    response = client.get(portal_url("offer_edit", partner, short.pk))
    assert "readability-hint" not in response.text


def test_coordinators_give_a_theme_its_names_in_the_admin(client, coordinator):
    theme = Theme.objects.create(name="Slapen", slug="slapen", names={"de": "Schlaf"})
    client.force_login(coordinator)
    url = reverse("admin:aanbod_theme_change", args=[theme.pk])
    page = client.get(url)
    assert "Naam in het Frans" in page.text
    response = client.post(
        url, {"name": "Slapen", "slug": "slapen", "name_fr": "  Sommeil ", "name_en": ""}
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    # The German name has no field while the site has no German pages: it is kept.
    assert theme.names == {"fr": "Sommeil", "de": "Schlaf"}


def test_coordinators_keep_the_search_synonyms_in_the_admin(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("admin:aanbod_searchsynonym_add"),
        {"language": "fr", "term": "Câlin", "dutch_words": "knuffelen"},
    )
    assert response.status_code == 302
    assert SearchSynonym.objects.get(term="calin").dutch_words == "knuffelen"
    twice = client.post(
        reverse("admin:aanbod_searchsynonym_add"),
        {"language": "fr", "term": "CÂLIN", "dutch_words": "knuffel"},
    )
    assert twice.status_code == 200  # the same term again: a message, not an error page
    assert SearchSynonym.objects.filter(term="calin").count() == 1
