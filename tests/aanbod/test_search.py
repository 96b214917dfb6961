"""Text search over offers (aanbod/search.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aanbod.models import Offer, Pillar, SearchLog, Theme
from aanbod.search import normalise_query, record_search, search_offers
from tests import factories


def titles(queryset):
    return [offer.title for offer in queryset]


def found(text, offers=None):
    queryset, _ = search_offers(Offer.objects.all() if offers is None else offers, text)
    return titles(queryset)


def make_theme(name):
    return Theme.objects.create(name=name, slug=name.lower().replace(" ", "-"))


def test_blank_text_returns_the_offers_unchanged(partner):
    factories.make_offer(partner, title="Babbelbox")
    offers = Offer.objects.published()
    for text in ("", "   ", "\t\n", None):
        result, used_fallback = search_offers(offers, text)
        assert result is offers
        assert used_fallback is False


def test_it_finds_an_accented_title_when_typed_without_accents(partner):
    factories.make_offer(partner, title="Crèche De Speelvogel")
    factories.make_offer(partner, title="Speelotheek")
    assert found("creche") == ["Crèche De Speelvogel"]


def test_it_finds_a_title_without_accents_when_typed_with_accents(partner):
    factories.make_offer(partner, title="Creche Het Nest")
    factories.make_offer(partner, title="Speelotheek")
    assert found("crèche") == ["Creche Het Nest"]


def test_it_ignores_upper_and_lower_case(partner):
    factories.make_offer(partner, title="Babbelbox")
    assert found("BABBELBOX") == ["Babbelbox"]


def test_every_word_must_match(partner):
    factories.make_offer(partner, title="Babbelbox voor peuters", summary="Praten en spelen.")
    factories.make_offer(partner, title="Babbelbox voor ouders", summary="Een babbel met koffie.")
    assert found("babbelbox peuters") == ["Babbelbox voor peuters"]


def test_a_word_after_a_minus_is_left_out(partner):
    factories.make_offer(partner, title="Babbelbox voor peuters", summary="Praten en spelen.")
    factories.make_offer(partner, title="Babbelbox voor ouders", summary="Een babbel met koffie.")
    assert found("babbelbox -peuters") == ["Babbelbox voor ouders"]


def test_a_title_hit_ranks_above_a_description_only_hit(partner):
    factories.make_offer(
        partner,
        title="Spelotheek",
        summary="Speelgoed lenen.",
        description="Ook boeken over borstvoeding om mee te nemen.",
    )
    factories.make_offer(partner, title="Borstvoeding", summary="Hulp bij het voeden.")
    result, _ = search_offers(Offer.objects.all(), "borstvoeding")
    assert titles(result) == ["Borstvoeding", "Spelotheek"]
    title_hit, description_hit = result
    assert isinstance(title_hit.rank, float)
    assert title_hit.rank > description_hit.rank


def test_equally_good_hits_are_in_title_order(partner):
    for title in ("Zwemmen voor baby's", "Massage voor baby's", "Gebarentaal voor baby's"):
        factories.make_offer(partner, title=title)
    assert found("baby's") == [
        "Gebarentaal voor baby's",
        "Massage voor baby's",
        "Zwemmen voor baby's",
    ]


def test_it_finds_an_offer_by_its_theme(partner):
    offer = factories.make_offer(partner, title="Inloopmoment", summary="Kom gerust langs.")
    offer.themes.add(make_theme("Geldzorgen"))
    factories.make_offer(partner, title="Babbelbox")
    assert found("geldzorgen") == ["Inloopmoment"]


def test_it_finds_an_offer_by_its_provider_name(partner, other_partner):
    factories.make_offer(partner, title="Inloopmoment", summary="Kom gerust langs.")
    factories.make_offer(other_partner, title="Babbelbox", summary="Praten met andere ouders.")
    assert found("wigwam") == ["Babbelbox"]


def test_words_may_come_from_different_parts_of_the_offer(partner):
    offer = factories.make_offer(partner, title="Inloopmoment", summary="Kom gerust langs.")
    offer.themes.add(make_theme("Geldzorgen"))
    factories.make_offer(partner, title="Inloopmoment in Kessel-Lo", summary="Kom langs.")
    assert found("gezinsbond inloopmoment geldzorgen") == ["Inloopmoment"]


def test_it_only_narrows_the_offers_it_is_given(partner):
    factories.make_offer(partner, title="Babbelbox", for_expecting=True)
    factories.make_offer(partner, title="Babbelbox extra", status=Offer.Status.DRAFT)
    factories.make_offer(partner, title="Babbelbox junior", for_expecting=False)
    assert found("babbelbox", Offer.objects.published()) == ["Babbelbox", "Babbelbox junior"]
    assert found("babbelbox", Offer.objects.published().for_expecting()) == ["Babbelbox"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x" * 5000, []),
        ("borstvoeding " * 400, []),
        ("slaap\x00problemen", []),
        ("babbelbox\x00", ["Babbelbox"]),
        # Nothing left to look for: the offers as they were given.
        ("\x00", ["Babbelbox"]),
        ("\ud800 kapotte tekens", []),
        ("\ud800 babbelbox", ["Babbelbox"]),
        # A soft hyphen hides inside a word.
        ("babbel\u00adbox", ["Babbelbox"]),
        ("emoji 👶🏽‍🍼 en ‮omgekeerd‬", []),
        ("ولادة 出生 рождение", []),
        ('-foo "bar" or', []),
        ('"niet afgesloten', []),
        ('"babbelbox', ["Babbelbox"]),
        ("babbelbox or zomerkamp", ["Babbelbox"]),
        ("BABBELBOX:*", ["Babbelbox"]),
        ("or or or - -- & | ! ( ) <-> :* \\ '", []),
        ("'; DROP TABLE aanbod_offer; --", []),
        ("%_%", []),
        ("a" * 199 + "é", []),
        (12345, []),
    ],
)
def test_odd_input_never_raises_and_finds_what_its_words_say(partner, text, expected):
    factories.make_offer(partner, title="Babbelbox", summary="Praten en spelen.")
    assert found(text, Offer.objects.published()) == expected


SEARCH_SYNTAX = ["-", '"', "or", "OR", "&", "|", "!", "(", ")", ":*", "<->", "'", "\\", "%"]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.one_of(
        st.text(max_size=250),
        st.lists(
            st.sampled_from([*SEARCH_SYNTAX, "slaap", "crèche", "babbelbox", " ", "\x00"])
        ).map("".join),
    )
)
def test_any_text_is_accepted_and_only_narrows_the_offers_given(partner, text):
    # The examples share one database. The draft has the same text: a search that widened the
    # offers given would list it.
    if not Offer.objects.exists():
        factories.make_offer(partner, title="Babbelbox", summary="Praten en spelen.")
        factories.make_offer(
            partner, title="Babbelbox klad", summary="Praten en spelen.", status=Offer.Status.DRAFT
        )
    result, _ = search_offers(Offer.objects.published(), text)
    listed = titles(result)
    assert listed in ([], ["Babbelbox"])
    # The count a list shows instead of counting again.
    assert getattr(result, "match_count", len(listed)) == len(listed)


def test_text_without_letters_or_digits_finds_nothing(partner):
    factories.make_offer(partner, title="Babbelbox")
    result, used_fallback = search_offers(Offer.objects.all(), "?! -- ...")
    assert titles(result) == []
    assert used_fallback is False


def test_the_search_takes_at_most_two_queries(partner):
    for number in range(5):
        offer = factories.make_offer(partner, title=f"Babbelbox {number}")
        offer.themes.add(make_theme(f"Thema {number}"))
    with CaptureQueriesContext(connection) as queries:
        result, _ = search_offers(Offer.objects.published(), "babbelbox")
        assert len(titles(result)) == 5
    assert len(queries) <= 2


# The search document follows edits, whichever way an offer is written.


def test_the_search_follows_a_new_title(partner):
    offer = factories.make_offer(partner, title="Babbelbox", summary="Praten met ouders.")
    offer.title = "Praatcafé"
    offer.save()
    assert found("praatcafe") == ["Praatcafé"]
    assert found("babbelbox") == []


def test_the_search_follows_a_title_changed_with_update(partner):
    offer = factories.make_offer(partner, title="Babbelbox")
    Offer.objects.filter(pk=offer.pk).update(title="Praatcafé")
    assert found("praatcafe") == ["Praatcafé"]


def test_the_search_follows_themes_added_and_removed(partner):
    offer = factories.make_offer(partner, title="Inloopmoment")
    money, sleep = make_theme("Geldzorgen"), make_theme("Slaap")
    offer.themes.set([money])
    assert found("geldzorgen") == ["Inloopmoment"]
    offer.themes.set([sleep])
    assert found("geldzorgen") == []
    assert found("slaap") == ["Inloopmoment"]
    offer.themes.clear()
    assert found("slaap") == []


def test_the_search_follows_a_theme_added_from_the_theme_side(partner):
    offer = factories.make_offer(partner, title="Inloopmoment")
    make_theme("Geldzorgen").offers.add(offer)
    assert found("geldzorgen") == ["Inloopmoment"]


def test_saving_an_offer_loaded_before_its_themes_changed_keeps_them(partner):
    factories.make_offer(partner, title="Inloopmoment")
    offer = Offer.objects.get()
    make_theme("Geldzorgen").offers.add(offer)
    offer.reviewed_at = timezone.now()
    offer.save()
    assert found("geldzorgen") == ["Inloopmoment"]


def test_the_search_follows_a_renamed_theme(partner):
    offer = factories.make_offer(partner, title="Inloopmoment")
    theme = make_theme("Geldzorgen")
    offer.themes.add(theme)
    theme.name = "Armoede"
    theme.save()
    assert found("armoede") == ["Inloopmoment"]
    assert found("geldzorgen") == []


def test_the_search_forgets_a_deleted_theme(partner):
    offer = factories.make_offer(partner, title="Inloopmoment")
    theme = make_theme("Geldzorgen")
    offer.themes.add(theme)
    theme.delete()
    assert found("geldzorgen") == []


def test_the_search_follows_a_renamed_provider(partner):
    factories.make_offer(partner, title="Inloopmoment")
    partner.name = "Huis van het Kind Leuven"
    partner.save()
    assert found("gezinsbond") == []
    assert found("huis van het kind") == ["Inloopmoment"]


def test_the_search_follows_a_new_provider(partner, other_partner):
    offer = factories.make_offer(partner, title="Inloopmoment")
    offer.provider = other_partner
    offer.save()
    assert found("wigwam") == ["Inloopmoment"]
    assert found("gezinsbond") == []


def test_offers_created_in_bulk_are_searchable(partner):
    theme = make_theme("Geldzorgen")
    offers = Offer.objects.bulk_create(
        Offer(provider=partner, title=f"Budgetcafé {n}", slug=f"budgetcafe-{n}", summary="Tips.")
        for n in range(3)
    )
    Offer.themes.through.objects.bulk_create(
        Offer.themes.through(offer_id=offer.pk, theme_id=theme.pk) for offer in offers
    )
    assert found("budgetcafe") == ["Budgetcafé 0", "Budgetcafé 1", "Budgetcafé 2"]
    assert len(found("geldzorgen")) == 3


def test_an_offer_added_in_the_admin_with_themes_is_searchable(client, coordinator, partner):
    theme = make_theme("Geldzorgen")
    pillar = Pillar.objects.get(slug="onthaal-en-informatie")
    client.force_login(coordinator)
    response = client.post(
        reverse("admin:aanbod_offer_add"),
        {
            "provider": partner.pk,
            "title": "Budgetcafé",
            "slug": "budgetcafe",
            "summary": "Samen je budget op orde.",
            "description": "",
            "pillars": [pillar.pk],
            "themes": [theme.pk],
            "age_min_months": 0,
            "age_max_months": 288,
            "cost": Offer.Cost.FREE,
            "registration": Offer.Registration.WALK_IN,
            "format": Offer.Format.IN_PERSON,
            "service_area": Offer.ServiceArea.PLACES,
            "status": Offer.Status.PUBLISHED,
            "offer_locations-TOTAL_FORMS": 0,
            "offer_locations-INITIAL_FORMS": 0,
            "activities-TOTAL_FORMS": 0,
            "activities-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert found("geldzorgen") == ["Budgetcafé"]


# normalise_query and record_search


def test_normalise_query_lowercases_strips_accents_and_collapses_whitespace():
    assert normalise_query("  Crèche\t\tLEUVEN  Naïef ") == "creche leuven naief"


def test_normalise_query_drops_control_characters():
    assert normalise_query("slaap\x00\x07problemen\u200b") == "slaap problemen"


def test_normalise_query_keeps_at_most_200_characters():
    assert normalise_query("é" * 5000) == "e" * 200


def test_normalise_query_of_blank_text_is_empty():
    assert normalise_query(" \n\t ") == ""
    assert normalise_query(None) == ""


def test_record_search_stores_the_normalised_text_the_count_and_today(db):
    record_search("  Crèche   Leuven ", 3)
    log = SearchLog.objects.get()
    assert (log.query, log.result_count, log.searched_on) == (
        "creche leuven",
        3,
        timezone.localdate(),
    )


def test_record_search_stores_nothing_personal(db):
    fields = {field.name for field in SearchLog._meta.get_fields()}
    assert fields == {"id", "query", "result_count", "searched_on"}


def test_record_search_skips_blank_text(db):
    record_search("   ", 0)
    record_search("\x00", 0)
    assert not SearchLog.objects.exists()


# Dutch stemming, the typo fallback and the indexes.


def test_dutch_stemming_finds_other_forms_of_a_word(partner):
    factories.make_offer(partner, title="Slaap zacht", summary="Tips voor rustige nachten.")
    factories.make_offer(partner, title="Spelen in het park", summary="Buiten met je kind.")
    assert found("slapen") == ["Slaap zacht"]
    assert found("speel") == ["Spelen in het park"]


def test_an_exact_hit_does_not_use_the_fallback(partner):
    factories.make_offer(partner, title="Borstvoedingsconsult")
    result, used_fallback = search_offers(Offer.objects.all(), "borstvoedingsconsult")
    assert titles(result) == ["Borstvoedingsconsult"]
    assert used_fallback is False


@pytest.mark.parametrize(
    ("typo", "title"),
    [
        ("borstvoding", "Borstvoedingsconsult"),
        ("kinderopvnag", "Kinderopvang De Boomhut"),
        ("opvoedingswinkle", "Opvoedingswinkel Leuven"),
    ],
)
def test_a_typo_finds_the_offer_through_the_fallback(partner, typo, title):
    factories.make_offer(partner, title="Borstvoedingsconsult")
    factories.make_offer(partner, title="Kinderopvang De Boomhut")
    factories.make_offer(partner, title="Opvoedingswinkel Leuven")
    result, used_fallback = search_offers(Offer.objects.all(), typo)
    assert titles(result) == [title]
    assert used_fallback is True
    assert result[0].rank >= 0.6


def test_the_fallback_finds_theme_names_with_a_typo(partner):
    offer = factories.make_offer(partner, title="Inloopmoment")
    offer.themes.add(make_theme("Kinderopvang"))
    factories.make_offer(partner, title="Babbelbox")
    assert found("kinderopvnag") == ["Inloopmoment"]


def test_the_fallback_only_narrows_the_offers_it_is_given(partner):
    factories.make_offer(partner, title="Kinderopvang De Boomhut", status=Offer.Status.DRAFT)
    result, used_fallback = search_offers(Offer.objects.published(), "kinderopvnag")
    assert titles(result) == []
    assert used_fallback is True


def test_the_fallback_leaves_unrelated_offers_out(partner):
    factories.make_offer(partner, title="Huis van het Kind")
    result, used_fallback = search_offers(Offer.objects.all(), "huiswerk")
    assert titles(result) == []
    assert used_fallback is True


def test_the_search_document_weighs_title_summary_description_and_the_rest(partner):
    offer = factories.make_offer(partner, title="Babbelbox", summary="Praten", description="Koffie")
    offer.themes.add(make_theme("Ontmoeting"))
    vector = Offer.objects.values_list("search_vector", flat=True).get(pk=offer.pk)
    assert "'babbelbox':1A" in vector
    assert "'prat':2B" in vector
    assert "'koffie':3C" in vector
    assert "'ontmoet':4" in vector
    assert "'gezinsbond':5" in vector


def _plan(queryset):
    """The query plan, with the tiny test table made to look large: no sequential scans, and no
    walking a whole b-tree index in order instead of looking up the matches."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_full_text_search_can_use_its_gin_index(partner):
    factories.make_offer(partner, title="Babbelbox")
    result, _ = search_offers(Offer.objects.all(), "babbelbox")
    assert "aanbod_offer_search_vector_gin" in _plan(result)


def test_the_typo_fallback_can_use_the_trigram_index(partner):
    factories.make_offer(partner, title="Babbelbox")
    result, used_fallback = search_offers(Offer.objects.all(), "babelbox")
    assert used_fallback is True
    assert "aanbod_offer_title_trgm" in _plan(result)


def test_the_fallback_ranks_a_similar_title_above_a_similar_theme(partner):
    offer = factories.make_offer(partner, title="Inloopmoment")
    offer.themes.add(make_theme("Kinderopvang voor baby's"))
    factories.make_offer(partner, title="Kinderopvang De Boomhut")
    result, used_fallback = search_offers(Offer.objects.all(), "kinderopvnag")
    assert used_fallback is True
    assert titles(result) == ["Kinderopvang De Boomhut", "Inloopmoment"]
    assert result[0].rank >= result[1].rank > 0


@pytest.mark.parametrize("text", ["babbelbox", "kinderopvnag"])
def test_results_too_many_to_rank_are_in_title_order(partner, monkeypatch, text):
    monkeypatch.setattr("aanbod.search.RANKED_MATCHES_LIMIT", 1)
    theme = make_theme("Kinderopvang")
    for title in ("Zomerkamp", "Babbelbox", "Kinderopvang De Boomhut"):
        offer = factories.make_offer(
            partner, title=title, summary="Babbelbox en meer.", status=Offer.Status.PUBLISHED
        )
        offer.themes.add(theme)
    factories.make_offer(partner, title="Babbelbox klad", status=Offer.Status.DRAFT)
    result, _ = search_offers(Offer.objects.published(), text)
    assert titles(result) == ["Babbelbox", "Kinderopvang De Boomhut", "Zomerkamp"]
    assert all(isinstance(offer.rank, float) for offer in result)
