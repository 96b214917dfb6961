"""Text search over offers.

Full-text search on the stored, GIN-indexed ``Offer.search_vector`` with a Dutch,
accent-insensitive configuration (``dutch_unaccent``), ranked with ``ts_rank``. When that finds
nothing, a trigram word-similarity match on the title and the theme names catches typos.
The configuration and the triggers that keep the document current are in aanbod/sql/search.sql;
the indexes were made by migration ``aanbod/migrations/0004_offer_search.py``.

On a page in another language the search also looks in the offers' translations into that
language (``OfferTranslation.search_vector``, in the language's own configuration, see
aanbod/sql/translations.sql). And in every language, the Dutch words of the coordinators'
synonyms (``SearchSynonym``: "allaitement" → "borstvoeding") that the text holds are looked for
in the Dutch text as well.
"""

import re
import unicodedata

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchConfig,
    SearchQuery,
    SearchQueryCombinable,
    SearchQueryField,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db.models import (
    Case,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from .facets import Facet, has_any
from .languages import current_language, search_config, source_language
from .models import FilterLog, Offer, OfferTranslation, SearchLog, SearchSynonym, Theme

MAX_QUERY_LENGTH = 200
# A synonym's term is at most this many words long ("aide aux devoirs").
MAX_SYNONYM_WORDS = 5
# The text search configuration of aanbod/sql/search.sql: Dutch stemming after unaccent.
SEARCH_CONFIG = "dutch_unaccent"
# Ordering by relevance needs the rank of every match. For up to this many matches that takes
# a few milliseconds. A text that matches more hardly narrows the list, and ranking 90,000 of
# 100,000 offers takes most of a second: such broad results are ordered by title instead, which
# an index serves, and the rank is computed only for the offers shown.
RANKED_MATCHES_LIMIT = 1000
# In the typo fallback a similar theme name counts for less than a similar title.
THEME_SIMILARITY_WEIGHT = 0.5

# Control characters (tab, newline, NUL, ...) separate words; format characters (soft hyphen,
# zero-width joiner, direction marks) and lone surrogates are dropped: the database cannot store
# NUL or a lone surrogate, and the others only hide inside words.
_SEPARATING_CATEGORIES = {"Cc", "Zl", "Zp"}
_DROPPED_CATEGORIES = {"Cf", "Cs"}


class Fold(Func):
    """Lowercase and accent-free text in the database.

    ``aanbod_fold`` is an immutable wrapper around unaccent(lower(...)), so the trigram index on
    ``aanbod_fold(title)`` serves queries written with this expression.
    """

    function = "aanbod_fold"
    output_field = TextField()


def fold(text):
    """Lowercase ``text`` (casefold: ß → ss) and remove accents (crèche → creche)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.casefold())


def _clean(text):
    """The user's text without control characters, whitespace collapsed, at most 200 chars."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    # Cut early so a huge input costs no more work than a long one.
    text = text[: MAX_QUERY_LENGTH * 4]
    chars = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in _DROPPED_CATEGORIES:
            continue
        chars.append(" " if category in _SEPARATING_CATEGORIES else ch)
    return " ".join("".join(chars).split())[:MAX_QUERY_LENGTH].strip()


def normalise_query(text) -> str:
    """The form of a search text used for counting searches.

    Lowercase, accents removed, control characters removed, whitespace collapsed to single
    spaces, at most 200 characters: "  Crèche\\tLeuven " and "creche leuven" count as one.
    """
    return " ".join(fold(_clean(text)).split())[:MAX_QUERY_LENGTH].strip()


def synonym_key(text):
    """How a synonym's term and the words of a search text are compared: lower case, accents
    removed, only the words ("Garde d’enfants" → "garde d enfants")."""
    return " ".join(re.findall(r"\w+", normalise_query(text)))


def synonym_words(text, language):
    """The Dutch words of the synonyms in ``language`` whose term is in ``text``, joined by
    " or ", as a subquery: the search asks for them in its own query, not one of their own."""
    words = synonym_key(text).split()
    phrases = {
        " ".join(words[start : start + length])
        for length in range(1, MAX_SYNONYM_WORDS + 1)
        for start in range(len(words) - length + 1)
    }
    found = (
        SearchSynonym.objects.filter(language=language, term__in=sorted(phrases))
        .order_by()
        .values("language")
        .annotate(words=StringAgg("dutch_words", " or ", order_by="term"))
        .values("words")
    )
    return Coalesce(Subquery(found), Value(""), output_field=TextField())


class DutchWordsQuery(SearchQueryCombinable, Func):
    """websearch_to_tsquery() of the synonyms' Dutch words; empty when there are none."""

    function = "websearch_to_tsquery"
    output_field = SearchQueryField()

    def __init__(self, words):
        super().__init__(SearchConfig.from_parameter(SEARCH_CONFIG), words)


def synonyms_shown(offers):
    """The Dutch words the search added for these offers (a page of its results), without
    repeats: the page tells the visitor it searched for them."""
    words = getattr(offers[0], "synonym_words", "") if offers else ""
    return list(dict.fromkeys(words.replace(" or ", " ").split()))


def search_offers(offers, text, language=None):
    """Narrow ``offers`` to those matching the user's ``text``, best first.

    Returns ``(queryset, used_fallback)``. The queryset is ``offers`` filtered (never widened:
    drafts stay out if ``offers`` left them out), annotated with ``rank`` (a float, higher is
    better) and ordered by ``-rank, title`` (by ``title`` alone when more than
    RANKED_MATCHES_LIMIT offers match). ``used_fallback`` is True when the full-text search
    found nothing and a typo-tolerant similarity match on titles and themes was used instead.
    Blank text returns ``(offers, False)`` unchanged.

    ``language`` (this request's by default): on a page in another language than Dutch, an
    offer also matches when its translation into that language does. The Dutch words of the
    synonyms the text holds are searched for too; the offers found carry them as
    ``synonym_words`` (see :func:`synonyms_shown`).

    Any text is accepted: it is cut to 200 characters and stripped of control characters, and
    search operators ("-word", "quoted phrase", or) never cause an error.

    The returned queryset object also carries ``match_count``: how many offers it holds,
    counted no further than RANKED_MATCHES_LIMIT + 1, so that a list need not count them again.
    A queryset made from it (filter, annotate, order_by) does not carry it.
    """
    cleaned = _clean(text)
    if not cleaned:
        return offers, False
    if not any(ch.isalnum() for ch in cleaned):
        # Only punctuation: nothing to look for, and no query worth sending.
        return _no_results(offers), False
    language = language or current_language()
    synonyms = synonym_words(cleaned, language)
    query = SearchQuery(cleaned, config=SEARCH_CONFIG, search_type="websearch") | DutchWordsQuery(
        synonyms
    )
    matches = offers.filter(search_vector=query)
    rank = SearchRank(F("search_vector"), query)
    if language != source_language():
        translated_query = SearchQuery(
            cleaned, config=search_config(language), search_type="websearch"
        )
        translations = OfferTranslation.objects.filter(
            language=language, search_vector=translated_query
        )
        # "id IN (Dutch matches UNION translated matches)": each side uses its own index, where
        # an OR of the two conditions would check every offer.
        by_dutch = Offer.objects.filter(search_vector=query).values("pk").order_by()
        matches = offers.filter(pk__in=by_dutch.union(translations.values("offer_id").order_by()))
        translated_rank = translations.filter(offer=OuterRef("pk")).annotate(
            rank=SearchRank(F("search_vector"), translated_query)
        )
        rank = Greatest(
            rank,
            Coalesce(Subquery(translated_rank.values("rank")[:1]), Value(0.0)),
            output_field=FloatField(),
        )
    found = _count_up_to_limit(matches)
    if not found:
        return _typo_fallback(offers, cleaned), True
    ranked = matches.annotate(rank=rank, synonym_words=synonyms)
    return _counted(_ordered(ranked, found), found), False


def record_search(text, result_count):
    """Count one search anonymously: the normalised text, how many offers it found, and today.

    No IP address, cookie, session or user is stored. Blank text is not recorded.
    """
    query = normalise_query(text)
    if not query:
        return None
    return SearchLog.objects.create(
        query=query, result_count=max(int(result_count), 0), searched_on=timezone.localdate()
    )


def record_empty_filters(filterset):
    """Count a combination of filters that found no offer: only the chosen values of the
    filters (OfferFilter.chosen_filters), never the search text (SearchLog has it), nothing about
    the visitor. Nothing is recorded when no filter was chosen."""
    filters = filterset.chosen_filters()
    if not filters:
        return None
    return FilterLog.objects.create(
        filters=filters[: FilterLog._meta.get_field("filters").max_length],
        result_count=0,
        searched_on=timezone.localdate(),
    )


def _no_results(offers):
    return _counted(offers.none().annotate(rank=Value(0.0, output_field=FloatField())), 0)


def _counted(queryset, found):
    queryset.match_count = found
    return queryset


def _count_up_to_limit(matches):
    """How many offers match, counted no further than RANKED_MATCHES_LIMIT + 1.

    One cheap query tells "nothing found" from "few enough to rank" from "too many to rank":
    a text that matches nearly everything costs no more than one that matches a thousand.
    """
    return matches.order_by()[: RANKED_MATCHES_LIMIT + 1].count()


def _ordered(ranked, found):
    if found > RANKED_MATCHES_LIMIT:
        return ranked.order_by("title")
    return ranked.order_by("-rank", "title")


def _typo_fallback(offers, text):
    """Offers whose title or a theme name holds a word similar to ``text``.

    Uses pg_trgm's ``%>`` operator (word_similarity(text, title) >= the server's
    pg_trgm.word_similarity_threshold, 0.6 by default), which the GIN trigram index on
    aanbod_fold(title) serves. 0.6 was checked on typical typos: borstvoding in
    "Borstvoedingsconsult" scores 0.60, kinderopvnag 0.69, opvoedingswinkle 0.82, while unrelated
    near misses stay below (huiswerk in "Huis van het Kind": 0.44). Keeping the default means no
    session setting, which works behind any connection pooler.

    The similar themes are looked up first (a small table); the offers with them are then
    found by their filter codes (``facets.has_any``).
    """
    folded = Fold(Value(text))
    theme_similarity = dict(
        Theme.objects.alias(folded_name=Fold("name"))
        .filter(folded_name__trigram_word_similar=folded)
        .annotate(similarity=TrigramWordSimilarity(folded, Fold("name")))
        .order_by("-similarity")
        .values_list("pk", "similarity")
    )
    similar_title = Q(folded_title__trigram_word_similar=folded)
    rank = TrigramWordSimilarity(folded, Fold("title"))
    if not theme_similarity:
        matches = offers.alias(folded_title=Fold("title")).filter(similar_title)
        found = _count_up_to_limit(matches)
        return _counted(_ordered(matches.annotate(rank=rank), found), found)

    themed = Offer.themes.through.objects.filter(theme_id__in=theme_similarity)
    # The most similar theme an offer has (themes come in order of similarity), weighed below
    # a title, as in the full-text search.
    theme_rank = Case(
        *(
            When(
                has_any(Facet.THEME.code(theme_id)),
                then=Value(similarity * THEME_SIMILARITY_WEIGHT),
            )
            for theme_id, similarity in theme_similarity.items()
        ),
        default=Value(0.0),
        output_field=FloatField(),
    )
    rank = Greatest(rank, theme_rank, output_field=FloatField())
    # Too many to rank (a common theme): they are listed by title. The condition is then
    # checked row by row, theme first (the filter codes, in the row like the title), so
    # PostgreSQL walks the title index and stops after a page. Gathering every similar title
    # first, as below, took 300-900 ms at 100,000 offers; a common theme is known to give too
    # many from its own count.
    has_similar_theme = has_any(*Facet.THEME.codes(theme_similarity))
    every_match = offers.alias(folded_title=Fold("title")).filter(has_similar_theme | similar_title)
    if _count_up_to_limit(offers.filter(has_similar_theme)) > RANKED_MATCHES_LIMIT:
        return _counted(every_match.annotate(rank=rank).order_by("title"), RANKED_MATCHES_LIMIT + 1)

    # "id IN (title matches UNION theme matches)" becomes a join: a few candidates are fetched
    # by primary key.
    by_title = Offer.objects.alias(folded_title=Fold("title")).filter(similar_title).values("pk")
    matches = offers.filter(pk__in=by_title.order_by().union(themed.values("offer_id")))
    found = _count_up_to_limit(matches)
    if found > RANKED_MATCHES_LIMIT:
        matches = every_match
    return _counted(_ordered(matches.annotate(rank=rank), found), found)
