"""Reading the change history of offers (django-simple-history) for partner staff: the change
list of an offer, and what someone else changed while a person was editing it.

Every staff save of an offer writes one history record at its new version (aanbod.services),
so "the offer as this person saw it" is the latest record at the version their form carried.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import CharField, Value
from django.utils import formats, timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from partners.models import person_name

from .models import Activity, Offer, OfferLocation, ScheduleSlot

# The offer's fields in the order the change list names them; the rest (ids, slug, version,
# timestamps, search document) say nothing a person chose.
OFFER_FIELDS = [
    "title",
    "summary",
    "description",
    "for_expecting",
    "age_min_months",
    "age_max_months",
    "cost",
    "cost_details",
    "registration",
    "registration_details",
    "format",
    "service_area",
    "service_postcodes",
    "contact_name",
    "contact_email",
    "contact_phone",
    "website",
    "status",
    "reviewed_at",
]
# Many-to-many field → the name of the related model's key in its through table.
OFFER_M2M = {
    "pillars": "pillar",
    "themes": "theme",
    "languages": "language",
    "co_providers": "partner",
}
PLACE_FIELDS = ["location", "schedule"]
ACTIVITY_FIELDS = [
    "title",
    "starts_at",
    "ends_at",
    "location",
    "capacity",
    "registration_url",
    "is_cancelled",
]
EVENTS_PER_KIND = 100
TEXT_LIMIT = 160


@dataclass
class FieldChange:
    name: str
    label: str
    before: str
    after: str


@dataclass
class Event:
    when: datetime
    who: object
    what: str
    changes: list = field(default_factory=list)


@dataclass
class Conflict:
    """What changed since the version a person started from."""

    changes: list
    events: list
    people: list
    base_values: dict | None
    current_values: dict
    names: dict

    @property
    def known(self):
        """Whether the version the person started from is in the history."""
        return self.base_values is not None

    def clashes(self, fields):
        """{field: the other person's value in words} for the fields both people changed."""
        return {name: display(name, self.current_values[name], self.names) for name in fields}


def _union(parts):
    first, *rest = parts
    return first.union(*rest, all=True) if rest else first


def _m2m_rows(models_by_field, owner_field, owner_ids):
    """(owner id, field name, related id, related name) of many-to-many rows, one query for
    all four fields."""
    parts = [
        model.objects.filter(**{f"{owner_field}__in": owner_ids})
        .annotate(field_name=Value(name, output_field=CharField()))
        .values_list(owner_field, f"{OFFER_M2M[name]}_id", f"{OFFER_M2M[name]}__name", "field_name")
        for name, model in models_by_field.items()
    ]
    return list(_union(parts))


def _collect(rows):
    """{owner id: {field: frozenset of ids}} and {(field, id): name} from _m2m_rows."""
    sets, names = {}, {}
    for owner_id, related_id, name, field_name in rows:
        sets.setdefault(owner_id, {}).setdefault(field_name, set()).add(related_id)
        names[field_name, related_id] = name
    frozen = {
        owner_id: {name: frozenset(fields.get(name, ())) for name in OFFER_M2M}
        for owner_id, fields in sets.items()
    }
    return frozen, names


def _empty_m2m():
    return {name: frozenset() for name in OFFER_M2M}


def current_values(offer):
    """The offer's values as stored now, with its many-to-many ids; and the related names."""
    through = {name: Offer._meta.get_field(name).remote_field.through for name in OFFER_M2M}
    sets, names = _collect(_m2m_rows(through, "offer_id", [offer.pk]))
    values = {name: getattr(offer, name) for name in OFFER_FIELDS}
    values.update(sets.get(offer.pk, _empty_m2m()))
    return values, names


def _recorded_m2m(record_ids):
    historical = Offer.history.model
    models = {name: getattr(historical, name).model for name in OFFER_M2M}
    return _collect(_m2m_rows(models, "history_id", record_ids))


def _record_values(record, m2m):
    values = {name: getattr(record, name) for name in OFFER_FIELDS}
    values.update(m2m.get(record.history_id, _empty_m2m()))
    return values


def display(name, value, names=None, model=Offer):
    """A stored value in words, for the change list."""
    if name in OFFER_M2M and model is Offer:
        shown = sorted(names.get((name, pk), "?") for pk in value)
        return ", ".join(shown) if shown else _("(empty)")
    if value is None or value == "" or value == []:
        return _("(empty)")
    model_field = model._meta.get_field(name)
    if isinstance(value, list):  # service_postcodes
        labels = dict(model_field.base_field.flatchoices)
        return ", ".join(str(labels.get(item, item)) for item in value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    return Truncator(str(value)).chars(TEXT_LIMIT)


def _label(name, model=Offer):
    return capfirst(model._meta.get_field(name).verbose_name)


def diff(before, after, names, fields=None):
    """FieldChanges between two dicts of offer values."""
    fields = fields or [*OFFER_FIELDS, *OFFER_M2M]
    return [
        FieldChange(
            name,
            _label(name),
            display(name, before[name], names),
            display(name, after[name], names),
        )
        for name in fields
        if before[name] != after[name]
    ]


def merge(base, current, mine):
    """Three-way merge of a refused save. For each field the person's form holds: their value
    where they changed it, the other person's where only that one did. Returns the merged
    values and the fields where both changed it differently."""
    merged, clashes = {}, []
    for name, value in mine.items():
        if base is None:
            merged[name] = value
            if value != current[name]:
                clashes.append(name)
        elif value == base[name]:
            merged[name] = current[name]
        else:
            merged[name] = value
            if current[name] not in (base[name], value):
                clashes.append(name)
    return merged, clashes


def conflict_since(offer, base_version):
    """What happened to `offer` (as stored now) after the version a person started from."""
    current, names = current_values(offer)
    base = (
        offer.history.filter(version=base_version).order_by("-history_date", "-history_id").first()
    )
    later = list(
        offer.history.filter(version__gt=base_version)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    people = []
    for record in later:
        entry = (person_name(record.history_user), record.history_date)
        if record.history_user and entry[0] not in [name for name, _when in people]:
            people.append(entry)
    if base is None:
        return Conflict([], [], people, None, current, names)
    m2m, recorded_names = _recorded_m2m([base.history_id])
    names = {**recorded_names, **names}
    base_values = _record_values(base, m2m)
    return Conflict(
        diff(base_values, current, names),
        related_events(offer, since=base.history_date),
        people,
        base_values,
        current,
        names,
    )


REASONS = {
    "create": lambda: _("Created the offer"),
    "duplicate": lambda: _("Created the offer as a copy"),
    "edit": lambda: _("Changed the offer"),
    "publish": lambda: _("Published the offer"),
    "unpublish": lambda: _("Took the offer offline"),
    "archive": lambda: _("Archived the offer"),
    "restore": lambda: _("Brought the offer back as a draft"),
    "review": lambda: _("Confirmed the offer is still correct"),
    "baseline": lambda: _("The offer as it was when the change history started"),
}


def offer_events(offer):
    """The offer's own changes, oldest first, each compared with the record before it; and
    the latest record (the last change)."""
    records = list(
        offer.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : EVENTS_PER_KIND + 1
        ]
    )
    records.reverse()
    m2m, names = _recorded_m2m([record.history_id for record in records])
    events, previous = [], None
    for record in records:
        values = _record_values(record, m2m)
        reason = record.history_change_reason or ""
        if previous is None:
            if len(records) > EVENTS_PER_KIND:
                previous = values
                continue
            what = REASONS.get(reason, REASONS["create"])()
            events.append(Event(record.history_date, record.history_user, what))
        else:
            changes = diff(previous, values, names)
            if changes or reason in ("review", "publish", "unpublish", "archive", "restore"):
                what = REASONS.get(reason, REASONS["edit"])()
                events.append(Event(record.history_date, record.history_user, what, changes))
        previous = values
    return events, (records[-1] if records else None)


def _child_changes(model, fields, before, after, place_names):
    changes = []
    for name in fields:
        attname = f"{name}_id" if name == "location" else name
        old, new = getattr(before, attname), getattr(after, attname)
        if old == new:
            continue
        if name == "location":
            old_text = place_names.get(old, _("(empty)")) if old else _("(empty)")
            new_text = place_names.get(new, _("(empty)")) if new else _("(empty)")
        else:
            old_text, new_text = display(name, old, model=model), display(name, new, model=model)
        changes.append(FieldChange(name, _label(name, model), old_text, new_text))
    return changes


def _slot_text(slot):
    return f"{slot.get_weekday_display()} {slot.start_time:%H:%M}–{slot.end_time:%H:%M}"


def _by_object(records):
    previous = {}
    for record in records:
        yield record, previous.get(record.id)
        previous[record.id] = record


def related_events(offer, since=None):
    """Changes to where, when and the activities of an offer (after `since`), oldest first."""
    place_model = OfferLocation.history.model
    slot_model = ScheduleSlot.history.model
    activity_model = Activity.history.model
    places = list(
        place_model.objects.filter(offer_id=offer.pk)
        .select_related("history_user", "location")
        .order_by("-history_date", "-history_id")[:EVENTS_PER_KIND]
    )
    slots = list(
        slot_model.objects.filter(
            offer_location_id__in=place_model.objects.filter(offer_id=offer.pk).values("id")
        )
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:EVENTS_PER_KIND]
    )
    activities = list(
        activity_model.objects.filter(offer_id=offer.pk)
        .select_related("history_user", "location")
        .order_by("-history_date", "-history_id")[:EVENTS_PER_KIND]
    )
    place_names, place_of = {}, {}
    for record in reversed(places):
        if record.location is not None:
            place_names[record.location_id] = record.location.name
        place_of[record.id] = place_names.get(record.location_id, "?")
    for record in activities:
        if record.location is not None:
            place_names.setdefault(record.location_id, record.location.name)

    events = []
    for record, before in _by_object(reversed(places)):
        params = {"place": place_names.get(record.location_id, "?")}
        if record.history_type == "+":
            what = _("Added the place %(place)s") % params
        elif record.history_type == "-":
            what = _("Removed the place %(place)s") % params
        else:
            changes = (
                _child_changes(OfferLocation, PLACE_FIELDS, before, record, place_names)
                if before
                else []
            )
            if before and not changes:
                continue
            what = _("Changed the place %(place)s") % params
            events.append(Event(record.history_date, record.history_user, what, changes))
            continue
        events.append(Event(record.history_date, record.history_user, what))
    for record, before in _by_object(reversed(slots)):
        params = {
            "slot": _slot_text(record),
            "place": place_of.get(record.offer_location_id, "?"),
        }
        if record.history_type == "+":
            what = _("Added the time %(slot)s at %(place)s") % params
        elif record.history_type == "-":
            what = _("Removed the time %(slot)s at %(place)s") % params
        else:
            if before and (before.weekday, before.start_time, before.end_time) == (
                record.weekday,
                record.start_time,
                record.end_time,
            ):
                continue
            what = _("Changed a time at %(place)s to %(slot)s") % params
        events.append(Event(record.history_date, record.history_user, what))
    for record, before in _by_object(reversed(activities)):
        params = {"date": formats.date_format(timezone.localtime(record.starts_at), "j F Y")}
        changes = []
        if record.history_type == "+":
            what = _("Added the activity of %(date)s") % params
        elif record.history_type == "-":
            what = _("Removed the activity of %(date)s") % params
        else:
            changes = (
                _child_changes(Activity, ACTIVITY_FIELDS, before, record, place_names)
                if before
                else []
            )
            if before and not changes:
                continue
            what = _("Changed the activity of %(date)s") % params
        events.append(Event(record.history_date, record.history_user, what, changes))
    if since is not None:
        events = [event for event in events if event.when > since]
    events.sort(key=lambda event: event.when)
    return events


def change_list(offer):
    """Every recorded change of an offer and what belongs to it, newest first; and the
    offer's latest history record."""
    own, latest = offer_events(offer)
    events = own + related_events(offer)
    events.sort(key=lambda event: event.when, reverse=True)
    return events, latest
