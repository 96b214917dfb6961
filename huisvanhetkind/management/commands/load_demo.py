"""Load the demo content of huisvanhetkind/demo_data.py into the database.

Safe to run again and again:
- Every object is looked up by its natural key (slug, name, code, version) and only created
  when it is missing. Existing rows are never updated, so what a person edited stays as it is.
- An offer's pillars, themes, languages, co-providers, places and regular slots belong to the
  offer: they are set when the demo offer is created and never touched afterwards.
- Activities keep the agenda alive: a published demo offer with planned activities gets new
  ones only when it has no activity that has not ended yet (cancelled ones count too). A second
  run on the same day creates nothing; a run weeks later, when the earlier dates are over,
  tops the agenda up.
- A demo person's memberships and coordinator role are set when the account is created and
  never touched afterwards. So is the password: a changed password stays changed.
- So are the parts of the network: a group's members, a meeting's agenda, answers, minutes
  and action points, and an opportunity's interests. Meetings are found by their fixed
  calendar ID. They are dated from the day of the run that created them, and a later run does
  not move them: weeks later, delete the demo meetings and run again for fresh dates.
"""

import argparse
import uuid
from collections import namedtuple
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.password_validation import validate_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from aanbod.content_names import LANGUAGE_NAMES, THEME_NAMES
from aanbod.models import (
    Activity,
    Language,
    Location,
    Offer,
    OfferLocation,
    Pillar,
    ScheduleSlot,
    Theme,
)
from huisvanhetkind import demo_data
from netwerk import services
from netwerk.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    GroupMember,
    Meeting,
    NetworkGroup,
    Opportunity,
    WorkgroupReport,
)
from netwerk.models.common import Publication
from partners.backends import accounts_with_address
from partners.models import COORDINATORS_GROUP, Declaration, Membership, Partner, Signature

# Fixed calendar IDs for the demo meetings: a meeting is found again by its ID, whatever a
# coordinator changed in it since.
MEETING_NAMESPACE = uuid.UUID("5b0f3c1e-2d4a-4e8b-9a61-7c2f0e9d4b13")
# When the minutes of a demo meeting that was held were published.
MINUTES_AFTER = timedelta(days=3)


def _iso_date(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“%(value)s” is not a date like 2025-01-31.") % {"value": value}
        ) from None


@dataclass
class Tally:
    model: type
    created: int = 0
    present: int = 0


# A demo person's account and the partner they work for (None for the coordinator).
Person = namedtuple("Person", ["user", "partner"])


class Command(BaseCommand):
    help = (
        "Load the demo content: the founding partners, the 2014 engagement declaration, "
        "places, themes, languages, example offers and upcoming activities. Creates only what "
        "is missing and never changes existing rows."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=_iso_date,
            help="Plan activities as if today were this date (YYYY-MM-DD).",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Also load when DEBUG is off, e.g. on a demo server.",
        )

    def handle(self, *args, today=None, allow_production=False, verbosity=1, **options):
        # The demo offers carry the names of real organisations: never publish them on the
        # real site by accident.
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                _(
                    "DEBUG is off, so this looks like a production site. The demo offers are "
                    "made up and would be shown to the public under the names of real partners. "
                    "Use --allow-production if this really is a demo site."
                )
            )
        if today is None:
            today, now = timezone.localdate(), timezone.now()
        else:
            now = datetime.combine(today, time.min, tzinfo=timezone.get_default_timezone())
        self.verbosity = verbosity

        with transaction.atomic():
            partners, partner_tally = self.load_partners()
            declaration, declaration_tally = self.load_declaration()
            signature_tally = self.load_signatures(declaration, partners)
            themes, theme_tally = self.load_themes()
            languages, language_tally = self.load_languages()
            locations, location_tally = self.load_locations(partners)
            offer_tally = self.load_offers(partners, themes, languages, locations, now)
            activity_count, planned, skipped = self.load_activities(locations, today, now)
            people, person_tally = self.load_people(partners)
            groups, group_tally = self.load_groups(partners, people, today)
            reports, report_tally = self.load_reports(groups, today)
            meeting_tally = self.load_meetings(groups, people, locations, reports, today, now)
            opportunity_tally = self.load_opportunities(partners, people, today)

        if verbosity < 1:
            return
        for tally in (
            partner_tally,
            declaration_tally,
            signature_tally,
            theme_tally,
            language_tally,
            location_tally,
            offer_tally,
        ):
            self.write_tally(tally)
        self.stdout.write(
            _(
                "%(things)s: %(created)d created (offers planned: %(planned)d; offers skipped "
                "because they already have upcoming activities or are not published: "
                "%(skipped)d)."
            )
            % {
                "things": capfirst(Activity._meta.verbose_name_plural),
                "created": activity_count,
                "planned": planned,
                "skipped": skipped,
            }
        )
        for tally in (person_tally, group_tally, report_tally, meeting_tally, opportunity_tally):
            self.write_tally(tally)
        self.write_accounts(people)
        self.stdout.write(self.style.SUCCESS(_("Demo data loaded.")))

    def write_tally(self, tally):
        self.stdout.write(
            _("%(things)s: %(created)d created, %(present)d already present.")
            % {
                "things": capfirst(tally.model._meta.verbose_name_plural),
                "created": tally.created,
                "present": tally.present,
            }
        )

    def created(self, obj):
        if self.verbosity >= 2:
            self.stdout.write(
                _("Created %(thing)s “%(name)s”.") % {"thing": obj._meta.verbose_name, "name": obj}
            )

    def ensure(self, model, tally, keys, defaults, on_create=None):
        """The row that matches any of the natural `keys`, created from keys + defaults if none.

        Matching on any key (e.g. a partner's slug *or* its name) means a row that a person
        renamed, or created by hand under another slug, is found instead of duplicated.
        `on_create(obj)` adds what belongs to a new row; it is not called for one found.
        """
        query = Q()
        for field, value in keys.items():
            query |= Q(**{field: value})
        obj = model.objects.filter(query).first()
        if obj is not None:
            tally.present += 1
            return obj
        obj = model(**keys, **defaults)
        obj.full_clean()
        obj.save()
        if on_create is not None:
            on_create(obj)
        tally.created += 1
        self.created(obj)
        return obj

    def load_themes(self):
        tally = Tally(Theme)
        themes = {
            slug: self.ensure(
                Theme, tally, {"slug": slug, "name": name}, {"names": THEME_NAMES.get(slug, {})}
            )
            for slug, name in demo_data.THEMES
        }
        return themes, tally

    def load_partners(self):
        tally = Tally(Partner)
        founded = date.fromisoformat(demo_data.FOUNDING_DATE)
        partners = {
            slug: self.ensure(
                Partner,
                tally,
                {"slug": slug, "name": name},
                {
                    "kind": kind,
                    "status": Partner.Status.ACTIVE,
                    "partner_since": founded,
                    "description": demo_data.PARTNER_DESCRIPTION,
                },
            )
            for slug, name, kind in demo_data.PARTNERS
        }
        return partners, tally

    def load_declaration(self):
        tally = Tally(Declaration)
        spec = demo_data.DECLARATION
        path = Path(apps.get_app_config("partners").path) / spec["text_file"]
        declaration = self.ensure(
            Declaration,
            tally,
            {"version": spec["version"]},
            {
                "title": spec["title"],
                "text": path.read_text(encoding="utf-8").strip(),
                "effective_from": date.fromisoformat(spec["effective_from"]),
            },
        )
        return declaration, tally

    def load_signatures(self, declaration, partners):
        tally = Tally(Signature)
        signed_on = date.fromisoformat(demo_data.FOUNDING_DATE)
        for partner in partners.values():
            signature, created = Signature.objects.get_or_create(
                declaration=declaration, partner=partner, defaults={"signed_on": signed_on}
            )
            if created:
                tally.created += 1
                self.created(signature)
            else:
                tally.present += 1
        return tally

    def load_languages(self):
        tally = Tally(Language)
        languages = {
            code: self.ensure(
                Language,
                tally,
                {"code": code},
                {"name": name, "native_name": native, "names": LANGUAGE_NAMES.get(code, {})},
            )
            for code, name, native in demo_data.LANGUAGES
        }
        return languages, tally

    def load_locations(self, partners):
        tally = Tally(Location)
        locations = {}
        for spec in demo_data.LOCATIONS:
            locations[spec.slug] = self.ensure(
                Location,
                tally,
                {"slug": spec.slug},
                {
                    "name": spec.name,
                    "kind": spec.kind,
                    "owner": partners[spec.owner] if spec.owner else None,
                    "street": spec.street,
                    "postcode": spec.postcode,
                    "latitude": Decimal(spec.latitude),
                    "longitude": Decimal(spec.longitude),
                    "wheelchair": spec.wheelchair,
                    "accessibility_notes": spec.accessibility_notes,
                    "public_transport": spec.public_transport,
                    "opening_hours": spec.opening_hours,
                    "phone": demo_data.DEMO_PHONE,
                    "email": spec.email,
                },
            )
        return locations, tally

    def load_offers(self, partners, themes, languages, locations, now):
        tally = Tally(Offer)
        pillars = Pillar.objects.in_bulk(field_name="slug")
        missing = {slug for spec in demo_data.OFFERS for slug in spec.pillars} - set(pillars)
        if missing:
            raise CommandError(
                _("Pillars missing: %(slugs)s. Run “manage.py migrate” first.")
                % {"slugs": ", ".join(sorted(missing))}
            )
        existing = set(
            Offer.objects.filter(slug__in=[spec.slug for spec in demo_data.OFFERS]).values_list(
                "slug", flat=True
            )
        )
        for spec in demo_data.OFFERS:
            if spec.slug in existing:
                tally.present += 1
                continue
            self.create_offer(spec, partners, pillars, themes, languages, locations, now)
            tally.created += 1
        return tally

    def create_offer(self, spec, partners, pillars, themes, languages, locations, now):
        offer = Offer(
            slug=spec.slug,
            title=spec.title,
            provider=partners[spec.provider],
            summary=spec.summary,
            description=spec.description,
            for_expecting=spec.expecting,
            age_min_months=spec.ages[0],
            age_max_months=spec.ages[1],
            cost=spec.cost,
            cost_details=spec.cost_details,
            registration=spec.registration,
            registration_details=spec.registration_details,
            format=spec.format,
            service_area=spec.service_area,
            service_postcodes=list(spec.service_postcodes),
            contact_email=spec.contact_email,
            contact_phone=demo_data.DEMO_PHONE,
            status=spec.status,
            reviewed_at=(
                None
                if spec.reviewed_days_ago is None
                else now - timedelta(days=spec.reviewed_days_ago)
            ),
        )
        offer.full_clean()
        offer.save()
        offer.pillars.set([pillars[slug] for slug in spec.pillars])
        offer.themes.set([themes[slug] for slug in spec.themes])
        offer.languages.set([languages[code] for code in spec.languages])
        offer.co_providers.set([partners[slug] for slug in spec.co_providers])
        for place in spec.places:
            offer_location = OfferLocation.objects.create(
                offer=offer, location=locations[place.location], schedule=place.schedule
            )
            ScheduleSlot.objects.bulk_create(
                ScheduleSlot(
                    offer_location=offer_location,
                    weekday=slot.weekday,
                    start_time=time.fromisoformat(slot.start),
                    end_time=time.fromisoformat(slot.end),
                )
                for slot in place.slots
            )
        self.created(offer)
        return offer

    def load_activities(self, locations, today, now):
        """Plan the activities of published demo offers that have none coming up.

        Returns (activities created, offers planned, offers skipped).
        """
        specs = {spec.slug: spec for spec in demo_data.OFFERS if spec.activities}
        offers = Offer.objects.filter(slug__in=specs).annotate(
            has_upcoming=Exists(Activity.objects.filter(offer=OuterRef("pk"), ends_at__gte=now))
        )
        created = planned = skipped = 0
        for offer in offers:
            if offer.has_upcoming or offer.status != Offer.Status.PUBLISHED:
                skipped += 1
                continue
            spec = specs[offer.slug]
            plan = spec.activities
            location = locations[plan.location] if plan.location else None
            for index, day in enumerate(_plan_days(plan, today)):
                starts_at = _at(day, plan.start)
                activity = Activity(
                    offer=offer,
                    location=location,
                    title=plan.title,
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(minutes=plan.minutes),
                    capacity=plan.capacity,
                    registration_url=spec.registration_url if plan.registration_link else "",
                    is_cancelled=index in plan.cancelled,
                )
                activity.full_clean()
                activity.save()
                self.created(activity)
                created += 1
            planned += 1
        return created, planned, skipped

    # -- People -----------------------------------------------------------------------------

    def load_people(self, partners):
        """The demo people by key, as (account, partner they work for)."""
        tally = Tally(get_user_model())
        coordinators = AuthGroup.objects.filter(name=COORDINATORS_GROUP).first()
        if coordinators is None:
            raise CommandError(
                _("The Coordinators group is missing. Run “manage.py migrate” first.")
            )
        people = {}
        for spec in demo_data.PEOPLE:
            user = accounts_with_address(spec.email).first()
            if user is None:
                user = self.create_person(spec, partners, coordinators)
                tally.created += 1
            else:
                tally.present += 1
            people[spec.key] = Person(user, partners[spec.partner] if spec.partner else None)
        return people, tally

    def create_person(self, spec, partners, coordinators):
        user = get_user_model()(
            username=spec.email,
            email=spec.email,
            first_name=spec.first_name,
            last_name=spec.last_name,
            is_staff=spec.coordinator,
        )
        if spec.password:
            validate_password(spec.password, user)
            user.set_password(spec.password)
        else:
            user.set_unusable_password()
        user.full_clean()
        user.save()
        if spec.partner:
            Membership.objects.create(user=user, partner=partners[spec.partner], role=spec.role)
        if spec.coordinator:
            user.groups.add(coordinators)
        self.created(user)
        return user

    def write_accounts(self, people):
        """The table of the accounts to log in with, for the person who ran the command."""
        user_field = get_user_model()._meta.get_field
        membership_field = Membership._meta.get_field
        rows = [
            [
                capfirst(user_field("email").verbose_name),
                capfirst(membership_field("role").verbose_name),
                capfirst(membership_field("partner").verbose_name),
                capfirst(user_field("password").verbose_name),
            ]
        ]
        for spec in demo_data.ACCOUNTS:
            partner = people[spec.key].partner
            role = _("coordinator") if spec.coordinator else Membership.Role(spec.role).label
            rows.append([spec.email, role, partner.name if partner else "–", spec.password])
        widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
        self.stdout.write(
            _("Demo accounts (log in at %(url)s; a password changed after the first run is kept):")
            % {"url": reverse("login")}
        )
        for row in rows:
            self.stdout.write(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )

    # -- The network ------------------------------------------------------------------------

    def load_groups(self, partners, people, today):
        tally = Tally(NetworkGroup)
        since = today - timedelta(days=demo_data.MEMBERS_SINCE_DAYS)

        def add_members(group, spec):
            for member in spec.members:
                group_member = GroupMember(
                    group=group,
                    partner=partners[member.partner],
                    person=_person(people, member.person).user,
                    role=member.role,
                    start_date=since,
                )
                group_member.full_clean()
                group_member.save()

        groups = {
            spec.slug: self.ensure(
                NetworkGroup,
                tally,
                {"slug": spec.slug, "name": spec.name},
                {"kind": spec.kind, "theme": spec.theme, "mandate": spec.mandate},
                on_create=partial(add_members, spec=spec),
            )
            for spec in demo_data.GROUPS
        }
        return groups, tally

    def load_reports(self, groups, today):
        tally = Tally(WorkgroupReport)
        reports = {
            spec.title: self.ensure(
                WorkgroupReport,
                tally,
                {"title": spec.title},
                {
                    "group": groups[spec.group],
                    "period_start": today + timedelta(days=spec.period[0]),
                    "period_end": today + timedelta(days=spec.period[1]),
                    "summary": spec.summary,
                    "questions": spec.questions,
                    "status": Publication.PUBLISHED,
                },
            )
            for spec in demo_data.REPORTS
        }
        return reports, tally

    def load_meetings(self, groups, people, locations, reports, today, now):
        tally = Tally(Meeting)
        for spec in demo_data.MEETINGS:
            day = _meeting_day(spec, today)
            starts_at = _at(day, spec.start)
            self.ensure(
                Meeting,
                tally,
                {"uid": uuid.uuid5(MEETING_NAMESPACE, spec.key)},
                {
                    "group": groups[spec.group],
                    "kind": spec.kind,
                    "title": spec.title,
                    "description": spec.description,
                    "starts_at": starts_at,
                    "ends_at": _at(day, spec.end),
                    "format": (
                        Meeting.Format.ONLINE if spec.online_url else Meeting.Format.IN_PERSON
                    ),
                    "location": locations[spec.location] if spec.location else None,
                    "location_text": spec.location_text,
                    "online_url": spec.online_url,
                    "capacity": spec.capacity,
                    "registration_deadline": (
                        None
                        if spec.deadline_days_before is None
                        else starts_at - timedelta(days=spec.deadline_days_before)
                    ),
                },
                on_create=partial(
                    self.fill_meeting,
                    spec=spec,
                    people=people,
                    reports=reports,
                    today=today,
                    now=now,
                ),
            )
        return tally

    def fill_meeting(self, meeting, spec, people, reports, today, now):
        """A new meeting's agenda and answers; for one that was held also who came, the
        published minutes and the action points."""
        agenda = []
        for order, item in enumerate(spec.agenda, start=1):
            presenter = _person(people, item.presenter)
            agenda_item = AgendaItem(
                meeting=meeting,
                order=order,
                title=item.title,
                kind=item.kind,
                presenter=presenter.user,
                presenter_partner=presenter.partner,
                duration_minutes=item.minutes,
                report=reports[item.report] if item.report else None,
                coordinator_note=item.coordinator_note,
                decision=item.decision,
            )
            agenda_item.full_clean()
            agenda_item.save()
            agenda.append(agenda_item)
        held = spec.week < 0
        # A meeting that was held took its answers a week before, while it was still planned.
        answered_at = meeting.starts_at - timedelta(days=7) if held else now
        for answer in spec.answers:
            person = people[answer.person]
            services.rsvp(
                meeting=meeting,
                person=person.user,
                partner=person.partner,
                answer=answer.answer,
                stand_in=_person(people, answer.stand_in).user,
                note=answer.note,
                now=answered_at,
            )
        if not held:
            return
        services.mark_attending_present(meetings=[meeting], now=now)
        absent = [people[answer.person].user for answer in spec.answers if answer.absent]
        meeting.attendances.filter(person__in=absent).update(presence=Attendance.Presence.ABSENT)
        meeting.attendances.filter(rsvp=Attendance.Rsvp.EXCUSED).update(
            presence=Attendance.Presence.EXCUSED
        )
        meeting.status = Meeting.Status.HELD
        meeting.minutes = spec.minutes
        meeting.minutes_status = Publication.PUBLISHED
        meeting.minutes_published_at = meeting.ends_at + MINUTES_AFTER
        meeting.full_clean()
        meeting.save()
        for action in spec.actions:
            owner = people[action.person]
            item = ActionItem(
                title=action.title,
                meeting=meeting,
                agenda_item=None if action.agenda is None else agenda[action.agenda],
                owner_partner=owner.partner,
                owner_person=owner.user,
                due_date=today + timedelta(days=action.due),
                status=action.status,
                completed_on=(
                    None if action.completed is None else today + timedelta(days=action.completed)
                ),
            )
            item.full_clean()
            item.save()

    def load_opportunities(self, partners, people, today):
        tally = Tally(Opportunity)

        def add_interests(opportunity, spec):
            for interest in spec.interests:
                services.express_interest(
                    opportunity=opportunity,
                    partner=partners[interest.partner],
                    person=_person(people, interest.person).user,
                    role=interest.role,
                    note=interest.note,
                    today=today,
                )

        for spec in demo_data.OPPORTUNITIES:
            self.ensure(
                Opportunity,
                tally,
                {"title": spec.title},
                {
                    "kind": spec.kind,
                    "funder": spec.funder,
                    "description": spec.description,
                    "deadline": today + timedelta(days=spec.deadline),
                    "link": spec.link,
                    "status": spec.status,
                },
                on_create=partial(add_interests, spec=spec),
            )
        return tally


def _plan_days(plan, today):
    """The dates of an activity plan: its weekday in the given weeks, starting after today."""
    tomorrow = today + timedelta(days=1)
    first = tomorrow + timedelta(days=(plan.weekday - 1 - tomorrow.weekday()) % 7)
    return [first + timedelta(weeks=week) for week in plan.weeks]


def _person(people, key):
    """The demo person a spec names by `key`; nobody when it names none."""
    return people[key] if key else Person(None, None)


def _meeting_day(spec, today):
    """The date of a demo meeting: its weekday in the week `spec.week` weeks from today's."""
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(weeks=spec.week, days=spec.weekday - 1)


def _at(day, clock):
    """The moment `clock` (HH:MM, Leuven time) on `day`."""
    return datetime.combine(day, time.fromisoformat(clock), tzinfo=timezone.get_default_timezone())
