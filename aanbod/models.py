import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from aanbod.ages import MAX_AGE_MONTHS, age_range_in_words
from partners.models import Partner, is_coordinator


class Postcode(models.TextChoices):
    LEUVEN = "3000", "3000 Leuven"
    HEVERLEE = "3001", "3001 Heverlee"
    KESSEL_LO = "3010", "3010 Kessel-Lo"
    WILSELE = "3012", "3012 Wilsele"
    WIJGMAAL = "3018", "3018 Wijgmaal"


# The deelgemeente of each postcode: {"3000": "Leuven", ...}.
POSTCODES = {code: label.split(" ", 1)[1] for code, label in Postcode.choices}


class Weekday(models.IntegerChoices):
    MONDAY = 1, _("Monday")
    TUESDAY = 2, _("Tuesday")
    WEDNESDAY = 3, _("Wednesday")
    THURSDAY = 4, _("Thursday")
    FRIDAY = 5, _("Friday")
    SATURDAY = 6, _("Saturday")
    SUNDAY = 7, _("Sunday")


class Pillar(models.Model):
    """The five basic pillars of every Huis van het Kind, plus "extra aanbod".

    The list is fixed by the engagement declaration and created by a data migration.
    """

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    # The identifier the open data (HSDS) publishes: stable, and says nothing about the row.
    uuid = models.UUIDField(
        _("open data identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_basic = models.BooleanField(_("basic pillar"), default=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")

    def __str__(self):
        return self.name


class Theme(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    # The identifier the open data (HSDS) publishes: stable, and says nothing about the row.
    uuid = models.UUIDField(
        _("open data identifier"), default=uuid.uuid4, unique=True, editable=False
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class Language(models.Model):
    code = models.CharField(_("language code"), max_length=10, unique=True, help_text="ISO 639-1")
    name = models.CharField(_("name"), max_length=60)
    native_name = models.CharField(_("native name"), max_length=60, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name


class LocationQuerySet(models.QuerySet):
    def huizen_first(self):
        """Huizen van het Kind first, then partner sites and other places, by name."""
        return self.annotate(
            is_huis=models.Case(
                models.When(kind=Location.Kind.HUIS_VAN_HET_KIND, then=0), default=1
            )
        ).order_by("is_huis", "name")

    def editable_by(self, user):
        """The places a person may edit in the portal: the sites of their partners.

        The Huizen van het Kind are run by the network, so only coordinators edit them.
        """
        if is_coordinator(user):
            return self.all()
        return self.filter(owner__in=Partner.objects.for_user(user)).exclude(
            kind=Location.Kind.HUIS_VAN_HET_KIND
        )


class Location(models.Model):
    class Kind(models.TextChoices):
        HUIS_VAN_HET_KIND = "huis", _("Huis van het Kind")
        PARTNER_SITE = "partner", _("partner site")
        OTHER = "other", _("other place")

    class Wheelchair(models.TextChoices):
        YES = "yes", _("wheelchair accessible")
        PARTLY = "partly", _("partly wheelchair accessible")
        NO = "no", _("not wheelchair accessible")
        UNKNOWN = "unknown", _("unknown")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    # The identifier the open data (HSDS) publishes: stable, and says nothing about the row.
    uuid = models.UUIDField(
        _("open data identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PARTNER_SITE)
    owner = models.ForeignKey(
        Partner,
        verbose_name=_("managed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locations",
    )
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=4, choices=Postcode)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    wheelchair = models.CharField(
        _("wheelchair access"),
        max_length=10,
        choices=Wheelchair,
        default=Wheelchair.UNKNOWN,
    )
    accessibility_notes = models.TextField(_("accessibility"), blank=True)
    public_transport = models.TextField(_("public transport"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)

    objects = LocationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        constraints = [
            models.CheckConstraint(
                condition=Q(postcode__in=POSTCODES), name="location_postcode_in_leuven"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="location_coordinates_valid",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("aanbod:location_detail", args=[self.slug])

    @property
    def deelgemeente(self):
        return POSTCODES.get(self.postcode, "")

    @property
    def address(self):
        return f"{self.street}, {self.postcode} {self.deelgemeente}"

    @property
    def directions_url(self):
        """A plain link to OpenStreetMap: a route to the coordinates, or a search for the address.

        A link instead of an embedded map, so the page makes no third-party request.
        """
        if self.latitude is not None and self.longitude is not None:
            return f"https://www.openstreetmap.org/directions?to={self.latitude}%2C{self.longitude}"
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})


class OfferHistoricalRecords(HistoricalRecords):
    """simple-history records an offer's many-to-many fields when they change from the offer's
    side (offer.themes.add(theme)). From the other side (theme.offers.add(offer)) it would try
    to record the theme, which has no history: record each offer concerned instead."""

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if not reverse:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        field = self.cls._meta.get_field(attr)
        if action == "pre_clear":
            rows = field.remote_field.through.objects.filter(
                **{field.m2m_reverse_field_name(): instance.pk}
            )
            instance._history_offers_cleared = set(
                rows.values_list(field.m2m_field_name(), flat=True)
            )
            return None
        if action == "post_clear":
            pk_set = getattr(instance, "_history_offers_cleared", set())
        elif action not in ("post_add", "post_remove"):
            return None
        for offer in self.cls._default_manager.filter(pk__in=pk_set or ()):
            super().m2m_changed(offer, action, attr, pk_set, False, **kwargs)
        return None


class OfferQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Offer.Status.PUBLISHED)

    def for_age(self, months):
        """Offers whose age range contains a child of this age (in months)."""
        return self.filter(age_min_months__lte=months, age_max_months__gte=months)

    def for_band(self, band):
        """Offers for a "for whom" band: expecting parents, or an age range that overlaps the
        band's months (AGE_BAND_MONTHS, [start, end))."""
        if band == AgeBand.EXPECTING:
            return self.for_expecting()
        min_months, max_months = AGE_BAND_MONTHS[AgeBand(band)]
        return self.filter(age_min_months__lt=max_months, age_max_months__gte=min_months)

    def for_expecting(self):
        return self.filter(for_expecting=True)

    def editable_by(self, user):
        """The offers a person may change in the portal: those their partners provide.

        Co-providers are named on the offer's page but do not edit it: one partner answers
        for each offer.
        """
        return self.filter(provider__in=Partner.objects.for_user(user))

    def needs_review(self, cutoff):
        """Offers nobody confirmed as correct since `cutoff` (or ever)."""
        return self.filter(Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=cutoff))


class Offer(models.Model):
    """One service of a partner, as a family would name it (cf. Open Referral HSDS)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    class Cost(models.TextChoices):
        FREE = "free", _("free")
        SOCIAL = "social", _("social tariff available")
        PAID = "paid", _("paid")

    class Registration(models.TextChoices):
        WALK_IN = "walk_in", _("walk in, no registration needed")
        REQUIRED = "required", _("registration required")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")
        HOME_VISIT = "home_visit", _("home visit")
        PHONE = "phone", _("by phone")

    class ServiceArea(models.TextChoices):
        """For which families the offer is there (HSDS's service area). The area filter finds an
        offer in a deelgemeente where it has a place, or whose service area covers it."""

        PLACES = "places", _("only at its places")
        LEUVEN = "leuven", _("all of Leuven")
        AREAS = "areas", _("some deelgemeenten")

    provider = models.ForeignKey(
        Partner, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="offers"
    )
    co_providers = models.ManyToManyField(
        Partner, verbose_name=_("co-providers"), blank=True, related_name="co_offers"
    )
    title = models.CharField(_("title"), max_length=150)
    # The identifier the open data (HSDS) publishes: stable, and says nothing about the row.
    uuid = models.UUIDField(
        _("open data identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    summary = models.CharField(
        _("short summary"),
        max_length=300,
        help_text=_("One or two simple sentences: what is it and who is it for?"),
    )
    description = models.TextField(_("description"), blank=True)
    pillars = models.ManyToManyField(Pillar, verbose_name=_("pillars"), related_name="offers")
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="offers"
    )
    for_expecting = models.BooleanField(_("for expecting parents"), default=False)
    age_min_months = models.PositiveSmallIntegerField(_("age from (months)"), default=0)
    age_max_months = models.PositiveSmallIntegerField(
        _("age up to and including (months)"), default=MAX_AGE_MONTHS
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost, default=Cost.FREE)
    cost_details = models.CharField(_("cost details"), max_length=255, blank=True)
    registration = models.CharField(
        _("registration"), max_length=10, choices=Registration, default=Registration.WALK_IN
    )
    registration_details = models.TextField(_("how to register"), blank=True)
    format = models.CharField(_("format"), max_length=12, choices=Format, default=Format.IN_PERSON)
    service_area = models.CharField(
        _("service area"), max_length=10, choices=ServiceArea, default=ServiceArea.PLACES
    )
    # The deelgemeenten of an AREAS offer, in the order of Postcode; empty for the others.
    service_postcodes = ArrayField(
        models.CharField(max_length=4, choices=Postcode),
        verbose_name=_("deelgemeenten"),
        default=list,
        blank=True,
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages"), blank=True, related_name="offers"
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    reviewed_at = models.DateTimeField(_("last reviewed on"), null=True, blank=True)
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Raised on every change, to detect conflicting edits.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    # The full-text search document: title (A) > summary (B) > description (C) > themes and
    # provider name (D). Database triggers write it, so every write path keeps it current:
    # save(), bulk_create(), update(), themes.set() in the admin, renaming a theme or a
    # provider. Whatever Python writes here is replaced. The triggers are defined in
    # aanbod/sql/search.sql: a change there needs a migration that applies the file again
    # (see its header). Its GIN index and the trigram index on the title: migration 0004.
    search_vector = SearchVectorField(_("search document"), null=True, editable=False)
    # What the catalogue filters on in related tables, as codes in one GIN-indexed column: its
    # pillars, themes, languages, the postcodes of its places and of its service area, the
    # weekdays of its weekly slots and of its activities that are not cancelled, each code in
    # the format of aanbod.facets.Facet. One index scan then finds the offers that match
    # several filters at once, where checking each relation offer by offer took hundreds of
    # milliseconds at 100,000 offers. Database triggers keep it current; whatever Python writes
    # here is replaced. The triggers are defined in aanbod/sql/facets.sql: a change there needs a
    # migration that applies the file again (see its header).
    facets = SearchVectorField(_("filter codes"), null=True, editable=False)

    objects = OfferQuerySet.as_manager()
    # One record per change, with who made it; the staff pages show them and use them to tell
    # someone whose save was refused what the other person changed. The search document and
    # the filter codes are written by the database and say nothing a person changed.
    history = OfferHistoricalRecords(
        excluded_fields=["search_vector", "facets"],
        m2m_fields=["pillars", "themes", "languages", "co_providers"],
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.CheckConstraint(
                condition=Q(age_min_months__lte=F("age_max_months")),
                name="offer_age_min_not_above_max",
            ),
            models.CheckConstraint(
                condition=Q(age_max_months__lte=MAX_AGE_MONTHS),
                name="offer_age_max_within_24_years",
            ),
            models.CheckConstraint(
                condition=Q(service_postcodes__contained_by=list(POSTCODES)),
                name="offer_service_postcodes_in_leuven",
                violation_error_message=_("Choose deelgemeenten of Leuven."),
            ),
            # Deelgemeenten exactly when the service area is some of them.
            models.CheckConstraint(
                condition=Q(service_area="areas", service_postcodes__len__gt=0)
                | (~Q(service_area="areas") & Q(service_postcodes=[])),
                name="offer_service_postcodes_only_for_areas",
                violation_error_message=_(
                    "Choose deelgemeenten when, and only when, the offer is for some of them."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "title"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("aanbod:offer_detail", args=[self.slug])

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

    @property
    def service_area_display(self):
        """Where families can get the offer, when not only at its places: "in heel Leuven",
        "in Heverlee en Kessel-Lo"; empty otherwise."""
        if self.service_area == self.ServiceArea.LEUVEN:
            return gettext("in all of Leuven")
        if self.service_area == self.ServiceArea.AREAS and self.service_postcodes:
            names = [POSTCODES[code] for code in POSTCODES if code in self.service_postcodes]
            if len(names) == 1:
                return gettext("in %(area)s") % {"area": names[0]}
            return gettext("in %(areas)s and %(last)s") % {
                "areas": ", ".join(names[:-1]),
                "last": names[-1],
            }
        return ""

    @property
    def availability_display(self):
        """How and where families get the offer, for a list: "Aan huis, in heel Leuven",
        "Telefonisch", "In Heverlee"; empty for an offer only at its places."""
        how = {
            self.Format.IN_PERSON: "",
            self.Format.HOME_VISIT: gettext("at home"),
        }.get(self.format, self.get_format_display())
        return capfirst(", ".join(part for part in (how, self.service_area_display) if part))

    @property
    def audience_display(self):
        """For whom, in words: "0 tot 12 jaar", "zwangerschap tot 3 jaar" (aanbod/ages.py)."""
        return age_range_in_words(
            self.age_min_months, self.age_max_months, for_expecting=self.for_expecting
        )


def not_in_lists(prefix=""):
    """The offer columns that no list of offers shows, and the largest: lists leave them out
    with QuerySet.defer(). ``prefix`` reaches an offer through a relation ("offer__")."""
    names = ("description", "registration_details", "search_vector", "facets")
    return [prefix + name for name in names]


class OfferLocation(models.Model):
    """Where an offer happens, and when it regularly does there."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="offer_locations"
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="offer_locations",
    )
    schedule = models.CharField(
        _("when"),
        max_length=255,
        blank=True,
        help_text=_("For example: every Tuesday from 9 to 12, not during school holidays."),
    )
    # The identifier the open data (HSDS) publishes: stable, and says nothing about the row.
    uuid = models.UUIDField(
        _("open data identifier"), default=uuid.uuid4, unique=True, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["location__name"]
        verbose_name = _("offer location")
        verbose_name_plural = _("offer locations")
        constraints = [
            models.UniqueConstraint(fields=["offer", "location"], name="offer_location_unique")
        ]

    def __str__(self):
        return f"{self.offer} @ {self.location}"


class ScheduleSlot(models.Model):
    """A regular weekly time slot of an offer at a location (for the day-of-week filter)."""

    offer_location = models.ForeignKey(
        OfferLocation, verbose_name=_("location"), on_delete=models.CASCADE, related_name="slots"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday)
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["weekday", "start_time"]
        verbose_name = _("regular slot")
        verbose_name_plural = _("regular slots")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="slot_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=1, weekday__lte=7), name="slot_weekday"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"


class ActivityQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Activities that have not ended yet, of published offers, soonest first."""
        now = now or timezone.now()
        return self.filter(ends_at__gte=now, offer__status=Offer.Status.PUBLISHED).order_by(
            "starts_at"
        )

    def editable_by(self, user):
        """The activities a person may change: those of the offers they may change."""
        return self.filter(offer__provider__in=Partner.objects.for_user(user))


class Activity(models.Model):
    """A dated activity of an offer: an info evening, a workshop, a group meeting."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="activities"
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        help_text=_("Empty for online activities."),
    )
    title = models.CharField(
        _("title"), max_length=150, blank=True, help_text=_("Empty: the title of the offer.")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("number of places"), null=True, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    # iCalendar SEQUENCE: raised whenever time, place or cancellation changes, so calendar
    # clients replace their copy instead of keeping the old one.
    sequence = models.PositiveIntegerField(_("sequence (calendar)"), default=0, editable=False)

    TRACKED_FIELDS = ("starts_at", "ends_at", "location_id", "is_cancelled")

    objects = ActivityQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="activity_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return f"{self.display_title} ({timezone.localtime(self.starts_at):%d-%m-%Y %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk:
            old = Activity.objects.filter(pk=self.pk).values(*self.TRACKED_FIELDS).first()
            if old and any(old[f] != getattr(self, f) for f in self.TRACKED_FIELDS):
                self.sequence += 1
        super().save(*args, **kwargs)

    @property
    def display_title(self):
        return self.title or self.offer.title


class AgeBand(models.TextChoices):
    """The "for whom" quick entries. Bands are [start, end) in months; see AGE_BAND_MONTHS."""

    EXPECTING = "zwanger", _("Expecting a baby")
    TODDLER = "0-3", _("0 to 3 years")
    PRESCHOOL = "3-6", _("3 to 6 years")
    PRIMARY = "6-12", _("6 to 12 years")
    TEEN = "12-18", _("12 to 18 years")
    YOUNG_ADULT = "18-24", _("18 to 24 years")


AGE_BAND_MONTHS = {
    AgeBand.TODDLER: (0, 36),
    AgeBand.PRESCHOOL: (36, 72),
    AgeBand.PRIMARY: (72, 144),
    AgeBand.TEEN: (144, 216),
    AgeBand.YOUNG_ADULT: (216, MAX_AGE_MONTHS + 1),
}


class ErrorReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ErrorReport.Status.OPEN)

    def for_user(self, user):
        """The reports a person handles: those about the offers of their partners."""
        return self.filter(offer__provider__in=Partner.objects.for_user(user))


class ErrorReport(models.Model):
    """A public "Klopt er iets niet?" report about an offer, for its partner and coordinators."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        HANDLED = "handled", _("handled")

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="error_reports"
    )
    message = models.TextField(_("what is wrong"), max_length=2000)
    contact = models.CharField(
        _("contact (optional)"),
        max_length=200,
        blank=True,
        help_text=_("An e-mail address or phone number, if you would like an answer."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ErrorReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("error report")
        verbose_name_plural = _("error reports")

    def __str__(self):
        return f"{self.offer} ({self.created_at:%d-%m-%Y})"


class SearchLog(models.Model):
    """One search on the catalogue, counted anonymously: no IP address, no cookie, no user.

    Searches that found nothing show needs the offer does not meet yet.
    """

    query = models.CharField(_("search text"), max_length=200, db_index=True)
    result_count = models.PositiveIntegerField(_("number of results"))
    searched_on = models.DateField(_("date"), default=timezone.localdate, db_index=True)

    class Meta:
        ordering = ["-searched_on"]
        verbose_name = _("search")
        verbose_name_plural = _("searches")

    def __str__(self):
        return f"{self.query} ({self.result_count})"


class FilterLog(models.Model):
    """A combination of catalogue filters that found no offer, counted anonymously like
    SearchLog: the filter values (as a query string of their codes), the count and the day.

    No IP address, cookie, session or user, and no free text: only chosen values are stored.
    """

    filters = models.CharField(_("filters"), max_length=500, db_index=True)
    result_count = models.PositiveIntegerField(_("number of results"))
    searched_on = models.DateField(_("date"), default=timezone.localdate, db_index=True)

    class Meta:
        ordering = ["-searched_on"]
        verbose_name = _("filter combination without results")
        verbose_name_plural = _("filter combinations without results")

    def __str__(self):
        return f"{self.filters} ({self.result_count})"


class ReviewReminder(models.Model):
    """An offer listed in a "please check your offers" e-mail to one person
    (remind_offer_review), so nobody hears about the same offer twice in a week."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="review_reminders"
    )
    recipient = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        indexes = [models.Index(fields=["recipient", "sent_at"])]

    def __str__(self):
        return f"{self.offer} → {self.recipient}"


class FormSubmission(models.Model):
    """A staff form that was saved, by the one-time key it carried (aanbod.submissions).

    A second submit with the same key -- a double click, a reload after saving -- changes
    nothing and is sent where the first one went.
    """

    key = models.UUIDField(_("key"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    redirect_to = models.CharField(_("sent on to"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self):
        return str(self.key)
