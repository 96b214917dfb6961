"""Demo content for the portal, loaded by `manage.py load_demo`.

Facts from the engagement declaration of 13 November 2014 (partners/data/) are kept exactly:
the 22 founding partners, the declaration itself, the two Huizen van het Kind (Leuven-centrum
and Kessel-Lo) and the five basic pillars.

Everything else is made up to show what the portal can do: the addresses, opening hours,
coordinates, public transport and accessibility of all places (the declaration gives no
addresses), every offer, schedule and activity, and all contact data (example.org addresses,
the clearly fake number 016 00 00 00). Nothing here describes what a real partner offers.

The people at the end of this module are invented too (made-up names, addresses in the
reserved .test domain), and so is their network: the declaration names the network meetings,
the steering group and the workgroups, but these workgroups, their members, meetings, minutes,
action points and the opportunities are made up.
"""

from dataclasses import dataclass

DEMO_PHONE = "016 00 00 00"
FOUNDING_DATE = "2014-11-13"

MON, TUE, WED, THU, FRI, SAT, SUN = range(1, 8)

# The pillar slugs of aanbod/migrations/0002_pillars.py.
ONTHAAL = "onthaal-en-informatie"
CONSULTATIE = "consultatie"
SPEL = "spel-en-ontmoeting"
ADVIES = "opvoedadvies"
GROEP = "groepsaanbod"
EXTRA = "extra-aanbod"

# The 22 signatories of the declaration, with their names exactly as the portal shows them.
# (slug, name, Partner.Kind value)
PARTNERS = [
    ("stad-leuven", "Stad Leuven", "government"),
    ("caw-oost-brabant", "CAW Oost-Brabant", "welfare"),
    ("buurtwerk-t-lampeke", "Buurtwerk 't Lampeke vzw", "welfare"),
    ("mfc-combo", "MFC Combo", "welfare"),
    ("amber", "Amber vzw", "welfare"),
    ("gezinsbond", "Gezinsbond vzw", "nonprofit"),
    ("scheidingsschool", "de Scheidingsschool vzw", "nonprofit"),
    ("bakermat", "Bakermat vzw", "nonprofit"),
    ("inloopteam-de-mobil", "Inloopteam de Mobil vzw", "welfare"),
    ("wigwam", "Wigwam vzw", "welfare"),
    ("uz-leuven-parel", "UZ Leuven / Parel", "health"),
    ("kind-en-preventie", "Kind en Preventie vzw", "health"),
    ("clb-go-leuven", "CLB GO! Leuven", "education"),
    ("vclb-leuven", "VCLB Leuven", "education"),
    ("ckg-de-schommel", "CKG De Schommel", "welfare"),
    ("domo", "Domo vzw", "welfare"),
    ("speelodroom", "SpeelOdroom vzw", "nonprofit"),
    ("leren-ondernemen", "Leren Ondernemen vzw", "welfare"),
    ("ocmw-leuven", "OCMW Leuven", "government"),
    ("kind-en-gezin", "Kind en Gezin", "government"),
    ("provincie-vlaams-brabant", "Provincie Vlaams-Brabant", "government"),
    ("sporen", "Sporen vzw", "welfare"),
]

# Deliberately generic: nothing about a real organisation beyond its membership of the network.
PARTNER_DESCRIPTION = "Partner van Huis van het Kind Leuven sinds 2014."

DECLARATION = {
    "version": "2014",
    "title": "Engagementsverklaring Huis van het Kind Leuven",
    "effective_from": FOUNDING_DATE,
    # Relative to the partners app; a verbatim copy of the signed text.
    "text_file": "data/engagementsverklaring-2014.txt",
}

# (slug, name)
THEMES = [
    ("zwangerschap-en-geboorte", "Zwangerschap en geboorte"),
    ("voeding-en-borstvoeding", "Voeding en borstvoeding"),
    ("slapen", "Slapen"),
    ("gezondheid", "Gezondheid"),
    ("ontwikkeling-en-spel", "Ontwikkeling en spel"),
    ("opvoeding", "Opvoeding"),
    ("scheiding", "Scheiding"),
    ("geldzorgen", "Geldzorgen"),
    ("school", "School"),
    ("vrije-tijd", "Vrije tijd"),
    ("mentaal-welzijn", "Mentaal welzijn"),
    ("kinderopvang", "Kinderopvang"),
    ("huiswerk", "Huiswerk"),
    ("pubers", "Pubers"),
    ("taal", "Taal en meertaligheid"),
]

# (ISO 639-1 code, Dutch name, native name)
LANGUAGES = [
    ("nl", "Nederlands", "Nederlands"),
    ("fr", "Frans", "français"),
    ("en", "Engels", "English"),
    ("ar", "Arabisch", "العربية"),
    ("tr", "Turks", "Türkçe"),
    ("es", "Spaans", "español"),
    ("pl", "Pools", "polski"),
    ("ro", "Roemeens", "română"),
    ("ru", "Russisch", "русский"),
    ("uk", "Oekraïens", "українська"),
    ("so", "Somalisch", "Soomaali"),
    ("ti", "Tigrinya", "ትግርኛ"),
    ("fa", "Perzisch (Dari)", "دری"),
]


@dataclass(frozen=True)
class LocationSpec:
    slug: str
    name: str
    kind: str
    owner: str | None  # a partner slug; None: managed by the network vzw itself
    street: str
    postcode: str
    latitude: str
    longitude: str
    wheelchair: str
    public_transport: str
    opening_hours: str
    accessibility_notes: str = ""

    @property
    def email(self):
        return f"{self.slug}@example.org"


HUIS_CENTRUM = "huis-van-het-kind-leuven-centrum"
HUIS_KESSEL_LO = "huis-van-het-kind-kessel-lo"

# The declaration puts the practical management of the Huizen with the network vzw, which is not
# one of the partners, so the Huizen have no owner partner: coordinators keep them up to date.
LOCATIONS = [
    LocationSpec(
        slug=HUIS_CENTRUM,
        name="Huis van het Kind Leuven-centrum",
        kind="huis",
        owner=None,
        street="Voorbeeldstraat 1",
        postcode="3000",
        latitude="50.879400",
        longitude="4.701200",
        wheelchair="yes",
        accessibility_notes="Ingang zonder trappen. Lift naar de eerste verdieping. "
        "Aangepast toilet. Plaats voor kinderwagens aan het onthaal.",
        public_transport="Bus 2 en 3, halte Voorbeeldplein (100 m).\n"
        "Fietsenstalling aan de ingang.",
        opening_hours="Maandag: 9 tot 12 uur en 13.30 tot 17 uur\n"
        "Dinsdag: 13 tot 17 uur\n"
        "Woensdag: 9 tot 12 uur en 13.30 tot 17 uur\n"
        "Donderdag: 9 tot 12 uur en 16 tot 19 uur\n"
        "Vrijdag: 9 tot 12 uur\n"
        "Zaterdag: 10 tot 12 uur",
    ),
    LocationSpec(
        slug=HUIS_KESSEL_LO,
        name="Huis van het Kind Kessel-Lo",
        kind="huis",
        owner=None,
        street="Voorbeeldlaan 10",
        postcode="3010",
        latitude="50.887600",
        longitude="4.725900",
        wheelchair="yes",
        accessibility_notes="Alles op de benedenverdieping. Aangepast toilet.",
        public_transport="Bus 2, halte Demoplein (200 m).\nBus 7, halte Voorbeeldlaan.",
        opening_hours="Dinsdag: 9 tot 12 uur\n"
        "Woensdag: 13.30 tot 17 uur\n"
        "Donderdag: 9 tot 12 uur en 13.30 tot 16 uur\n"
        "Vrijdag: 9 tot 12 uur",
    ),
    LocationSpec(
        slug="stad-leuven-gezinspunt",
        name="Stad Leuven – gezinspunt",
        kind="partner",
        owner="stad-leuven",
        street="Demoplein 3",
        postcode="3000",
        latitude="50.878700",
        longitude="4.700100",
        wheelchair="yes",
        public_transport="Bus 1 en 2, halte Demoplein.",
        opening_hours="Maandag tot vrijdag: 9 tot 12.30 uur\nWoensdag ook: 13.30 tot 16 uur",
    ),
    LocationSpec(
        slug="caw-onthaal-leuven",
        name="CAW Oost-Brabant – onthaal Leuven",
        kind="partner",
        owner="caw-oost-brabant",
        street="Voorbeeldstraat 40",
        postcode="3000",
        latitude="50.881300",
        longitude="4.705800",
        wheelchair="partly",
        accessibility_notes="Eén trede aan de ingang. Er is een oprijplaat.",
        public_transport="Bus 3, halte Voorbeeldstraat.",
        opening_hours="Maandag, dinsdag en donderdag: 9 tot 12 uur\nWoensdag: 13 tot 17 uur",
    ),
    LocationSpec(
        slug="lampeke-buurtlokaal",
        name="Buurtwerk 't Lampeke – buurtlokaal",
        kind="partner",
        owner="buurtwerk-t-lampeke",
        street="Fictiestraat 3",
        postcode="3000",
        latitude="50.872600",
        longitude="4.708900",
        wheelchair="yes",
        public_transport="Bus 4, halte Fictiestraat.",
        opening_hours="Maandag tot donderdag: 13 tot 18 uur\nWoensdag: 13 tot 17 uur",
    ),
    LocationSpec(
        slug="leren-ondernemen-ontmoetingsruimte",
        name="Leren Ondernemen – ontmoetingsruimte",
        kind="partner",
        owner="leren-ondernemen",
        street="Voorbeeldstraat 77",
        postcode="3000",
        latitude="50.883200",
        longitude="4.697400",
        wheelchair="partly",
        accessibility_notes="De zaal is gelijkvloers. Het toilet is niet aangepast.",
        public_transport="Bus 2, halte Voorbeeldstraat.",
        opening_hours="Dinsdag en donderdag: 10 tot 16 uur",
    ),
    LocationSpec(
        slug="vclb-leuven-onthaal",
        name="VCLB Leuven – onthaal",
        kind="partner",
        owner="vclb-leuven",
        street="Proefplein 6",
        postcode="3000",
        latitude="50.876900",
        longitude="4.695300",
        wheelchair="yes",
        public_transport="Bus 5, halte Proefplein.",
        opening_hours="Maandag tot vrijdag: 8.30 tot 12 uur en 13 tot 16.30 uur\n"
        "Gesloten tijdens de zomervakantie (behalve de eerste en laatste week).",
    ),
    LocationSpec(
        slug="uz-leuven-parel-consultatieruimte",
        name="UZ Leuven / Parel – consultatieruimte",
        kind="partner",
        owner="uz-leuven-parel",
        street="Demolaan 1",
        postcode="3000",
        latitude="50.880600",
        longitude="4.673000",
        wheelchair="yes",
        public_transport="Bus 2 en 3, halte Demolaan.",
        opening_hours="Maandag tot vrijdag: 8 tot 17 uur, op afspraak",
    ),
    LocationSpec(
        slug="ocmw-leuven-onthaal",
        name="OCMW Leuven – onthaal",
        kind="partner",
        owner="ocmw-leuven",
        street="Demolaan 50",
        postcode="3000",
        latitude="50.877200",
        longitude="4.706400",
        wheelchair="yes",
        public_transport="Bus 1, halte Demolaan.",
        opening_hours="Maandag tot vrijdag: 8.30 tot 12 uur\nDinsdag ook: 14 tot 18.30 uur",
    ),
    LocationSpec(
        slug="scheidingsschool-groepslokaal",
        name="de Scheidingsschool – groepslokaal",
        kind="partner",
        owner="scheidingsschool",
        street="Fictieplein 4",
        postcode="3000",
        latitude="50.875400",
        longitude="4.701900",
        wheelchair="no",
        accessibility_notes="Het lokaal is op de eerste verdieping, zonder lift. "
        "Vraag ons naar een andere plek.",
        public_transport="Bus 6, halte Fictieplein.",
        opening_hours="Enkel tijdens groepsmomenten en op afspraak",
    ),
    LocationSpec(
        slug="consultatiebureau-heverlee",
        name="Consultatiebureau Heverlee",
        kind="partner",
        owner="kind-en-preventie",
        street="Demolaan 5",
        postcode="3001",
        latitude="50.864100",
        longitude="4.693700",
        wheelchair="yes",
        public_transport="Bus 2, halte Demolaan Heverlee.",
        opening_hours="Dinsdag: 13.30 tot 16.30 uur\nVrijdag: 9 tot 12 uur",
    ),
    LocationSpec(
        slug="speelodroom-speelruimte",
        name="SpeelOdroom – speelruimte Heverlee",
        kind="partner",
        owner="speelodroom",
        street="Demostraat 11",
        postcode="3001",
        latitude="50.861800",
        longitude="4.699200",
        wheelchair="yes",
        public_transport="Bus 3, halte Demostraat.",
        opening_hours="Woensdag: 13.30 tot 17.30 uur\nZaterdag: 9.30 tot 12.30 uur",
    ),
    LocationSpec(
        slug="clb-go-leuven-onthaal",
        name="CLB GO! Leuven – onthaal",
        kind="partner",
        owner="clb-go-leuven",
        street="Fictielaan 15",
        postcode="3001",
        latitude="50.866900",
        longitude="4.688400",
        wheelchair="yes",
        public_transport="Bus 5, halte Fictielaan.",
        opening_hours="Maandag tot vrijdag: 8.30 tot 12 uur en 13 tot 16.30 uur",
    ),
    LocationSpec(
        slug="ckg-de-schommel-gezinsruimte",
        name="CKG De Schommel – gezinsruimte",
        kind="partner",
        owner="ckg-de-schommel",
        street="Proefweg 12",
        postcode="3001",
        latitude="50.858300",
        longitude="4.706100",
        wheelchair="partly",
        accessibility_notes="Ingang met helling. Het speellokaal is op de benedenverdieping.",
        public_transport="Bus 4, halte Proefweg.",
        opening_hours="Maandag tot vrijdag: 9 tot 17 uur, op afspraak",
    ),
    LocationSpec(
        slug="sporen-jongerenlokaal",
        name="Sporen – jongerenlokaal Kessel-Lo",
        kind="partner",
        owner="sporen",
        street="Proeflaan 21",
        postcode="3010",
        latitude="50.884900",
        longitude="4.731400",
        wheelchair="yes",
        public_transport="Bus 7, halte Proeflaan.",
        opening_hours="Woensdag: 13 tot 18 uur\nVrijdag: 16 tot 21 uur",
    ),
    LocationSpec(
        slug="bakermat-huiskamer",
        name="Bakermat – huiskamer Kessel-Lo",
        kind="partner",
        owner="bakermat",
        street="Fictiestraat 30",
        postcode="3010",
        latitude="50.891200",
        longitude="4.722300",
        wheelchair="yes",
        public_transport="Bus 2, halte Fictiestraat.",
        opening_hours="Dinsdag en vrijdag: 9.30 tot 12 uur",
    ),
    LocationSpec(
        slug="mfc-combo-ouderlokaal",
        name="MFC Combo – ouderlokaal",
        kind="partner",
        owner="mfc-combo",
        street="Proefstraat 44",
        postcode="3010",
        latitude="50.882700",
        longitude="4.740600",
        wheelchair="partly",
        accessibility_notes="Drie treden aan de ingang. Bel aan, we helpen je graag.",
        public_transport="Bus 7, halte Proefstraat.",
        opening_hours="Maandag tot vrijdag: 9 tot 17 uur, op afspraak",
    ),
    LocationSpec(
        slug="consultatiebureau-wilsele",
        name="Consultatiebureau Wilsele",
        kind="partner",
        owner="kind-en-preventie",
        street="Proefstraat 8",
        postcode="3012",
        latitude="50.899400",
        longitude="4.697900",
        wheelchair="yes",
        public_transport="Bus 8, halte Proefstraat Wilsele.",
        opening_hours="Woensdag: 9 tot 12 uur",
    ),
    LocationSpec(
        slug="domo-vrijwilligerspunt",
        name="Domo – vrijwilligerspunt Wilsele",
        kind="partner",
        owner="domo",
        street="Demoweg 4",
        postcode="3012",
        latitude="50.903800",
        longitude="4.706700",
        wheelchair="unknown",
        public_transport="Bus 8, halte Demoweg.",
        opening_hours="Dinsdag en donderdag: 9 tot 12 uur",
    ),
    LocationSpec(
        slug="de-mobil-inloopruimte",
        name="Inloopteam de Mobil – inloopruimte",
        kind="partner",
        owner="inloopteam-de-mobil",
        street="Voorbeeldlaan 9",
        postcode="3012",
        latitude="50.896100",
        longitude="4.690800",
        wheelchair="yes",
        public_transport="Bus 8, halte Voorbeeldlaan Wilsele.",
        opening_hours="Maandag en donderdag: 9 tot 12 uur",
    ),
    LocationSpec(
        slug="gezinsbond-zaal-wijgmaal",
        name="Gezinsbond – zaal Wijgmaal",
        kind="partner",
        owner="gezinsbond",
        street="Voorbeeldplein 2",
        postcode="3018",
        latitude="50.926900",
        longitude="4.699800",
        wheelchair="yes",
        public_transport="Bus 9, halte Voorbeeldplein Wijgmaal.",
        opening_hours="Tijdens activiteiten",
    ),
    LocationSpec(
        slug="amber-jongerenpunt",
        name="Amber – jongerenpunt Wijgmaal",
        kind="partner",
        owner="amber",
        street="Demostraat 25",
        postcode="3018",
        latitude="50.929300",
        longitude="4.704500",
        wheelchair="partly",
        accessibility_notes="De ontmoetingsruimte is gelijkvloers, het gesprekslokaal niet.",
        public_transport="Bus 9, halte Demostraat Wijgmaal.",
        opening_hours="Woensdag: 14 tot 18 uur\nVrijdag: 16 tot 20 uur",
    ),
]


@dataclass(frozen=True)
class Slot:
    weekday: int
    start: str
    end: str


@dataclass(frozen=True)
class Place:
    location: str
    schedule: str = ""
    slots: tuple[Slot, ...] = ()


@dataclass(frozen=True)
class ActivityPlan:
    """Dated activities, counted from the day the command runs.

    Week 0 is the first `weekday` after that day, week 1 the one after, and so on; times are
    local (Europe/Brussels). `cancelled` holds indexes into `weeks`.
    """

    weekday: int
    start: str
    minutes: int
    weeks: tuple[int, ...]
    location: str | None  # None: an online activity
    capacity: int | None = None
    registration_link: bool = False
    cancelled: tuple[int, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class OfferSpec:
    slug: str
    title: str
    provider: str
    summary: str
    description: str
    pillars: tuple[str, ...]
    themes: tuple[str, ...] = ()
    co_providers: tuple[str, ...] = ()
    ages: tuple[int, int] = (0, 288)  # months, both ends included
    expecting: bool = False
    cost: str = "free"
    cost_details: str = ""
    registration: str = "walk_in"
    registration_details: str = ""
    format: str = "in_person"
    # For which families: "places" (only at its places), "leuven" (all of Leuven) or "areas"
    # (the deelgemeenten of service_postcodes).
    service_area: str = "places"
    service_postcodes: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("nl",)
    places: tuple[Place, ...] = ()
    activities: ActivityPlan | None = None
    status: str = "published"
    reviewed_days_ago: int | None = 30

    @property
    def contact_email(self):
        return f"{self.slug}@example.org"

    @property
    def registration_url(self):
        return f"https://example.org/inschrijven/{self.slug}"


OFFERS = [
    # -- Laagdrempelig onthaal en informatie -------------------------------------------------
    OfferSpec(
        slug="onthaal-leuven-centrum",
        title="Onthaal Huis van het Kind Leuven-centrum",
        provider="stad-leuven",
        co_providers=("kind-en-gezin",),
        summary="Heb je een vraag over je kind of je gezin? Loop gewoon binnen. "
        "We luisteren en zoeken samen de juiste hulp.",
        description="Je hoeft geen afspraak te maken. Je kunt bij ons terecht met elke vraag "
        "over zwanger zijn, opgroeien en opvoeden. We kennen het aanbod in Leuven en helpen je "
        "de weg te vinden.",
        pillars=(ONTHAAL,),
        themes=("opvoeding", "kinderopvang", "geldzorgen"),
        expecting=True,
        languages=("nl", "fr", "en", "ar"),
        places=(
            Place(
                HUIS_CENTRUM,
                "Maandag tot vrijdag van 9 tot 12 uur, woensdag ook in de namiddag",
                (
                    Slot(MON, "09:00", "12:00"),
                    Slot(TUE, "13:00", "17:00"),
                    Slot(WED, "09:00", "12:00"),
                    Slot(WED, "13:30", "17:00"),
                    Slot(THU, "09:00", "12:00"),
                    Slot(FRI, "09:00", "12:00"),
                ),
            ),
        ),
        reviewed_days_ago=12,
    ),
    OfferSpec(
        slug="onthaal-kessel-lo",
        title="Onthaal Huis van het Kind Kessel-Lo",
        provider="kind-en-gezin",
        co_providers=("kind-en-preventie", "wigwam"),
        summary="Een vraag over je baby, peuter of tiener? Kom langs in Kessel-Lo. "
        "Je hoeft geen afspraak te maken.",
        description="In het Huis van het Kind Kessel-Lo werken verschillende partners samen. "
        "Aan het onthaal vertellen we je wat er is en waar je terechtkunt.",
        pillars=(ONTHAAL,),
        themes=("opvoeding", "gezondheid"),
        expecting=True,
        languages=("nl", "fr", "en", "tr"),
        places=(
            Place(
                HUIS_KESSEL_LO,
                "Dinsdag en donderdag van 9 tot 12 uur",
                (Slot(TUE, "09:00", "12:00"), Slot(THU, "09:00", "12:00")),
            ),
        ),
        reviewed_days_ago=40,
    ),
    OfferSpec(
        slug="infopunt-kinderopvang",
        title="Infopunt kinderopvang",
        provider="stad-leuven",
        summary="Zoek je kinderopvang of een crèche voor je baby? "
        "We helpen je zoeken en inschrijven.",
        description="Begin op tijd met zoeken, al tijdens de zwangerschap. We leggen uit welke "
        "soorten kinderopvang er zijn en wat het kost. We helpen je met het inschrijven.",
        pillars=(ONTHAAL,),
        themes=("kinderopvang",),
        expecting=True,
        ages=(0, 35),
        languages=("nl", "fr", "en"),
        places=(
            Place(
                "stad-leuven-gezinspunt",
                "Maandag tot vrijdag van 9 tot 12.30 uur",
                (
                    Slot(MON, "09:00", "12:30"),
                    Slot(TUE, "09:00", "12:30"),
                    Slot(THU, "09:00", "12:30"),
                    Slot(FRI, "09:00", "12:30"),
                ),
            ),
            Place(HUIS_CENTRUM, "Maandag van 13.30 tot 16.30 uur", (Slot(MON, "13:30", "16:30"),)),
        ),
        reviewed_days_ago=25,
    ),
    OfferSpec(
        slug="kinderopvang-zoeken-telefoon",
        title="Kinderopvang zoeken: hulp aan de telefoon",
        provider="kind-en-gezin",
        summary="Vind je geen kinderopvang? Bel ons. We zoeken samen met jou naar een plaats.",
        description="We bekijken samen welke kinderopvang past bij je gezin en je werk. "
        "We leggen uit hoe de prijs wordt berekend.",
        pillars=(ONTHAAL,),
        themes=("kinderopvang",),
        expecting=True,
        ages=(0, 35),
        registration_details="Bel op werkdagen tussen 9 en 12 uur. Je hoeft je niet in te "
        "schrijven.",
        format="phone",
        service_area="leuven",
        languages=("nl", "fr", "en"),
        reviewed_days_ago=430,
    ),
    OfferSpec(
        slug="sociaal-onthaal",
        title="Sociaal onthaal: vragen over geld en papieren",
        provider="ocmw-leuven",
        summary="Heb je geldzorgen of snap je een brief niet? Kom langs. We helpen je verder.",
        description="We helpen met brieven, rekeningen, huur en tegemoetkomingen. We kijken "
        "samen welke steun er voor jouw gezin is.",
        pillars=(ONTHAAL,),
        themes=("geldzorgen",),
        languages=("nl", "fr", "en", "ar"),
        places=(
            Place(
                "ocmw-leuven-onthaal",
                "Maandag tot vrijdag van 8.30 tot 12 uur, dinsdag ook van 14 tot 18.30 uur",
                (
                    Slot(MON, "08:30", "12:00"),
                    Slot(TUE, "08:30", "12:00"),
                    Slot(TUE, "14:00", "18:30"),
                    Slot(WED, "08:30", "12:00"),
                    Slot(THU, "08:30", "12:00"),
                    Slot(FRI, "08:30", "12:00"),
                ),
            ),
        ),
        reviewed_days_ago=60,
    ),
    OfferSpec(
        slug="onthaal-caw",
        title="Onthaal CAW: met al je vragen",
        provider="caw-oost-brabant",
        summary="Zit je met een probleem en weet je niet waar je heen moet? "
        "Kom praten. Het is gratis en je blijft anoniem als je dat wilt.",
        description="We luisteren naar je verhaal. Samen zoeken we wat je nodig hebt. "
        "Soms helpen we zelf, soms verwijzen we je door.",
        pillars=(ONTHAAL,),
        themes=("mentaal-welzijn", "geldzorgen", "scheiding"),
        languages=("nl", "fr", "en"),
        places=(
            Place(
                "caw-onthaal-leuven",
                "Maandag, dinsdag en donderdag van 9 tot 12 uur",
                (
                    Slot(MON, "09:00", "12:00"),
                    Slot(TUE, "09:00", "12:00"),
                    Slot(THU, "09:00", "12:00"),
                ),
            ),
        ),
        reviewed_days_ago=95,
    ),
    OfferSpec(
        slug="jongerenonthaal",
        title="Jongerenonthaal",
        provider="caw-oost-brabant",
        co_providers=("sporen",),
        summary="Ben je tussen 12 en 24 jaar en zit je met iets? Loop binnen. "
        "Je kunt praten over school, thuis, geld of liefde.",
        description="Een jongerenwerker luistert naar je. Je hoeft je naam niet te zeggen. "
        "Samen zoeken we wat je kan helpen.",
        pillars=(ONTHAAL, EXTRA),
        themes=("pubers", "mentaal-welzijn"),
        ages=(144, 288),
        languages=("nl", "en"),
        places=(
            Place(
                "sporen-jongerenlokaal",
                "Woensdag van 14 tot 17 uur",
                (Slot(WED, "14:00", "17:00"),),
            ),
        ),
        reviewed_days_ago=20,
    ),
    OfferSpec(
        slug="wegwijs-in-leuven",
        title="Wegwijs in Leuven voor nieuwe gezinnen",
        provider="stad-leuven",
        co_providers=("ocmw-leuven",),
        summary="Ben je pas in Leuven komen wonen? Op dit infomoment leer je waar je terechtkunt "
        "met je kinderen. Er zijn tolken.",
        description="We vertellen over kinderopvang, school, gezondheid en vrije tijd. "
        "Je krijgt een kaart met de belangrijkste adressen.",
        pillars=(ONTHAAL, GROEP),
        themes=("school", "kinderopvang", "taal"),
        expecting=True,
        registration="required",
        registration_details="Schrijf je in via de link of aan het onthaal. "
        "Zeg welke taal je spreekt.",
        languages=("nl", "ar", "tr", "uk", "fa"),
        places=(Place(HUIS_CENTRUM, "Eén keer per maand op dinsdagvoormiddag"),),
        activities=ActivityPlan(TUE, "09:30", 120, (1, 5), HUIS_CENTRUM, 20, True),
        reviewed_days_ago=50,
    ),
    OfferSpec(
        slug="online-vragenuurtje",
        title="Online vragenuurtje Huis van het Kind",
        provider="kind-en-gezin",
        summary="Stel je vraag over je kind via een videogesprek. Je kunt thuis blijven.",
        description="Elke maand is er een online vragenuurtje. Je krijgt een link na je "
        "inschrijving. Je camera mag uit.",
        pillars=(ONTHAAL,),
        themes=("opvoeding", "slapen", "voeding-en-borstvoeding"),
        ages=(0, 71),
        registration="required",
        registration_details="Schrijf je in via de link. Je krijgt een e-mail met de link "
        "naar het gesprek.",
        format="online",
        service_area="leuven",
        languages=("nl", "en"),
        activities=ActivityPlan(THU, "20:00", 60, (0, 4), None, 30, True),
        reviewed_days_ago=15,
    ),
    # -- Consultatie ---------------------------------------------------------------------------
    OfferSpec(
        slug="consultatiebureau-leuven-centrum",
        title="Consultatiebureau Leuven-centrum",
        provider="kind-en-preventie",
        summary="Je baby of peuter wegen, meten en vaccineren. "
        "Je kunt ook vragen stellen over voeding en slapen. Het is gratis.",
        description="Een arts en een verpleegkundige volgen je kind op tot 3 jaar. "
        "Je krijgt de vaccins die aangeraden zijn.",
        pillars=(CONSULTATIE,),
        themes=("gezondheid", "voeding-en-borstvoeding", "slapen"),
        ages=(0, 35),
        registration="required",
        registration_details="Maak een afspraak via de telefoon of aan het onthaal.",
        languages=("nl", "fr", "en"),
        places=(
            Place(
                HUIS_CENTRUM,
                "Maandag van 13.30 tot 16.30 uur en donderdag van 9 tot 12 uur",
                (Slot(MON, "13:30", "16:30"), Slot(THU, "09:00", "12:00")),
            ),
        ),
        reviewed_days_ago=8,
    ),
    OfferSpec(
        slug="consultatiebureau-kessel-lo",
        title="Consultatiebureau Kessel-Lo",
        provider="kind-en-preventie",
        co_providers=("kind-en-gezin",),
        summary="Gratis opvolging van je kind tot 3 jaar: wegen, meten, vaccineren en "
        "vragen stellen.",
        description="Een arts en een verpleegkundige bekijken hoe je kind groeit. "
        "Je kunt er ook terecht met vragen over borstvoeding.",
        pillars=(CONSULTATIE,),
        themes=("gezondheid", "voeding-en-borstvoeding"),
        ages=(0, 35),
        registration="required",
        registration_details="Maak een afspraak via de telefoon.",
        languages=("nl", "fr", "tr"),
        places=(
            Place(
                HUIS_KESSEL_LO,
                "Donderdag van 13.30 tot 16 uur",
                (Slot(THU, "13:30", "16:00"),),
            ),
        ),
        reviewed_days_ago=33,
    ),
    OfferSpec(
        slug="consultatiebureau-heverlee",
        title="Consultatiebureau Heverlee",
        provider="kind-en-preventie",
        summary="Gratis consultatie voor baby's en peuters in Heverlee. Maak een afspraak.",
        description="We volgen de groei en ontwikkeling van je kind op. "
        "Je krijgt advies over voeding, slapen en veiligheid.",
        pillars=(CONSULTATIE,),
        themes=("gezondheid",),
        ages=(0, 35),
        registration="required",
        registration_details="Bel om een afspraak te maken.",
        languages=("nl", "en"),
        places=(
            Place(
                "consultatiebureau-heverlee",
                "Dinsdagnamiddag en vrijdagvoormiddag",
                (Slot(TUE, "13:30", "16:30"), Slot(FRI, "09:00", "12:00")),
            ),
        ),
        reviewed_days_ago=400,
    ),
    OfferSpec(
        slug="consultatiebureau-wilsele",
        title="Consultatiebureau Wilsele",
        provider="kind-en-preventie",
        summary="Gratis consultatie voor baby's en peuters in Wilsele. Maak een afspraak.",
        description="We wegen en meten je kind en geven de vaccins. Je kunt al je vragen stellen.",
        pillars=(CONSULTATIE,),
        themes=("gezondheid",),
        ages=(0, 35),
        registration="required",
        registration_details="Bel om een afspraak te maken.",
        places=(
            Place(
                "consultatiebureau-wilsele",
                "Woensdag van 9 tot 12 uur",
                (Slot(WED, "09:00", "12:00"),),
            ),
        ),
        reviewed_days_ago=510,
    ),
    OfferSpec(
        slug="huisbezoek-na-de-geboorte",
        title="Huisbezoek na de geboorte",
        provider="kind-en-gezin",
        summary="Na de geboorte komt een verpleegkundige bij je thuis. "
        "Je kunt vragen stellen over voeding, slapen en verzorging.",
        description="Het bezoek is gratis. De verpleegkundige kijkt hoe het met je baby en "
        "met jou gaat. Ze vertelt je ook over het consultatiebureau.",
        pillars=(CONSULTATIE,),
        themes=("zwangerschap-en-geboorte", "voeding-en-borstvoeding", "slapen"),
        expecting=True,
        ages=(0, 3),
        registration="required",
        registration_details="Het ziekenhuis of je vroedvrouw geeft je gegevens door. "
        "Je kunt ook zelf bellen.",
        format="home_visit",
        service_area="leuven",
        languages=("nl", "fr", "en", "ar"),
        reviewed_days_ago=70,
    ),
    OfferSpec(
        slug="prenatale-consultatie",
        title="Prenatale consultatie",
        provider="uz-leuven-parel",
        summary="Ben je zwanger? Een vroedvrouw volgt je zwangerschap op "
        "en bereidt je voor op de geboorte.",
        description="Je komt een paar keer langs tijdens je zwangerschap. "
        "We praten over je gezondheid, de bevalling en de eerste weken met je baby.",
        pillars=(CONSULTATIE,),
        themes=("zwangerschap-en-geboorte", "gezondheid"),
        expecting=True,
        ages=(0, 0),
        cost="paid",
        cost_details="Je betaalt een deel zelf. Je ziekenfonds betaalt de rest terug.",
        registration="required",
        registration_details="Maak een afspraak via de telefoon.",
        languages=("nl", "fr", "en"),
        places=(Place("uz-leuven-parel-consultatieruimte", "Op afspraak, op weekdagen"),),
        reviewed_days_ago=120,
    ),
    OfferSpec(
        slug="psycholoog-voor-jonge-ouders",
        title="Gesprek met een psycholoog voor (aanstaande) ouders",
        provider="uz-leuven-parel",
        summary="Voel je je somber of bang tijdens je zwangerschap of na de geboorte? "
        "Praat erover met een psycholoog.",
        description="Veel ouders voelen zich zo. Je bent niet alleen. "
        "We zoeken samen wat je helpt.",
        pillars=(CONSULTATIE,),
        themes=("mentaal-welzijn", "zwangerschap-en-geboorte"),
        expecting=True,
        ages=(0, 35),
        cost="social",
        cost_details="De prijs hangt af van je inkomen. Vraag naar het sociaal tarief.",
        registration="required",
        registration_details="Vraag een afspraak aan je vroedvrouw of huisarts, of bel zelf.",
        languages=("nl", "en"),
        places=(Place("uz-leuven-parel-consultatieruimte", "Op afspraak"),),
        reviewed_days_ago=45,
    ),
    OfferSpec(
        slug="spreekuur-ontwikkeling-en-gedrag",
        title="Spreekuur ontwikkeling en gedrag",
        provider="mfc-combo",
        summary="Maak je je zorgen over de ontwikkeling of het gedrag van je kind? "
        "Kom praten met een begeleider.",
        description="We luisteren naar je zorgen en kijken samen naar je kind. "
        "Je krijgt tips of we verwijzen je door.",
        pillars=(CONSULTATIE, ADVIES),
        themes=("ontwikkeling-en-spel", "opvoeding"),
        ages=(36, 143),
        registration="required",
        registration_details="Bel of mail voor een afspraak.",
        places=(Place("mfc-combo-ouderlokaal", "Op afspraak, op weekdagen"),),
        reviewed_days_ago=200,
    ),
    OfferSpec(
        slug="clb-spreekuur-ouders",
        title="CLB-spreekuur voor ouders",
        provider="clb-go-leuven",
        summary="Vragen over school, leren of de gezondheid van je kind? "
        "Maak een afspraak bij het CLB. Het is gratis.",
        description="Het CLB helpt leerlingen, ouders en scholen. "
        "We praten over leren, gedrag, gezondheid en studiekeuze.",
        pillars=(CONSULTATIE,),
        themes=("school", "gezondheid"),
        ages=(30, 216),
        registration="required",
        registration_details="Maak een afspraak via de school of bel het CLB.",
        languages=("nl", "fr"),
        places=(
            Place(
                "clb-go-leuven-onthaal",
                "Op afspraak, op schooldagen",
                (Slot(WED, "13:00", "16:00"),),
            ),
        ),
        reviewed_days_ago=160,
    ),
    OfferSpec(
        slug="vclb-vragen-over-school",
        title="Vragen over school en studiekeuze: bel het CLB",
        provider="vclb-leuven",
        summary="Twijfel je over de studiekeuze van je kind? Heeft je kind het moeilijk op "
        "school? Bel ons met je vraag.",
        description="Een CLB-medewerker luistert en geeft advies. "
        "Als het nodig is, maken we een afspraak.",
        pillars=(CONSULTATIE,),
        themes=("school", "huiswerk"),
        ages=(72, 216),
        format="phone",
        service_area="leuven",
        registration_details="Bel op schooldagen tussen 8.30 en 16.30 uur.",
        languages=("nl", "fr", "en"),
        reviewed_days_ago=75,
    ),
    OfferSpec(
        slug="voedingsspreekuur",
        title="Voedingsspreekuur voor baby en peuter",
        provider="kind-en-preventie",
        summary="Eet je kind slecht of weet je niet wat je je baby moet geven? "
        "Vraag raad aan een diëtist.",
        description="We helpen bij de overstap naar vaste voeding. "
        "We praten over flesvoeding, borstvoeding en eten aan tafel.",
        pillars=(CONSULTATIE,),
        themes=("voeding-en-borstvoeding", "gezondheid"),
        ages=(4, 35),
        registration="required",
        registration_details="Maak een afspraak aan het onthaal of via de telefoon.",
        languages=("nl", "en"),
        places=(
            Place(
                HUIS_KESSEL_LO,
                "Woensdagnamiddag, om de twee weken",
                (Slot(WED, "13:30", "16:30"),),
            ),
        ),
        reviewed_days_ago=55,
    ),
    # -- Spel en ontmoeting --------------------------------------------------------------------
    OfferSpec(
        slug="spel-en-ontmoetingsmoment-centrum",
        title="Spel- en ontmoetingsmoment Leuven-centrum",
        provider="wigwam",
        summary="Speel samen met je kind en ontmoet andere ouders. "
        "Voor kinderen tot 4 jaar. Gratis, zonder inschrijven.",
        description="Er is speelgoed, koffie en thee. Een begeleider is er voor je vragen. "
        "Je blijft zelf bij je kind.",
        pillars=(SPEL,),
        themes=("ontwikkeling-en-spel",),
        ages=(0, 47),
        languages=("nl", "fr", "en", "ar", "tr"),
        places=(
            Place(
                HUIS_CENTRUM,
                "Woensdag van 9.30 tot 11.30 uur en zaterdag van 10 tot 12 uur",
                (Slot(WED, "09:30", "11:30"), Slot(SAT, "10:00", "12:00")),
            ),
        ),
        reviewed_days_ago=10,
    ),
    OfferSpec(
        slug="spel-en-ontmoetingsmoment-kessel-lo",
        title="Spel- en ontmoetingsmoment Kessel-Lo",
        provider="wigwam",
        co_providers=("kind-en-gezin",),
        summary="Kom spelen met je baby of peuter en leer andere ouders kennen. "
        "Je bent welkom zonder afspraak.",
        description="Elke dinsdag en vrijdag is de speelruimte open. "
        "Je kind speelt, jij praat met andere ouders.",
        pillars=(SPEL,),
        themes=("ontwikkeling-en-spel",),
        ages=(0, 47),
        languages=("nl", "fr", "tr"),
        places=(
            Place(
                HUIS_KESSEL_LO,
                "Dinsdag en vrijdag van 9.30 tot 11.30 uur",
                (Slot(TUE, "09:30", "11:30"), Slot(FRI, "09:30", "11:30")),
            ),
        ),
        reviewed_days_ago=28,
    ),
    OfferSpec(
        slug="babyochtend",
        title="Babyochtend",
        provider="bakermat",
        summary="Een gezellige ochtend voor ouders met een baby. "
        "Praat met andere ouders over voeding, slapen en huilen.",
        description="Kom langs met je baby tot 1 jaar. Er is een verzorgingsruimte en een rustige "
        "plek om borstvoeding te geven.",
        pillars=(SPEL,),
        themes=("ontwikkeling-en-spel", "slapen"),
        ages=(0, 11),
        languages=("nl", "en"),
        places=(
            Place(
                "bakermat-huiskamer",
                "Dinsdag van 9.30 tot 12 uur",
                (Slot(TUE, "09:30", "12:00"),),
            ),
        ),
        reviewed_days_ago=140,
    ),
    OfferSpec(
        slug="speelotheek",
        title="Speelotheek: speelgoed lenen",
        provider="speelodroom",
        summary="Leen speelgoed en gezelschapsspelen voor je kind, zoals boeken in een "
        "bibliotheek.",
        description="Je kiest zelf speelgoed en neemt het drie weken mee naar huis. "
        "We helpen je kiezen wat past bij de leeftijd van je kind.",
        pillars=(SPEL, EXTRA),
        themes=("ontwikkeling-en-spel", "vrije-tijd"),
        ages=(0, 143),
        cost="social",
        cost_details="Lidmaatschap € 10 per jaar. Met sociaal tarief € 2 per jaar.",
        places=(
            Place(
                "speelodroom-speelruimte",
                "Woensdagnamiddag en zaterdagvoormiddag",
                (Slot(WED, "13:30", "17:30"), Slot(SAT, "09:30", "12:30")),
            ),
        ),
        reviewed_days_ago=390,
    ),
    OfferSpec(
        slug="peuterspeelmoment-wijgmaal",
        title="Peuterspeelmoment Wijgmaal",
        provider="gezinsbond",
        summary="Spelen, zingen en knutselen met je peuter in Wijgmaal.",
        description="Voor kinderen van 1 tot 4 jaar met hun ouder of grootouder. "
        "Breng gemakkelijke kleren mee.",
        pillars=(SPEL,),
        themes=("ontwikkeling-en-spel",),
        ages=(12, 47),
        cost="paid",
        cost_details="€ 2 per keer. Leden van de Gezinsbond betalen € 1.",
        places=(
            Place(
                "gezinsbond-zaal-wijgmaal",
                "Donderdag van 9.30 tot 11 uur, niet in de schoolvakanties",
                (Slot(THU, "09:30", "11:00"),),
            ),
        ),
        reviewed_days_ago=260,
    ),
    OfferSpec(
        slug="speelnamiddag-in-de-buurt",
        title="Speelnamiddag in de buurt",
        provider="buurtwerk-t-lampeke",
        summary="Op woensdagnamiddag spelen kinderen samen in het buurtlokaal. "
        "Ouders zijn welkom voor een babbel.",
        description="Voor kinderen van 3 tot 12 jaar. Bij mooi weer spelen we buiten. "
        "Er is een vieruurtje.",
        pillars=(SPEL, EXTRA),
        themes=("vrije-tijd", "ontwikkeling-en-spel"),
        ages=(36, 143),
        languages=("nl", "ar", "tr"),
        places=(
            Place(
                "lampeke-buurtlokaal",
                "Woensdag van 14 tot 17 uur",
                (Slot(WED, "14:00", "17:00"),),
            ),
        ),
        reviewed_days_ago=90,
    ),
    OfferSpec(
        slug="inloopmoment-ouders-en-kinderen",
        title="Inloopmoment voor ouders en kinderen",
        provider="inloopteam-de-mobil",
        summary="Een warme plek voor zwangere vrouwen en ouders met jonge kinderen. "
        "Kom binnen voor een babbel, spel of advies.",
        description="Je kunt vrij binnenlopen. Er is koffie, speelgoed en tijd voor een gesprek. "
        "We helpen je ook met vragen over papieren.",
        pillars=(SPEL, ONTHAAL),
        themes=("ontwikkeling-en-spel", "opvoeding"),
        expecting=True,
        ages=(0, 35),
        languages=("nl", "fr", "ar", "ro"),
        places=(
            Place(
                "de-mobil-inloopruimte",
                "Maandag en donderdag van 9 tot 12 uur",
                (Slot(MON, "09:00", "12:00"), Slot(THU, "09:00", "12:00")),
            ),
        ),
        reviewed_days_ago=35,
    ),
    OfferSpec(
        slug="papa-kindmoment",
        title="Papa-kindmoment op zaterdag",
        provider="wigwam",
        summary="Papa's spelen samen met hun kind en leren andere papa's kennen.",
        description="Een keer per maand op zaterdagvoormiddag. We spelen, knutselen en "
        "drinken samen koffie. Voor kinderen tot 6 jaar.",
        pillars=(SPEL,),
        themes=("ontwikkeling-en-spel", "opvoeding"),
        ages=(0, 71),
        registration="required",
        registration_details="Schrijf je in via de link. Zo weten we hoeveel kinderen er komen.",
        languages=("nl", "en"),
        places=(Place(HUIS_KESSEL_LO, "Eén zaterdag per maand van 10 tot 12 uur"),),
        activities=ActivityPlan(SAT, "10:00", 120, (1, 5), HUIS_KESSEL_LO, 12, True),
        reviewed_days_ago=22,
    ),
    OfferSpec(
        slug="muziek-en-beweging-peuters",
        title="Muziek en beweging voor peuters",
        provider="speelodroom",
        summary="Zingen, dansen en bewegen met je peuter. Een reeks van drie keer.",
        description="Je peuter ontdekt muziek en beweging. Jij doet mee. "
        "Trek gemakkelijke kleren aan.",
        pillars=(SPEL,),
        themes=("ontwikkeling-en-spel",),
        ages=(18, 47),
        cost="social",
        cost_details="€ 4 per keer. Met sociaal tarief € 1 per keer.",
        registration="required",
        registration_details="Schrijf je in via de link of bel ons.",
        places=(Place("speelodroom-speelruimte", "Zaterdagvoormiddag, drie weken na elkaar"),),
        activities=ActivityPlan(SAT, "10:00", 60, (0, 1, 2), "speelodroom-speelruimte", 10, True),
        reviewed_days_ago=18,
    ),
    OfferSpec(
        slug="voorleesuurtje",
        title="Voorleesuurtje in het Huis",
        provider="stad-leuven",
        summary="Luister samen met je kind naar mooie verhalen. Voor kinderen van 2 tot 7 jaar.",
        description="We lezen voor in het Nederlands en soms in een andere taal. "
        "Daarna kun je boeken bekijken en lenen.",
        pillars=(SPEL,),
        themes=("taal", "ontwikkeling-en-spel"),
        ages=(24, 83),
        languages=("nl", "fr", "ar"),
        places=(Place(HUIS_CENTRUM, "Om de twee weken op woensdagnamiddag"),),
        activities=ActivityPlan(WED, "15:00", 45, (0, 2, 4), HUIS_CENTRUM),
        reviewed_days_ago=65,
    ),
    # -- Opvoedadvies -------------------------------------------------------------------------
    OfferSpec(
        slug="opvoedingswinkel-vrij-binnenlopen",
        title="Opvoedingswinkel: vrij binnenlopen",
        provider="wigwam",
        summary="Met al je vragen over opvoeden kun je zonder afspraak binnenlopen. "
        "Voor ouders van kinderen van 0 tot 24 jaar.",
        description="Over huilen, slapen, driftbuien, school of pubers: geen vraag is te klein. "
        "Een opvoedingsondersteuner denkt met je mee.",
        pillars=(ADVIES,),
        themes=("opvoeding", "slapen", "pubers"),
        languages=("nl", "fr", "en"),
        places=(
            Place(
                HUIS_CENTRUM,
                "Dinsdag van 13 tot 17 uur en donderdag van 16 tot 19 uur",
                (Slot(TUE, "13:00", "17:00"), Slot(THU, "16:00", "19:00")),
            ),
        ),
        reviewed_days_ago=5,
    ),
    OfferSpec(
        slug="opvoedingswinkel-gesprek-op-afspraak",
        title="Opvoedingswinkel: gesprek op afspraak",
        provider="wigwam",
        co_providers=("kind-en-gezin",),
        summary="Wil je rustig praten over de opvoeding van je kind? "
        "Maak een afspraak. We nemen de tijd voor je.",
        description="Je kunt tot vijf gesprekken krijgen. Samen zoeken we wat werkt in jouw gezin.",
        pillars=(ADVIES,),
        themes=("opvoeding",),
        registration="required",
        registration_details="Bel of mail ons. Je kunt ook een afspraak maken aan het onthaal.",
        languages=("nl", "en"),
        places=(
            Place(
                HUIS_KESSEL_LO,
                "Woensdag van 13.30 tot 17 uur",
                (Slot(WED, "13:30", "17:00"),),
            ),
        ),
        reviewed_days_ago=110,
    ),
    OfferSpec(
        slug="opvoedingsvragen-telefoon",
        title="Opvoedingsvragen? Bel ons",
        provider="ckg-de-schommel",
        summary="Zit je met een vraag over opvoeden? Bel ons. We luisteren en geven raad.",
        description="Je hoeft je naam niet te zeggen. Als het nodig is, spreken we een gesprek af.",
        pillars=(ADVIES,),
        themes=("opvoeding", "mentaal-welzijn"),
        ages=(0, 143),
        format="phone",
        service_area="leuven",
        registration_details="Bel op werkdagen tussen 9 en 17 uur.",
        languages=("nl", "fr"),
        reviewed_days_ago=700,
    ),
    OfferSpec(
        slug="opvoedingschat",
        title="Chat met een opvoedingsondersteuner",
        provider="kind-en-gezin",
        summary="Stel je vraag over opvoeden via de chat. Gratis en anoniem.",
        description="Je chat met een opvoedingsondersteuner. "
        "Je krijgt tips en, als je wilt, adressen in de buurt.",
        pillars=(ADVIES,),
        themes=("opvoeding", "slapen", "pubers"),
        format="online",
        service_area="leuven",
        registration_details="Open de chat op maandag, woensdag of donderdag van 19 tot 21 uur.",
        languages=("nl", "en"),
        reviewed_days_ago=30,
    ),
    OfferSpec(
        slug="gezinsondersteuning-aan-huis",
        title="Gezinsondersteuning aan huis",
        provider="ckg-de-schommel",
        summary="Loopt het thuis even niet? Een begeleider komt bij je thuis en helpt je verder.",
        description="We komen een paar keer langs. We zoeken samen naar rust en "
        "structuur in je gezin.",
        pillars=(ADVIES,),
        themes=("opvoeding", "mentaal-welzijn"),
        ages=(0, 143),
        registration="required",
        registration_details="Bel ons of vraag het aan het Huis van het Kind. "
        "We plannen samen een eerste gesprek.",
        format="home_visit",
        service_area="areas",
        service_postcodes=("3010", "3012"),
        languages=("nl", "fr", "en"),
        places=(Place("ckg-de-schommel-gezinsruimte", "Aanmelden op weekdagen"),),
        reviewed_days_ago=210,
    ),
    OfferSpec(
        slug="thuisbegeleiding-vrijwilligers",
        title="Een vrijwilliger aan huis",
        provider="domo",
        summary="Een vrijwilliger komt elke week bij je thuis. "
        "Voor een babbel, samen spelen of hulp bij kleine dingen.",
        description="Voor gezinnen met jonge kinderen die wat steun kunnen gebruiken. "
        "De vrijwilliger komt een paar uur per week.",
        pillars=(ADVIES,),
        themes=("opvoeding", "mentaal-welzijn"),
        expecting=True,
        ages=(0, 143),
        registration="required",
        registration_details="Bel of mail ons. We komen eerst kennismaken.",
        format="home_visit",
        service_area="leuven",
        languages=("nl", "en", "es"),
        places=(
            Place(
                "domo-vrijwilligerspunt",
                "Aanmelden op dinsdag en donderdag",
                (Slot(TUE, "09:00", "12:00"), Slot(THU, "09:00", "12:00")),
            ),
        ),
        reviewed_days_ago=150,
    ),
    OfferSpec(
        slug="opvoedingsadvies-pubers",
        title="Advies voor ouders van pubers",
        provider="amber",
        summary="Is het moeilijk thuis met je tiener? "
        "Praat met een begeleider over ruzies, regels en vertrouwen.",
        description="We luisteren naar jou en, als je wilt, ook naar je kind. "
        "Samen zoeken we naar wat kan helpen.",
        pillars=(ADVIES,),
        themes=("pubers", "opvoeding"),
        ages=(144, 216),
        registration="required",
        registration_details="Bel of mail voor een afspraak.",
        places=(Place("amber-jongerenpunt", "Op afspraak"),),
        reviewed_days_ago=480,
    ),
    OfferSpec(
        slug="spreekuur-scheiding-en-ouderschap",
        title="Spreekuur scheiding en ouderschap",
        provider="scheidingsschool",
        summary="Ga je uit elkaar? Praat over hoe je samen ouder blijft "
        "en wat je kinderen nodig hebben.",
        description="Je kunt alleen of samen met je ex-partner komen. "
        "We helpen je afspraken maken over de kinderen.",
        pillars=(ADVIES,),
        themes=("scheiding", "opvoeding"),
        cost="social",
        cost_details="€ 20 per gesprek. Minder als dat voor jou te veel is.",
        registration="required",
        registration_details="Bel of mail voor een afspraak.",
        languages=("nl", "fr", "en"),
        places=(Place("scheidingsschool-groepslokaal", "Op afspraak, ook 's avonds"),),
        reviewed_days_ago=85,
    ),
    OfferSpec(
        slug="ouderadvies-bij-gedragsproblemen",
        title="Ouderadvies bij moeilijk gedrag",
        provider="mfc-combo",
        summary="Is je kind vaak boos of heel onrustig? We geven je concrete tips voor thuis.",
        description="In een paar gesprekken kijken we wat je kind nodig heeft. "
        "Je oefent nieuwe manieren om te reageren.",
        pillars=(ADVIES,),
        themes=("opvoeding", "mentaal-welzijn"),
        ages=(36, 216),
        registration="required",
        registration_details="Bel of mail voor een eerste gesprek.",
        places=(Place("mfc-combo-ouderlokaal", "Op afspraak"),),
        reviewed_days_ago=230,
    ),
    OfferSpec(
        slug="opvoeden-in-je-eigen-taal",
        title="Opvoedingsvragen in je eigen taal",
        provider="kind-en-gezin",
        co_providers=("wigwam",),
        summary="Praat over opvoeden in je eigen taal. Er is een tolk aanwezig.",
        description="Zeg bij het inschrijven welke taal je spreekt. "
        "We zorgen voor een tolk of een medewerker die je taal spreekt.",
        pillars=(ADVIES,),
        themes=("opvoeding", "taal"),
        registration="required",
        registration_details="Maak een afspraak aan het onthaal of bel ons.",
        languages=("ar", "tr", "uk", "so", "ti", "fa"),
        places=(Place(HUIS_CENTRUM, "Op afspraak"),),
        reviewed_days_ago=48,
    ),
    # -- Groepsaanbod ------------------------------------------------------------------------
    OfferSpec(
        slug="babymassage",
        title="Babymassage",
        provider="kind-en-preventie",
        summary="Leer je baby masseren. Het helpt je baby ontspannen en beter slapen. "
        "Een reeks van drie keer.",
        description="Voor baby's van 1 tot 10 maanden. Breng een handdoek mee. "
        "Olie krijg je van ons.",
        pillars=(GROEP,),
        themes=("ontwikkeling-en-spel", "slapen"),
        ages=(1, 9),
        registration="required",
        registration_details="Schrijf je in via de link. Er zijn 8 plaatsen.",
        languages=("nl", "en"),
        places=(Place(HUIS_KESSEL_LO, "Drie vrijdagen na elkaar, 10 tot 11 uur"),),
        activities=ActivityPlan(FRI, "10:00", 60, (1, 2, 3), HUIS_KESSEL_LO, 8, True),
        reviewed_days_ago=14,
    ),
    OfferSpec(
        slug="infoavond-slapen",
        title="Infoavond slapen",
        provider="kind-en-gezin",
        co_providers=("wigwam",),
        summary="Slaapt je baby of peuter slecht? Op deze infoavond leer je hoe slapen werkt. "
        "Je krijgt tips voor thuis.",
        description="Een verpleegkundige vertelt over slapen bij jonge kinderen. "
        "Daarna kun je vragen stellen.",
        pillars=(GROEP,),
        themes=("slapen",),
        ages=(0, 47),
        registration="required",
        registration_details="Schrijf je in via de link.",
        languages=("nl", "en"),
        places=(Place(HUIS_CENTRUM, "Een paar keer per jaar, op dinsdagavond"),),
        activities=ActivityPlan(TUE, "19:30", 120, (0, 3), HUIS_CENTRUM, 25, True, cancelled=(0,)),
        reviewed_days_ago=9,
    ),
    OfferSpec(
        slug="borstvoedingsgroep",
        title="Borstvoedingsgroep",
        provider="kind-en-preventie",
        co_providers=("uz-leuven-parel",),
        summary="Geef je borstvoeding of wil je het proberen? "
        "Kom samen met andere mama's praten en vragen stellen.",
        description="Een lactatiekundige is aanwezig. Je mag je baby meebrengen. "
        "Ook zwangere vrouwen zijn welkom.",
        pillars=(GROEP,),
        themes=("voeding-en-borstvoeding",),
        expecting=True,
        ages=(0, 11),
        languages=("nl", "fr", "en", "ar"),
        places=(Place(HUIS_CENTRUM, "Om de twee weken op maandagvoormiddag"),),
        activities=ActivityPlan(MON, "10:00", 90, (0, 2, 4), HUIS_CENTRUM, 15),
        reviewed_days_ago=11,
    ),
    OfferSpec(
        slug="praatgroep-gescheiden-ouders",
        title="Praatgroep gescheiden ouders",
        provider="scheidingsschool",
        summary="Ben je gescheiden of ga je uit elkaar? Praat met ouders in dezelfde situatie.",
        description="Een begeleider leidt het gesprek. "
        "We praten over de kinderen, over afspraken en over jezelf.",
        pillars=(GROEP,),
        themes=("scheiding", "mentaal-welzijn"),
        cost="social",
        cost_details="€ 5 per avond. Gratis als dat nodig is.",
        registration="required",
        registration_details="Schrijf je in via de link. De groep is klein.",
        languages=("nl",),
        places=(Place("scheidingsschool-groepslokaal", "Om de twee weken op donderdagavond"),),
        activities=ActivityPlan(
            THU, "19:30", 120, (0, 2, 4), "scheidingsschool-groepslokaal", 10, True
        ),
        reviewed_days_ago=100,
    ),
    OfferSpec(
        slug="groep-kinderen-gescheiden-ouders",
        title="Groep voor kinderen van gescheiden ouders",
        provider="scheidingsschool",
        summary="Je ouders zijn uit elkaar? In deze groep praat, speel en teken je "
        "met andere kinderen.",
        description="Voor kinderen van 6 tot 12 jaar. Ouders krijgen na afloop een gesprek.",
        pillars=(GROEP,),
        themes=("scheiding",),
        ages=(72, 143),
        cost="social",
        cost_details="€ 30 voor de reeks. Sociaal tarief mogelijk.",
        registration="required",
        registration_details="Ouders schrijven hun kind in via de link.",
        places=(Place("scheidingsschool-groepslokaal", "Woensdagnamiddag, in reeksen"),),
        activities=ActivityPlan(WED, "14:00", 90, (1, 2), "scheidingsschool-groepslokaal", 8, True),
        reviewed_days_ago=170,
    ),
    OfferSpec(
        slug="zwangerschapscursus",
        title="Zwangerschapscursus: klaar voor de bevalling",
        provider="uz-leuven-parel",
        summary="Een cursus van drie avonden voor zwangere vrouwen en hun partner. "
        "Over de bevalling, de eerste dagen en borstvoeding.",
        description="Een vroedvrouw geeft de lessen. Je oefent ademhaling en houdingen. "
        "Je partner is welkom.",
        pillars=(GROEP,),
        themes=("zwangerschap-en-geboorte", "voeding-en-borstvoeding"),
        expecting=True,
        ages=(0, 0),
        cost="paid",
        cost_details="€ 40 voor drie avonden. Vraag je ziekenfonds naar een terugbetaling.",
        registration="required",
        registration_details="Schrijf je in via de link, liefst rond 6 maanden zwangerschap.",
        languages=("nl", "en"),
        places=(Place("uz-leuven-parel-consultatieruimte", "Drie woensdagavonden"),),
        activities=ActivityPlan(
            WED, "19:00", 120, (0, 1, 2), "uz-leuven-parel-consultatieruimte", 12, True
        ),
        reviewed_days_ago=130,
    ),
    OfferSpec(
        slug="infoavond-schermen",
        title="Infoavond: je kind en schermen",
        provider="gezinsbond",
        summary="Hoeveel schermtijd is goed voor je kind? "
        "Op deze avond krijg je uitleg en praktische tips.",
        description="Over gsm, tablet, gamen en sociale media. "
        "Voor ouders van kinderen van 6 tot 18 jaar.",
        pillars=(GROEP,),
        themes=("opvoeding", "pubers"),
        ages=(72, 216),
        cost="paid",
        cost_details="€ 5. Leden van de Gezinsbond betalen niets.",
        registration="required",
        registration_details="Schrijf je in via de link.",
        places=(Place("gezinsbond-zaal-wijgmaal", "Eén keer, op maandagavond"),),
        activities=ActivityPlan(MON, "20:00", 120, (2,), "gezinsbond-zaal-wijgmaal", 40, True),
        reviewed_days_ago=60,
    ),
    OfferSpec(
        slug="workshop-gezond-eten",
        title="Workshop gezond eten met kinderen",
        provider="buurtwerk-t-lampeke",
        co_providers=("kind-en-preventie",),
        summary="Kook samen gezonde en goedkope gerechten die kinderen lekker vinden.",
        description="We koken samen en eten daarna samen op. Je krijgt de recepten mee naar huis.",
        pillars=(GROEP,),
        themes=("voeding-en-borstvoeding", "gezondheid", "geldzorgen"),
        ages=(12, 143),
        registration="required",
        registration_details="Schrijf je in in het buurtlokaal of bel ons.",
        languages=("nl", "ar", "tr"),
        places=(Place("lampeke-buurtlokaal", "Donderdagnamiddag"),),
        activities=ActivityPlan(THU, "13:30", 150, (1, 3), "lampeke-buurtlokaal", 12),
        reviewed_days_ago=190,
    ),
    OfferSpec(
        slug="oudergroep-twee-culturen",
        title="Oudergroep: opvoeden in twee culturen",
        provider="inloopteam-de-mobil",
        summary="Je kind groeit op met twee talen en culturen. Praat erover met andere ouders.",
        description="We praten over taal, gewoontes, school en vrije tijd. "
        "Er is een tolk voor Arabisch en Turks.",
        pillars=(GROEP,),
        themes=("opvoeding", "taal"),
        ages=(0, 216),
        registration="required",
        registration_details="Schrijf je in aan het onthaal of bel ons.",
        languages=("nl", "ar", "tr", "fr"),
        places=(Place("de-mobil-inloopruimte", "Eén keer per maand op donderdag"),),
        activities=ActivityPlan(THU, "13:30", 120, (1, 5), "de-mobil-inloopruimte", 15),
        reviewed_days_ago=75,
    ),
    OfferSpec(
        slug="infoavond-pubers-grenzen",
        title="Infoavond pubers: grenzen stellen",
        provider="wigwam",
        co_providers=("amber",),
        summary="Hoe stel je regels met een tiener zonder elke dag ruzie? "
        "Kom luisteren en ervaringen delen.",
        description="Een opvoedingsondersteuner geeft uitleg en voorbeelden. "
        "Daarna praten we in kleine groepjes.",
        pillars=(GROEP,),
        themes=("pubers", "opvoeding"),
        ages=(144, 216),
        registration="required",
        registration_details="Schrijf je in via de link.",
        places=(Place(HUIS_CENTRUM, "Eén keer, op donderdagavond"),),
        activities=ActivityPlan(THU, "19:30", 120, (2,), HUIS_CENTRUM, 30, True),
        reviewed_days_ago=40,
    ),
    OfferSpec(
        slug="online-infosessie-kinderopvang",
        title="Online infosessie: kinderopvang en crèche kiezen",
        provider="stad-leuven",
        co_providers=("kind-en-gezin",),
        summary="Hoe vind je een crèche of onthaalouder? "
        "In deze online sessie leggen we het stap voor stap uit.",
        description="Over zoeken, inschrijven, de prijs en wat je moet vragen bij een bezoek. "
        "Je kunt vragen stellen in de chat.",
        pillars=(GROEP, ONTHAAL),
        themes=("kinderopvang",),
        expecting=True,
        ages=(0, 35),
        registration="required",
        registration_details="Schrijf je in via de link. Je krijgt de link naar de sessie per "
        "e-mail.",
        format="online",
        service_area="leuven",
        languages=("nl", "en"),
        activities=ActivityPlan(MON, "20:00", 60, (1, 4), None, 100, True),
        reviewed_days_ago=21,
    ),
    OfferSpec(
        slug="workshop-veilig-thuis",
        title="Workshop veilig thuis: ongevallen voorkomen",
        provider="gezinsbond",
        summary="Leer hoe je ongevallen thuis voorkomt en wat je doet als je kind zich pijn doet.",
        description="Over vallen, verbranden en vergiftiging. "
        "Je oefent ook eerste hulp op een pop.",
        pillars=(GROEP,),
        themes=("gezondheid",),
        ages=(0, 47),
        cost="paid",
        cost_details="€ 10 per persoon.",
        registration="required",
        registration_details="Schrijf je in via de link.",
        places=(Place(HUIS_KESSEL_LO, "Eén keer, op dinsdagavond"),),
        activities=ActivityPlan(TUE, "19:30", 150, (4,), HUIS_KESSEL_LO, 16, True),
        reviewed_days_ago=300,
    ),
    OfferSpec(
        slug="infoavond-helpen-bij-huiswerk",
        title="Infoavond: je kind helpen bij huiswerk",
        provider="vclb-leuven",
        summary="Hoe help je je kind bij het huiswerk, ook als je de taal of de leerstof "
        "niet goed kent?",
        description="Je krijgt tips om samen een plan te maken. "
        "We vertellen ook waar je kind gratis huiswerkhulp kan krijgen.",
        pillars=(GROEP,),
        themes=("huiswerk", "school"),
        ages=(72, 143),
        registration="required",
        registration_details="Schrijf je in via de link of bij de school.",
        languages=("nl", "fr", "ar"),
        places=(Place("vclb-leuven-onthaal", "Eén keer, op dinsdagavond"),),
        activities=ActivityPlan(TUE, "19:00", 90, (2,), "vclb-leuven-onthaal", 30, True),
        reviewed_days_ago=52,
    ),
    OfferSpec(
        slug="mamagroep-na-de-bevalling",
        title="Mama-groep na de bevalling",
        provider="bakermat",
        summary="De eerste maanden met een baby zijn zwaar. "
        "Praat met andere mama's over hoe je je voelt.",
        description="Een begeleider is erbij. Je baby mag mee. "
        "We praten over moe zijn, twijfels en blije momenten.",
        pillars=(GROEP,),
        themes=("mentaal-welzijn", "zwangerschap-en-geboorte"),
        ages=(0, 11),
        registration="required",
        registration_details="Bel of mail ons. Je mag ook gewoon een keer komen kijken.",
        languages=("nl", "en"),
        places=(Place("bakermat-huiskamer", "Om de twee weken op vrijdagvoormiddag"),),
        activities=ActivityPlan(FRI, "09:30", 120, (0, 2), "bakermat-huiskamer", 10),
        reviewed_days_ago=36,
    ),
    OfferSpec(
        slug="oudercafe-budget",
        title="Oudercafé: rondkomen met een klein budget",
        provider="leren-ondernemen",
        co_providers=("ocmw-leuven",),
        summary="Praat met andere ouders over geldzorgen. "
        "Je hoort tips en hoe je minder betaalt voor school en vrije tijd.",
        description="Bij een kop koffie delen we ervaringen. Iemand van het OCMW beantwoordt "
        "je vragen.",
        pillars=(GROEP,),
        themes=("geldzorgen", "vrije-tijd"),
        languages=("nl", "fr"),
        places=(Place("leren-ondernemen-ontmoetingsruimte", "Om de twee weken op dinsdag"),),
        activities=ActivityPlan(
            TUE, "13:30", 120, (1, 3), "leren-ondernemen-ontmoetingsruimte", 20
        ),
        reviewed_days_ago=420,
    ),
    # -- Extra aanbod --------------------------------------------------------------------------
    OfferSpec(
        slug="huiswerkklas",
        title="Huiswerkklas",
        provider="buurtwerk-t-lampeke",
        summary="Maak je huiswerk samen met andere kinderen. "
        "Een vrijwilliger helpt je als je iets niet snapt.",
        description="Voor kinderen van het lager onderwijs. Na het huiswerk spelen we nog even. "
        "Gratis.",
        pillars=(EXTRA,),
        themes=("huiswerk", "school"),
        ages=(72, 143),
        registration="required",
        registration_details="Ouders schrijven hun kind in in het buurtlokaal.",
        places=(
            Place(
                "lampeke-buurtlokaal",
                "Maandag, dinsdag en donderdag van 16 tot 18 uur",
                (
                    Slot(MON, "16:00", "18:00"),
                    Slot(TUE, "16:00", "18:00"),
                    Slot(THU, "16:00", "18:00"),
                ),
            ),
        ),
        reviewed_days_ago=27,
    ),
    OfferSpec(
        slug="huiswerkbegeleiding-secundair",
        title="Huiswerkbegeleiding voor het secundair",
        provider="sporen",
        summary="Zit je in het secundair en loopt het niet met je huiswerk of studeren? "
        "Kom naar de studieruimte.",
        description="Je krijgt hulp bij plannen, studeren en taken. Het is rustig en er is wifi.",
        pillars=(EXTRA,),
        themes=("huiswerk", "school", "pubers"),
        ages=(144, 216),
        registration="required",
        registration_details="Kom een keer langs om kennis te maken.",
        languages=("nl", "en"),
        places=(
            Place(
                "sporen-jongerenlokaal",
                "Woensdag van 14 tot 17 uur",
                (Slot(WED, "14:00", "17:00"),),
            ),
        ),
        reviewed_days_ago=115,
    ),
    OfferSpec(
        slug="tweedehandsbeurs",
        title="Tweedehandsbeurs kinderkleding en speelgoed",
        provider="gezinsbond",
        summary="Koop en verkoop kinderkleding, speelgoed en babyspullen aan een lage prijs.",
        description="Wil je zelf verkopen? Huur een tafel. Kopen kan zonder inschrijven.",
        pillars=(EXTRA,),
        themes=("geldzorgen",),
        expecting=True,
        ages=(0, 143),
        places=(Place("gezinsbond-zaal-wijgmaal", "Twee keer per jaar op zaterdag"),),
        activities=ActivityPlan(SAT, "09:00", 240, (3,), "gezinsbond-zaal-wijgmaal"),
        reviewed_days_ago=600,
    ),
    OfferSpec(
        slug="speelpleinwerking",
        title="Speelplein in de vakantie",
        provider="stad-leuven",
        summary="In de schoolvakanties kunnen kinderen de hele dag spelen op het speelplein. "
        "Met sociaal tarief betaal je minder.",
        description="Voor kinderen van 3 tot 15 jaar. Breng een lunchpakket mee. "
        "Er zijn monitoren.",
        pillars=(EXTRA,),
        themes=("vrije-tijd",),
        ages=(36, 179),
        cost="social",
        cost_details="€ 5 per dag. Met sociaal tarief € 1 per dag.",
        registration="required",
        registration_details="Schrijf je kind op voorhand in via de link.",
        languages=("nl", "fr", "en"),
        places=(Place("lampeke-buurtlokaal", "In de schoolvakanties, van 9 tot 17 uur"),),
        reviewed_days_ago=80,
    ),
    OfferSpec(
        slug="speelbus",
        title="De speelbus komt naar je buurt",
        provider="provincie-vlaams-brabant",
        co_providers=("speelodroom",),
        summary="Een bus vol spelletjes stopt in je buurt. "
        "Kinderen spelen gratis buiten, ouders zijn welkom.",
        description="Voor kinderen van 3 tot 12 jaar. Bij slecht weer spelen we binnen.",
        pillars=(EXTRA, SPEL),
        themes=("vrije-tijd", "ontwikkeling-en-spel"),
        ages=(36, 143),
        places=(
            Place("domo-vrijwilligerspunt", "Op woensdagnamiddag, een paar keer per jaar"),
            Place("de-mobil-inloopruimte", "Op woensdagnamiddag, een paar keer per jaar"),
        ),
        activities=ActivityPlan(WED, "14:00", 180, (1, 4), "domo-vrijwilligerspunt"),
        reviewed_days_ago=145,
    ),
    OfferSpec(
        slug="jongerenpunt-wijgmaal",
        title="Jongerenpunt: vrije tijd en een luisterend oor",
        provider="amber",
        summary="Een plek voor jongeren om te chillen, te gamen en te praten. "
        "Er is altijd een begeleider.",
        description="Voor jongeren van 12 tot 24 jaar. Je kunt ook je vragen kwijt over school, "
        "werk of thuis.",
        pillars=(EXTRA,),
        themes=("pubers", "vrije-tijd", "mentaal-welzijn"),
        ages=(144, 288),
        languages=("nl", "en", "fr"),
        places=(
            Place(
                "amber-jongerenpunt",
                "Woensdag van 14 tot 18 uur en vrijdag van 16 tot 20 uur",
                (Slot(WED, "14:00", "18:00"), Slot(FRI, "16:00", "20:00")),
            ),
        ),
        reviewed_days_ago=62,
    ),
    OfferSpec(
        slug="online-jongerenchat",
        title="Online jongerenchat",
        provider="caw-oost-brabant",
        summary="Wil je praten maar liever niet face to face? Chat anoniem met een hulpverlener.",
        description="Voor jongeren van 12 tot 24 jaar. Je hoeft je naam niet te geven.",
        pillars=(EXTRA, ONTHAAL),
        themes=("mentaal-welzijn", "pubers"),
        ages=(144, 288),
        format="online",
        service_area="leuven",
        registration_details="Open de chat op weekdagen van 18 tot 22 uur.",
        languages=("nl", "en"),
        reviewed_days_ago=19,
    ),
    OfferSpec(
        slug="sociale-kruidenier",
        title="Sociale kruidenier",
        provider="ocmw-leuven",
        summary="Koop voeding en verzorging voor je gezin aan een lage prijs.",
        description="Je hebt een kaart nodig. Die vraag je aan bij het OCMW. "
        "Er zijn ook luiers en babyvoeding.",
        pillars=(EXTRA,),
        themes=("geldzorgen", "voeding-en-borstvoeding"),
        cost="social",
        cost_details="Lage prijzen voor wie een kaart heeft.",
        registration="required",
        registration_details="Vraag een kaart aan bij het onthaal van het OCMW.",
        languages=("nl", "fr", "en"),
        places=(
            Place(
                "ocmw-leuven-onthaal",
                "Dinsdag en vrijdag van 13 tot 16 uur",
                (Slot(TUE, "13:00", "16:00"), Slot(FRI, "13:00", "16:00")),
            ),
        ),
        reviewed_days_ago=380,
    ),
    OfferSpec(
        slug="babyspullen-lenen",
        title="Babyspullen lenen",
        provider="bakermat",
        summary="Leen een maxi-cosi, box of draagzak voor je baby. "
        "Zo moet je niet alles zelf kopen.",
        description="Je kunt al lenen tijdens je zwangerschap. Breng alles proper terug.",
        pillars=(EXTRA,),
        themes=("zwangerschap-en-geboorte", "geldzorgen"),
        expecting=True,
        ages=(0, 23),
        cost="social",
        cost_details="Een kleine waarborg. Zonder waarborg als dat niet lukt.",
        registration="required",
        registration_details="Bel of mail om een afspraak te maken.",
        places=(
            Place("bakermat-huiskamer", "Op vrijdagvoormiddag", (Slot(FRI, "09:30", "12:00"),)),
        ),
        reviewed_days_ago=240,
    ),
    OfferSpec(
        slug="taalcafe-voor-ouders",
        title="Taalcafé voor ouders",
        provider="leren-ondernemen",
        summary="Oefen Nederlands in een gezellige groep. "
        "Je praat over dingen van elke dag, zoals school en de dokter.",
        description="Je hoeft geen les te volgen. Er zijn vrijwilligers die met je praten. "
        "Kinderen mogen mee: er is een speelhoek.",
        pillars=(EXTRA, GROEP),
        themes=("taal",),
        languages=("nl",),
        places=(
            Place(
                "leren-ondernemen-ontmoetingsruimte",
                "Elke donderdag van 10 tot 12 uur",
                (Slot(THU, "10:00", "12:00"),),
            ),
        ),
        activities=ActivityPlan(THU, "10:00", 120, (0, 1, 2), "leren-ondernemen-ontmoetingsruimte"),
        reviewed_days_ago=44,
    ),
    OfferSpec(
        slug="occasionele-kinderopvang",
        title="Occasionele kinderopvang",
        provider="stad-leuven",
        summary="Heb je af en toe opvang nodig voor je baby of peuter? "
        "In onze crèche kan je kind een paar uur per week terecht.",
        description="Bijvoorbeeld als je een cursus volgt, solliciteert of even rust nodig hebt. "
        "De prijs hangt af van je inkomen.",
        pillars=(EXTRA,),
        themes=("kinderopvang",),
        ages=(0, 35),
        cost="social",
        cost_details="De prijs hangt af van je inkomen. Vraag naar het sociaal tarief.",
        registration="required",
        registration_details="Maak een afspraak voor een eerste kennismaking.",
        languages=("nl", "fr", "en"),
        places=(
            Place(
                "stad-leuven-gezinspunt",
                "Maandag tot vrijdag van 8 tot 17 uur, op afspraak",
                (
                    Slot(MON, "08:00", "17:00"),
                    Slot(TUE, "08:00", "17:00"),
                    Slot(WED, "08:00", "17:00"),
                    Slot(THU, "08:00", "17:00"),
                    Slot(FRI, "08:00", "17:00"),
                ),
            ),
        ),
        reviewed_days_ago=58,
    ),
    OfferSpec(
        slug="infomoment-vrijetijdspas",
        title="Infomoment: goedkoper sporten en spelen",
        provider="stad-leuven",
        co_providers=("ocmw-leuven",),
        summary="Je kind wil sporten, muziek spelen of op kamp? "
        "Hoor hoe je minder betaalt met sociaal tarief.",
        description="We leggen uit wie recht heeft op korting en hoe je die aanvraagt. "
        "Breng je identiteitskaart mee.",
        pillars=(EXTRA, ONTHAAL),
        themes=("vrije-tijd", "geldzorgen"),
        ages=(36, 216),
        languages=("nl", "fr", "ar"),
        places=(Place("stad-leuven-gezinspunt", "Een paar keer per jaar op woensdagnamiddag"),),
        activities=ActivityPlan(WED, "14:00", 90, (2, 5), "stad-leuven-gezinspunt", 25),
        reviewed_days_ago=31,
    ),
    OfferSpec(
        slug="vraag-het-aan-een-vroedvrouw",
        title="Vraag het aan een vroedvrouw",
        provider="kind-en-gezin",
        summary="Heb je een vraag over je zwangerschap, borstvoeding of je pasgeboren baby? "
        "Bel een vroedvrouw.",
        description="Gratis advies aan de telefoon, ook 's avonds. "
        "Bij dringende vragen bel je je eigen arts of vroedvrouw.",
        pillars=(CONSULTATIE, ONTHAAL),
        themes=("zwangerschap-en-geboorte", "voeding-en-borstvoeding"),
        expecting=True,
        ages=(0, 5),
        format="phone",
        service_area="leuven",
        registration_details="Bel elke dag tussen 8 en 20 uur.",
        languages=("nl", "fr", "en"),
        reviewed_days_ago=450,
    ),
    OfferSpec(
        slug="studiekeuze-infoavond",
        title="Infoavond studiekeuze na het secundair",
        provider="clb-go-leuven",
        summary="Wat na het secundair? Hoger onderwijs, werken of een opleiding: "
        "hoor wat er kan en stel je vragen.",
        description="Voor jongeren van 16 tot 18 jaar en hun ouders. "
        "Na de uitleg kun je met een CLB-medewerker praten.",
        pillars=(GROEP,),
        themes=("school",),
        ages=(192, 288),
        registration="required",
        registration_details="Schrijf je in via de link.",
        languages=("nl", "en"),
        places=(Place("clb-go-leuven-onthaal", "Eén keer, op donderdagavond"),),
        activities=ActivityPlan(THU, "19:00", 120, (3,), "clb-go-leuven-onthaal", 60, True),
        reviewed_days_ago=88,
    ),
    OfferSpec(
        slug="praatgroep-jonge-ouders",
        title="Praatgroep jonge ouders (tot 24 jaar)",
        provider="sporen",
        co_providers=("caw-oost-brabant",),
        summary="Ben je jong en al mama of papa? Praat met andere jonge ouders over je "
        "kind, school en werk.",
        description="We komen om de twee weken samen. Je kindje mag mee, er is opvang.",
        pillars=(GROEP,),
        themes=("opvoeding", "mentaal-welzijn"),
        expecting=True,
        ages=(0, 35),
        registration="required",
        registration_details="Stuur ons een bericht of kom een keer kijken.",
        languages=("nl", "fr", "en"),
        places=(Place("sporen-jongerenlokaal", "Om de twee weken op vrijdagavond"),),
        activities=ActivityPlan(FRI, "18:00", 120, (0, 2, 4), "sporen-jongerenlokaal", 12),
        reviewed_days_ago=66,
    ),
    # -- Not public: shows that drafts and archived offers stay hidden --------------------------
    OfferSpec(
        slug="workshop-draagdoeken",
        title="Workshop draagdoeken",
        provider="bakermat",
        summary="Leer hoe je je baby veilig draagt in een draagdoek.",
        description="Nog in voorbereiding.",
        pillars=(GROEP,),
        themes=("zwangerschap-en-geboorte",),
        expecting=True,
        ages=(0, 11),
        registration="required",
        status="draft",
        reviewed_days_ago=None,
    ),
    OfferSpec(
        slug="kookatelier-tieners",
        title="Kookatelier voor tieners",
        provider="sporen",
        summary="Koken met vrienden: gezond, goedkoop en lekker.",
        description="Nog in voorbereiding.",
        pillars=(EXTRA,),
        themes=("voeding-en-borstvoeding", "vrije-tijd"),
        ages=(144, 216),
        registration="required",
        status="draft",
        reviewed_days_ago=None,
    ),
    OfferSpec(
        slug="inschrijvingsmoment-kleuterschool-2024",
        title="Inschrijvingsmoment kleuterschool 2024",
        provider="stad-leuven",
        summary="Hulp bij het inschrijven van je kind in de kleuterschool, voor het schooljaar "
        "2024–2025.",
        description="Dit infomoment is voorbij.",
        pillars=(ONTHAAL,),
        themes=("school",),
        ages=(24, 35),
        status="archived",
        reviewed_days_ago=800,
    ),
]


# -- People -----------------------------------------------------------------------------------

DEMO_DOMAIN = "demo.huisvanhetkind.test"


@dataclass(frozen=True)
class PersonSpec:
    """A demo person working for a partner (or, for the coordinator, for the network vzw)."""

    key: str  # the address before the @; the other specs name people by it
    first_name: str
    last_name: str
    partner: str | None  # a partner slug
    role: str = "editor"  # a Membership.Role value
    password: str | None = None  # None: the person cannot log in
    coordinator: bool = False

    @property
    def email(self):
        return f"{self.key}@{DEMO_DOMAIN}"


# The accounts to log in with, one per kind of staff user, with fixed passwords that are
# documented for the demo. The editor and the manager work for different partners and sit in
# different groups, so each of them sees other offers, meetings and action points.
ACCOUNTS = [
    PersonSpec("redacteur", "Roos", "Redacteur", "gezinsbond", password="demo-redacteur-2026"),
    PersonSpec(
        "beheerder",
        "Bert",
        "Beheerder",
        "wigwam",
        role="manager",
        password="demo-beheerder-2026",
    ),
    PersonSpec(
        "coordinator",
        "Cora",
        "Coördinator",
        None,
        password="demo-coordinator-2026",
        coordinator=True,
    ),
]

# The accounts and their colleagues at the partners, who have no password.
PEOPLE = [
    *ACCOUNTS,
    PersonSpec("nora.notelaar", "Nora", "Notelaar", "stad-leuven"),
    PersonSpec("lies.linde", "Lies", "Linde", "kind-en-gezin"),
    PersonSpec("karim.kastanje", "Karim", "Kastanje", "caw-oost-brabant"),
    PersonSpec("eva.esdoorn", "Eva", "Esdoorn", "ocmw-leuven"),
    PersonSpec("hanne.hazelaar", "Hanne", "Hazelaar", "buurtwerk-t-lampeke"),
    PersonSpec("marie.meidoorn", "Marie", "Meidoorn", "inloopteam-de-mobil"),
    PersonSpec("pieter.populier", "Pieter", "Populier", "kind-en-preventie"),
    PersonSpec("sara.sering", "Sara", "Sering", "domo"),
    PersonSpec("wout.wilg", "Wout", "Wilg", "wigwam"),
]


# -- The network ------------------------------------------------------------------------------
#
# Dates are counted from the day the command runs, in days (or weeks for meetings): negative
# for what already happened. Times are local (Europe/Brussels).


@dataclass(frozen=True)
class Member:
    partner: str
    person: str | None = None  # who represents the partner in the group
    role: str = "member"  # a GroupMember.Role value


@dataclass(frozen=True)
class GroupSpec:
    slug: str
    name: str
    kind: str
    mandate: str
    theme: str = ""
    members: tuple[Member, ...] = ()


NETWORK = "netwerk-gezinsondersteuning"
STEERING = "stuurgroep"
ACCESSIBILITY = "werkgroep-toegankelijkheid"
VOLUNTEERS = "werkgroep-vrijwilligers"

# Memberships start this many days before the command runs, before the first demo meeting.
MEMBERS_SINCE_DAYS = 365

GROUPS = [
    # Network meetings are for every partner: the network needs no member list.
    GroupSpec(
        slug=NETWORK,
        name="Netwerk Gezinsondersteuning",
        kind="network",
        mandate="Alle partners van Huis van het Kind Leuven samen. De netwerkvergadering stemt "
        "het aanbod op elkaar af, bespreekt de noden en vragen van ouders en volgt de stuurgroep "
        "en de werkgroepen op.",
    ),
    GroupSpec(
        slug=STEERING,
        name="Stuurgroep",
        kind="steering",
        theme="Strategie en opvolging van het netwerk",
        mandate="Bereidt de netwerkvergaderingen voor, bewaakt de strategie van het netwerk, "
        "volgt de werkgroepen en de Huizen van het Kind op en beslist over gezamenlijke "
        "projectaanvragen.",
        members=(
            Member("stad-leuven", "nora.notelaar", "chair"),
            Member("kind-en-gezin", "lies.linde"),
            Member("caw-oost-brabant", "karim.kastanje"),
            Member("ocmw-leuven", "eva.esdoorn"),
            Member("wigwam", "beheerder"),
        ),
    ),
    GroupSpec(
        slug=ACCESSIBILITY,
        name="Werkgroep Toegankelijkheid",
        kind="workgroup",
        theme="Laagdrempelig aanbod voor kwetsbare gezinnen",
        mandate="Zoekt hoe het aanbod van de partners toegankelijker wordt voor alle gezinnen, "
        "met bijzondere aandacht voor kwetsbare gezinnen en ouders die weinig Nederlands "
        "spreken: duidelijke informatie, een meertalig onthaal en minder drempels bij het "
        "inschrijven. Rapporteert elk halfjaar aan het netwerk.",
        members=(
            Member("buurtwerk-t-lampeke", "hanne.hazelaar", "chair"),
            Member("gezinsbond", "redacteur", "secretary"),
            Member("inloopteam-de-mobil", "marie.meidoorn"),
            Member("kind-en-preventie", "pieter.populier"),
            Member("domo", "sara.sering"),
        ),
    ),
    GroupSpec(
        slug=VOLUNTEERS,
        name="Werkgroep Vrijwilligers",
        kind="workgroup",
        theme="Samen vrijwilligers werven en ondersteunen",
        mandate="Werft samen vrijwilligers voor de spel- en ontmoetingsruimtes, het "
        "huiswerkaanbod en het onthaal van de partners, en zorgt voor een gedeelde vorming en "
        "opvolging van nieuwe vrijwilligers.",
        members=(
            Member("wigwam", "wout.wilg", "chair"),
            Member("domo", "sara.sering"),
            Member("speelodroom"),
            Member("bakermat"),
            Member("stad-leuven", "nora.notelaar", "observer"),
        ),
    ),
]


@dataclass(frozen=True)
class ReportSpec:
    group: str
    title: str
    period: tuple[int, int]  # days from today, both ends included
    summary: str
    questions: str = ""


ACCESSIBILITY_REPORT = "Terugkoppeling van de Werkgroep Toegankelijkheid"

REPORTS = [
    ReportSpec(
        group=ACCESSIBILITY,
        title=ACCESSIBILITY_REPORT,
        period=(-245, -63),
        summary="De werkgroep kwam vijf keer samen. Wat we deden:\n\n"
        "- een **checklist voor een laagdrempelig onthaal** opgesteld;\n"
        "- de informatie over de Huizen van het Kind herschreven in eenvoudig Nederlands;\n"
        "- in kaart gebracht in welke talen de partners gezinnen kunnen ontvangen;\n"
        "- met ouders in de spel- en ontmoetingsruimte gepraat over wat hen tegenhoudt om "
        "zich in te schrijven voor groepsaanbod.",
        questions="- Willen de partners de checklist aan hun eigen onthaal uittesten?\n"
        "- Kan elke partner één contactpersoon aanduiden voor vragen over tolken en "
        "vertalingen?",
    ),
]


@dataclass(frozen=True)
class AgendaSpec:
    title: str
    kind: str = "information"  # an AgendaItem.Kind value
    minutes: int | None = None
    presenter: str | None = None  # a person key; presenting for their partner
    decision: str = ""
    report: str | None = None  # the title of a workgroup report
    coordinator_note: str = ""


@dataclass(frozen=True)
class Answer:
    """A person's answer to an invitation; for a meeting that was held also whether they came:
    present when they said they would come, unless `absent`."""

    person: str
    answer: str = "attending"  # an Attendance.Rsvp value
    note: str = ""
    stand_in: str | None = None  # a colleague who comes instead (answer "excused")
    absent: bool = False


@dataclass(frozen=True)
class ActionSpec:
    title: str
    person: str  # who does it, for their partner (if they have one)
    due: int  # days from today
    status: str = "open"  # an ActionItem.Status value
    completed: int | None = None  # days from today, for a closed point
    agenda: int | None = None  # the index of the agenda item it came from


@dataclass(frozen=True)
class MeetingSpec:
    """A meeting of a group on `weekday` of the week `week` weeks from this one: one in an
    earlier week (week < 0) was held and has its minutes published, one in a later week is
    coming up."""

    key: str  # gives the meeting its fixed calendar ID, by which it is found again
    group: str
    kind: str  # a Meeting.Kind value
    week: int
    weekday: int
    start: str
    end: str
    title: str = ""  # empty: the name of the group
    description: str = ""
    location: str | None = None
    location_text: str = ""
    online_url: str = ""
    capacity: int | None = None
    deadline_days_before: int | None = None  # register before: this many days before the start
    agenda: tuple[AgendaSpec, ...] = ()
    answers: tuple[Answer, ...] = ()
    minutes: str = ""
    actions: tuple[ActionSpec, ...] = ()


MEETING_ROOM = "Vergaderzaal, eerste verdieping"
VOLUNTEERS_ONLINE = "https://example.org/demo/werkgroep-vrijwilligers"

MEETINGS = [
    # -- Held, with minutes ------------------------------------------------------------------
    MeetingSpec(
        key="netwerkvergadering-1",
        group=NETWORK,
        kind="network",
        title="Netwerkvergadering",
        description="Voor alle partners, met de terugkoppeling van de Werkgroep "
        "Toegankelijkheid en het overzicht van het aanbod per deelgemeente.",
        week=-8,
        weekday=TUE,
        start="09:30",
        end="12:00",
        location=HUIS_CENTRUM,
        location_text="Polyvalente zaal",
        agenda=(
            AgendaSpec("Welkom en nieuws van de partners", minutes=20, presenter="coordinator"),
            AgendaSpec(
                "Terugkoppeling van de Werkgroep Toegankelijkheid",
                kind="decision",
                minutes=40,
                presenter="hanne.hazelaar",
                report=ACCESSIBILITY_REPORT,
                decision="De partners testen de checklist voor een laagdrempelig onthaal uit aan "
                "hun eigen onthaal en geven hun ervaringen door aan de werkgroep.",
            ),
            AgendaSpec(
                "Overzicht van het aanbod: leemtes in Wilsele en Wijgmaal",
                kind="decision",
                minutes=45,
                presenter="nora.notelaar",
                decision="Stad Leuven werkt met de stuurgroep een voorstel uit voor groepsaanbod "
                "en een ontmoetingsmoment in Wilsele en Wijgmaal. Het voorstel komt op de "
                "volgende netwerkvergadering.",
            ),
        ),
        answers=(
            Answer("coordinator"),
            Answer("redacteur"),
            Answer("beheerder"),
            Answer("nora.notelaar"),
            Answer("lies.linde"),
            Answer("karim.kastanje"),
            Answer("eva.esdoorn", "excused", note="Verlof."),
            Answer("hanne.hazelaar"),
            Answer("marie.meidoorn"),
            Answer("pieter.populier", absent=True),
            Answer("sara.sering", "declined"),
            Answer("wout.wilg"),
        ),
        minutes="**Verslag:** Cora Coördinator. Wie er was, staat op de aanwezigheidslijst.\n\n"
        "1. **Welkom en nieuws van de partners.** Drie partners stelden hun nieuwe aanbod "
        "voor. Het aanbod staat in het portaal.\n"
        "2. **Terugkoppeling van de Werkgroep Toegankelijkheid.** Hanne Hazelaar lichtte de "
        "checklist voor een laagdrempelig onthaal toe. Veel partners herkennen de drempels die "
        "ouders noemen: formulieren, wachttijden en informatie die alleen in het Nederlands "
        "bestaat.\n"
        "3. **Leemtes in Wilsele en Wijgmaal.** Het overzicht van het aanbod toont maar één "
        "groepsaanbod in Wilsele en één in Wijgmaal, en geen Huis van het Kind in de buurt.\n\n"
        "De beslissingen staan bij de agendapunten.",
        actions=(
            ActionSpec(
                "Voorstel groepsaanbod voor Wilsele en Wijgmaal uitwerken",
                person="nora.notelaar",
                due=20,
                status="in_progress",
                agenda=2,
            ),
            ActionSpec(
                "Verslag en presentaties naar alle partners sturen",
                person="coordinator",
                due=-49,
                status="done",
                completed=-52,
            ),
        ),
    ),
    MeetingSpec(
        key="stuurgroep-1",
        group=STEERING,
        kind="steering",
        week=-5,
        weekday=THU,
        start="14:00",
        end="16:00",
        location=HUIS_KESSEL_LO,
        location_text="Vergaderruimte",
        agenda=(
            AgendaSpec(
                "Jaarplanning van het netwerk",
                kind="decision",
                minutes=30,
                presenter="coordinator",
                decision="De stuurgroep keurt de jaarplanning goed: drie netwerkvergaderingen, "
                "twee netwerklunches en elk halfjaar een terugkoppeling van elke werkgroep.",
            ),
            AgendaSpec(
                "Bereik van kwetsbare gezinnen",
                kind="discussion",
                minutes=40,
                presenter="karim.kastanje",
                coordinator_note="Cijfers per partner pas delen als die partner akkoord gaat.",
            ),
            AgendaSpec(
                "Projectoproep voor ontmoetingsaanbod in de buurt",
                kind="decision",
                minutes=30,
                presenter="nora.notelaar",
                decision="Het netwerk dient samen een aanvraag in. Buurtwerk 't Lampeke vzw "
                "trekt de aanvraag; de partners laten hun interesse weten in het portaal.",
            ),
        ),
        answers=(
            Answer("coordinator"),
            Answer("beheerder"),
            Answer("nora.notelaar"),
            Answer("lies.linde"),
            Answer("karim.kastanje"),
            Answer("eva.esdoorn", "excused", note="Ziek."),
        ),
        minutes="**Verslag:** Cora Coördinator.\n\n"
        "- De jaarplanning is goedgekeurd en gaat naar alle partners.\n"
        "- Over het bereik van kwetsbare gezinnen weten we te weinig. Een korte bevraging van "
        "de partners moet tonen wie welke gezinnen bereikt en waar gezinnen afhaken.\n"
        "- De projectoproep past bij de leemtes in Wilsele en Wijgmaal.",
        actions=(
            ActionSpec(
                "Data van de netwerkvergaderingen en netwerklunches vastleggen",
                person="lies.linde",
                due=-21,
                status="done",
                completed=-22,
                agenda=0,
            ),
            # The one overdue point, so the action list and the digest have something to say.
            ActionSpec(
                "Korte bevraging over het bereik van kwetsbare gezinnen voorbereiden",
                person="karim.kastanje",
                due=-3,
                agenda=1,
            ),
        ),
    ),
    MeetingSpec(
        key="toegankelijkheid-1",
        group=ACCESSIBILITY,
        kind="workgroup",
        week=-3,
        weekday=TUE,
        start="13:30",
        end="15:30",
        location=HUIS_CENTRUM,
        location_text=MEETING_ROOM,
        agenda=(
            AgendaSpec(
                "Meertalige folder van de Huizen van het Kind",
                kind="decision",
                minutes=40,
                presenter="redacteur",
                decision="De folder komt er in het Nederlands, Frans, Engels, Arabisch en Turks, "
                "met pictogrammen. Gezinsbond vzw verzamelt de vertalingen.",
            ),
            AgendaSpec(
                "Drempels bij het inschrijven voor groepsaanbod",
                kind="discussion",
                minutes=40,
                presenter="hanne.hazelaar",
            ),
            AgendaSpec(
                "Eerste ervaringen met de checklist voor het onthaal",
                minutes=20,
                presenter="marie.meidoorn",
            ),
        ),
        answers=(
            Answer("hanne.hazelaar"),
            Answer("redacteur"),
            Answer("marie.meidoorn"),
            Answer("pieter.populier", absent=True),
            Answer("sara.sering"),
        ),
        minutes="**Verslag:** Roos Redacteur.\n\n"
        "- Ouders vragen vooral een korte folder met foto's van de plek en de openingsuren.\n"
        "- Inschrijven via een formulier op het internet is voor veel ouders een drempel. "
        "Inschrijven aan het onthaal of via de telefoon moet altijd kunnen.\n"
        "- Inloopteam de Mobil vzw test de checklist uit en vertelt de volgende keer hoe het "
        "ging.",
        actions=(
            ActionSpec(
                "Vertalingen van de folder verzamelen", person="redacteur", due=12, agenda=0
            ),
            ActionSpec(
                "Checklist aan het onthaal uittesten en ervaringen noteren",
                person="marie.meidoorn",
                due=-7,
                status="done",
                completed=-9,
                agenda=2,
            ),
        ),
    ),
    MeetingSpec(
        key="vrijwilligers-1",
        group=VOLUNTEERS,
        kind="workgroup",
        week=-2,
        weekday=MON,
        start="19:00",
        end="20:30",
        online_url=VOLUNTEERS_ONLINE,
        agenda=(
            AgendaSpec(
                "Een gezamenlijke oproep voor vrijwilligers",
                kind="decision",
                minutes=45,
                presenter="wout.wilg",
                decision="We werven samen vrijwilligers met één oproep voor alle partners. "
                "Wigwam vzw schrijft de tekst; de oproep komt bij de kansen in het portaal.",
            ),
            AgendaSpec(
                "Vorming en onthaal van nieuwe vrijwilligers",
                kind="discussion",
                minutes=30,
                presenter="sara.sering",
            ),
        ),
        answers=(
            Answer("wout.wilg"),
            Answer("beheerder"),
            Answer("sara.sering"),
            Answer("nora.notelaar", "excused", note="Andere vergadering."),
        ),
        minutes="**Verslag:** Wout Wilg.\n\n"
        "- Elke partner zoekt nu apart vrijwilligers; samen bereiken we meer mensen.\n"
        "- Nieuwe vrijwilligers krijgen een gezamenlijke startvorming over werken met gezinnen "
        "en over beroepsgeheim.",
        actions=(
            ActionSpec(
                "Tekst voor de gezamenlijke vrijwilligersoproep schrijven",
                person="beheerder",
                due=7,
                status="in_progress",
                agenda=0,
            ),
            ActionSpec(
                "Vrijwilligersbeleid van de partners naast elkaar leggen",
                person="sara.sering",
                due=21,
                agenda=1,
            ),
        ),
    ),
    # -- Coming up -----------------------------------------------------------------------------
    MeetingSpec(
        key="toegankelijkheid-2",
        group=ACCESSIBILITY,
        kind="workgroup",
        week=1,
        weekday=TUE,
        start="13:30",
        end="15:30",
        location=HUIS_CENTRUM,
        location_text=MEETING_ROOM,
        agenda=(
            AgendaSpec("Stand van zaken meertalige folder", minutes=30, presenter="redacteur"),
            AgendaSpec(
                "Voorbereiding van de volgende terugkoppeling aan het netwerk",
                kind="discussion",
                minutes=45,
            ),
        ),
        # The editor has not answered yet: logging in as them shows the invitation.
        answers=(
            Answer("hanne.hazelaar"),
            Answer("marie.meidoorn"),
            Answer(
                "pieter.populier",
                "declined",
                note="Andere afspraak; ik stuur mijn input vooraf door.",
            ),
            Answer("sara.sering"),
        ),
    ),
    MeetingSpec(
        key="stuurgroep-2",
        group=STEERING,
        kind="steering",
        week=2,
        weekday=THU,
        start="14:00",
        end="16:00",
        location=HUIS_KESSEL_LO,
        location_text="Vergaderruimte",
        agenda=(
            AgendaSpec(
                "Voorstel groepsaanbod voor Wilsele en Wijgmaal",
                kind="decision",
                minutes=45,
                presenter="nora.notelaar",
            ),
            AgendaSpec(
                "Voorbereiding van de netwerkvergadering",
                kind="discussion",
                minutes=30,
                presenter="coordinator",
            ),
        ),
        answers=(
            Answer("beheerder"),
            Answer("nora.notelaar"),
            Answer("lies.linde"),
            Answer("karim.kastanje"),
            Answer("eva.esdoorn", "declined"),
        ),
    ),
    MeetingSpec(
        key="vrijwilligers-2",
        group=VOLUNTEERS,
        kind="workgroup",
        week=3,
        weekday=MON,
        start="19:00",
        end="20:30",
        online_url=VOLUNTEERS_ONLINE,
        agenda=(
            AgendaSpec(
                "Tekst van de vrijwilligersoproep nalezen",
                kind="decision",
                minutes=45,
                presenter="beheerder",
            ),
            AgendaSpec("Planning van de startvorming", kind="discussion", minutes=30),
        ),
        answers=(
            Answer(
                "wout.wilg",
                "excused",
                note="Bert Beheerder zit de vergadering voor.",
                stand_in="beheerder",
            ),
            Answer("sara.sering"),
        ),
    ),
    MeetingSpec(
        key="netwerkvergadering-2",
        group=NETWORK,
        kind="network",
        title="Netwerkvergadering met netwerklunch",
        description="Na de vergadering lunchen we samen. Laat op tijd weten of je komt, dan "
        "kunnen we de lunch bestellen.",
        week=4,
        weekday=FRI,
        start="09:30",
        end="13:00",
        location=HUIS_KESSEL_LO,
        capacity=40,
        deadline_days_before=7,
        agenda=(
            AgendaSpec(
                "Voorstel groepsaanbod voor Wilsele en Wijgmaal",
                kind="decision",
                minutes=45,
                presenter="nora.notelaar",
            ),
            AgendaSpec(
                "Terugkoppeling van de Werkgroep Vrijwilligers",
                kind="discussion",
                minutes=30,
                presenter="wout.wilg",
            ),
            AgendaSpec("Netwerklunch", minutes=60),
        ),
        answers=(
            Answer("coordinator"),
            Answer("beheerder"),
            Answer("nora.notelaar"),
            Answer("lies.linde"),
            Answer("karim.kastanje"),
            Answer("hanne.hazelaar"),
            Answer("marie.meidoorn", "excused", note="Ik volg die dag een vorming."),
        ),
    ),
]


@dataclass(frozen=True)
class InterestSpec:
    partner: str
    role: str = "interested"  # an Interest.Role value
    person: str | None = None
    note: str = ""


@dataclass(frozen=True)
class OpportunitySpec:
    title: str
    kind: str  # an Opportunity.Kind value
    description: str
    deadline: int  # days from today
    status: str = "open"  # an Opportunity.Status value
    funder: str = ""  # invented: no real fund is named
    link: str = ""
    interests: tuple[InterestSpec, ...] = ()


OPPORTUNITIES = [
    OpportunitySpec(
        title="Projectoproep: ontmoetingsaanbod voor jonge gezinnen in de buurt",
        kind="project_call",
        funder="Demofonds Opgroeien in de Buurt",
        description="Middelen voor nieuw ontmoetings- en groepsaanbod voor gezinnen met jonge "
        "kinderen, in buurten waar weinig aanbod is. Aanvragen van minstens drie partners samen "
        "krijgen voorrang.",
        deadline=45,
        status="forming",
        link="https://example.org/demo/projectoproep",
        interests=(
            InterestSpec(
                "buurtwerk-t-lampeke",
                "lead",
                "hanne.hazelaar",
                "Wij trekken de aanvraag en schrijven het projectvoorstel.",
            ),
            InterestSpec(
                "gezinsbond",
                "partner",
                "redacteur",
                "Wij kunnen een reeks opvoedingsavonden in Wilsele en Wijgmaal organiseren.",
            ),
            InterestSpec("stad-leuven", person="nora.notelaar"),
        ),
    ),
    OpportunitySpec(
        title="Samen vrijwilligers werven voor spel en ontmoeting",
        kind="volunteers",
        description="Eén oproep van de partners samen voor vrijwilligers in de spel- en "
        "ontmoetingsruimtes, bij het huiswerkaanbod en aan het onthaal. Wie meedoet, krijgt de "
        "kandidaten die bij het eigen aanbod passen en kan de gedeelde startvorming gebruiken.",
        deadline=60,
        link="https://example.org/demo/vrijwilligers",
        interests=(
            InterestSpec(
                "wigwam",
                "lead",
                "beheerder",
                "Wij schrijven de oproep en verzamelen de kandidaten.",
            ),
            InterestSpec("domo", "partner", "sara.sering"),
            InterestSpec("speelodroom"),
        ),
    ),
]
