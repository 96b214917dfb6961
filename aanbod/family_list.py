"""A list of offers to give a family ("Mijn lijstje"): kept in the visitor's session, without an
account, and shared as a signed link that holds nothing but offer ids and notes.

The list is a sequence of entries (offer id, note), in the order the visitor chose. The same
validation reads it from the session and from a shared link, so neither a damaged session nor
a forged link can put anything else in it.
"""

from django.conf import settings
from django.core import signing
from django.db.models import Prefetch

from .models import Offer, OfferLocation, not_in_lists

SESSION_KEY = "family_list"
MAX_OFFERS = 30
MAX_NOTE_LENGTH = 300
SIGNING_SALT = "aanbod.family_list"
# A shared link longer than this is not offered: it must fit a QR code that a phone still reads
# from paper or a screen (about version 30, 137 modules), and stay far below the request-line
# limits of servers and proxies (gunicorn refuses more than 4094 bytes).
LINK_MAX_LENGTH = 1200
# A token longer than a link can be is not even checked.
TOKEN_MAX_LENGTH = LINK_MAX_LENGTH


def signer():
    return signing.Signer(salt=SIGNING_SALT)


class BadToken(Exception):
    """A shared link that was changed, cut off or never made by us."""


def clean_entries(data):
    """The entries in `data` as a list of (offer id, note) tuples; ValueError if `data` is
    anything but a list of at most MAX_OFFERS [id, note] pairs with different positive ids and
    notes of at most MAX_NOTE_LENGTH characters."""
    if not isinstance(data, list) or len(data) > MAX_OFFERS:
        raise ValueError("not a list of at most MAX_OFFERS entries")
    entries, seen = [], set()
    for item in data:
        if not isinstance(item, list | tuple) or len(item) != 2:
            raise ValueError("an entry is not a pair")
        pk, note = item
        if type(pk) is not int or pk <= 0 or pk in seen:
            raise ValueError("an offer id is not a new positive number")
        if not isinstance(note, str) or len(note) > MAX_NOTE_LENGTH:
            raise ValueError("a note is not a short text")
        seen.add(pk)
        entries.append((pk, note))
    return entries


class FamilyList:
    """The visitor's list, read from and saved to their session."""

    def __init__(self, entries=()):
        self.entries = list(entries)

    @classmethod
    def of(cls, request):
        """The list in this request's session; empty when there is none or it is damaged."""
        try:
            return cls(clean_entries(request.session.get(SESSION_KEY, [])))
        except ValueError:
            return cls()

    @classmethod
    def peek(cls, request):
        """The list, without starting a session for a visitor who has none (every page's header
        asks, and most visitors never make a list)."""
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return cls()
        return cls.of(request)

    def save(self, request):
        if self.entries:
            request.session[SESSION_KEY] = [[pk, note] for pk, note in self.entries]
        else:
            request.session.pop(SESSION_KEY, None)

    def __len__(self):
        return len(self.entries)

    def __contains__(self, pk):
        return any(entry_pk == pk for entry_pk, _note in self.entries)

    @property
    def ids(self):
        return [pk for pk, _note in self.entries]

    @property
    def is_full(self):
        return len(self.entries) >= MAX_OFFERS

    def add(self, pk, note=""):
        """Add an offer at the end; False when it is on the list already or the list is full."""
        if pk in self or self.is_full:
            return False
        self.entries.append((pk, note))
        return True

    def remove(self, pk):
        self.entries = [entry for entry in self.entries if entry[0] != pk]

    def move(self, pk, step):
        """Move an offer `step` places down (negative: up), no further than either end."""
        index = self.ids.index(pk)
        target = min(max(index + step, 0), len(self.entries) - 1)
        self.entries.insert(target, self.entries.pop(index))

    def set_notes(self, notes):
        """Replace the notes of the offers in `notes` (offer id → note)."""
        self.entries = [(pk, notes.get(pk, note)) for pk, note in self.entries]

    def keep_only(self, pks):
        """Drop the offers not in `pks` (those no longer published); returns how many went."""
        before = len(self.entries)
        self.entries = [entry for entry in self.entries if entry[0] in pks]
        return before - len(self.entries)

    def token(self):
        """The signed, compressed form of the list for a shared link: the offer ids and notes,
        nothing else. It carries no expiry, nor a timestamp (so one list always makes one link):
        a printed sheet keeps its QR code for months, and the link holds only public offers and
        what the sender chose to write; an offer taken offline later simply drops out when the
        link is opened."""
        return signer().sign_object([[pk, note] for pk, note in self.entries], compress=True)

    @classmethod
    def from_token(cls, token):
        if len(token) > TOKEN_MAX_LENGTH:
            raise BadToken
        try:
            return cls(clean_entries(signer().unsign_object(token)))
        except (signing.BadSignature, ValueError, UnicodeDecodeError) as error:
            raise BadToken from error


def published_items(family_list):
    """The list's published offers in its order, as (offer, note) pairs, with what a list shows
    of each fetched in a constant number of queries; and the ids of those no longer published."""
    if not family_list.entries:
        return [], set()
    offers = (
        Offer.objects.published()
        .filter(pk__in=family_list.ids)
        .select_related("provider")
        .defer(*not_in_lists())
        .prefetch_related(
            Prefetch(
                "offer_locations",
                queryset=OfferLocation.objects.select_related("location").prefetch_related("slots"),
            )
        )
    )
    found = {offer.pk: offer for offer in offers}
    items = [(found[pk], note) for pk, note in family_list.entries if pk in found]
    return items, set(family_list.ids) - set(found)
