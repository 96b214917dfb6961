"""Fill an empty, migrated database with a catalogue of N offers of realistic variety.

Everything is made up, from a fixed random seed, so two runs with the same N build the same
catalogue: partners (the 22 founding partners and more), places in the five postcodes (the two
Huizen van het Kind first), themes, languages, offers with pillars, themes, languages, ages,
costs, registration, formats, places with weekly slots, and dated activities in the coming weeks.

Rows are written with bulk_create in batches. The search-document triggers
(aanbod/sql/search.sql) would parse every offer's text once per row while loading (about 3 ms an
offer), and the filter-code triggers (aanbod/sql/facets.sql) would rewrite every offer once for
each related table (ten minutes for 100,000 offers). They are switched off for the load; the
documents and codes are then built in set-based UPDATEs with the very functions the triggers
call, and the triggers are switched back on before anything is measured.
"""

import random
import threading
import time as clock
from datetime import datetime, time, timedelta

from django.db import connection, connections, transaction
from django.utils import timezone

from aanbod.models import (
    POSTCODES,
    Activity,
    Language,
    Location,
    Offer,
    OfferLocation,
    Pillar,
    Postcode,
    ScheduleSlot,
    Theme,
)
from huisvanhetkind import demo_data
from partners.models import Partner

SEED = 20141113
BATCH = 2000
# Share of offers that have dated activities (info evenings, workshops, group meetings), and how
# far ahead those are planned.
ACTIVITY_SHARE = 0.03
ACTIVITY_DAYS_AHEAD = 70
# The words the benchmark searches for: one in most offers, one in about one offer in a
# thousand, and a typo of a word in many titles and a theme name (no full-text match, so the
# similarity fallback answers).
COMMON_WORD = "ouders"
RARE_WORD = "tweeling"
RARE_SHARE = 0.001
TYPO_WORD = "borstvoding"

ONTHAAL, CONSULTATIE, SPEL = demo_data.ONTHAAL, demo_data.CONSULTATIE, demo_data.SPEL
ADVIES, GROEP, EXTRA = demo_data.ADVIES, demo_data.GROEP, demo_data.EXTRA

# (title, pillars, themes, (age from, age to) in months, for expecting parents)
ACTIVITIES = [
    ("Spelnamiddag", (SPEL,), ("ontwikkeling-en-spel",), (0, 48), False),
    ("Peuterspeelpunt", (SPEL,), ("ontwikkeling-en-spel", "taal"), (18, 48), False),
    ("Babyontmoeting", (SPEL, GROEP), ("ontwikkeling-en-spel",), (0, 12), True),
    ("Babymassage", (GROEP,), ("ontwikkeling-en-spel", "slapen"), (0, 9), False),
    ("Borstvoedingsconsult", (CONSULTATIE,), ("voeding-en-borstvoeding",), (0, 12), True),
    ("Borstvoedingsgroep", (GROEP,), ("voeding-en-borstvoeding",), (0, 12), True),
    ("Consultatiebureau", (CONSULTATIE,), ("gezondheid",), (0, 36), False),
    ("Zwangerschapscursus", (GROEP,), ("zwangerschap-en-geboorte",), (0, 0), True),
    ("Infoavond slapen", (GROEP,), ("slapen",), (0, 72), False),
    ("Opvoedingswinkel", (ADVIES,), ("opvoeding",), (0, 216), True),
    (
        "Opvoedingsondersteuning aan huis",
        (ADVIES,),
        ("opvoeding", "mentaal-welzijn"),
        (0, 144),
        False,
    ),
    ("Praatgroep scheiding", (GROEP,), ("scheiding", "mentaal-welzijn"), (0, 288), False),
    ("Budgetbegeleiding", (ONTHAAL,), ("geldzorgen",), (0, 288), True),
    ("Inloopmoment", (ONTHAAL,), ("opvoeding", "kinderopvang"), (0, 288), True),
    ("Infopunt kinderopvang", (ONTHAAL,), ("kinderopvang",), (0, 36), True),
    ("Taalcafé", (ONTHAAL, EXTRA), ("taal",), (0, 288), False),
    ("Huiswerkbegeleiding", (EXTRA,), ("huiswerk", "school"), (72, 180), False),
    ("Schoolstart", (EXTRA,), ("school",), (30, 84), False),
    ("Tienerwerking", (EXTRA,), ("pubers", "vrije-tijd"), (144, 216), False),
    ("Speelpleinwerking", (EXTRA,), ("vrije-tijd",), (36, 156), False),
    ("Jongerenpraatpunt", (ADVIES,), ("mentaal-welzijn", "pubers"), (144, 288), False),
    (
        "Workshop gezonde voeding",
        (GROEP,),
        ("voeding-en-borstvoeding", "gezondheid"),
        (6, 144),
        False,
    ),
    ("Oudercafé", (GROEP, SPEL), ("opvoeding",), (0, 144), False),
    ("Vaderavond", (GROEP,), ("opvoeding", "mentaal-welzijn"), (0, 216), True),
]
QUALIFIERS = [
    "",
    "",
    "voor jonge ouders",
    "voor papa's",
    "voor grootouders",
    "in de buurt",
    "op woensdag",
    "op zaterdag",
    "in het weekend",
    "met tolk",
    "voor nieuwkomers",
    "na school",
]
SUMMARIES = [
    "Voor {ouders} met kinderen van {ages}: samen spelen, praten en bijleren.",
    "Heb je een vraag over je kind? Kom langs, we zoeken samen naar een antwoord.",
    "Een plek waar {ouders} elkaar ontmoeten en ervaringen delen.",
    "Praktische tips en een luisterend oor, dicht bij huis.",
    "Samen met andere {ouders} ontdekken wat je kind nodig heeft.",
    "Gratis en zonder afspraak voor alle gezinnen in Leuven.",
]
SENTENCES = [
    "We werken in kleine groepen, zodat iedereen aan bod komt.",
    "Je kind mag gerust mee; er is speelgoed en een verzorgingstafel.",
    "De begeleiders zijn opgeleid en hebben jarenlange ervaring met gezinnen.",
    "We spreken eenvoudig Nederlands en helpen je graag verder in een andere taal.",
    "Koffie, thee en water staan klaar.",
    "Je hoeft niets mee te brengen.",
    "Ouders kunnen elkaar hier ontmoeten en ervaringen uitwisselen.",
    "Heb je een vraag over slapen, eten of huilen? Stel ze gerust.",
    "We kijken samen naar wat goed gaat en wat moeilijk is.",
    "Ook grootouders en andere opvoeders zijn welkom.",
    "Er is plaats voor kinderwagens en er is een lift.",
    "We verwijzen je door naar andere partners als dat beter past.",
    "Een vroedvrouw en een verpleegkundige zijn aanwezig.",
    "Tijdens de vakanties is er een aangepast programma.",
    "We vertellen je ook over premies, kinderopvang en school.",
    "Deelnemen kost niets, of een klein bedrag met sociaal tarief.",
    "Je mag anoniem blijven als je dat wil.",
    "Jongeren vanaf twaalf jaar kunnen ook alleen langskomen.",
    "We spelen binnen en, bij mooi weer, buiten in de tuin.",
    "Na afloop krijg je een map met informatie mee naar huis.",
    "De sessies duren ongeveer anderhalf uur.",
    "We werken samen met de buurtwerking en het OCMW.",
    "Samen met andere ouders leer je spelenderwijs hoe je kind zich ontwikkelt.",
    "Aan het onthaal vertellen we je graag wat er in Leuven allemaal is.",
]
RARE_SENTENCE = f"Ook ouders van een {RARE_WORD} of meerling zijn van harte welkom."
STREETS = [
    "Kerkstraat",
    "Stationsstraat",
    "Schoolstraat",
    "Tiensesteenweg",
    "Diestsesteenweg",
    "Naamsesteenweg",
    "Brusselsestraat",
    "Parijsstraat",
    "Ridderstraat",
    "Heilig-Hartlaan",
    "Kapucijnenvoer",
    "Martelarenlaan",
]
PLACE_KINDS = ["Buurthuis", "Ontmoetingscentrum", "School", "Bibliotheek", "Wijkcentrum"]
SLOT_TIMES = [(time(9), time(12)), (time(13, 30), time(16, 30)), (time(18, 30), time(20, 30))]
DAY_NAMES = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def fill(offers, log=print):
    """Fill the (empty, migrated) default database with `offers` offers; return row counts."""
    rng = random.Random(SEED)
    now = timezone.now()
    started = clock.monotonic()
    counts = {}
    with transaction.atomic():
        themes = _themes()
        languages = _languages()
        partners = _partners(rng, offers)
        locations = _locations(rng, partners, offers)
    counts.update(partners=len(partners), locations=len(locations), themes=len(themes))
    log(f"  reference data in {clock.monotonic() - started:.1f} s")

    pillars = {pillar.slug: pillar.pk for pillar in Pillar.objects.all()}
    _set_load_triggers(enabled=False)
    try:
        totals = _offers(rng, offers, now, partners, locations, pillars, themes, languages, log)
        counts.update(totals)
        started = clock.monotonic()
        # Without statistics of the tables just filled, PostgreSQL would scan a whole related
        # table for each offer's codes instead of using its index.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        _build_documents_and_codes()
        log(f"  search documents and filter codes in {clock.monotonic() - started:.1f} s")
    finally:
        _set_load_triggers(enabled=True)
    _check_documents_and_codes()
    started = clock.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    log(f"  VACUUM ANALYZE in {clock.monotonic() - started:.1f} s")
    return counts


def _themes():
    Theme.objects.bulk_create(
        [Theme(slug=slug, name=name) for slug, name in demo_data.THEMES]
        + [Theme(slug=f"thema-{n}", name=f"Extra thema {n}") for n in range(1, 11)]
    )
    return {theme.slug: theme.pk for theme in Theme.objects.all()}


def _languages():
    Language.objects.bulk_create(
        [Language(code=c, name=n, native_name=native) for c, n, native in demo_data.LANGUAGES]
    )
    return {language.code: language.pk for language in Language.objects.all()}


def _partners(rng, offers):
    kinds = [kind for kind, _label in Partner.Kind.choices]
    rows = [
        Partner(slug=slug, name=name, kind=kind, description=demo_data.PARTNER_DESCRIPTION)
        for slug, name, kind in demo_data.PARTNERS
    ]
    for number in range(1, max(20, offers // 500) + 1):
        rows.append(
            Partner(
                slug=f"partner-{number}",
                name=f"Organisatie {number} vzw",
                kind=rng.choice(kinds),
                description="Een voorbeeldpartner voor de benchmark.",
                email=f"partner{number}@example.org",
            )
        )
    return list(Partner.objects.bulk_create(rows))


def _locations(rng, partners, offers):
    rows = []
    for spec in demo_data.LOCATIONS:
        if spec.kind == Location.Kind.HUIS_VAN_HET_KIND:
            rows.append(
                Location(
                    slug=spec.slug,
                    name=spec.name,
                    kind=spec.kind,
                    street=spec.street,
                    postcode=spec.postcode,
                    latitude=spec.latitude,
                    longitude=spec.longitude,
                    wheelchair=spec.wheelchair,
                    accessibility_notes=spec.accessibility_notes,
                    public_transport=spec.public_transport,
                    opening_hours=spec.opening_hours,
                )
            )
    postcodes = [code for code, _label in Postcode.choices]
    wheelchair = [value for value, _label in Location.Wheelchair.choices]
    for number in range(1, 60 + offers // 1000 + 1):
        postcode = postcodes[number % len(postcodes)]
        rows.append(
            Location(
                slug=f"plek-{number}",
                name=f"{rng.choice(PLACE_KINDS)} {number}",
                kind=Location.Kind.PARTNER_SITE if number % 4 else Location.Kind.OTHER,
                owner=rng.choice(partners),
                street=f"{rng.choice(STREETS)} {rng.randint(1, 200)}",
                postcode=postcode,
                latitude=f"{50.86 + rng.random() * 0.05:.6f}",
                longitude=f"{4.67 + rng.random() * 0.08:.6f}",
                wheelchair=rng.choice(wheelchair),
                public_transport=f"Bus {rng.randint(1, 9)}, halte {rng.choice(STREETS)}.",
                opening_hours="Maandag tot vrijdag: 9 tot 17 uur",
            )
        )
    return list(Location.objects.bulk_create(rows))


def _offers(rng, total, now, partners, locations, pillars, themes, languages, log):
    theme_slugs = list(themes)
    other_languages = [code for code in languages if code != "nl"]
    postcodes = POSTCODES
    counts = dict.fromkeys(
        ("offers", "published", "offer_locations", "slots", "activities", "upcoming_activities"), 0
    )
    started = clock.monotonic()
    for first in range(0, total, BATCH):
        rows, relations = [], []
        for number in range(first, min(first + BATCH, total)):
            offer, related = _offer(
                rng, number, now, partners, locations, theme_slugs, other_languages, postcodes
            )
            rows.append(offer)
            relations.append(related)
        with transaction.atomic():
            Offer.objects.bulk_create(rows)
            counts["offers"] += len(rows)
            counts["published"] += sum(o.status == Offer.Status.PUBLISHED for o in rows)
            _relations(rows, relations, pillars, themes, languages, now, rng, counts)
        if (first // BATCH) % 10 == 9 or first + BATCH >= total:
            rate = counts["offers"] / (clock.monotonic() - started)
            log(f"  {counts['offers']:,} offers ({rate:,.0f}/s)")
    return counts


def _offer(rng, number, now, partners, locations, theme_slugs, other_languages, postcodes):
    title, offer_pillars, offer_themes, (low, high), expecting = rng.choice(ACTIVITIES)
    qualifier = rng.choice(QUALIFIERS)
    place = rng.choice(list(postcodes.values()))
    title = " ".join(part for part in (title, qualifier, place) if part)
    # Ages move a little around the activity's usual range, within 0..24 years.
    low = max(0, min(low + rng.choice((0, 0, 0, -6, 6, 12)), 288))
    high = max(low, min(high + rng.choice((0, 0, 0, 12, 24, -6)), 288))
    ages = f"{low // 12} tot {max(1, high // 12)} jaar"
    summary = rng.choice(SUMMARIES).format(
        ouders=COMMON_WORD if rng.random() < 0.8 else "gezinnen", ages=ages
    )
    sentences = rng.sample(SENTENCES, rng.randint(3, 7))
    if rng.random() < RARE_SHARE:
        sentences.insert(rng.randint(0, len(sentences)), RARE_SENTENCE)
    roll = rng.random()
    status = (
        Offer.Status.PUBLISHED
        if roll < 0.85
        else Offer.Status.DRAFT
        if roll < 0.95
        else Offer.Status.ARCHIVED
    )
    roll = rng.random()
    cost = Offer.Cost.FREE if roll < 0.55 else Offer.Cost.SOCIAL if roll < 0.7 else Offer.Cost.PAID
    roll = rng.random()
    offer_format = (
        Offer.Format.IN_PERSON
        if roll < 0.8
        else Offer.Format.ONLINE
        if roll < 0.88
        else Offer.Format.HOME_VISIT
        if roll < 0.94
        else Offer.Format.PHONE
    )
    walk_in = rng.random() < 0.45
    offer = Offer(
        provider=rng.choice(partners),
        title=title,
        slug=f"aanbod-{number + 1}",
        summary=summary,
        description=" ".join(sentences),
        for_expecting=expecting and rng.random() < 0.7,
        age_min_months=low,
        age_max_months=high,
        cost=cost,
        cost_details="" if cost == Offer.Cost.FREE else f"€ {rng.randint(2, 40)} per keer",
        registration=Offer.Registration.WALK_IN if walk_in else Offer.Registration.REQUIRED,
        registration_details="" if walk_in else "Bel of mail ons om je in te schrijven.",
        format=offer_format,
        contact_name=rng.choice(["", "An Peeters", "Youssef El Amrani", "Sofie Claes"]),
        contact_email=f"aanbod{number + 1}@example.org",
        contact_phone=rng.choice(["", "016 00 00 00", "0470 00 00 00"]),
        status=status,
        reviewed_at=None if rng.random() < 0.1 else now - timedelta(days=rng.randint(0, 730)),
    )
    themes = set(offer_themes)
    if rng.random() < 0.5:
        themes.add(rng.choice(theme_slugs))
    languages = {"nl"} if rng.random() < 0.9 else set()
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
        languages.add(rng.choice(other_languages))
    if offer_format == Offer.Format.IN_PERSON:
        place_count = rng.choice((1, 1, 1, 1, 1, 2, 2, 3))
    elif offer_format == Offer.Format.HOME_VISIT:
        place_count = rng.choice((0, 1))
    else:
        place_count = 0
    related = {
        "pillars": offer_pillars,
        "themes": themes,
        "languages": languages,
        "co_provider": rng.choice(partners) if rng.random() < 0.1 else None,
        "locations": rng.sample(locations, place_count),
        "activities": rng.random() < ACTIVITY_SHARE,
        "past_activity": rng.random() < 0.01,
        "online": offer_format != Offer.Format.IN_PERSON,
    }
    return offer, related


def _relations(offers, relations, pillars, themes, languages, now, rng, counts):
    through_pillars, through_themes, through_languages, through_partners = [], [], [], []
    offer_locations, slot_plans, activities = [], [], []
    local_now = timezone.localtime(now)
    for offer, related in zip(offers, relations, strict=True):
        through_pillars += [
            Offer.pillars.through(offer_id=offer.pk, pillar_id=pillars[slug])
            for slug in related["pillars"]
        ]
        through_themes += [
            Offer.themes.through(offer_id=offer.pk, theme_id=themes[slug])
            for slug in sorted(related["themes"])
        ]
        through_languages += [
            Offer.languages.through(offer_id=offer.pk, language_id=languages[code])
            for code in sorted(related["languages"])
        ]
        co_provider = related["co_provider"]
        if co_provider is not None and co_provider.pk != offer.provider_id:
            through_partners.append(
                Offer.co_providers.through(offer_id=offer.pk, partner_id=co_provider.pk)
            )
        for location in related["locations"]:
            slots = []
            if rng.random() < 0.6:
                for weekday in rng.sample(range(1, 7), rng.choice((1, 1, 2))):
                    slots.append((weekday, *rng.choice(SLOT_TIMES)))
            schedule = "; ".join(
                f"elke {DAY_NAMES[day - 1]} van {start:%H.%M} tot {end:%H.%M} uur"
                for day, start, end in sorted(slots)
            )
            offer_locations.append(
                OfferLocation(offer_id=offer.pk, location=location, schedule=schedule.capitalize())
            )
            slot_plans.append(slots)
        places = related["locations"]
        if related["activities"]:
            for _ in range(rng.randint(1, 4)):
                day = local_now.date() + timedelta(days=rng.randint(0, ACTIVITY_DAYS_AHEAD))
                activities.append(_activity(rng, offer, day, places, related["online"]))
        if related["past_activity"]:
            day = local_now.date() - timedelta(days=rng.randint(1, 30))
            activities.append(_activity(rng, offer, day, places, related["online"]))

    Offer.pillars.through.objects.bulk_create(through_pillars, batch_size=BATCH)
    Offer.themes.through.objects.bulk_create(through_themes, batch_size=BATCH)
    Offer.languages.through.objects.bulk_create(through_languages, batch_size=BATCH)
    Offer.co_providers.through.objects.bulk_create(through_partners, batch_size=BATCH)
    OfferLocation.objects.bulk_create(offer_locations, batch_size=BATCH)
    slots = [
        ScheduleSlot(offer_location=offer_location, weekday=day, start_time=start, end_time=end)
        for offer_location, plan in zip(offer_locations, slot_plans, strict=True)
        for day, start, end in plan
    ]
    ScheduleSlot.objects.bulk_create(slots, batch_size=BATCH)
    Activity.objects.bulk_create(activities, batch_size=BATCH)
    counts["offer_locations"] += len(offer_locations)
    counts["slots"] += len(slots)
    counts["activities"] += len(activities)
    counts["upcoming_activities"] += sum(
        s.ends_at >= now and not s.is_cancelled and s.offer.status == Offer.Status.PUBLISHED
        for s in activities
    )


def _activity(rng, offer, day, places, online):
    start, end = rng.choice(SLOT_TIMES)
    starts_at = timezone.make_aware(datetime.combine(day, start))
    return Activity(
        offer=offer,
        location=None if online or not places else rng.choice(places),
        title=rng.choice(["", "", "Infoavond", "Workshop", "Groepssessie"]),
        starts_at=starts_at,
        ends_at=timezone.make_aware(datetime.combine(day, end)),
        capacity=rng.choice([None, 12, 20]),
        registration_url="" if rng.random() < 0.5 else f"https://example.org/{offer.slug}",
        is_cancelled=rng.random() < 0.08,
    )


# The triggers that parse an offer's text (the themes trigger would ask for a rebuild of every
# offer whose themes were just inserted, i.e. parse everything a second time), and those that
# rebuild an offer's filter codes after rows are inserted in a related table.
LOAD_TRIGGERS = (
    ("aanbod_offer", "aanbod_offer_search_vector"),
    ("aanbod_offer_themes", "aanbod_offer_themes_inserted"),
    ("aanbod_offer_pillars", "aanbod_offer_pillars_facets_inserted"),
    ("aanbod_offer_themes", "aanbod_offer_themes_facets_inserted"),
    ("aanbod_offer_languages", "aanbod_offer_languages_facets_inserted"),
    ("aanbod_offerlocation", "aanbod_offerlocation_facets_inserted"),
    ("aanbod_scheduleslot", "aanbod_slot_inserted"),
    ("aanbod_activity", "aanbod_activity_facets_inserted"),
)


def _set_load_triggers(enabled):
    action = "ENABLE" if enabled else "DISABLE"
    with connection.cursor() as cursor:
        for table, trigger in LOAD_TRIGGERS:
            cursor.execute(f"ALTER TABLE {table} {action} TRIGGER {trigger}")


# "facets = NULL" has the offer's own (still enabled) trigger build the codes.
DOCUMENT_SQL = """
UPDATE aanbod_offer
   SET search_vector = aanbod_offer_own_document(title, summary, description)
                       || aanbod_offer_related_document(id, provider_id),
       facets = NULL
 WHERE id %% %s = %s
"""


def _build_documents_and_codes(workers=2):
    """Build every offer's document and filter codes with the triggers' own functions, in
    `workers` connections at once (PostgreSQL runs an UPDATE on one core)."""
    errors = []

    def work(part):
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute(DOCUMENT_SQL, [workers, part])
        except Exception as error:  # reported in the main thread
            errors.append(error)
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=work, args=(part,)) for part in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def _check_documents_and_codes():
    """Every offer has a document and filter codes, the triggers are on again, and the trigger
    writes exactly the document the bulk UPDATE wrote."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM aanbod_offer WHERE search_vector IS NULL OR facets IS NULL"
        )
        missing = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgname = ANY(%s) AND tgenabled = 'O'",
            [[trigger for _table, trigger in LOAD_TRIGGERS]],
        )
        enabled = cursor.fetchone()[0]
        cursor.execute(
            "SELECT id, search_vector::text FROM aanbod_offer"
            " WHERE id IN (SELECT offer_id FROM aanbod_offer_themes) ORDER BY id LIMIT 1"
        )
        offer_id, bulk_document = cursor.fetchone()
        cursor.execute(
            "UPDATE aanbod_offer SET search_vector = NULL WHERE id = %s"
            " RETURNING search_vector::text",
            [offer_id],
        )
        trigger_document = cursor.fetchone()[0]
    if missing or enabled != len(LOAD_TRIGGERS) or bulk_document != trigger_document:
        same = "the same as" if bulk_document == trigger_document else "not the same as"
        raise RuntimeError(
            f"search documents or filter codes: {missing} missing, {enabled} of"
            f" {len(LOAD_TRIGGERS)} triggers on, the bulk-built document {same} the trigger's"
        )
